// The publication date by a fallback chain (htmldate's way): declared → page metadata → a labelled date line →
// a date line near the headline → a dateline; written dates read in the article's language; never the clock.
import type { MetaCandidate } from '../model.js';
import { calendarDay, readDeclaredDate } from '../text/dates.js';
import { chrono } from '../text/lazy.js';
import {
  CHRONO_REFERENCE,
  DATE_LABEL_RE,
  DATE_LINE_MAX_WORDS,
  DATE_SCAN_LINES,
  MAX_YEAR,
  MIN_YEAR,
} from './patterns.js';

const ISO_DATE_RE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;
/** The head of a first paragraph up to its dateline dash or bracketed agency. */
const DATELINE_HEAD_RE = /^(.{4,80}?)\s*(?:\(|[-–—]\s)/;
/** A date line needs a four-digit year, or a numeric date with a two-digit one ("11/19/19"), to be trusted. */
const LOOKS_DATED_RE = /\b(?:19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2}\b|\d{4}年/;
/** A numeric day and month with a year: "06.11.2023", "11/19/19", "21/06/2014". */
const NUMERIC_DATE_RE = /(?<![\d.:/-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[./-]\d)/;
/** Year first: "2019/11/20", "2019.11.20", "2019年11月20日" (ISO's dashes are ISO_DATE_RE's). */
const YEAR_FIRST_RE = /(?<!\d)((?:19|20)\d{2})\s*(?:[./]|年)\s*(\d{1,2})\s*(?:[./]|月)\s*(\d{1,2})(?!\d)/;
/**
 * A line that labels the publication date in the languages of the data (en, de, fr, es, pt, it, nl, ru, pl):
 * "Published", "Veröffentlicht am", "Publié le", "Publicado", "Pubblicato", "Опубликовано", "Opublikowano".
 */
const PUBLISHED_LABEL_RE =
  /\b(?:(?:first\s+)?published|posted|veröffentlicht|erschienen|erstellt|publié|publicado|pubblicato|gepubliceerd|опубликовано|opublikowano|publikováno)\b/iu;
/** A label of a later change: its date is a fallback only ("Updated", "Aktualisiert", "Mis à jour"). */
const UPDATED_LABEL_RE = /\b(?:(?:last\s+)?updated|modified|aktualisiert|geändert|mis\s+à\s+jour|actualizado|atualizado|aggiornato|обновлено)\b/iu;
/** A labelled line may carry more than a bare date ("Updated : 19 November 2019, 09:01 AM | Source: …"). */
const LABELLED_LINE_MAX_WORDS = 25;
/** Languages whose written dates chrono reads with its own parser (the rest fall back to English). */
const CHRONO_LOCALES = ['de', 'fr', 'ja', 'pt', 'nl', 'zh', 'ru', 'es', 'uk', 'it', 'sv', 'fi', 'vi', 'id'] as const;
type ChronoLocale = (typeof CHRONO_LOCALES)[number];

/** A date found in the page text: a real day, in the narrower range of publication years (the rest is parse noise). */
function format(year: number, month: number, day: number): string | null {
  return calendarDay(year, month, day, MIN_YEAR, MAX_YEAR);
}

/**
 * A numeric date's day and month in the page's order. Dots are always day first ("06.11.2023" is 6 November,
 * issue 14); slashes and dashes are month first in English (the US habit of most English pages), day first
 * in every other language; a part over 12 decides whatever the language.
 */
function numericDate(first: number, separator: string, second: number, yearText: string, language: string | null): string | null {
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const dayFirst = separator === '.' || first > 12 || (second <= 12 && language !== null && language !== 'en');
  return dayFirst ? format(year, second, first) : format(year, first, second);
}

function chronoFor(language: string | null): ReturnType<typeof chrono>['strict'][] {
  const c = chrono();
  const own = language && (CHRONO_LOCALES as readonly string[]).includes(language) ? c[language as ChronoLocale].strict : null;
  return own ? [own, c.strict] : [c.strict];
}

/**
 * The first date in `text` whose day, month and year are all written out: ISO, a numeric date in the
 * language's order, else chrono (strict mode, the language's parser, a fixed reference: never the clock).
 */
export function parseDate(text: string, language: string | null = null): string | null {
  const iso = ISO_DATE_RE.exec(text);
  if (iso) return format(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (!LOOKS_DATED_RE.test(text)) return null;
  const yearFirst = YEAR_FIRST_RE.exec(text);
  if (yearFirst) {
    const date = format(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
    if (date) return date;
  }
  const numeric = NUMERIC_DATE_RE.exec(text);
  if (numeric) {
    const date = numericDate(Number(numeric[1]), numeric[2] ?? '.', Number(numeric[3]), numeric[4] ?? '', language);
    if (date) return date;
  }
  for (const parser of chronoFor(language)) {
    for (const result of parser.parse(text, CHRONO_REFERENCE)) {
      const start = result.start;
      if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue;
      const date = format(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0);
      if (date) return date;
    }
  }
  return null;
}

/** A date and where it came from. */
export interface DateResult {
  readonly date: string;
  readonly source: string;
}

const words = (line: string): number => line.split(/\s+/).filter(Boolean).length;

/** The next non-blank line after `i`. */
function nextLine(lines: readonly string[], i: number): string {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]) return lines[j] ?? '';
  return '';
}

/**
 * A date written in the page: a line labelled as the publication date first; then a short date line, the
 * nearest to the headline (`anchor`, a line index; a teaser's or a comment's date sits farther away); then a
 * line labelled as an update; then the head and tail of the page (footers); then a dateline.
 */
export function findTextDate(rawText: string, firstParagraph: string | null, language: string | null = null, anchor: number | null = null): DateResult | null {
  // Indexed as the raw text's lines (blank ones too), as `anchor` is.
  const lines = rawText.split('\n').map((l) => l.trim());
  let published: { date: string; distance: number } | null = null;
  let near: { date: string; distance: number } | null = null;
  let updated: { date: string; distance: number } | null = null;
  const centre = anchor ?? 0;
  const closer = (best: { distance: number } | null, distance: number): boolean => best === null || distance < best.distance;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const n = words(line);
    if (n === 0 || n > LABELLED_LINE_MAX_WORDS) continue;
    const distance = Math.abs(i - centre);
    const publishedAt = line.search(PUBLISHED_LABEL_RE);
    const updatedAt = line.search(UPDATED_LABEL_RE);
    if (publishedAt >= 0 && closer(published, distance)) {
      // The date after the label (on its line, or alone on the next), not the update's before it.
      const date = parseDate(line.slice(publishedAt), language) ?? (words(line.slice(publishedAt)) <= 3 ? parseDate(nextLine(lines, i), language) : null);
      if (date) { published = { date, distance }; continue; }
    }
    if (updatedAt >= 0 && publishedAt < 0) {
      const date = parseDate(line, language) ?? (words(line) <= 3 ? parseDate(nextLine(lines, i), language) : null);
      if (date && closer(updated, distance)) updated = { date, distance };
      continue;
    }
    if (anchor !== null && n <= DATE_LINE_MAX_WORDS + 2 && closer(near, distance)) {
      const date = parseDate(line, language);
      if (date) near = { date, distance };
    }
  }
  if (published) return { date: published.date, source: 'published line' };
  if (near) return { date: near.date, source: 'date line' };
  if (updated) return { date: updated.date, source: 'updated line' };
  const filled = lines.filter(Boolean);
  const edges = filled.length <= DATE_SCAN_LINES * 2 ? filled : [...filled.slice(0, DATE_SCAN_LINES), ...filled.slice(-DATE_SCAN_LINES)];
  for (const line of edges) {
    if (DATE_LABEL_RE.test(line) && words(line) <= LABELLED_LINE_MAX_WORDS) {
      const date = parseDate(line, language);
      if (date) return { date, source: 'date line' };
    }
    if (words(line) > DATE_LINE_MAX_WORDS) continue;
    const date = parseDate(line, language);
    if (date) return { date, source: 'date line' };
  }
  // A dateline at the head of the body, before its dash or agency: "WASHINGTON, April 29, 2016 (Reuters) -".
  const dateline = firstParagraph ? DATELINE_HEAD_RE.exec(firstParagraph)?.[1] : undefined;
  const date = dateline && words(dateline) <= DATE_LINE_MAX_WORDS ? parseDate(dateline, language) : null;
  return date ? { date, source: 'dateline' } : null;
}

/** The first page-metadata date that reads as a day: as declared (`readDeclaredDate`), else as written text. */
function candidateDate(candidates: readonly MetaCandidate[], language: string | null): DateResult | null {
  for (const c of candidates) {
    if (c.field !== 'date') continue;
    const read = readDeclaredDate(c.value);
    if (read.rejected !== null) continue;
    const date = read.date ?? parseDate(c.value, language);
    if (date) return { date, source: c.source };
  }
  return null;
}

export interface DateInput {
  /** The input's declared date (front matter, the page's first metadata date), unchecked. */
  readonly declared: string | null;
  readonly candidates: readonly MetaCandidate[];
  readonly rawText: string;
  readonly firstParagraph: string | null;
  readonly language: string | null;
  /** The headline's line index among the raw text's non-blank lines, when known. */
  readonly anchor: number | null;
}

/**
 * Declared date → page metadata → date in the page → null. A declared date is checked as ingest checks it
 * (`readDeclaredDate`: any year 1000–9999, a day that exists); one that names no real day counts as not declared.
 */
export function chooseDate(input: DateInput): DateResult | null {
  const fromPage = candidateDate(input.candidates, input.language);
  if (fromPage) return fromPage;
  const declared = readDeclaredDate(input.declared).date;
  if (declared) return { date: declared, source: 'declared' };
  return findTextDate(input.rawText, input.firstParagraph, input.language, input.anchor);
}

/** The date alone (the chain of `chooseDate` without metadata candidates). */
export function extractDate(declared: string | null, rawText: string, firstParagraph: string | null, language: string | null = null): string | null {
  return chooseDate({ declared, candidates: [], rawText, firstParagraph, language, anchor: null })?.date ?? null;
}
