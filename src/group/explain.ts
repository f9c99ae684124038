// Why two inputs are, or are not, one story and one topic: the evidence, the model's weights, the score and
// the threshold, as `roundup explain --pair` prints them. Pure: a built digest in, lines of text out.
import type { Digest } from '../model.js';
import { storyPairsOf, STORY_MAX_DAYS, TOPIC_NAME_WEIGHT } from './index.js';
import { contributions, STORY_FEATURE_TEXT, STORY_FEATURES, storyModel } from './story-model.js';

const num = (x: number): string => (x >= 0 ? ' ' : '') + x.toFixed(3);

/** Lines explaining the pair of articles made from `fileA` and `fileB` (paths relative to the seeds folder). */
export function explainPair(digest: Digest, fileA: string, fileB: string, thresholds: { story: number; topic: number }): string[] {
  const find = (file: string) => {
    const a = digest.articles.find((x) => x.file === file);
    if (!a) throw new Error(`${file}: no article of the run was made from it (skipped, or not under the seeds folder)`);
    return a;
  };
  const first = find(fileA);
  const second = find(fileB);
  const model = storyModel();
  const { articles, pairs, copies, score, topicPair } = storyPairsOf(digest.articles, model);
  const ia = articles.findIndex((x) => x.id === first.id);
  const ib = articles.findIndex((x) => x.id === second.id);
  const [lo, hi] = ia < ib ? [ia, ib] : [ib, ia];
  const candidate = pairs.find((p) => p.a === lo && p.b === hi);
  const pair = candidate ?? score(lo, hi);
  const storyOf = (id: string) => digest.stories.find((s) => s.articleIds.includes(id));
  const topicOf = (storyId: string | undefined) => digest.topics.find((t) => storyId !== undefined && t.storyIds.includes(storyId));
  const sa = storyOf(first.id);
  const sb = storyOf(second.id);
  const out: string[] = [];
  out.push(`A: ${fileA} — ${JSON.stringify(first.title)}${first.date ? `, ${first.date}` : ', undated'}`);
  out.push(`B: ${fileB} — ${JSON.stringify(second.title)}${second.date ? `, ${second.date}` : ', undated'}`);
  const copySet = copies.find((c) => [c.canonical, ...c.copies].includes(ia) && [c.canonical, ...c.copies].includes(ib));
  if (copySet) out.push('They are copies of one text (80 % of the shorter one\'s shingles in the other): a copy always joins its canonical\'s story.');
  out.push('');
  out.push(`Story: ${candidate ? 'a candidate pair (they share rare keys)' : 'not a candidate pair (no rare key in common among their nearest partners), so grouping never weighed them; as it would:'}`);
  const contrib = contributions(pair.features, model);
  STORY_FEATURES.forEach((f, k) => {
    out.push(`  ${f.padEnd(17)} ${num(pair.features[k]!)} × ${num(model.weights[k]!)} = ${num(contrib[k]!)}   ${STORY_FEATURE_TEXT[f]}`);
  });
  const z = model.bias + contrib.reduce((s, c) => s + c, 0);
  out.push(`  ${'bias'.padEnd(17)} ${num(model.bias)}`);
  out.push(`  log-odds ${num(z)} → probability ${pair.probability.toFixed(3)}; a story's pairs must average ≥ ${thresholds.story}`);
  if (first.date && second.date) {
    const gap = Math.abs(Date.parse(first.date) - Date.parse(second.date)) / 86_400_000;
    out.push(`  dated ${gap.toFixed(0)} day(s) apart: ${gap > STORY_MAX_DAYS ? `over ${STORY_MAX_DAYS}, so never one story (a follow-up is a new story of the topic)` : `within the ${STORY_MAX_DAYS} days one story may span`}`);
  }
  out.push(`  in this run: ${sa && sa === sb ? `one story (${sa.id}, ${sa.articleIds.length} articles)` : `different stories (${sa?.id ?? '?'} and ${sb?.id ?? '?'})`}`);
  out.push('');
  const ta = topicOf(sa?.id);
  const tb = topicOf(sb?.id);
  if (sa && sb && sa !== sb) {
    const stories = digest.stories.map((s) => s.articleIds);
    const t = topicPair(stories, digest.stories.indexOf(sa), digest.stories.indexOf(sb));
    out.push(`Topic: their stories' centroid cosine ${t.cosine.toFixed(3)} × ${1 - TOPIC_NAME_WEIGHT} + shared uncommon names ${t.names.toFixed(3)} × ${TOPIC_NAME_WEIGHT} = ${t.score.toFixed(3)}; stories join a topic when their pairs average ≥ ${thresholds.topic}`);
  } else {
    out.push('Topic: one story, so one topic.');
  }
  out.push(`  in this run: ${ta && ta === tb ? `one topic (${ta.id})` : `different topics (${ta?.id ?? '?'} and ${tb?.id ?? '?'})`}`);
  return out;
}
