// Test helpers: the hand-made fixture digest, a hostile variant of it, a digest big enough to paginate, and tree comparison.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Article, Digest, Entity, Story, Topic } from '../../src/model.js';
import { listFiles } from '../helpers.js';

const FIXTURE = new URL('../fixtures/digest/digest.json', import.meta.url);

/** Strings that must come out of the site as visible text, never as markup, links or template output. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  link: '[x](javascript:alert(1))',
  autolink: '<javascript:alert(1)>',
  template: '{{ 7*7 }}',
  tag: '{% raw %}',
  heading: '# not a heading',
  rule: '---',
  emphasis: '*not emphasis* _nor this_',
  entity: '&lt;b&gt; &amp;',
} as const;

const ALL = Object.values(HOSTILE).join(' ');

export function loadFixtureDigest(): Digest {
  return JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Digest;
}

/** The article `withThirdStory` adds, and its story's id. */
export const THIRD_ARTICLE_ID = 'ferry-fares-frozen-for-summer-5e6f70';
export const THIRD_STORY_ID = 'ferry-fares-frozen-def789';

/**
 * The fixture with a third story (one Coast News article in the civic-services topic) naming Ana Ruiz and
 * `people`: Ana Ruiz is then in three stories from three publishers, which earns a name its page.
 */
export function withThirdStory(digest: Digest, people: readonly Entity[] = []): Digest {
  const entities: Entity[] = [{ name: 'Ana Ruiz', kind: 'person', count: 1 }, ...people];
  const article: Article = {
    ...(digest.articles[1] as Article),
    id: THIRD_ARTICLE_ID,
    file: 'coast-news-fares.md',
    title: 'Ferry fares frozen for the summer',
    publisher: 'Coast News',
    date: '2024-03-06',
    text: 'Ferry fares will not rise this summer, the council said.\n\nMayor Ana Ruiz said the freeze would help commuters.',
    paragraphs: ['Ferry fares will not rise this summer, the council said.', 'Mayor Ana Ruiz said the freeze would help commuters.'],
    wordCount: 19,
    entities,
    quotes: [],
    hash: '5555555555555555555555555555555555555555',
  };
  const story: Story = {
    ...(digest.stories[1] as Story),
    id: THIRD_STORY_ID,
    title: 'Ferry fares frozen',
    articleIds: [article.id],
    summary: 'Ferry fares will not rise this summer, the council said.',
    summarySentences: [{ text: 'Ferry fares will not rise this summer, the council said.', articleIds: [article.id] }],
    publishers: ['Coast News'],
    entities,
    date: '2024-03-06',
  };
  return {
    ...digest,
    articles: [...digest.articles, article],
    stories: [...digest.stories, story],
    topics: digest.topics.map((t) => (t.id === story.topicId ? { ...t, storyIds: [...t.storyIds, story.id] } : t)),
  };
}

/** The fixture with hostile text in every field that reaches a page. */
export function hostileDigest(): Digest {
  const digest = loadFixtureDigest();
  return {
    ...digest,
    site: { ...digest.site, title: `Desk ${HOSTILE.script}`, description: `About ${HOSTILE.template} ${HOSTILE.img}` },
    articles: digest.articles.map((a, i) => ({
      ...a,
      title: i === 0 ? `${HOSTILE.script} ${HOSTILE.template}` : `${a.title}: "${HOSTILE.tag}"`,
      standfirst: `${HOSTILE.img} ${HOSTILE.link}`,
      publisher: i === 1 ? `Evil ${HOSTILE.img}` : a.publisher,
      url: i === 0 ? 'javascript:alert(1)' : a.url,
      text: [`${HOSTILE.rule}`, `${HOSTILE.heading}`, ALL, `${HOSTILE.link} then ${HOSTILE.autolink}`].join('\n\n'),
      paragraphs: [HOSTILE.rule, HOSTILE.heading, ALL, `${HOSTILE.link} then ${HOSTILE.autolink}`],
      quotes: a.quotes.map((q) => ({ ...q, text: `${q.text} ${HOSTILE.script}` })),
    })),
    stories: digest.stories.map((s) => ({
      ...s,
      title: `${s.title} ${HOSTILE.template}`,
      summary: `${HOSTILE.rule} ${ALL}`,
      summarySentences: s.summarySentences.map((c, i) => ({ ...c, text: i === 0 ? `${HOSTILE.rule} ${HOSTILE.heading}` : `${c.text} ${ALL}` })),
      keyPoints: s.keyPoints.map((k) => ({ ...k, text: `${k.text} ${HOSTILE.link}` })),
      disagreements: s.disagreements.map((d) => ({
        about: `${d.about} ${HOSTILE.img}`,
        claims: d.claims.map((c) => ({ ...c, text: `${c.text} ${HOSTILE.script}` })),
      })),
      quotes: s.quotes.map((g) => ({
        speaker: `${g.speaker} ${HOSTILE.tag}`,
        quotes: g.quotes.map((q) => ({ ...q, text: `${q.text} ${HOSTILE.template}` })),
      })),
      timeline: s.timeline.map((t) => ({ ...t, text: `${t.text} ${HOSTILE.autolink}` })),
    })),
    topics: digest.topics.map((t) => ({ ...t, label: `${t.label} ${HOSTILE.script}`, summary: ALL })),
    diagnostics: [{ file: `${HOSTILE.img}.txt`, severity: 'error', message: HOSTILE.script }],
  };
}

