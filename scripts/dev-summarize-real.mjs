#!/usr/bin/env node
// Dev harness: ROUGE of the summarizer on Multi-News instances through the real ingest → clean → extract,
// in-process (no CLI per instance), next to the lead baseline. Data read from ../shared/data at run time.
//   node scripts/dev-summarize-real.mjs [--limit N] [--words 230]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanArticle, countCorpusLines } from '../dist/clean/index.js';
import { loadProfiles } from '../dist/clean/profiles.js';
import { extractArticle } from '../dist/extract/index.js';
import { ingestFolder } from '../dist/ingest/index.js';
import { summarizeStory } from '../dist/summarize/index.js';
import { firstWords, rouge } from '../../shared/eval/metrics.mjs';
import { arg } from './dev-group.mjs';

const limit = Number(arg('--limit', '1000'));
const budget = Number(arg('--words', '230'));
const mn = path.resolve('../shared/data/multinews');
const profiles = loadProfiles([]);
const rows = [];
for (const inst of fs.readdirSync(mn).sort().slice(0, limit)) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-sum-'));
  const docs = fs.readdirSync(path.join(mn, inst)).filter((x) => /^doc\d+\.txt$/.test(x)).sort();
  docs.forEach((f, i) => fs.copyFileSync(path.join(mn, inst, f), path.join(tmp, `${inst}-${i}.txt`)));
  const raws = ingestFolder(tmp).raws;
  fs.rmSync(tmp, { recursive: true });
  const context = { profiles, corpus: countCorpusLines(raws.map((r) => r.text)), disabledRules: [] };
  const articles = raws.flatMap((raw) => { const c = cleanArticle(raw, context); return c.paragraphs.length ? [extractArticle(raw, c)] : []; });
  const reference = fs.readFileSync(path.join(mn, inst, 'summary.txt'), 'utf8');
  const ours = articles.length ? summarizeStory(articles, { summaryWords: budget, topicSummaryWords: 160 }).summary : '';
  rows.push(rouge(reference, firstWords(ours, budget)).rouge1);
}
console.log(`instances ${rows.length}: R-1 ${(rows.reduce((a, b) => a + b, 0) / rows.length).toFixed(2)}`);
