// Candidate pairs from an inverted index over rare keys: never all pairs, so grouping stays sub-quadratic.

export type Key = string | number;

export interface CandidateOptions {
  /** A key held by at most this many items suggests every pair among them. */
  readonly dfCap: number;
  /**
   * A key held by more than `dfCap` but at most this share of the items (one event reported by hundreds of
   * outlets in a large run, a wire story reprinted hundreds of times) still suggests pairs, but each item
   * meets only its `dfCap` nearest holders in the key's posting list: the holders of such a key are chained,
   * never all paired, so work stays bounded. Above this share a key is vocabulary, not evidence.
   */
  readonly maxShare: number;
  /** At most this many partners per item, those sharing the most key weight. */
  readonly perItem: number;
}

/**
 * Pairs `[i, j]` (i < j, sorted) of items sharing at least one key whose document frequency is 2..dfCap, or
 * neighbours in the posting list of a key held by up to `maxShare` of the items. Work is bounded by
 * items × keys × dfCap, whatever the corpus size.
 */
export function candidatePairs(
  items: readonly (readonly Key[])[],
  weightOf: (key: Key, df: number) => number,
  options: CandidateOptions,
): [number, number][] {
  const postings = new Map<Key, number[]>();
  items.forEach((keys, i) => {
    for (const key of new Set(keys)) {
      const list = postings.get(key);
      if (list) list.push(i);
      else postings.set(key, [i]);
    }
  });
  const pairs = new Set<number>();
  const out: [number, number][] = [];
  const n = items.length;
  const maxDf = Math.max(options.dfCap, Math.floor(options.maxShare * n));
  const half = Math.max(1, Math.floor(options.dfCap / 2));
  // Shared key weight per partner of the current item, in flat arrays reset after each item (a Map per item
  // was most of grouping's time and garbage at 10,000 articles).
  const weight = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  items.forEach((keys, i) => {
    for (const key of new Set(keys)) {
      const list = postings.get(key) ?? [];
      if (list.length < 2 || list.length > maxDf) continue;
      const w = weightOf(key, list.length);
      // Posting lists are in item order, so an item's place in one is found by bisection.
      let from = 0;
      let to = list.length;
      if (list.length > options.dfCap) {
        const at = lowerBound(list, i);
        from = Math.max(0, Math.min(at - half, list.length - 2 * half - 1));
        to = Math.min(list.length, from + 2 * half + 1);
      }
      for (let k = from; k < to; k++) {
        const j = list[k]!;
        if (j === i) continue;
        if (seen[j] === 0) {
          seen[j] = 1;
          touched.push(j);
        }
        weight[j] = weight[j]! + w;
      }
    }
    touched.sort((a, b) => weight[b]! - weight[a]! || a - b);
    const best = Math.min(options.perItem, touched.length);
    for (let k = 0; k < best; k++) {
      const j = touched[k]!;
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      const code = lo * n + hi;
      if (pairs.has(code)) continue;
      pairs.add(code);
      out.push([lo, hi]);
    }
    for (const j of touched) {
      weight[j] = 0;
      seen[j] = 0;
    }
    touched.length = 0;
  });
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The first index of the ascending `list` whose value is at least `value`. */
function lowerBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Document frequency of each key over items (each item counted once per key). */
export function documentFrequency(items: readonly Iterable<Key>[]): Map<Key, number> {
  const df = new Map<Key, number>();
  for (const keys of items) for (const key of new Set(keys)) df.set(key, (df.get(key) ?? 0) + 1);
  return df;
}
