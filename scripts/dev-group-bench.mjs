#!/usr/bin/env node
// Grouping on the benchmark's synthetic corpora, scored against the corpus's own truth: the generator
// (../shared/bench/corpus.mjs) is replayed to learn each file's source, so a BBC article is one story and a
// Multi-News event is one story, a BBC section or an event one topic. Prints stories, topics, copies,
// grouping time and pair precision/recall/F1 for stories and topics.
//   node scripts/dev-group-bench.mjs --seeds /tmp/bench/c30000 --n 30000 [--jobs 2]
// (--seeds: a corpus written by `node ../shared/bench/corpus.mjs --n N --out DIR`, with the same N.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countCorpusLines } from '../dist/clean/index.js';
import { loadProfiles } from '../dist/clean/profiles.js';
import { groupArticles } from '../dist/group/index.js';
import { DEFAULT_CONFIG } from '../dist/config.js';
import { ingestFolder } from '../dist/ingest/index.js';
import { processArticles } from '../dist/work/articles.js';

const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : d; };
const seeds = arg('--seeds', null);
const n = Number(arg('--n', '0'));
if (!seeds || !n) {
  console.error('usage: node scripts/dev-group-bench.mjs --seeds DIR --n N [--jobs J]');
  process.exit(1);
}
const data = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'shared', 'data');

/** file → { story, topic }, replaying corpus.mjs's draws (it must stay in step with that script). */
function truth(count) {
  const read = (f) => (fs.readFileSync(f, 'latin1').includes('\uFFFD') ? '' : fs.readFileSync(f, 'utf8'));
  const split = (t) => t.split(/\n\s*\n|\n(?=\S)/).map((p) => p.trim()).filter((p) => p.length > 40);
  const groups = [];
  for (const sec of fs.readdirSync(path.join(data, 'bbc')).sort()) {
    const dir = path.join(data, 'bbc', sec);
    groups.push({ name: `bbc/${sec}`, bbc: true, docs: fs.readdirSync(dir).sort().map((f) => split(read(path.join(dir, f)).split('\n').slice(1).join('\n'))) });
  }
  for (const ev of fs.readdirSync(path.join(data, 'multinews')).sort()) {
    const dir = path.join(data, 'multinews', ev);
    groups.push({ name: `mn/${ev}`, bbc: false, docs: fs.readdirSync(dir).filter((f) => /^doc\d+\.txt$/.test(f)).sort().map((f) => split(read(path.join(dir, f))).slice(1)) });
  }
  let seed = 2143428;
  const rand = (k) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
  const out = new Map();
  for (let i = 0; i < count; i++) {
    const gi = rand(groups.length);
    const docs = groups[gi].docs;
    const b = rand(docs.length);
    rand(4);
    for (let k = rand(3); k > 0; k--) { const o = docs[rand(docs.length)]; if (o.length) rand(o.length); }
    const file = `${String(Math.floor(i / 1000)).padStart(3, '0')}/a${String(i).padStart(6, '0')}.txt`;
    out.set(file, { story: groups[gi].bbc ? `${groups[gi].name}#${b}` : groups[gi].name, topic: groups[gi].name });
  }
  return out;
}

/** Pair-counting precision, recall and F1 of `pred` against `gold` (both id → label). */
function pairScores(pred, gold) {
  const joint = new Map();
  const p = new Map();
  const g = new Map();
  for (const [id, label] of pred) {
    const key = `${label}\u0000${gold.get(id)}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
    p.set(label, (p.get(label) ?? 0) + 1);
    g.set(gold.get(id), (g.get(gold.get(id)) ?? 0) + 1);
  }
  const pairs = (m) => [...m.values()].reduce((s, v) => s + (v * (v - 1)) / 2, 0);
  const precision = pairs(joint) / pairs(p);
  const recall = pairs(joint) / pairs(g);
  return `P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${((2 * precision * recall) / (precision + recall)).toFixed(3)} (${p.size} predicted, ${g.size} true)`;
}

const raws = ingestFolder(seeds).raws;
const corpus = countCorpusLines(raws.map((r) => r.text));
const stage = await processArticles(raws, corpus, {
  profiles: loadProfiles([]),
  disabledRules: [],
  jobs: Number(arg('--jobs', String(Math.min(4, os.availableParallelism())))),
  cache: null,
  version: 'dev',
});
const outcomes = stage.outcomes.filter((o) => o.article);
const articles = outcomes.map((o) => o.article);
const stored = new Map(outcomes.map((o) => [o.article.id, o.features]));
const started = performance.now();
const g = groupArticles(articles, { ...DEFAULT_CONFIG.grouping, singleStory: false }, stored);
const seconds = (performance.now() - started) / 1000;
const known = truth(n);
const storyOf = new Map(g.stories.flatMap((s) => s.articleIds.map((id) => [id, s.id])));
const topicOfStory = new Map(g.topics.flatMap((t) => t.storyIds.map((s) => [s, t.id])));
const gold = (field) => new Map(articles.map((a) => [a.id, known.get(a.file)?.[field] ?? `unknown:${a.file}`]));
console.log(`${articles.length} articles: ${g.stories.length} stories, ${g.topics.length} topics, ${g.duplicates.reduce((s, d) => s + d.duplicateIds.length, 0)} copies in ${g.duplicates.length} sets; grouping ${seconds.toFixed(1)} s`);
console.log(`stories ${pairScores(storyOf, gold('story'))}`);
console.log(`topics  ${pairScores(new Map([...storyOf].map(([id, s]) => [id, topicOfStory.get(s)])), gold('topic'))}`);
