// Key points: near-equivalent sentences across sources clustered, ranked by how many sources carry them.
import type { Article, KeyPoint } from '../model.js';
import type { Similarity } from './select.js';
import type { SentenceUnit } from './units.js';

/** Two sentences this similar make the same point (looser than "same sentence": paraphrase counts). */
const KEY_POINT_COSINE = 0.4;
const MAX_KEY_POINTS = 8;
/**
 * Another source states a point only when its sentence carries most of the point's own words, not just words
 * alike enough by cosine: "The gunman was shot and killed by police." is not stated by "police said the woman shot
 * herself". Share of the shorter sentence's TF-IDF weight the two must share (set by reading the key points of
 * BBC + Multi-News stories: at 0.6 the supports dropped were the ones that did not say the point).
 */
const MIN_POINT_COVERAGE = 0.5;
/** Numbers a sentence states ("$2 trillion", "24", "3.9 million"): a point with numbers is stated only with one of them. */
const NUMBER_RE = /\d[\d,]*(?:\.\d+)?/g;

function numbersOf(text: string): Set<string> {
  return new Set((text.match(NUMBER_RE) ?? []).map((n) => n.replace(/,/g, '')));
}

/** Share of `a`'s TF-IDF weight on terms `b` also uses: rare words count most ("gunman" more than "police"). */
function coverage(a: SentenceUnit, b: SentenceUnit): number {
  const theirs = new Set(b.vector.ids);
  let shared = 0;
  let total = 0;
  a.vector.ids.forEach((id, k) => {
    const w = a.vector.weights[k] ?? 0;
    total += w;
    if (theirs.has(id)) shared += w;
  });
  return total > 0 ? shared / total : 0;
}

/** Whether `other` states what `point` says: alike, sharing most of the shorter one's rare words, and any number the point gives. */
function states(other: SentenceUnit, point: SentenceUnit, cosine: number): boolean {
  if (cosine < KEY_POINT_COSINE) return false;
  const shorter = other.vector.ids.length < point.vector.ids.length ? other : point;
  if (coverage(shorter, shorter === point ? other : point) < MIN_POINT_COVERAGE) return false;
  const numbers = numbersOf(point.text);
  if (numbers.size === 0) return true;
  const given = numbersOf(other.text);
  return [...numbers].some((n) => given.has(n));
}

/** With one source, its most important sentences stand in as key points. */
const SINGLE_SOURCE_POINTS = 5;

/** A source is a publisher; an article without a known publisher counts as its own source. */
export function sourceKey(article: Article): string {
  return article.publisher ? `publisher:${article.publisher.toLowerCase()}` : `article:${article.id}`;
}

/**
 * A sentence this similar to one of the summary's says what the summary already says: the summary tells the
 * story, key points add the distinct facts (54 % of key points were a summary sentence word for word).
 */
const SUMMARY_REPEAT_COSINE = 0.8;

/**
 * The story's distinct facts, each with the sources that carry it. `summary` holds the indexes of the units the
 * summary shows: neither they nor a sentence saying the same leads a key point.
 */
export function keyPoints(articles: readonly Article[], units: readonly SentenceUnit[], scores: readonly number[], sim: Similarity, summary: readonly number[] = []): KeyPoint[] {
  const sourceCount = new Set(articles.map(sourceKey)).size;
  const shown = new Set(summary);
  const repeatsSummary = (u: SentenceUnit): boolean => shown.has(u.index) || summary.some((k) => sim(u.index, k) >= SUMMARY_REPEAT_COSINE);
  const order = units.filter((u) => u.usable && !repeatsSummary(u)).sort((a, b) => (scores[b.index] ?? 0) - (scores[a.index] ?? 0) || a.index - b.index);
  const assigned = new Set<number>();
  const points: { point: KeyPoint; unit: SentenceUnit }[] = [];
  for (const unit of order) {
    if (assigned.has(unit.index)) continue;
    assigned.add(unit.index);
    const members = [unit];
    for (const other of order) {
      if (assigned.has(other.index) || other.articleIndex === unit.articleIndex) continue;
      if (states(other, unit, sim(unit.index, other.index))) {
        members.push(other);
        assigned.add(other.index);
      }
    }
    const articleIndexes = [...new Set(members.slice(1).map((m) => m.articleIndex))].filter((i) => i !== unit.articleIndex).sort((a, b) => a - b);
    const carriers = [articles[unit.articleIndex]!, ...articleIndexes.map((i) => articles[i]!)];
    const count = new Set(carriers.map(sourceKey)).size;
    if (sourceCount >= 2 && count < 2) continue;
    points.push({ point: { text: unit.text, articleIds: carriers.map((a) => a.id), sourceCount: count }, unit });
    if (sourceCount < 2 && points.length >= SINGLE_SOURCE_POINTS) break;
  }
  return points
    .sort((a, b) => b.point.sourceCount - a.point.sourceCount || a.unit.articleIndex - b.unit.articleIndex || a.unit.position - b.unit.position)
    .slice(0, MAX_KEY_POINTS)
    .map((p) => p.point);
}
