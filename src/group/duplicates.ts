// Near-duplicates: the same text run by several outlets (a wire story) or saved twice, found among candidate pairs only.
import { compareText } from '../ids.js';
import type { Article } from '../model.js';
import { sharedCount } from './shingle-table.js';

/**
 * Two texts are copies when this share of the smaller one's distinct 5-word shingles is in the other: a wire
 * story re-run with a new headline, a dateline and an added sentence keeps ~0.9 (test/fixtures/group/wire-*),
 * while two outlets' own reports of one event share a few quoted sentences, well under 0.5.
 */
export const DUPLICATE_CONTAINMENT = 0.8;
/**
 * …and the smaller has at least this share of the larger's shingles, so a short brief quoted whole inside a
 * long feature is not called a copy of it.
 */
const DUPLICATE_SIZE_RATIO = 0.6;
/** Texts shorter than this many shingles (~ two sentences) are too short to call copies by their wording. */
const DUPLICATE_MIN_SHINGLES = 12;

/** Articles of one story that carry the same text: shown once, the copies as "also published by". */
export interface CopySet {
  readonly canonical: number;
  /** Indexes of the other copies, ascending. */
  readonly copies: readonly number[];
}

/** Is the pair a copy by wording? `a` and `b` are sorted distinct shingle hashes. */
export function isNearDuplicate(a: Uint32Array, b: Uint32Array): boolean {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length < DUPLICATE_MIN_SHINGLES || small.length < DUPLICATE_SIZE_RATIO * large.length) return false;
  return sharedCount(small, large) >= DUPLICATE_CONTAINMENT * small.length;
}

/**
 * The copy shown: earliest known date (undated last), then the longest text, then the first file path in
 * byte order (as ingest names the later file the copy; an id's hash would pick at random), then the id.
 */
export function compareCanonical(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  if (a.text.length !== b.text.length) return b.text.length - a.text.length;
  if (a.file !== b.file) return compareText(a.file, b.file);
  return compareText(a.id, b.id);
}

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/**
 * Sets of copies among `articles`, judged only on the candidate `pairs` (so sub-quadratic); a chain of copies
 * (A≈B, B≈C) is one set. Sorted by canonical index.
 */
export function findDuplicates(
  articles: readonly Article[],
  shingles: readonly Uint32Array[],
  pairs: readonly (readonly [number, number])[],
): CopySet[] {
  const parent = Int32Array.from(articles.keys());
  let found = false;
  for (const [a, b] of pairs) {
    if (!isNearDuplicate(shingles[a]!, shingles[b]!)) continue;
    found = true;
    const ra = find(parent, a);
    const rb = find(parent, b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  if (!found) return [];
  const sets = new Map<number, number[]>();
  for (let i = 0; i < articles.length; i++) {
    const root = find(parent, i);
    const list = sets.get(root);
    if (list) list.push(i);
    else sets.set(root, [i]);
  }
  const out: CopySet[] = [];
  for (const members of sets.values()) {
    if (members.length < 2) continue;
    const canonical = members.reduce((best, i) => (compareCanonical(articles[i]!, articles[best]!) < 0 ? i : best));
    out.push({ canonical, copies: members.filter((i) => i !== canonical).sort((x, y) => x - y) });
  }
  return out.sort((x, y) => x.canonical - y.canonical);
}
