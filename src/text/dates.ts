// Calendar days checked in one place: a declared date is a day that exists, or it is no date (with a warning).
import { chrono } from './lazy.js';

/**
 * Years a declared date may have: four digits. A front matter's `-0001-01-01` read as 2001-01-01, and
 * `0050` as 1950, by the lenient parsers (issue 19); a date outside is an error of the input, not a date.
 */
export const MIN_DECLARED_YEAR = 1000;
export const MAX_DECLARED_YEAR = 9999;

/** A written `year-month-day` (sign and any number of digits, so that `-0001-01-01` and `10000-01-01` are seen and refused). */
const WRITTEN_DAY_RE = /^([+-]?\d+)-(\d{1,2})-(\d{1,2})(?=$|[T\s])/;
/** Chrono needs a reference instant; a fixed one keeps every stage pure. Only certain days are kept. */
const CHRONO_REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** Days of each month in a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `YYYY-MM-DD` when the day exists (month 1–12, a day the month has, the year in range), else null. */
export function calendarDay(year: number, month: number, day: number, minYear = MIN_DECLARED_YEAR, maxYear = MAX_DECLARED_YEAR): string | null {
  if (![year, month, day].every(Number.isInteger) || year < minYear || year > maxYear || month < 1 || month > 12 || day < 1) return null;
  const days = month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A declared date read: the day, or the value refused (as written), or neither when there was none. */
export interface DeclaredDate {
  readonly date: string | null;
  /** The value as declared when it names no real day (`2024-13-45`, `2024-02-30`, `-0001-01-01`): worth a warning. */
  readonly rejected: string | null;
}

export const NO_DECLARED_DATE: DeclaredDate = { date: null, rejected: null };

const refuse = (value: string): DeclaredDate => ({ date: null, rejected: value });

/**
 * A declared date (front matter, JSON-LD, meta tags) as `YYYY-MM-DD`. A written year-month-day is taken as
 * written (its own calendar day, whatever the time zone after it) when that day exists. Anything else is read
 * as `Date.parse` reads it (`Mon, 18 Apr 2016 10:00:00 GMT`), but only when chrono finds the same text to
 * hold a certain day that exists: `Date.parse` rolls `February 30` over into March. Text that names no date
 * at all ("yesterday", "n/a") is no date, without a warning.
 */
export function readDeclaredDate(value: string | null): DeclaredDate {
  const text = value?.trim() ?? '';
  if (text === '') return NO_DECLARED_DATE;
  const written = WRITTEN_DAY_RE.exec(text);
  if (written) {
    const day = calendarDay(Number(written[1]), Number(written[2]), Number(written[3]));
    return day === null ? refuse(text) : { date: day, rejected: null };
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return NO_DECLARED_DATE;
  const parsed = new Date(ms);
  const inRange = calendarDay(parsed.getUTCFullYear(), parsed.getUTCMonth() + 1, parsed.getUTCDate()) !== null;
  const certain = chrono().strict.parse(text, CHRONO_REFERENCE).some(({ start }) =>
    start.isCertain('year') && start.isCertain('month') && start.isCertain('day') && calendarDay(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0) !== null);
  return inRange && certain ? { date: parsed.toISOString().slice(0, 10), rejected: null } : refuse(text);
}

/** The day of a date a parser made (YAML's timestamps), when in range; `written` is what the input said. */
export function declaredDayOf(date: Date, written: string): DeclaredDate {
  if (Number.isNaN(date.getTime())) return refuse(written);
  const day = calendarDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  return day === null ? refuse(written) : { date: day, rejected: null };
}

/** The warning for a refused declared date: the value, and what became of it. */
export function rejectedDateMessage(value: string): string {
  return `declared date ${JSON.stringify(value)} is not a real calendar day (year ${MIN_DECLARED_YEAR}–${MAX_DECLARED_YEAR}, month 1–12, a day the month has): ignored`;
}
