// Average-link clustering over a sparse graph: a missing edge counts as 0, so a chain of strong links
// between otherwise unrelated items does not pull them into one group (the guard union-find lacks).

export interface Edge {
  readonly a: number;
  readonly b: number;
  readonly weight: number;
}

interface HeapEntry {
  readonly score: number;
  readonly a: number;
  readonly b: number;
  readonly va: number;
  readonly vb: number;
}

/** Max-heap by score; ties by the smaller then larger cluster index, so merges happen in a fixed order. */
class MaxHeap {
  private readonly items: HeapEntry[] = [];

  get size(): number {
    return this.items.length;
  }

  private static before(x: HeapEntry, y: HeapEntry): boolean {
    if (x.score !== y.score) return x.score > y.score;
    if (x.a !== y.a) return x.a < y.a;
    return x.b < y.b;
  }

  push(entry: HeapEntry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!MaxHeap.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): HeapEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && MaxHeap.before(items[l]!, items[best]!)) best = l;
        if (r < items.length && MaxHeap.before(items[r]!, items[best]!)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}

/** The smaller of two times, either of which may be unknown (NaN); NaN only when both are. */
function knownMin(x: number, y: number): number {
  return Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.min(x, y);
}

function knownMax(x: number, y: number): number {
  return Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.max(x, y);
}

/** A bound on how far apart in time one cluster's items may be: a story is one event, reported within days. */
export interface SpanLimit {
  /** Each item's time in days (NaN when unknown: such an item fits any cluster). */
  readonly days: readonly number[];
  /** The most days between a cluster's earliest and latest known times. */
  readonly maxDays: number;
}

/**
 * Groups `count` items: repeatedly merges the two clusters with the highest average edge weight over all
 * their member pairs, while that average is at least `threshold` (and, with `span`, while the merged
 * cluster's known times stay within `span.maxDays`). Returns each item's cluster index (the smallest item
 * index in its cluster). O(E log E) for E edges.
 */
export function averageLink(count: number, edges: readonly Edge[], threshold: number, span: SpanLimit | null = null): number[] {
  const earliest = Float64Array.from({ length: count }, (_, i) => span?.days[i] ?? NaN);
  const latest = Float64Array.from(earliest);
  const fits = (a: number, b: number): boolean =>
    !span || !(knownMax(latest[a]!, latest[b]!) - knownMin(earliest[a]!, earliest[b]!) > span.maxDays);
  const size = new Array<number>(count).fill(1);
  const version = new Array<number>(count).fill(0);
  const alive = new Array<boolean>(count).fill(true);
  const members: number[][] = Array.from({ length: count }, (_, i) => [i]);
  const links: Map<number, number>[] = Array.from({ length: count }, () => new Map());
  for (const { a, b, weight } of edges) {
    if (a === b) continue;
    links[a]!.set(b, (links[a]!.get(b) ?? 0) + weight);
    links[b]!.set(a, (links[b]!.get(a) ?? 0) + weight);
  }
  const heap = new MaxHeap();
  const offer = (a: number, b: number, sum: number): void => {
    const score = sum / ((size[a] ?? 1) * (size[b] ?? 1));
    if (score < threshold) return;
    const [x, y] = a < b ? [a, b] : [b, a];
    heap.push({ score, a: x, b: y, va: version[x] ?? 0, vb: version[y] ?? 0 });
  };
  links.forEach((map, a) => map.forEach((sum, b) => a < b && offer(a, b, sum)));

  while (heap.size > 0) {
    const top = heap.pop()!;
    if (!alive[top.a] || !alive[top.b] || version[top.a] !== top.va || version[top.b] !== top.vb) continue;
    if (!fits(top.a, top.b)) continue;
    // Keep the cluster with the larger link map and fold the other into it.
    const [keep, gone] = links[top.a]!.size >= links[top.b]!.size ? [top.a, top.b] : [top.b, top.a];
    const keepLinks = links[keep]!;
    keepLinks.delete(gone);
    for (const [other, sum] of links[gone]!) {
      if (other === keep) continue;
      keepLinks.set(other, (keepLinks.get(other) ?? 0) + sum);
      const otherLinks = links[other]!;
      otherLinks.delete(gone);
      otherLinks.set(keep, (otherLinks.get(keep) ?? 0) + sum);
    }
    links[gone] = new Map();
    alive[gone] = false;
    size[keep] = (size[keep] ?? 0) + (size[gone] ?? 0);
    earliest[keep] = knownMin(earliest[keep]!, earliest[gone]!);
    latest[keep] = knownMax(latest[keep]!, latest[gone]!);
    members[keep]!.push(...members[gone]!);
    members[gone] = [];
    version[keep] = (version[keep] ?? 0) + 1;
    for (const [other, sum] of keepLinks) offer(keep, other, sum);
  }

  const label = new Array<number>(count).fill(0);
  members.forEach((list) => {
    if (list.length === 0) return;
    let min = list[0] ?? 0;
    for (const i of list) min = Math.min(min, i);
    for (const i of list) label[i] = min;
  });
  return label;
}
