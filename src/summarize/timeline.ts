// Timeline: the dates a story's text states, each with its sentence and the articles stating it.
import * as chrono from 'chrono-node';
import type { TimelineEntry } from '../model.js';
import type { Similarity } from './select.js';
import type { SentenceUnit } from './units.js';

/** An entry for the same date whose sentence is this similar is the same fact from another source. */
const SAME_ENTRY_COSINE = 0.5;
const MAX_ENTRIES = 12;
/** Stand-in reference for chrono when an article has no date; only fully stated dates are kept then. */
const FIXED_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));
/** A written year: without a reference date, a date counts only when its text states the year. */
const YEAR_RE = /\b(?:1[5-9]|20)\d\d\b/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO day of a chrono component, read from its fields (not a Date in local time, so no timezone drift). */
function isoDay(c: chrono.ParsedComponents): string {
  return `${c.get('year')}-${pad(c.get('month') ?? 1)}-${pad(c.get('day') ?? 1)}`;
}

/**
 * Dates stated in the units' text. With the article's date as reference, relative dates ("on Monday",
 * "yesterday") resolve; without one, only dates whose year, month and day are all written count.
 */
export function buildTimeline(units: readonly SentenceUnit[], dateOf: (articleId: string) => string | null, sim: Similarity): TimelineEntry[] {
  const found: { date: string; unit: SentenceUnit }[] = [];
  for (const unit of units) {
    if (!unit.usable) continue;
    const published = dateOf(unit.articleId);
    const reference = published ? new Date(`${published}T12:00:00Z`) : FIXED_REFERENCE;
    if (Number.isNaN(reference.getTime())) continue;
    for (const result of chrono.parse(unit.text, { instant: reference, timezone: 0 }, { forwardDate: false })) {
      const start = result.start;
      const absolute = start.isCertain('year') && start.isCertain('month') && start.isCertain('day') && YEAR_RE.test(result.text);
      if (!published && !absolute) continue;
      if (published && !start.isCertain('day') && !start.isCertain('weekday') && !/\b(?:yesterday|today|tomorrow|tonight|last night)\b/i.test(result.text)) continue;
      found.push({ date: isoDay(start), unit });
    }
  }
  const entries: { date: string; unit: SentenceUnit; articleIds: string[] }[] = [];
  for (const f of found) {
    const same = entries.find((e) => e.date === f.date && (e.unit.index === f.unit.index || sim(e.unit.index, f.unit.index) >= SAME_ENTRY_COSINE));
    if (!same) entries.push({ ...f, articleIds: [f.unit.articleId] });
    else if (!same.articleIds.includes(f.unit.articleId)) same.articleIds.push(f.unit.articleId);
  }
  return entries
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.unit.index - b.unit.index))
    .slice(0, MAX_ENTRIES)
    .map((e) => ({ date: e.date, text: e.unit.text, articleIds: e.articleIds }));
}
