// Compact shingle storage for large corpora: sorted Uint32Arrays per article and one sorted df table.

/** Sorted, distinct values of `values` (0, the "no shingle" mark, left out). */
export function sortedDistinct(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    if (v !== 0 && (n === 0 || sorted[n - 1] !== v)) sorted[n++] = v;
  }
  return sorted.slice(0, n);
}

/** Number of values two sorted, distinct arrays share (one merge pass). */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let shared = 0;
  for (let x = 0, y = 0; x < a.length && y < b.length; ) {
    const u = a[x]!;
    const v = b[y]!;
    if (u === v) {
      shared++;
      x++;
      y++;
    } else if (u < v) x++;
    else y++;
  }
  return shared;
}

/** Is `value` in the sorted array? */
export function hasSorted(sorted: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Document frequency of every shingle, as two parallel sorted arrays (a Map of millions of keys would not fit). */
export class ShingleTable {
  private readonly keys: Uint32Array;
  private readonly counts: Uint32Array;

  constructor(perArticle: readonly Uint32Array[]) {
    let total = 0;
    for (const s of perArticle) total += s.length;
    const all = new Uint32Array(total);
    let offset = 0;
    for (const s of perArticle) {
      all.set(s, offset);
      offset += s.length;
    }
    all.sort();
    const keys: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < all.length; i++) {
      if (keys.length > 0 && keys[keys.length - 1] === all[i]) counts[counts.length - 1]!++;
      else {
        keys.push(all[i]!);
        counts.push(1);
      }
    }
    this.keys = Uint32Array.from(keys);
    this.counts = Uint32Array.from(counts);
  }

  df(shingle: number): number {
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.keys[mid]!;
      if (v === shingle) return this.counts[mid]!;
      if (v < shingle) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}
