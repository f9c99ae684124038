#!/usr/bin/env node
// Dev harness: ROUGE of the summarizer on Multi-News instances through the real ingest → clean → extract,
// in-process (no CLI per instance), next to the eval's baselines, on the dev half (first half of the sorted
// instances) and the held-out half. Data read from ../shared/data at run time.
//   node scripts/dev-summarize-real.mjs [--limit N] [--words 230] [--dist DIR]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { firstWords, rouge } from '../../shared/eval/metrics.mjs';
import { firstSentences, lexrank } from '../../shared/eval/baselines.mjs';

const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : fallback; };
// --dist DIR reads a build made elsewhere (tsc --outDir DIR), so a build in progress in dist/ cannot disturb a run.
const dist = path.resolve(arg('--dist', 'dist'));
const load = (module) => import(path.join(dist, module));
const { cleanArticle, countCorpusLines } = await load('clean/index.js');
const { loadProfiles } = await load('clean/profiles.js');
const { extractArticle } = await load('extract/index.js');
const { ingestFolder } = await load('ingest/index.js');
const { summarizeStory } = await load('summarize/index.js');

const limit = Number(arg('--limit', '1000'));
const budget = Number(arg('--words', '230'));
const mn = path.resolve('../shared/data/multinews');
const profiles = loadProfiles([]);
const all = fs.readdirSync(mn).sort();
const half = Math.ceil(all.length / 2);
const rows = [];
for (const [k, inst] of all.slice(0, limit).entries()) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-sum-'));
  const files = fs.readdirSync(path.join(mn, inst)).filter((x) => /^doc\d+\.txt$/.test(x)).sort();
  files.forEach((f, i) => fs.copyFileSync(path.join(mn, inst, f), path.join(tmp, `${inst}-${i}.txt`)));
  const docs = files.map((f) => fs.readFileSync(path.join(mn, inst, f), 'utf8'));
  const raws = ingestFolder(tmp).raws;
  fs.rmSync(tmp, { recursive: true });
  const context = { profiles, corpus: countCorpusLines(raws.map((r) => r.text)), disabledRules: [] };
  const articles = raws.flatMap((raw) => { const c = cleanArticle(raw, context); return c.paragraphs.length ? [extractArticle(raw, c)] : []; });
  const reference = fs.readFileSync(path.join(mn, inst, 'summary.txt'), 'utf8');
  const ours = articles.length ? summarizeStory(articles, { summaryWords: budget, topicSummaryWords: 160 }).summary : '';
  rows.push({
    part: k < half ? 'dev' : 'held-out',
    words: (ours.match(/\S+/g) ?? []).length,
    roundup: rouge(reference, firstWords(ours, budget)).rouge1,
    lead: rouge(reference, firstWords(docs.join('\n'), budget)).rouge1,
    'first-3': rouge(reference, firstWords(firstSentences(docs, 3), budget)).rouge1,
    lexrank: rouge(reference, firstWords(lexrank(docs, budget), budget)).rouge1,
  });
}
const mean = (rs, key) => rs.reduce((a, r) => a + r[key], 0) / Math.max(1, rs.length);
for (const [name, rs] of [['dev', rows.filter((r) => r.part === 'dev')], ['held-out', rows.filter((r) => r.part === 'held-out')], ['all', rows]]) {
  if (rs.length === 0) continue;
  const best = Math.max(mean(rs, 'lead'), mean(rs, 'first-3'), mean(rs, 'lexrank'));
  console.log(`${name.padEnd(8)} ${String(rs.length).padStart(3)} instances: R-1 ${mean(rs, 'roundup').toFixed(2)}  lead ${mean(rs, 'lead').toFixed(2)} first-3 ${mean(rs, 'first-3').toFixed(2)} lexrank ${mean(rs, 'lexrank').toFixed(2)}  margin ${(mean(rs, 'roundup') - best).toFixed(2)}  words ${mean(rs, 'words').toFixed(0)}`);
}
