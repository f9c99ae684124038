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

/** `1 source`, `3 sources`. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Compares ISO dates newest first, unknown dates last. */
export function compareDatesDesc(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

export { compareText } from '../ids.js';