/**
 * A made-up digest whose every list outgrows one page: 600 articles (150 from one wire, a quarter of the rest
 * with no publisher, the rest from 59 outlets), two per story; 130 topics (the first with 60 stories); a name
 * in every story, 100 places in three stories each, 7 organisations; 250 inputs left out.
 */
export function largeDigest(): Digest {
  const ARTICLES = 600;
  const dayOf = (i: number): string | null => (i % 13 === 12 ? null : `2024-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}`);
  const storyEntities = (j: number): Entity[] => [
    { name: 'Everett Quinn', kind: 'person', count: 1 },
    { name: `Place ${j % 100}`, kind: 'place', count: 1 },
    { name: `Org ${j % 7}`, kind: 'organization', count: 1 },
  ];
  const articles: Article[] = Array.from({ length: ARTICLES }, (_, i) => {
    const id = `article-${String(i).padStart(4, '0')}-a${String(i).padStart(5, '0')}`;
    return {
      id,
      file: `${id}.txt`,
      format: 'text',
      title: `Article number ${i}`,
      titleSource: 'headline',
      standfirst: null,
      publisher: i < 150 ? 'Big Wire' : i % 4 === 0 ? null : `Outlet ${i % 59}`,
      agencies: [],
      url: null,
      date: dayOf(i),
      language: 'en',
      text: `Text of article ${i}.`,
      paragraphs: [`Text of article ${i}.`],
      wordCount: 4,
      entities: storyEntities(Math.floor(i / 2)),
      quotes: [],
      hash: String(i).padStart(40, '0'),
    };
  });
  const topicOf = (j: number): number => (j < 60 ? 0 : 1 + (j % 129));
  const topicId = (t: number): string => `topic-${String(t).padStart(3, '0')}-t${String(t).padStart(5, '0')}`;
  const stories: Story[] = Array.from({ length: ARTICLES / 2 }, (_, j) => ({
    id: `story-${String(j).padStart(3, '0')}-s${String(j).padStart(5, '0')}`,
    title: `Story number ${j}`,
    articleIds: [articles[2 * j]?.id ?? '', articles[2 * j + 1]?.id ?? ''],
    summary: `Summary of story ${j}.`,
    summarySentences: [],
    keyPoints: [],
    disagreements: [],
    quotes: [],
    quotesLeftOut: { quotes: 0, speakers: [] },
    timeline: [],
    publishers: [],
    entities: storyEntities(j),
    // The model's story date: the earliest of its articles' dates.
    date: [dayOf(2 * j), dayOf(2 * j + 1)].filter((d) => d !== null).sort()[0] ?? null,
    topicId: topicId(topicOf(j)),
  }));
  const topics: Topic[] = Array.from({ length: 130 }, (_, t) => ({
    id: topicId(t),
    label: `Topic ${t}`,
    storyIds: stories.filter((_, j) => topicOf(j) === t).map((s) => s.id),
    summary: `Summary of topic ${t}.`,
    entities: [],
  }));
  return {
    site: { title: 'Big Desk', description: 'A digest with long lists.', baseUrl: null, language: 'en' },
    articles,
    stories,
    topics,
    duplicates: [],
    diagnostics: Array.from({ length: 250 }, (_, k) => ({ file: `bad/${String(k).padStart(3, '0')}.txt`, severity: 'error' as const, message: 'no article text' })),
  };
}

export function makeTempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `roundup-${label}-`));
}

/** Every file under `dir` as relative path → bytes (as a latin1 string, so equality is byte equality). */
export function readTree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('latin1')]));
}
