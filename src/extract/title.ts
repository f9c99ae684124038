// The article's title by an ordered fallback chain (declared → page metadata → page title → headline → standfirst → first sentence), chrome removed.
import { DECLARED_PREFIX } from '../ingest/declared.js';
import type { Article, MetaCandidate } from '../model.js';
import { nearestBylineIndex } from './byline.js';
import { splitSiteName } from './publisher.js';
import { splitSentences } from '../text/sentences.js';
import { LEAD_DATELINE_RE } from '../text/patterns.js';
import {
  FIRST_SENTENCE_TITLE_WORDS,
  MASTHEAD_MAX_WORDS,
  MASTHEAD_RE,
  STANDFIRST_TITLE_WORDS,
  TITLE_MIN_WORDS,
  TITLE_SEPARATOR_RE,
} from './patterns.js';

export type TitleSource = Article['titleSource'];

export interface TitleResult {
  readonly title: string;
  readonly source: TitleSource;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Letters and digits only, lower-cased: "ASHARQ AL-AWSAT" and "Asharq Al-awsat" compare equal. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A segment beside the headline that names the site: the publisher, an all-caps or archive/edition/year masthead. */
function isMasthead(segment: string, publisher: string | null): boolean {
  const key = squash(segment);
  if (!key) return true;
  if (publisher) {
    const pub = squash(publisher);
    if (pub && (key.includes(pub) || pub.includes(key))) return true;
  }
  const letters = segment.replace(/[^\p{L}]/gu, '');
  const allCaps = letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  if (allCaps && wordCount(segment) <= MASTHEAD_MAX_WORDS) return true;
  return MASTHEAD_RE.test(segment) && wordCount(segment) <= MASTHEAD_MAX_WORDS + 2;
}

/** Drops site chrome at either end ("Headline | Site", "Site - Headline") while a real headline remains. */
export function stripTitleChrome(title: string, publisher: string | null): string {
  const segments = title.replace(/\s+/g, ' ').trim().split(TITLE_SEPARATOR_RE);
  if (segments.length < 2) return segments[0] ?? '';
  const separators = title.replace(/\s+/g, ' ').trim().match(new RegExp(TITLE_SEPARATOR_RE.source, 'g')) ?? [];
  let first = 0;
  let last = segments.length - 1;
  const remaining = (): string => segments.slice(first, last + 1).join(' ');
  while (last > first && isMasthead(segments[last] ?? '', publisher) && wordCount(segments.slice(first, last).join(' ')) >= TITLE_MIN_WORDS) last--;
  while (last > first && isMasthead(segments[first] ?? '', publisher) && wordCount(segments.slice(first + 1, last + 1).join(' ')) >= TITLE_MIN_WORDS) first++;
  if (first === 0 && last === segments.length - 1) return title.replace(/\s+/g, ' ').trim();
  // Keep the original separators between the segments that stay ("Syria - the talks - day two").
  let out = segments[first] ?? '';
  for (let i = first + 1; i <= last; i++) out += (separators[i - 1] ?? ' ') + (segments[i] ?? '');
  return out.trim() || remaining();
}

/** The first `max` words of `text`, cut at a word boundary and marked with an ellipsis when cut. */
export function trimWords(text: string, max: number): string {
  const tokens = text.replace(/\s+/g, ' ').trim().split(' ');
  if (tokens.length <= max) return tokens.join(' ');
  return `${tokens.slice(0, max).join(' ').replace(/[\s,;:—–-]+$/, '')}…`;
}

function usable(text: string | null): string | null {
  const trimmed = text?.replace(/\s+/g, ' ').trim() ?? '';
  return /[\p{L}\p{N}]/u.test(trimmed) ? trimmed : null;
}

/** A title and where it came from, for the digest's provenance. */
export interface ChosenTitle extends TitleResult {
  readonly provenance: string;
  /** The raw line index the headline was read from, when it was one of the text's lines. */
  readonly line: number | null;
}

/** Lower-case words of a title or line, for comparing them. */
function titleTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Token F1 of two titles ("Emirates inks order for 30 Boeing 787 jets" against its longer <h1>). */
export function titleSimilarity(a: string, b: string): number {
  const x = titleTokens(a);
  const y = titleTokens(b);
  if (!x.length || !y.length) return 0;
  const left = new Map<string, number>();
  for (const w of y) left.set(w, (left.get(w) ?? 0) + 1);
  let hit = 0;
  for (const w of x) {
    const n = left.get(w) ?? 0;
    if (n > 0) { hit++; left.set(w, n - 1); }
  }
  return (2 * hit) / (x.length + y.length);
}

/** Letters a word is compared by: short headlines inflect their words otherwise than the text ("regulator", "regulators"). */
const STEM_CHARS = 5;

const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The share of a title's content (words over two letters; CJK character pairs) that the article's text holds. */
export function bodyOverlap(title: string, body: string): number {
  const lower = body.toLowerCase();
  if (CJK_RE.test(title)) {
    const chars = [...title.replace(/[^\p{L}\p{N}]/gu, '')];
    const pairs = chars.slice(1).map((c, i) => `${chars[i]}${c}`.toLowerCase());
    return pairs.length ? pairs.filter((p) => lower.includes(p)).length / pairs.length : 0;
  }
  // Words compared by their first letters, so that a headline's "regulator" finds the text's "regulators".
  // A short word is found at the head of a longer one ("DVD", "DVDs").
  const words = titleTokens(title).filter((w) => w.length > 2);
  if (!words.length) return 0;
  const heads = new Set<string>();
  for (const w of titleTokens(body)) for (let k = 3; k <= Math.min(STEM_CHARS, w.length); k++) heads.add(w.slice(0, k));
  return words.filter((w) => heads.has(w.slice(0, STEM_CHARS))).length / words.length;
}

/** What the text offers for a title beside the cleaner's headline. */
export interface TextTitleInput {
  /** The raw text's lines, blank ones included (indexes match `LineDecision.line - 1`). */
  readonly lines: readonly string[];
  /** The first line's site name cut off: the page's <title> in a full-page dump, the headline in a plain one. */
  readonly pageTitle: { readonly title: string; readonly site: string | null; readonly line: number } | null;
  /** Indexes of the lines the cleaner kept as body. */
  readonly keptLines: ReadonlySet<number>;
  /** Index of the first line the cleaner kept as body, or null. */
  readonly firstBodyLine: number | null;
}

/** A headline shares at least this share of its words with the article (the cleaner's header rule's bar). */
const PAGE_TITLE_MIN_OVERLAP = 0.3;
/** …or, when a site name was cut from it, this share with the rest of the page (its <h1> repeats it). */
const PAGE_TITLE_MIN_REST_OVERLAP = 0.5;
/** …or, with no site name, this share (the cleaner may have dropped the article's head the title speaks of). */
const PAGE_TITLE_ALONE_REST_OVERLAP = 0.6;
/** A line this like the page title is the visible headline it was written for (an <h1> rewords its <title>). */
const HEADLINE_MIN_SIMILARITY = 0.45;
/** How far past the first body line the visible headline is looked for. */
const HEADLINE_SEARCH_PAST_BODY = 10;
/** …and an <h1> that shares less than this with the page's <title> is a logo or a section name. */
const H1_MIN_SIMILARITY = 0.2;
const TITLE_MAX_WORDS = 40;

/** Line `i` of the raw text with its whitespace run together. */
const lineText = (input: TextTitleInput, i: number): string => (input.lines[i] ?? '').replace(/\s+/g, ' ').trim();

/**
 * The visible headline that the page title stands for: the line most like it, above the article (or just
 * inside it), not a teaser cut short ("Zach Parise heating up, scores twice as Wild…"); the page title itself otherwise.
 */
function visibleHeadline(input: TextTitleInput, pageTitle: { readonly title: string; readonly line: number }): { title: string; line: number } {
  const end = Math.min(input.lines.length, (input.firstBodyLine ?? input.lines.length) + HEADLINE_SEARCH_PAST_BODY);
  let best: { title: string; line: number; score: number } | null = null;
  const titleWords = wordCount(pageTitle.title);
  // A page that shows its <title> again as a line has its headline ("Transgenerationales Coaching").
  let repeated = false;
  for (let i = pageTitle.line + 1; i < end; i++) {
    const line = lineText(input, i);
    if (line === pageTitle.title) repeated = true;
    const n = wordCount(line);
    // A sentence the cleaner kept is the article's lead, which retells its headline ("Tory MP Jonathan Sayeed is to stand down…").
    if (input.keptLines.has(i) && /\.["”’]?$/u.test(line)) continue;
    // Not a teaser cut short, nor a longer line that only holds the title's words (a slug in page data).
    if (n < TITLE_MIN_WORDS || n > Math.min(TITLE_MAX_WORDS, 2 * titleWords) || /(?:…|\.\.\.)$/.test(line) || (line.match(/\|/g) ?? []).length > 2) continue;
    const score = titleSimilarity(line, pageTitle.title);
    if (score >= HEADLINE_MIN_SIMILARITY && (!best || score > best.score)) best = { title: line, line: i, score };
  }
  return best ?? (repeated ? null : headlineAboveByline(input, pageTitle)) ?? pageTitle;
}

/** What a date or time line is made of: numbers, month names, a clock's words ("Nov. 18, 2019 12:02 PM"). */
const DATE_WORDS_RE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?|\b(?:am|pm|a\.m\.|p\.m\.|[ecmp][sd]t|gmt|utc|bst|cet|updated|published|posted)\b|[^\p{L}\s]+/giu;
/** How many lines around the first body line a byline is looked for. */
const BYLINE_NEAR_BODY = 25;
/** How many lines above a byline its headline is looked for: a standfirst, a photo's caption and credit come between. */
const HEADLINE_ABOVE_BYLINE = 8;

/**
 * A headline that rewords its page's <title> past recognition ("'We had some issues,' exec says on Disney+ glitches"
 * for "Disney+ glitches blamed on heavy demand…") is found by the byline under it: the nearest line above that byline
 * that is no sentence, no credit in brackets and no date, when it shares words with the <title> (a section name does not).
 */
function headlineAboveByline(input: TextTitleInput, pageTitle: { readonly title: string; readonly line: number }): { title: string; line: number } | null {
  if (input.firstBodyLine === null) return null;
  const from = Math.max(pageTitle.line + 1, input.firstBodyLine - BYLINE_NEAR_BODY);
  const byline = nearestBylineIndex(input.lines, input.firstBodyLine, from, input.firstBodyLine + HEADLINE_SEARCH_PAST_BODY);
  for (let i = byline - 1; byline > 0 && i > pageTitle.line && i >= byline - HEADLINE_ABOVE_BYLINE; i--) {
    const text = lineText(input, i);
    const n = wordCount(text);
    if (!text || /[.!?…:]["”’)]?$/u.test(text) || /^[([].*[)\]]$/u.test(text) || n > TITLE_MAX_WORDS) continue;
    if (wordCount(text.replace(DATE_WORDS_RE, ' ')) < TITLE_MIN_WORDS) continue;
    // The first such line is the headline or nothing: it must still speak of what the <title> does.
    return titleSimilarity(text, pageTitle.title) >= H1_MIN_SIMILARITY ? { title: text, line: i } : null;
  }
  return null;
}

export interface TitleInput extends TextTitleInput {
  /** A title the input declared (front matter). */
  readonly declared: string | null;
  /** The page's own title metadata (HTML), most trusted first. */
  readonly candidates: readonly MetaCandidate[];
  readonly headline: string | null;
  readonly standfirst: string | null;
  readonly paragraphs: readonly string[];
  readonly publisher: string | null;
  /** The file name: the title only when the article has no text at all. */
  readonly fallback: string;
}

/**
 * Title fallback chain: declared → the page's title metadata (og:title, JSON-LD headline, <h1>, <title>; site
 * names cut) → the text's page title, or the visible headline it stands for → the cleaner's headline →
 * standfirst → first sentence.
 */
export function chooseTitle(input: TitleInput): ChosenTitle {
  const body = input.paragraphs.join('\n');
  const fromDeclared = usable(input.declared && stripTitleChrome(input.declared, input.publisher));
  if (fromDeclared && !input.candidates.length) return { title: fromDeclared, source: 'declared', provenance: 'declared', line: null };
  const tag = input.candidates.find((c) => c.source === '<title>');
  const titleTag = tag ? splitSiteName(tag.value, body).title : null;
  for (const c of input.candidates) {
    if (c.field !== 'title') continue;
    // A title the feed declared (`roundup fetch`) is taken as front matter is: only the known publisher's chrome cut.
    if (c.source === `${DECLARED_PREFIX}title`) {
      const declared = usable(stripTitleChrome(c.value, input.publisher));
      if (declared) return { title: declared, source: 'declared', provenance: c.source, line: null };
      continue;
    }
    const split = splitSiteName(c.value, body);
    const title = usable(stripTitleChrome(split.title, input.publisher));
    // A page's <h1> is at times its logo ("엔터 미디어"): it must share words with the article.
    if (title && c.source === '<h1>' && (bodyOverlap(title, body) < PAGE_TITLE_MIN_OVERLAP || (titleTag !== null && titleSimilarity(title, titleTag) < H1_MIN_SIMILARITY))) continue;
    if (title) return { title, source: 'declared', provenance: c.source, line: null };
  }
  // A page title from which a site name was cut is one even when the cleaner kept the wrong text: then its
  // words are looked for in the rest of the page ("Dare to Play 3 / October pack – Vortex Cannon Entertainment").
  const page = input.pageTitle;
  const restOfPage = page ? input.lines.slice(page.line + 1).join('\n') : '';
  const restOverlap = page ? bodyOverlap(page.title, restOfPage) : 0;
  const pageWords = page ? wordCount(page.title) : 0;
  if (page && (bodyOverlap(page.title, body) >= PAGE_TITLE_MIN_OVERLAP || (page.site !== null && restOverlap >= PAGE_TITLE_MIN_REST_OVERLAP) || (pageWords >= TITLE_MIN_WORDS && restOverlap >= PAGE_TITLE_ALONE_REST_OVERLAP))) {
    const seen = visibleHeadline(input, input.pageTitle);
    const title = usable(seen.title);
    if (title) return { title, source: 'headline', provenance: seen.line === input.pageTitle.line ? 'page title' : 'headline line', line: seen.line };
  }
  const rest = extractTitle(null, input.headline, input.standfirst, input.paragraphs, input.publisher, input.fallback);
  return { ...rest, provenance: rest.source, line: null };
}

/** Title fallback chain; `fallback` (the file name) only when the article has no text at all. */
export function extractTitle(
  declared: string | null,
  headline: string | null,
  standfirst: string | null,
  paragraphs: readonly string[],
  publisher: string | null,
  fallback: string,
): TitleResult {
  const fromDeclared = usable(declared && stripTitleChrome(declared, publisher));
  if (fromDeclared) return { title: fromDeclared, source: 'declared' };
  const fromHeadline = usable(headline && stripTitleChrome(headline, publisher));
  if (fromHeadline) return { title: fromHeadline, source: 'headline' };
  const lead = usable(standfirst);
  if (lead) return { title: trimWords(splitSentences(lead)[0] ?? lead, STANDFIRST_TITLE_WORDS), source: 'standfirst' };
  for (const paragraph of paragraphs) {
    const sentence = usable(splitSentences(paragraph)[0] ?? null);
    // Without its dateline ("JOHANNESBURG (AP) — A lion was shot dead…"), when enough is left to title the article.
    const undated = sentence?.replace(LEAD_DATELINE_RE, '');
    const lead = undated && usable(undated) && /^[\p{Lu}\p{N}"“‘']/u.test(undated) ? undated : sentence;
    if (lead) return { title: trimWords(lead.replace(/[.!?]+$/, ''), FIRST_SENTENCE_TITLE_WORDS), source: 'first-sentence' };
  }
  return { title: fallback, source: 'first-sentence' };
}
