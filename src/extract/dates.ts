// The publication date: declared (checked, as YYYY-MM-DD), else a labelled or dateline date in the page; never the clock.
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
/** A bare date line needs a year and a month or numeric date to be trusted. */
const LOOKS_DATED_RE = /\b(?:19|20)\d{2}\b/;

/** A date found in the page text: a real day, in the narrower range of publication years (the rest is parse noise). */
function format(year: number, month: number, day: number): string | null {
  return calendarDay(year, month, day, MIN_YEAR, MAX_YEAR);
}

/** The first date in `text` whose day, month and year are all written out (chrono, strict mode, fixed reference). */
export function parseDate(text: string): string | null {
  const iso = ISO_DATE_RE.exec(text);
  if (iso) return format(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (!LOOKS_DATED_RE.test(text)) return null;
  for (const result of chrono().strict.parse(text, CHRONO_REFERENCE)) {
    const start = result.start;
    if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue;
    const date = format(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0);
    if (date) return date;
  }
  return null;
}

/** Lines worth looking at for a date: the head and the tail of the page, where datelines and "Published" sit. */
function edgeLines(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length <= DATE_SCAN_LINES * 2) return lines;
  return [...lines.slice(0, DATE_SCAN_LINES), ...lines.slice(-DATE_SCAN_LINES)];
}

/** A "Published …" date in the page (its own line or the next), else a short bare date line. */
export function findTextDate(rawText: string, firstParagraph: string | null): string | null {
  const lines = edgeLines(rawText);
  for (let i = 0; i < lines.length; i++) {
    const label = DATE_LABEL_RE.exec(lines[i] ?? '');
    if (!label) continue;
    const date = parseDate(label[1] ?? '') ?? (label[1]?.trim() ? null : parseDate(lines[i + 1] ?? ''));
    if (date) return date;
  }
  for (const line of lines) {
    if (line.split(/\s+/).length > DATE_LINE_MAX_WORDS) continue;
    const date = parseDate(line);
    if (date) return date;
  }
  // A dateline at the head of the body, before its dash or agency: "WASHINGTON, April 29, 2016 (Reuters) -".
  const dateline = firstParagraph ? DATELINE_HEAD_RE.exec(firstParagraph)?.[1] : undefined;
  return dateline && dateline.split(/\s+/).length <= DATE_LINE_MAX_WORDS ? parseDate(dateline) : null;
}

/**
 * Declared date → date in the page → null. A declared date is checked as ingest checks it (`readDeclaredDate`:
 * any year 1000–9999, a day that exists); one that names no real day counts as not declared.
 */
export function extractDate(declared: string | null, rawText: string, firstParagraph: string | null): string | null {
  return readDeclaredDate(declared).date ?? findTextDate(rawText, firstParagraph);
}
