// A name's page (`entity.njk`): a person, place or organisation several stories name (`entity-names.ts`), its stories, related names.
import type { Story } from '../../model.js';
import { compareText, plural } from '../format.js';
import { pageFile, pageTitle } from '../paginate.js';
import {
  ENTITY_KIND_LABELS, compareStories, entityKey, entityLink, entityUrl, latestDate, perIndex,
  type EntityPageInfo, type Index, type Page,
} from './common.js';
import { storiesAndArticles } from './source.js';

/** Each story's names that have a page, as `entityKey`s, by index: a story is read once, not once per name it holds. */
const storyNames = new WeakMap<Index, Map<string, readonly string[]>>();

function namesWithPages(index: Index, story: Story): readonly string[] {
  return perIndex(storyNames, index, story.id, () => story.entities.map((e) => entityKey(e.kind, e.name)).filter((key) => index.entityPages.has(key)));
}

/** Co-occurring names listed on an entity page. */
const RELATED_ENTITIES = 8;

/** A name's stories, newest first, paginated as a publisher's are; related names on every page. */
export function* entityPages(index: Index, info: EntityPageInfo): Generator<Page> {
  const stories = info.storyIds.flatMap((id) => {
    const story = index.stories.get(id);
    return story ? [story] : [];
  }).sort(compareStories);
  // The name's articles are counted, not listed: each is a source of one of its stories.
  const articleCount = info.articleIds.filter((id) => index.articles.has(id)).length;
  // Other names with pages that share a story with this one: most shared stories first, ties by name.
  const shared = new Map<string, number>();
  const own = entityKey(info.kind, info.name);
  for (const story of stories) {
    for (const key of namesWithPages(index, story)) {
      if (key !== own) shared.set(key, (shared.get(key) ?? 0) + 1);
    }
  }
  const related = [...shared]
    .flatMap(([key, count]) => {
      const other = index.entityPages.get(key);
      return other ? [{ other, count }] : [];
    })
    .sort((a, b) => b.count - a.count || compareText(a.other.name, b.other.name) || compareText(a.other.kind, b.other.kind))
    .slice(0, RELATED_ENTITIES)
    .map(({ other }) => entityLink(index, other));
  const kindLabel = ENTITY_KIND_LABELS[info.kind].one;
  const date = latestDate(stories);
  // Its stories only: each of the name's articles is one of their sources, a link away on the story's page (listed
  // here too, as on a publisher's page, it was the stories a second time: most stories are a single article).
  for (const page of storiesAndArticles(index, entityUrl(info.id), stories, [])) {
    const data = {
      layout: 'entity.njk',
      pageKind: 'entity',
      title: pageTitle(info.name, page.number),
      description: `${info.name} (${kindLabel.toLowerCase()}) in ${plural(stories.length, 'story', 'stories')} and ${plural(articleCount, 'article', 'articles')}.`,
      date,
      permalink: page.url,
      entityId: info.id,
      name: info.name,
      kind: kindLabel,
      storyLabel: plural(stories.length, 'story', 'stories'),
      articleLabel: plural(articleCount, 'article', 'articles'),
      // A name's page is an index of where it comes up: each story by its title, date and sources, without the
      // lead its topic and day pages give it (a story naming twenty people would carry it twenty times more).
      stories: page.stories.map((card) => ({ ...card, excerpt: '' })),
      related,
      pager: page.pager,
    };
    yield { file: pageFile(page.url), data, body: '' };
  }
}
