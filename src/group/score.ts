// The evidence that two articles report one event: shared vocabulary, shared rare passages, names and
// numbers, and stated days that agree or conflict. story-model.ts weighs it.
import type { ArticleFeatures } from './features.js';
import { hasSorted, sharedCount } from './shingle-table.js';
import type { SparseVector } from './vectors.js';

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
export interface ScoreContext {
  readonly features: readonly ArticleFeatures[];
  readonly vectors: readonly SparseVector[];
  /** Per article, its shingles held by at most `shingleDfCap(articles)` articles (sorted). */
  readonly rareShingles: readonly Uint32Array[];
  readonly nameDf: ReadonlyMap<string, number>;
  readonly numberDf: ReadonlyMap<string, number>;
  /** In how many articles each headline term is. */
  readonly titleDf: ReadonlyMap<string, number>;
  readonly docCount: number;
}

/** The evidence a pair offers, each value 0..1 (the model's features, story-model.ts), plus the raw shared-shingle count. */
export interface PairEvidence {
  readonly cosine: number;
  /** Rarity-weighted overlap of the headlines' terms (0 for one headline on both: a site's page title, not a report's). */
  readonly title: number;
  readonly sharedShingles: number;
  readonly shingles: number;
  readonly passage: number;
  readonly names: number;
  readonly numbers: number;
  readonly weekdayConflict: number;
  readonly weekdayAgreement: number;
  readonly monthDayConflict: number;
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

/** Rarity-weighted Jaccard of two sets, rarity from `df` over `docCount` items. */
export function weightedOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>, df: ReadonlyMap<string, number>, docCount: number): number {
  let shared = 0;
  let union = 0;
  for (const x of a) {
    const w = rarity(df.get(x) ?? 1, docCount);
    union += w;
    if (b.has(x)) shared += w;
  }
  for (const x of b) if (!a.has(x)) union += rarity(df.get(x) ?? 1, docCount);
  return union > 0 ? shared / union : 0;
}

/**
 * One number for a pair's evidence, the hand-set blend Roundup grouped by before the fitted model (calibrated by
 * pair F1 on pooled Multi-News and the seeds): the model reads how far it stands above each end's other candidates.
 */
const BLEND = { cosine: 0.6, shingles: 0.25, passage: 0.15, names: 0.45, numbers: 0.05 } as const;

export function evidenceBlend(e: PairEvidence): number {
  return BLEND.cosine * e.cosine + BLEND.shingles * e.shingles + BLEND.passage * e.passage + BLEND.names * e.names + BLEND.numbers * e.numbers;
}

/** The evidence that articles i and j report one event. */
export function scorePair(i: number, j: number, ctx: ScoreContext, cosineOf: (i: number, j: number) => number): PairEvidence {
  const a = ctx.features[i]!;
  const b = ctx.features[j]!;
  const sharedShingles = sharedCount(ctx.rareShingles[i]!, ctx.rareShingles[j]!);
  let sharedNumbers = 0;
  const [na, nb] = smaller(a.numbers, b.numbers);
  for (const x of na) if (nb.has(x) && (ctx.numberDf.get(x) ?? 0) <= NUMBER_DF_CAP) sharedNumbers++;
  const bothWeekdays = a.weekdays.size > 0 && b.weekdays.size > 0;
  // A weekday both name is evidence of one event only where the two are dated alike: between a dated article and
  // an undated one nothing ties the undated one's "Thursday" to that week (a dated hurricane report joined five
  // undated ones about another storm on it). Undated articles need stronger evidence, not weaker.
  const datedAlike = (a.date === null) === (b.date === null);
  const weekdaysMeet = bothWeekdays && intersects(a.weekdays, b.weekdays);
  return {
    cosine: cosineOf(i, j),
    // Pages of one site titled by a navigation line ("Windows 10") share the headline word for word; two reports
    // of one event word theirs differently (a copy, which would share it, is found apart from this).
    title: a.titleKey === b.titleKey ? 0 : weightedOverlap(a.titleTerms, b.titleTerms, ctx.titleDf, ctx.docCount),
    sharedShingles,
    shingles: Math.min(1, sharedShingles / SHINGLE_SATURATION),
    passage: sharedShingles > PASSAGE_FREE ? Math.min(1, Math.max(0, longestSharedRun(a, ctx.rareShingles[j]!) - PASSAGE_FREE) / PASSAGE_SPAN) : 0,
    names: weightedOverlap(a.names, b.names, ctx.nameDf, ctx.docCount),
    numbers: Math.min(1, sharedNumbers / NUMBER_SATURATION),
    weekdayConflict: bothWeekdays && !weekdaysMeet ? 1 : 0,
    weekdayAgreement: weekdaysMeet && datedAlike ? 1 : 0,
    monthDayConflict: a.monthDays.size > 0 && b.monthDays.size > 0 && !intersects(a.monthDays, b.monthDays) ? 1 : 0,
  };
}
