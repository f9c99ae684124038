// Quotes by speaker: the story's attributed quotes, one entry per remark however many sources carry it.
import type { Article, SpeakerQuotes } from '../model.js';
import { words } from '../text/sentences.js';

/** Two quotes sharing this much of their words (Jaccard) are the same remark, transcribed a little differently… */
const SAME_QUOTE_JACCARD = 0.7;
/** …as is a quote of at least SAME_QUOTE_MIN_WORDS words whose words are nearly all inside a longer one (a cut or an aside added). */
const SAME_QUOTE_CONTAINED = 0.85;
const SAME_QUOTE_MIN_WORDS = 8;

function wordSet(text: string): Set<string> {
  return new Set(words(text.toLowerCase()));
}

function sameQuote(a: string, b: string): boolean {
  const na = a.toLowerCase().replace(/\s+/g, ' ').trim();
  const nb = b.toLowerCase().replace(/\s+/g, ' ').trim();
  if (na.includes(nb) || nb.includes(na)) return true;
  const x = wordSet(a);
  const y = wordSet(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const union = x.size + y.size - shared;
  const smaller = Math.min(x.size, y.size);
  return (union > 0 && shared / union >= SAME_QUOTE_JACCARD) || (smaller >= SAME_QUOTE_MIN_WORDS && shared / smaller >= SAME_QUOTE_CONTAINED);
}

/**
 * Canonical speaker per name: a one-word name ("Earnest") becomes the only full name ending in it
 * elsewhere in the story ("Josh Earnest"); an ambiguous surname stays as it is.
 */
function canonicalSpeakers(names: readonly string[]): Map<string, string> {
  const full = [...new Set(names.filter((n) => n.trim().includes(' ')))];
  const out = new Map<string, string>();
  for (const name of new Set(names)) {
    const trimmed = name.trim();
    if (trimmed.includes(' ')) {
      out.set(name, trimmed);
      continue;
    }
    const matches = full.filter((f) => f.split(/\s+/).pop()?.toLowerCase() === trimmed.toLowerCase());
    out.set(name, matches.length === 1 ? matches[0]! : trimmed);
  }
  return out;
}

function surname(name: string): string {
  return (name.trim().split(/\s+/).pop() ?? '').toLowerCase();
}

/**
 * Speakers with the same surname who are credited with the same remark are one person named two ways
 * (seeds 000 and 002: "John Earnest" and "Josh Earnest" for one quote). The spelling more sources use
 * wins: first the story's articles that write it, then the whole run's (`nameSupport`: seed 001 also
 * writes "Josh Earnest", so one outlet's slip does not rename him), then the number of quotes.
 */
function mergeNamesakes(bySpeaker: Map<string, { text: string; articleIds: string[] }[]>, support: (name: string) => readonly number[]): void {
  const names = [...bySpeaker.keys()].sort();
  for (const a of names) {
    for (const b of names) {
      if (a >= b || !bySpeaker.has(a) || !bySpeaker.has(b) || surname(a) !== surname(b)) continue;
      const qa = bySpeaker.get(a)!;
      const qb = bySpeaker.get(b)!;
      if (!qa.some((x) => qb.some((y) => sameQuote(x.text, y.text)))) continue;
      const rank = (name: string, quotes: number): number[] => [...support(name), quotes];
      const ra = rank(a, qa.length), rb = rank(b, qb.length);
      const diff = ra.map((x, i) => x - (rb[i] ?? 0)).find((d) => d !== 0) ?? 0;
      const [keep, gone] = diff >= 0 ? [a, b] : [b, a];
      const target = bySpeaker.get(keep)!;
      for (const quote of bySpeaker.get(gone)!) {
        const same = target.find((q) => sameQuote(q.text, quote.text));
        if (!same) target.push(quote);
        else for (const id of quote.articleIds) if (!same.articleIds.includes(id)) same.articleIds.push(id);
      }
      bySpeaker.delete(gone);
    }
  }
}

/** How many articles of the whole run name each person (a spelling's support beyond one story). */
export type NameSupport = ReadonlyMap<string, number>;

export function quotesBySpeaker(articles: readonly Article[], nameSupport: NameSupport = new Map()): SpeakerQuotes[] {
  const all = articles.flatMap((a) => a.quotes.filter((q) => q.speaker !== null && q.text.trim() !== '').map((q) => ({ ...q, articleId: q.articleId || a.id })));
  const canonical = canonicalSpeakers(all.map((q) => q.speaker!));
  const bySpeaker = new Map<string, { text: string; articleIds: string[] }[]>();
  for (const quote of all) {
    const speaker = canonical.get(quote.speaker!) ?? quote.speaker!;
    const list = bySpeaker.get(speaker) ?? [];
    bySpeaker.set(speaker, list);
    const same = list.find((q) => sameQuote(q.text, quote.text));
    if (!same) list.push({ text: quote.text.trim(), articleIds: [quote.articleId] });
    else {
      if (!same.articleIds.includes(quote.articleId)) same.articleIds.push(quote.articleId);
      // Keep the fuller transcription.
      if (quote.text.trim().length > same.text.length) same.text = quote.text.trim();
    }
  }
  const inStory = (name: string): number => articles.filter((a) => a.text.includes(name) || a.title.includes(name)).length;
  mergeNamesakes(bySpeaker, (name) => [inStory(name), nameSupport.get(name) ?? 0]);
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const inStoryOrder = (ids: readonly string[]) => [...ids].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
  return [...bySpeaker.entries()]
    .map(([speaker, quotes]) => ({ speaker, quotes: quotes.map((q) => ({ text: q.text, articleIds: inStoryOrder(q.articleIds) })) }))
    .sort((a, b) => b.quotes.length - a.quotes.length || a.speaker.localeCompare(b.speaker));
}
