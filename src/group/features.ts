// Evidence one article offers for "same event": content terms, word shingles, numbers, names, stated days.
import type { Article } from '../model.js';
import { splitSentences, words } from '../text/sentences.js';
import { stoplist } from '../clean/language.js';
import { sortedDistinct } from './shingle-table.js';
import { CAPITALISED_NON_NAMES, MONTH_DAY_RE, NUMBER_RE, STOPWORDS, WEEKDAY_RE, YEAR_RE } from './patterns.js';

/** Word n-gram length of a shingle: five words rarely repeat by chance but survive light rewording around a quote. */
export const SHINGLE_WORDS = 5;
/**
 * Only the first words of the body are read: a report names its event, people and quotes up front, while
 * the tail of a long page (background, a reference list) makes unrelated long pages look alike. Reading
 * 600 words lifted pooled Multi-News B3 F1 0.884 -> 0.889 and BBC topic purity 0.975 -> 0.980, and bounds
 * each article's shingles for large corpora.
 */
const FEATURE_WORDS = 600;
/** The headline says what the event is; its terms count as much as this many body mentions. */
const TITLE_WEIGHT = 2;

const MONTHS: Readonly<Record<string, string>> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', sept: '09',
  oct: '10', nov: '11', dec: '12',
};

/**
 * Term strings → integer ids, in order of first sight over one corpus read in a fixed order (so ids are
 * deterministic). Each distinct term's text is stored once here instead of once per article: per-article
 * string maps were most of grouping's memory (16 KB of ~37 KB per article at 10k, scripts/dev-group-scale.mjs).
 */
export class TermDictionary {
  readonly termId = new Map<string, number>();

  idOf(term: string): number {
    let id = this.termId.get(term);
    if (id === undefined) {
      id = this.termId.size;
      this.termId.set(term, id);
    }
    return id;
  }
}

export interface ArticleFeatures {
  readonly id: string;
  readonly date: string | null;
  /** Stemmed content terms (ids in the corpus's `TermDictionary`), distinct, in order of first sight in the text… */
  readonly termIds: Int32Array;
  /** …and their counts (title words count TITLE_WEIGHT times). */
  readonly termCounts: Uint32Array;
  /** 32-bit hashes of the article's distinct word 5-grams, sorted (compact for large corpora). */
  readonly shingles: Uint32Array;
  /** The same hashes in text order (with repeats), to find the longest passage two articles share verbatim. */
  readonly shingleSequence: Uint32Array;
  readonly numbers: ReadonlySet<string>;
  readonly names: ReadonlySet<string>;
  readonly weekdays: ReadonlySet<string>;
  /** Calendar days the text states, as MM-DD. */
  readonly monthDays: ReadonlySet<string>;
  /** The headline's content terms (stemmed), and the headline itself, normalised, to tell a repeated site title. */
  readonly titleTerms: ReadonlySet<string>;
  readonly titleKey: string;
}

/** Plural and possessive endings off, so "talks"/"talk" and "Russia's"/"Russia" meet; deliberately light. */
export function stemWord(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'");
  w = w.replace(/'s$/, '').replace(/'$/, '');
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/**
 * Content terms of a text: stemmed words that are neither stopwords nor bare numbers. `more` adds the stop words
 * of the text's own language: two unrelated German pages shared "und", "der" and "nicht" as if they were content.
 */
export function contentTerms(text: string, more: ReadonlySet<string> | null = null): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    const lower = word.toLowerCase();
    if (lower.length < 2 || STOPWORDS.has(lower) || more?.has(lower) || /^\d+$/.test(lower)) continue;
    const stem = stemWord(lower);
    if (!STOPWORDS.has(stem)) out.push(stem);
  }
  return out;
}

/** The stop words of an article's language beside the English ones, or null for English or an unknown language. */
function languageStopwords(language: string | null): ReadonlySet<string> | null {
  return language && language !== 'en' ? stoplist(language) : null;
}

/** FNV-1a, 32 bits: a compact key for a shingle; a rare collision only adds a little noise to a count. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function shingleSequenceOf(text: string, more: ReadonlySet<string> | null): Uint32Array {
  const tokens = words(text).map((w) => w.toLowerCase().replace(/’/g, "'"));
  const out: number[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= tokens.length; i++) {
    const gram = tokens.slice(i, i + SHINGLE_WORDS);
    // Five function words ("one of the most of") match by chance, not because two reports share a source;
    // 0 marks them so they neither match nor extend a shared passage.
    out.push(gram.every((t) => STOPWORDS.has(t) || more?.has(t)) ? 0 : hashString(gram.join(' ')) || 1);
  }
  return Uint32Array.from(out);
}

/** Languages that capitalise every noun: there a capital inside a sentence is no sign of a name. */
const NOUN_CAPITALISING = new Set(['de', 'lb']);

