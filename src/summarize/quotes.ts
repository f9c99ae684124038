// Quotes by speaker: the story's attributed quotes, one entry per remark however many sources carry it, and the few a story page shows.
import type { Article, QuotesLeftOut, SpeakerQuotes } from '../model.js';
import { words } from '../text/sentences.js';
import { sourceKey } from './key-points.js';
import { QUOTE_DEPENDENT_OPENING_RE } from './patterns.js';

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

/** A person's surname, lower-cased; empty for an organisation's voice ("Pentagon spokesman"), which has none. */
function surname(name: string): string {
  const last = name.trim().split(/\s+/).pop() ?? '';
  return /^\p{Lu}/u.test(last) ? last.toLowerCase() : '';
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
      if (a >= b || !bySpeaker.has(a) || !bySpeaker.has(b) || surname(a) === '' || surname(a) !== surname(b)) continue;
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

/*
 * What a story page shows of them. A transcript-heavy story (an interview, a debate, a hearing) carries dozens of
 * quotes from a few speakers (99 from 8 on the BBC + Multi-News digest); a reader wants the few telling ones.
 */

/** Speakers shown: the few most reported. Four keep the section to one or two phone screens. */
export const MAX_SPEAKERS = 4;
/** Quotes shown per speaker: the two most telling; a third is where a section starts to read as a transcript. */
export const MAX_QUOTES_PER_SPEAKER = 2;
/** A shown quote has at least this many words: shorter ones say little alone ("I agree with Greg."). */
export const MIN_SHOWN_QUOTE_WORDS = 6;
/** …and at most this many: a longer passage is a stretch of transcript, not a quote read at a glance. */
export const MAX_SHOWN_QUOTE_WORDS = 60;
/** Quotes of this many words read best: a whole thought, shorter than a paragraph. Outside, a quote ranks lower. */
const READABLE_WORDS: readonly [number, number] = [10, 40];
/** A quote with this share of its words in a sentence the page already shows repeats it (no sentence twice on a page). */
const REPEAT_SHARE = 0.8;

interface Ranked {
  readonly speaker: string;
  readonly quote: SpeakerQuotes['quotes'][number];
  /** Distinct sources (publishers, else articles) carrying the quote. */
  readonly sources: number;
  /** A figure or a name beyond the first word: the quote says something specific. */
  readonly specific: number;
  readonly readable: number;
  /** Position among all the story's quotes, for ties. */
  readonly order: number;
}

/**
 * A fragment the reporter's sentence finished ("a limp rag doll", "the destruction of important records"): it does
 * not open a sentence. A quote opening on a bracketed insertion ("[Godzilla's] been working…") opens one.
 */
function isFragment(text: string): boolean {
  return !/^[[(]?[\p{Lu}\p{N}]/u.test(text);
}

function isSpecific(text: string): boolean {
  return /\p{N}/u.test(text) || /\s[[(“"‘']?\p{Lu}\p{Ll}/u.test(text.replace(/\s(?:I|I'm|I've|I'd|I'll)\b/g, ''));
}

/** True when most of the quote's words are in one sentence the page already shows (a summary sentence quoting it). */
function repeatsShown(text: string, shown: readonly Set<string>[]): boolean {
  const own = [...wordSet(text)];
  if (own.length === 0) return false;
  return shown.some((s) => own.filter((w) => s.has(w)).length / own.length >= REPEAT_SHARE);
}

/**
 * The quotes a story page shows, and a count of those it leaves out: at most MAX_SPEAKERS speakers and
 * MAX_QUOTES_PER_SPEAKER quotes each, chosen for what they add. A quote is never a repeat of a sentence the page
 * shows elsewhere (`shownSentences`: title, summary, key points, disagreements, timeline) or of a quote already
 * chosen; never a fragment, a passage over MAX_SHOWN_QUOTE_WORDS, or an opening that leans on an unshown sentence.
 * Among the rest, a quote more sources carry comes first, then one with specifics, then one of readable length, then
 * the earlier. Speakers are ranked by their best quote, then by how many they have. Left out are the quotes not
 * shown, bar the repeats (the page says those already).
 */
export function boundQuotes(groups: readonly SpeakerQuotes[], shownSentences: readonly string[], articles: readonly Article[]): { quotes: SpeakerQuotes[]; leftOut: QuotesLeftOut } {
  const sourceOf = new Map(articles.map((a) => [a.id, sourceKey(a)]));
  const shown = shownSentences.map(wordSet);
  const repeats = new Set<SpeakerQuotes['quotes'][number]>();
  const candidates = new Map<string, Ranked[]>();
  let order = 0;
  for (const group of groups) {
    const ranked: Ranked[] = [];
    for (const quote of group.quotes) {
      const n = words(quote.text).length;
      const at = order++;
      if (repeatsShown(quote.text, shown)) {
        repeats.add(quote);
        continue;
      }
      if (n < MIN_SHOWN_QUOTE_WORDS || n > MAX_SHOWN_QUOTE_WORDS || isFragment(quote.text) || QUOTE_DEPENDENT_OPENING_RE.test(quote.text)) continue;
      ranked.push({
        speaker: group.speaker,
        quote,
        sources: new Set(quote.articleIds.map((id) => sourceOf.get(id) ?? id)).size,
        specific: isSpecific(quote.text) ? 1 : 0,
        readable: n >= READABLE_WORDS[0] && n <= READABLE_WORDS[1] ? 1 : 0,
        order: at,
      });
    }
    ranked.sort((a, b) => b.sources - a.sources || b.specific - a.specific || b.readable - a.readable || a.order - b.order);
    if (ranked.length > 0) candidates.set(group.speaker, ranked);
  }
  const speakers = [...candidates.entries()].sort(([sa, a], [sb, b]) => {
    const x = a[0]!, y = b[0]!;
    return y.sources - x.sources || y.specific - x.specific || b.length - a.length || y.readable - x.readable || x.order - y.order || sa.localeCompare(sb);
  });
  const chosen = new Set<SpeakerQuotes['quotes'][number]>();
  const quotes: SpeakerQuotes[] = [];
  for (const [speaker, ranked] of speakers) {
    if (quotes.length >= MAX_SPEAKERS) break;
    const picked: Ranked[] = [];
    for (const r of ranked) {
      if (picked.length >= MAX_QUOTES_PER_SPEAKER) break;
      if ([...chosen].some((q) => sameQuote(q.text, r.quote.text))) continue;
      picked.push(r);
      chosen.add(r.quote);
    }
    if (picked.length > 0) quotes.push({ speaker, quotes: picked.sort((a, b) => a.order - b.order).map((r) => r.quote) });
  }
  const left = new Map<string, number>();
  for (const group of groups) {
    for (const quote of group.quotes) if (!chosen.has(quote) && !repeats.has(quote)) left.set(group.speaker, (left.get(group.speaker) ?? 0) + 1);
  }
  const leftSpeakers = [...left.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  return { quotes, leftOut: { quotes: [...left.values()].reduce((a, b) => a + b, 0), speakers: leftSpeakers } };
}
