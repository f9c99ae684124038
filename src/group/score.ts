// How strongly two articles look like reports of the same event: shared distinctive evidence weighs
// more than shared vocabulary, and stated days that conflict count against.
import type { ArticleFeatures } from './features.js';
import { hasSorted, sharedCount } from './shingle-table.js';
import type { SparseVector } from './vectors.js';

/**
 * Weights of the evidence, calibrated by pair-level F1 on the pooled Multi-News events (scripts/dev-group.mjs):
 * names and cosine separate events best; day conflicts help at a small weight only (same-event reports
 * written a day apart name different weekdays), which is enough to keep the seeds' successive calls apart.
 */
export const EVIDENCE_WEIGHTS = {
  /** TF-IDF cosine: same vocabulary. Successive events between the same actors share it too, so it is one feature of several. */
  cosine: 0.6,
  /** Shared rare 5-word shingles: the same quotes and statement sentences reproduced by several outlets. */
  shingles: 0.25,
  /** The longest passage shared verbatim: one whole statement sentence quoted by both (seeds 001/003). */
  passage: 0.15,
  /** Shared names (people, places, organisations), weighted by rarity. */
  names: 0.45,
  /** Shared rare numbers (amounts, counts of three digits or more; years excluded). */
  numbers: 0.05,
} as const;

/** Shared shingles that count as full quote evidence: one reproduced 25-word statement sentence is ~20. */
const SHINGLE_SATURATION = 40;
/** Shared passages shorter than this many shingles (~ a 12-word phrase) are stock wording, not a common source… */
const PASSAGE_FREE = 8;
/** …and a passage this many shingles longer (~ a 25-word sentence) is full evidence. */
const PASSAGE_SPAN = 12;
/** A shingle in more articles than this is boilerplate or a stock phrase, not a shared source… */
export const SHINGLE_DF_CAP = 30;
/**
 * …unless the run is large: then up to this share of its articles. A passage quoted by 50 of 100,000 articles
 * (one event's wire copy, run by 50 outlets) is still a shared source, while a site's footer or a stock
 * phrase is on far more. Below 30,000 articles the cap stays 30 (every evaluation corpus).
 */
const SHINGLE_DF_SHARE = 0.001;

/** How many articles a shingle may be in and still count as shared evidence, for a run of `docCount`. */
export function shingleDfCap(docCount: number): number {
  return Math.max(SHINGLE_DF_CAP, Math.ceil(docCount * SHINGLE_DF_SHARE));
}
/** Shared numbers that count as full evidence. */
const NUMBER_SATURATION = 2;
/** A number in more articles than this is a common quantity, not a fact two reports share. */
const NUMBER_DF_CAP = 5;
/** Both name weekdays and none agree ("on Monday" vs "on Wednesday"): likely successive events (seeds 000/003). */
const WEEKDAY_CONFLICT = 0.05;
/** Both name weekdays and one agrees: a small push, since a report dates its event by weekday (seeds 001/003). */
const WEEKDAY_AGREEMENT = 0.03;
/** Both state calendar days and none agree ("February 11" vs "September 28"). */
const MONTH_DAY_CONFLICT = 0.03;
/** Publication dates further apart than this many days start to count against… */
const DATE_GAP_FREE_DAYS = 3;
/** …by this much per extra day, up to DATE_GAP_MAX. */
const DATE_GAP_PER_DAY = 0.02;
const DATE_GAP_MAX = 0.3;

export interface ScoreContext {
  readonly features: readonly ArticleFeatures[];
  readonly vectors: readonly SparseVector[];
  /** Per article, its shingles held by at most `shingleDfCap(articles)` articles (sorted). */
  readonly rareShingles: readonly Uint32Array[];
  readonly nameDf: ReadonlyMap<string, number>;
  readonly numberDf: ReadonlyMap<string, number>;
  readonly docCount: number;
}

