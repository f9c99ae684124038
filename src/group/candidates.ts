// Candidate pairs from an inverted index over rare keys: never all pairs, so grouping stays sub-quadratic.

export type Key = string | number;

export interface CandidateOptions {
  /** A key held by more items than this is too common to suggest a pair (and too costly to expand). */
  readonly dfCap: number;
  /** At most this many partners per item, those sharing the most key weight. */
  readonly perItem: number;
}

/**
 * Pairs `[i, j]` (i < j, sorted) of items sharing at least one key whose document frequency is 2..dfCap.
 * Work is bounded by items × keys × dfCap, whatever the corpus size.
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
  items.forEach((keys, i) => {
    const shared = new Map<number, number>();
    for (const key of new Set(keys)) {
      const list = postings.get(key) ?? [];
      if (list.length < 2 || list.length > options.dfCap) continue;
      const w = weightOf(key, list.length);
      for (const j of list) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + w);
    }
    const best = [...shared.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, options.perItem);
    for (const [j] of best) {
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      const code = lo * n + hi;
      if (pairs.has(code)) continue;
      pairs.add(code);
      out.push([lo, hi]);
    }
  });
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Document frequency of each key over items (each item counted once per key). */
export function documentFrequency(items: readonly Iterable<Key>[]): Map<Key, number> {
  const df = new Map<Key, number>();
  for (const keys of items) for (const key of new Set(keys)) df.set(key, (df.get(key) ?? 0) + 1);
  return df;
}
