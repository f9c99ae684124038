// Topic label and summary: the names its stories share, and the lead of each story in time order.
import type { Article, Entity, Story } from '../model.js';
import { contentTerms } from '../group/features.js';
import { countWords, words } from '../text/sentences.js';
import { headlineOf } from './title.js';

const LABEL_PEOPLE = 2;
const LABEL_OTHERS = 2;
/** Fallback label words, when no story has entities: the stories' most shared title words. */
const LABEL_TERMS = 3;

/** Entities merged by kind and lower-cased name; counts summed; sorted by count, then name. */
export function mergeEntities(lists: readonly (readonly Entity[])[]): Entity[] {
  const merged = new Map<string, Entity>();
  for (const list of lists) {
    for (const e of list) {
      const key = `${e.kind}:${e.name.toLowerCase()}`;
      const prior = merged.get(key);
      merged.set(key, prior ? { ...prior, count: prior.count + e.count } : { name: e.name, kind: e.kind, count: e.count });
    }
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
}

/** Entities ranked by how many stories name them (then total mentions); shared ones only when there are several stories. */
function sharedEntities(stories: readonly Story[]): Entity[] {
  const storyCount = new Map<string, number>();
  for (const s of stories) for (const key of new Set(s.entities.map((e) => `${e.kind}:${e.name.toLowerCase()}`))) storyCount.set(key, (storyCount.get(key) ?? 0) + 1);
  const minStories = stories.length >= 2 ? 2 : 1;
  return mergeEntities(stories.map((s) => s.entities))
    .filter((e) => (storyCount.get(`${e.kind}:${e.name.toLowerCase()}`) ?? 0) >= minStories)
    .sort((a, b) => (storyCount.get(`${b.kind}:${b.name.toLowerCase()}`) ?? 0) - (storyCount.get(`${a.kind}:${a.name.toLowerCase()}`) ?? 0) || b.count - a.count || a.name.localeCompare(b.name));
}

/** "Barack Obama, Vladimir Putin · Syria": people first, then places and organisations. */
export function topicLabel(stories: readonly Story[]): string {
  const shared = sharedEntities(stories);
  const people = shared.filter((e) => e.kind === 'person').slice(0, LABEL_PEOPLE).map((e) => e.name);
  const others = shared.filter((e) => e.kind !== 'person').slice(0, LABEL_OTHERS).map((e) => e.name);
  const parts = [people.join(', '), others.join(', ')].filter(Boolean);
  if (parts.length > 0) return parts.join(' · ');
  if (stories.length === 1) return stories[0]!.title;
  // No entities yet (extract may not fill them): the capitalised title words most stories share.
  const counts = new Map<string, { word: string; n: number }>();
  for (const s of stories) {
    const seen = new Set<string>();
    for (const word of words(headlineOf(s.title))) {
      const [term] = contentTerms(word);
      if (!term || seen.has(term) || !/^\p{Lu}/u.test(word)) continue;
      seen.add(term);
      counts.set(term, { word: counts.get(term)?.word ?? word, n: (counts.get(term)?.n ?? 0) + 1 });
    }
  }
  const top = [...counts.values()].filter((c) => c.n >= 2).sort((a, b) => b.n - a.n || a.word.localeCompare(b.word)).slice(0, LABEL_TERMS);
  return top.length > 0 ? top.map((c) => c.word).join(', ') : stories[0]?.title ?? 'Topic';
}

/** Round-robin over the stories (oldest first): each story's first summary sentence, then its second, within the budget. */
export function topicSummary(stories: readonly Story[], budget: number): string {
  const ordered = [...stories].sort((a, b) => (a.date ?? '9999') .localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
  const picked: { story: number; rank: number; text: string }[] = [];
  let used = 0;
  const longest = Math.max(0, ...ordered.map((s) => s.summarySentences.length));
  for (let rank = 0; rank < longest; rank++) {
    ordered.forEach((story, i) => {
      const text = story.summarySentences[rank]?.text;
      if (!text) return;
      const n = countWords(text);
      if (used + n > budget) return;
      picked.push({ story: i, rank, text });
      used += n;
    });
  }
  return picked.sort((a, b) => a.story - b.story || a.rank - b.rank).map((p) => p.text).join(' ');
}

export function topicEntities(stories: readonly Story[], _articles: readonly Article[]): Entity[] {
  return mergeEntities(stories.map((s) => s.entities));
}
