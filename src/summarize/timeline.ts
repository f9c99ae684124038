// Timeline: the dates a story's text states, each with its sentence and the articles stating it.
import type * as Chrono from 'chrono-node';
import { chrono } from '../text/lazy.js';
import type { TimelineEntry } from '../model.js';
import type { Similarity } from './select.js';
import type { SentenceUnit } from './units.js';
import { CAPTION_RE, ENDS_WITH_DATE_RE, PAST_EVENT_RE } from './patterns.js';

/** An entry for the same date whose sentence is this similar is the same fact from another source. */
const SAME_ENTRY_COSINE = 0.5;
const MAX_ENTRIES = 12;
/** Stand-in reference for chrono when an article has no date; only fully stated dates are kept then. */
const FIXED_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));
/** A written year: without a reference date, a date counts only when its text states the year. */
const YEAR_RE = /\b(?:1[5-9]|20)\d\d\b/;
/**
 * A date this many days before the story's own time (its latest article date, else the latest date its
 * text states) is background: it is kept only from a sentence that tells of a past event, so a file
 * photo's date or a passing mention of an old one does not open the timeline.
 */
const BACKGROUND_DAYS = 180;
/**
 * A span chrono reads as a date ("close the bridge for six weeks" became a date six weeks on): a length
 * of time is not a date the text states, unless counted back from now ("three days ago").
 */
const SPAN_RE = /\b(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?)\b/i;
const AGO_RE = /\bago\b/i;
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_WORD_RE = /\b(?:yesterday|today|tomorrow|tonight|last night)\b/i;
/**
 * Every date the timeline keeps has a day chrono is certain of, so its text holds a digit, a month or a
 * weekday (whole or cut short), or a word for a day ("yesterday", "tonight", "last night"): a sentence with
 * none of these is not parsed (chrono read every sentence of a story; most state no date). A superset, not a
 * parser: chrono still decides.
 */
const MAY_STATE_A_DAY_RE = /\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|tomorrow|yesterday|night|morning|evening|afternoon|noon|now|day|week|ago/i;

/** A wire photo's caption ends on its place and date, no preposition before the date: "…in Athens, Georgia, U.S. November 7, 2018." */
const PLACE_THEN_DATE_END_RE = /\p{Lu}[\p{L}.]*,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\.?$/u;

/**
 * A sentence that describes a photo: the caption shape (a named subject, then "shakes hands", "looks on",
 * "is pictured"…), or a sentence ending on a bare date with no past-tense verb: an article's opening one, or one
 * anywhere whose date follows a place, as wire captions end ("Republican candidate Brian Kemp reacts after appearing
 * at his election night party in Athens, Georgia, U.S. November 7, 2018.").
 */
export function isCaption(unit: Pick<SentenceUnit, 'text' | 'position'>): boolean {
  if (CAPTION_RE.test(unit.text)) return true;
  if (!ENDS_WITH_DATE_RE.test(unit.text) || PAST_EVENT_RE.test(unit.text)) return false;
  return unit.position === 0 || PLACE_THEN_DATE_END_RE.test(unit.text);
}

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

/** The story's own time: its latest article date, else the latest date its text states; null when neither. */
function storyTime(found: readonly { date: string }[], published: readonly string[]): number | null {
  const days = (published.length > 0 ? published : found.map((f) => f.date)).map(dayNumber).filter(Number.isFinite);
  return days.length > 0 ? Math.max(...days) : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO day of a chrono component, read from its fields (not a Date in local time, so no timezone drift). */
function isoDay(c: Chrono.ParsedComponents): string {
  return `${c.get('year')}-${pad(c.get('month') ?? 1)}-${pad(c.get('day') ?? 1)}`;
}

/**
 * Dates stated in the units' text. With the article's date as reference, relative dates ("on Monday",
 * "yesterday") resolve; without one, only dates whose year, month and day are all written count.
 */
export function buildTimeline(units: readonly SentenceUnit[], dateOf: (articleId: string) => string | null, sim: Similarity): TimelineEntry[] {
  const found: { date: string; unit: SentenceUnit }[] = [];
  for (const unit of units) {
    if (!unit.usable || !MAY_STATE_A_DAY_RE.test(unit.text) || isCaption(unit)) continue;
    const published = dateOf(unit.articleId);
    const reference = published ? new Date(`${published}T12:00:00Z`) : FIXED_REFERENCE;
    if (Number.isNaN(reference.getTime())) continue;
    for (const result of chrono().parse(unit.text, { instant: reference, timezone: 0 }, { forwardDate: false })) {
      const start = result.start;
      if (SPAN_RE.test(result.text) && !AGO_RE.test(result.text)) continue;
      // A weekday or month written in lower case is a word ("sat the test", "march on", "may"), not a date.
      if (/^\p{Ll}{3,5}$/u.test(result.text) && !DAY_WORD_RE.test(result.text)) continue;
      const absolute = start.isCertain('year') && start.isCertain('month') && start.isCertain('day') && YEAR_RE.test(result.text);
      if (!published && !absolute) continue;
      if (published && !start.isCertain('day') && !start.isCertain('weekday') && !DAY_WORD_RE.test(result.text)) continue;
      // A sentence is on the timeline once, at the first day it states: "Kemp declared victory on Wednesday …
      // Abrams on Thursday vowed to pursue litigation" had stood under both days.
      found.push({ date: isoDay(start), unit });
      break;
    }
  }
  const published = [...new Set(units.map((u) => dateOf(u.articleId)).filter((d): d is string => d !== null))];
  const now = storyTime(found, published);
  const entries: { date: string; unit: SentenceUnit; articleIds: string[] }[] = [];
  for (const f of found) {
    if (now !== null && dayNumber(f.date) < now - BACKGROUND_DAYS && !PAST_EVENT_RE.test(f.unit.text)) continue;
    // The same words from another source are the same entry whatever day each source's "Wednesday" falls on.
    const same = entries.find((e) => e.unit.text === f.unit.text || (e.date === f.date && sim(e.unit.index, f.unit.index) >= SAME_ENTRY_COSINE));
    if (!same) entries.push({ ...f, articleIds: [f.unit.articleId] });
    else if (!same.articleIds.includes(f.unit.articleId)) same.articleIds.push(f.unit.articleId);
  }
  return entries
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.unit.index - b.unit.index))
    .slice(0, MAX_ENTRIES)
    .map((e) => ({ date: e.date, text: e.unit.text, articleIds: e.articleIds }));
}