/** Capitalised words inside sentences: the proper nouns of the text, for when extract found no entities. */
function properNouns(paragraphs: readonly string[], language: string | null): Set<string> {
  const out = new Set<string>();
  if (language && NOUN_CAPITALISING.has(language)) return out;
  for (const paragraph of paragraphs) {
    for (const sentence of splitSentences(paragraph)) {
      const tokens = words(sentence);
      for (let i = 1; i < tokens.length; i++) {
        const token = tokens[i] ?? '';
        if (!/^\p{Lu}\p{Ll}+/u.test(token)) continue;
        const lower = stemWord(token);
        if (lower.length < 3 || CAPITALISED_NON_NAMES.has(lower) || STOPWORDS.has(lower)) continue;
        out.add(lower);
      }
    }
  }
  return out;
}

/** Proper nouns of the text plus extract's entities (which may be empty or partial): grouping must not depend on either alone. */
function namesOf(article: Article): Set<string> {
  const out = properNouns([article.title, ...article.paragraphs], article.language);
  for (const entity of article.entities) for (const term of contentTerms(entity.name)) if (term.length > 2) out.add(term);
  return out;
}

function monthDaysOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(MONTH_DAY_RE)) {
    const month = MONTHS[(m[1] ?? m[4] ?? '').toLowerCase()];
    const day = Number(m[2] ?? m[3]);
    if (month && day >= 1 && day <= 31) out.add(`${month}-${String(day).padStart(2, '0')}`);
  }
  return out;
}

/** The text up to its `maxWords`-th word. */
function leadOf(text: string, maxWords: number): string {
  let count = 0;
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (++count > maxWords) return text.slice(0, m.index);
  }
  return text;
}

/**
 * An article's features in a plain, compact form that does not depend on the run (terms as text, not
 * dictionary ids): computed beside clean and extract in the worker threads and kept in the article's cache
 * entry, so a rebuild reads them instead of tokenising every article again (two fifths of grouping's time).
 */
export interface StoredFeatures {
  /** Distinct stemmed content terms in order of first sight, space-separated (terms hold no spaces)… */
  readonly terms: string;
  /** …and their counts. */
  readonly counts: readonly number[];
  /** The shingle hashes in text order, as base64 of their 32-bit little-endian words. */
  readonly sequence: string;
  readonly numbers: readonly string[];
  readonly names: readonly string[];
  readonly weekdays: readonly string[];
  readonly monthDays: readonly string[];
}

function encodeWords(values: Uint32Array): string {
  const bytes = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => bytes.writeUInt32LE(v, i * 4));
  return bytes.toString('base64');
}

function decodeWords(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readUInt32LE(i * 4);
  return out;
}

/** Everything `storeFeatures` reads of an article, as one string: equal strings, equal stored features. */
export function featureInputs(article: Article): string {
  const body = article.paragraphs.length > 0 ? article.paragraphs : [article.text];
  return JSON.stringify([article.title, article.language, body, article.entities.map((e) => e.name)]);
}

/** The features of `article` in their stored form (`featureInputs` lists what they are made of). */
export function storeFeatures(article: Article): StoredFeatures {
  const fullBody = article.paragraphs.length > 0 ? article.paragraphs.join('\n\n') : article.text;
  const body = leadOf(fullBody, FEATURE_WORDS);
  const terms = new Map<string, number>();
  const stop = languageStopwords(article.language);
  for (const t of contentTerms(article.title, stop)) terms.set(t, (terms.get(t) ?? 0) + TITLE_WEIGHT);
  for (const t of contentTerms(body, stop)) terms.set(t, (terms.get(t) ?? 0) + 1);
  const full = `${article.title}\n\n${body}`;
  const numbers = new Set<string>();
  for (const m of full.matchAll(NUMBER_RE)) {
    const value = m[0].replace(/,/g, '');
    if (!YEAR_RE.test(value)) numbers.add(value);
  }
  const weekdays = new Set<string>();
  for (const m of full.matchAll(WEEKDAY_RE)) weekdays.add((m[1] ?? '').toLowerCase());
  return {
    terms: [...terms.keys()].join(' '),
    counts: [...terms.values()],
    sequence: encodeWords(shingleSequenceOf(full, stop)),
    numbers: [...numbers],
    names: [...namesOf(article)],
    weekdays: [...weekdays],
    monthDays: [...monthDaysOf(full)],
  };
}

/** The features of `article` from their stored form, term ids from `dictionary` (assigned in order of first sight). */
export function loadFeatures(stored: StoredFeatures, article: Article, dictionary: TermDictionary): ArticleFeatures {
  const terms = stored.terms === '' ? [] : stored.terms.split(' ');
  const termIds = new Int32Array(terms.length);
  terms.forEach((term, k) => (termIds[k] = dictionary.idOf(term)));
  const shingleSequence = decodeWords(stored.sequence);
  return {
    id: article.id,
    date: article.date,
    termIds,
    termCounts: Uint32Array.from(stored.counts),
    shingles: sortedDistinct(shingleSequence),
    shingleSequence,
    numbers: new Set(stored.numbers),
    names: new Set(stored.names),
    weekdays: new Set(stored.weekdays),
    monthDays: new Set(stored.monthDays),
    titleTerms: new Set(contentTerms(article.title, languageStopwords(article.language))),
    titleKey: article.title.toLowerCase().replace(/\s+/g, ' ').trim(),
  };
}

export function extractFeatures(article: Article, dictionary: TermDictionary = new TermDictionary()): ArticleFeatures {
  return loadFeatures(storeFeatures(article), article, dictionary);
}
