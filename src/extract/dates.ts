// The publication date: declared (normalised to YYYY-MM-DD), else a labelled or dateline date in the page; never the clock.
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

function format(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
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

/** Declared date → date in the page → null. */
export function extractDate(declared: string | null, rawText: string, firstParagraph: string | null): string | null {
  return (declared ? parseDate(declared) : null) ?? findTextDate(rawText, firstParagraph);
}
