// The sentences of a story's articles, with their place in the source, a TF-IDF vector and a usability verdict.
import type { Article } from '../model.js';
import { contentTerms } from '../group/features.js';
import { buildVocabulary, cosine, tfidfVector, type SparseVector } from '../group/vectors.js';
import { countWords, splitSentences } from '../text/sentences.js';
import { BOILERPLATE_RE, CLOSE_QUOTE_RE, MAX_SENTENCE_WORDS, MIN_SENTENCE_WORDS, OPEN_QUOTE_RE, QUESTION_RE } from './patterns.js';

/** Sentences read per article: the part of a news report that matters comes first (and it caps S² work). */
export const MAX_SENTENCES_PER_ARTICLE = 60;
/** Sentences per story in all, taken round-robin from the articles' leads. */
export const MAX_SENTENCES_PER_STORY = 800;

export interface SentenceUnit {
  /** Index in the story's unit list. */
  readonly index: number;
  readonly text: string;
  readonly articleId: string;
  /** The article's place in the story's article order. */
  readonly articleIndex: number;
  /** Sentence number within its article (0 = lead). */
  readonly position: number;
  readonly wordCount: number;
  readonly terms: readonly string[];
  readonly vector: SparseVector;
  /** Fit to appear in a summary or key point (not a question, fragment or boilerplate). */
  readonly usable: boolean;
  /**
   * Fit but for its opening, which leans on the sentence before it ("They…", "I'm…"): it may follow that
   * sentence in a summary, right after it, and appear nowhere alone.
   */
  readonly dependent: boolean;
}

function countMatches(text: string, re: RegExp): number {
  return (text.match(re) ?? []).length;
}

