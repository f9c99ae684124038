// Key points: near-equivalent sentences across sources clustered, ranked by how many sources carry them.
import type { Article, KeyPoint } from '../model.js';
import type { Similarity } from './select.js';
import type { SentenceUnit } from './units.js';

/** Two sentences this similar make the same point (looser than "same sentence": paraphrase counts). */
const KEY_POINT_COSINE = 0.4;
const MAX_KEY_POINTS = 8;
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
      if (sim(unit.index, other.index) >= KEY_POINT_COSINE) {
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
