// Deterministic display formats for dates and counts (no locale, no clock).

/** The page date used when the data has none: fixed, so a rebuild never changes a file. */
export const EPOCH_DATE = '1970-01-01';

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})/;
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** The `YYYY-MM-DD` part of an ISO date, or null when the value is not one. */
export function isoDay(date: string | null): string | null {
  if (date === null) return null;
  const match = ISO_DATE_RE.exec(date);
  if (!match) return null;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** `2024-03-04` → `4 March 2024`; null for anything that is not an ISO date. */
export function formatDate(date: string | null): string | null {
  const day = isoDay(date);
  if (day === null) return null;
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  return `${dayOfMonth} ${MONTHS[month - 1] ?? ''} ${year}`;
}

/** `1 source`, `3 sources`, `1,437 articles`. */
export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Compares ISO dates newest first, unknown dates last. */
export function compareDatesDesc(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

export { compareText } from '../ids.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** `2024-03-04` → `Monday 4 March 2024` (the weekday from the calendar, not the clock). */
export function formatDayTitle(day: string): string {
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, dayOfMonth)).getUTCDay()] ?? '';
  return `${weekday} ${formatDate(day) ?? day}`;
}

/** `2024-03` → `March 2024`. */
export function formatMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1] ?? ''} ${year}`;
}

/**
 * A span of days as it reads: `4 March 2024`, `4–6 March 2024`, `30 March – 2 April 2024`,
 * `31 December 2023 – 2 January 2024`; null without a first day.
 */
export function formatDayRange(first: string | null, last: string | null): string | null {
  const from = isoDay(first);
  const to = isoDay(last);
  if (from === null) return null;
  if (to === null || to <= from) return formatDate(from);
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${MONTHS[m1 - 1] ?? ''} ${y1}`;
  if (y1 === y2) return `${d1} ${MONTHS[m1 - 1] ?? ''} – ${d2} ${MONTHS[m2 - 1] ?? ''} ${y1}`;
  return `${formatDate(from) ?? from} – ${formatDate(to) ?? to}`;
}

/** A number as a reader writes it: `1437` → `1,437` (grouped by threes, no locale). */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