/** A quote cut off from its attribution, or a sentence that starts mid-thought, reads as a fragment alone. */
function isFragment(text: string): boolean {
  if (/^\p{Ll}/u.test(text)) return true;
  if (countMatches(text, /"/g) % 2 === 1) return true;
  // Two single quotes stand for an opening double quote in some sources (seed 000: ''It's ... hostilities,”).
  if (countMatches(text, /“|''/g) !== countMatches(text, /”/g)) return true;
  // A whole sentence in quotes with no attribution around it: whose words are they?
  const quoted = countMatches(text, OPEN_QUOTE_RE) + countMatches(text, CLOSE_QUOTE_RE) > 0;
  const unquoted = text.replace(/(?:[“"]|'')[^”"]*[”"]/g, '');
  return quoted && countWords(unquoted) < 2;
}

/** A short sentence opening on a connective leans on the one before it ("If anything, the opposite was true."). */
export const DEPENDENT_OPENING_RE = /^(?:But|And|Or|So|Yet|Still|Also|However|Instead|If anything|Even so|That|This|It)\b/;
const DEPENDENT_MAX_WORDS = 10;

/**
 * A sentence opening on a pronoun or connective whose referent is in the sentence before ("They are going to be
 * stopped.", "But the council…"), or on the first or second person outside quotation marks (a transcript's "I'm
 * having a good time doing it."): shown alone, a reader cannot tell who or what; another sentence is picked.
 */
export const UNRESOLVED_OPENING_RE = /^(?:["“‘']\s*)?(?:He|She|They|It|Its|His|Her|Their|Them|This|That|These|Those|There|But|And|Or|So|Yet|Also|However|Instead|Meanwhile|Still|Then|Thus|Moreover|Furthermore|Besides|Otherwise|Nevertheless|Such|Both|Neither|Either|Because|I|We|You|My|Our|Your|Me|Us)\b(?!-)/;
/** A sentence cut off by the page ("The difference is that Mr. Trump has..."): never shown. */
const TRUNCATED_RE = /(?:\.{3}|…)["”’']?\s*$/;

export function isUsableSentence(text: string, wordCount: number): boolean {
  return !UNRESOLVED_OPENING_RE.test(text) && isWholeSentence(text, wordCount);
}

/** A whole sentence of the right length: no question, fragment, cut-off end or boilerplate. */
function isWholeSentence(text: string, wordCount: number): boolean {
  if (wordCount < MIN_SENTENCE_WORDS || wordCount > MAX_SENTENCE_WORDS) return false;
  if (wordCount <= DEPENDENT_MAX_WORDS && DEPENDENT_OPENING_RE.test(text)) return false;
  if (TRUNCATED_RE.test(text)) return false;
  if (QUESTION_RE.test(text)) return false;
  if (BOILERPLATE_RE.test(text)) return false;
  return !isFragment(text);
}

/**
 * A dateline opening a report's first sentence ("WASHINGTON (AP) —", "Washington: ", "LONDON, March 3 (Reuters) -",
 * "Dec 17 (Reuters) -", a bare "(CNN) --", "DUBAI, United Arab Emirates —", "WOODLAND HILLS >>"):
 * where the story was filed, not part of what a summary says. The rest is still a run of the article's text.
 */
const SENTENCE_DATELINE_RE = /^(?:(?:[\p{Lu}][\p{Lu}\p{L}\d.' -]{1,40}(?:,\s*[\p{L}.]+\s*\d{0,2})?\s*)?\((?:AP|Reuters|CNN|AFP|UPI|dpa|Xinhua|[\p{Lu}][\p{L}.]{1,15}(?:\.com)?)\)\s*(?:[-—–:]+\s*)?|[\p{Lu}][\p{Lu} .']{2,30}(?:,\s*[\p{L}.][\p{L}. ]{1,30})?\s*(?:—|–|-{1,2}|>>|»)\s+|[\p{Lu}][\p{Ll}]+(?: [\p{Lu}][\p{Ll}]+)?:\s+(?=[\p{Lu}]))/u;

function withoutDateline(sentence: string): string {
  const rest = sentence.replace(SENTENCE_DATELINE_RE, '');
  return rest !== sentence && /^[\p{Lu}\p{N}“"‘']/u.test(rest) && countWords(rest) >= MIN_SENTENCE_WORDS ? rest : sentence;
}

/** Lower-case dotted abbreviations the shared splitter ends a sentence at ("5 p.m. Sunday", "a.m. Monday"). */
const LOWERCASE_ABBREVIATION_END_RE = /\b(?:[a-z]\.){2,}$/;

/** Re-joins sentences split after "p.m." and the like, so "Sunday and waited…" does not stand alone. */
function rejoinAbbreviations(sentences: readonly string[]): string[] {
  const out: string[] = [];
  for (const sentence of sentences) {
    const last = out[out.length - 1];
    if (last !== undefined && LOWERCASE_ABBREVIATION_END_RE.test(last)) out[out.length - 1] = `${last} ${sentence}`;
    else out.push(sentence);
  }
  return out;
}

/** A paragraph that opens in lower case continues the one before it. */
const CONTINUATION_START_RE = /^\p{Ll}/u;
/** A paragraph ending on a comma, a dash or a function word stops mid-sentence. */
const UNFINISHED_END_RE = /(?:[,;:\u2013\u2014-]|\b(?:a|an|the|of|to|in|on|at|by|for|from|with|and|or|but|as|that|which|who|its|their|his|her))$/u;
const FINISHED_END_RE = /[.!?]["'”’)\]]*$/;

/**
 * Hard-wrapped text (a PDF letter pasted as one line per paragraph, Multi-News lb030) cuts every sentence
 * at a line end, leaving fragments the summary must skip. A paragraph without a full stop is joined to
 * the next when that one opens in lower case or the first stops on a comma or a function word. Joined
 * with a space, so each sentence is still found in the article's text.
 */
export function joinWrappedParagraphs(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    const last = out[out.length - 1];
    const joins = last !== undefined && !FINISHED_END_RE.test(last) && (CONTINUATION_START_RE.test(paragraph) || UNFINISHED_END_RE.test(last));
    if (joins) out[out.length - 1] = `${last} ${paragraph}`;
    else out.push(paragraph);
  }
  return out;
}

/** Units of all articles, in article order then position; vectors share one story-wide vocabulary. */
export function sentenceUnits(articles: readonly Article[]): SentenceUnit[] {
  const perArticle = articles.map((article) =>
    joinWrappedParagraphs(article.paragraphs)
      .flatMap((p) => rejoinAbbreviations(splitSentences(p)))
      .slice(0, MAX_SENTENCES_PER_ARTICLE)
      .map(withoutDateline),
  );
  // Round-robin by position so a cap keeps every source's lead rather than one long article.
  const picked: { articleIndex: number; position: number; text: string }[] = [];
  const longest = Math.max(0, ...perArticle.map((s) => s.length));
  for (let position = 0; position < longest && picked.length < MAX_SENTENCES_PER_STORY; position++) {
    perArticle.forEach((sentences, articleIndex) => {
      const text = sentences[position];
      if (text !== undefined && picked.length < MAX_SENTENCES_PER_STORY) picked.push({ articleIndex, position, text });
    });
  }
  picked.sort((a, b) => a.articleIndex - b.articleIndex || a.position - b.position);
  const termLists = picked.map((p) => contentTerms(p.text));
  const counts = termLists.map((terms) => {
    const m = new Map<string, number>();
    for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });
  const vocab = buildVocabulary(counts);
  return picked.map((p, index) => {
    const wordCount = countWords(p.text);
    // Usable, or dependent: whole either way, told apart by the opening.
    const whole = isWholeSentence(p.text, wordCount);
    const leaning = UNRESOLVED_OPENING_RE.test(p.text);
    return {
      index,
      text: p.text,
      articleId: articles[p.articleIndex]!.id,
      articleIndex: p.articleIndex,
      position: p.position,
      wordCount,
      terms: termLists[index]!,
      vector: tfidfVector(counts[index]!, vocab),
      usable: whole && !leaning,
      dependent: whole && leaning,
    };
  });
}

/** Cosine of two units, memoised in a dense matrix (a story's units are capped, so S² is bounded). */
export function similarityMatrix(units: readonly SentenceUnit[]): (i: number, j: number) => number {
  const n = units.length;
  const cache = new Float32Array(n * n).fill(-1);
  return (i, j) => {
    if (i === j) return 1;
    const k = i < j ? i * n + j : j * n + i;
    let v = cache[k] ?? -1;
    if (v < 0) {
      v = cosine(units[i]!.vector, units[j]!.vector);
      cache[k] = v;
    }
    return v;
  };
}