export interface PairEvidence {
  readonly cosine: number;
  readonly sharedShingles: number;
  readonly passage: number;
  readonly names: number;
  readonly numbers: number;
  readonly conflict: number;
  readonly score: number;
}

function smaller<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): [ReadonlySet<T>, ReadonlySet<T>] {
  return a.size <= b.size ? [a, b] : [b, a];
}

function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  const [x, y] = smaller(a, b);
  for (const v of x) if (y.has(v)) return true;
  return false;
}

/** Length, in shingles, of the longest run of consecutive shingles of `a` that `b` also has. */
function longestSharedRun(a: ArticleFeatures, rareB: Uint32Array): number {
  let best = 0;
  let run = 0;
  for (const s of a.shingleSequence) {
    if (s !== 0 && hasSorted(rareB, s)) best = Math.max(best, ++run);
    else run = 0;
  }
  return best;
}

function rarity(df: number, docCount: number): number {
  return Math.log((1 + docCount) / (1 + df)) + 1;
}

/** Rarity-weighted Jaccard of two name sets. */
function nameOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>, ctx: ScoreContext): number {
  let shared = 0;
  let union = 0;
  for (const name of a) {
    const w = rarity(ctx.nameDf.get(name) ?? 1, ctx.docCount);
    union += w;
    if (b.has(name)) shared += w;
  }
  for (const name of b) if (!a.has(name)) union += rarity(ctx.nameDf.get(name) ?? 1, ctx.docCount);
  return union > 0 ? shared / union : 0;
}

function dayDistance(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

/** Penalty for stated days and publication dates that do not fit one event (negative when weekdays agree). */
function conflictPenalty(a: ArticleFeatures, b: ArticleFeatures): number {
  let penalty = 0;
  if (a.weekdays.size > 0 && b.weekdays.size > 0) penalty += intersects(a.weekdays, b.weekdays) ? -WEEKDAY_AGREEMENT : WEEKDAY_CONFLICT;
  if (a.monthDays.size > 0 && b.monthDays.size > 0 && !intersects(a.monthDays, b.monthDays)) penalty += MONTH_DAY_CONFLICT;
  if (a.date && b.date) {
    const gap = dayDistance(a.date, b.date);
    if (Number.isFinite(gap) && gap > DATE_GAP_FREE_DAYS) penalty += Math.min(DATE_GAP_MAX, (gap - DATE_GAP_FREE_DAYS) * DATE_GAP_PER_DAY);
  }
  return penalty;
}

export function scorePair(i: number, j: number, ctx: ScoreContext, cosineOf: (i: number, j: number) => number): PairEvidence {
  const a = ctx.features[i]!;
  const b = ctx.features[j]!;
  const cos = cosineOf(i, j);
  const sharedShingles = sharedCount(ctx.rareShingles[i]!, ctx.rareShingles[j]!);
  const names = nameOverlap(a.names, b.names, ctx);
  let sharedNumbers = 0;
  const [na, nb] = smaller(a.numbers, b.numbers);
  for (const x of na) if (nb.has(x) && (ctx.numberDf.get(x) ?? 0) <= NUMBER_DF_CAP) sharedNumbers++;
  const numbers = Math.min(1, sharedNumbers / NUMBER_SATURATION);
  const conflict = conflictPenalty(a, b);
  const passage = sharedShingles > PASSAGE_FREE ? Math.min(1, Math.max(0, longestSharedRun(a, ctx.rareShingles[j]!) - PASSAGE_FREE) / PASSAGE_SPAN) : 0;
  const score =
    EVIDENCE_WEIGHTS.cosine * cos +
    EVIDENCE_WEIGHTS.shingles * Math.min(1, sharedShingles / SHINGLE_SATURATION) +
    EVIDENCE_WEIGHTS.passage * passage +
    EVIDENCE_WEIGHTS.names * names +
    EVIDENCE_WEIGHTS.numbers * numbers -
    conflict;
  return { cosine: cos, sharedShingles, passage, names, numbers, conflict, score };
}
