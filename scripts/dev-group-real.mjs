#!/usr/bin/env node
// Dev harness: the real ingest → clean → extract on the pooled Multi-News events (and the seeds), then
// grouping at several story thresholds, in-process (no CLI per run). Data read from ../shared/data at run time.
//   node scripts/dev-group-real.mjs 0.05 0.07 0.09
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanArticle, countCorpusLines } from '../dist/clean/index.js';
import { loadProfiles } from '../dist/clean/profiles.js';
import { extractArticle } from '../dist/extract/index.js';
import { groupArticles } from '../dist/group/index.js';
import { ingestFolder } from '../dist/ingest/index.js';
import { clustering } from '../../shared/eval/metrics.mjs';

function load(dir) {
  const raws = ingestFolder(dir).raws;
  const corpus = countCorpusLines(raws.map((r) => r.text));
  const context = { profiles: loadProfiles([]), corpus, disabledRules: [] };
  return raws.flatMap((raw) => {
    const cleaned = cleanArticle(raw, context);
    return cleaned.paragraphs.length ? [extractArticle(raw, cleaned)] : [];
  });
}

const mn = path.resolve('../shared/data/multinews');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-group-real-'));
const truthByFile = new Map();
for (const inst of fs.readdirSync(mn).sort()) for (const f of fs.readdirSync(path.join(mn, inst)).filter((x) => /^doc\d+\.txt$/.test(x))) {
  const name = `${inst}-${f}`;
  fs.copyFileSync(path.join(mn, inst, f), path.join(tmp, name));
  truthByFile.set(name, inst);
}
const articles = load(tmp);
const seeds = load('seeds');
fs.rmSync(tmp, { recursive: true });
const truth = new Map(articles.map((a) => [a.id, truthByFile.get(a.file)]));
for (const t of process.argv.slice(2).map(Number)) {
  const g = groupArticles(articles, { storyThreshold: t, topicThreshold: 0.08, singleStory: false });
  const story = new Map();
  for (const s of g.stories) for (const id of s.articleIds) story.set(id, s.id);
  const m = clustering(truth, story);
  const sg = groupArticles(seeds, { storyThreshold: t, topicThreshold: 0.08, singleStory: false });
  const seedStories = sg.stories.map((s) => s.articleIds.map((id) => seeds.find((a) => a.id === id).file.slice(0, 3)).sort().join('+')).sort().join(' ');
  console.log(`t ${t}: B3 P ${m.bcubedP.toFixed(3)} R ${m.bcubedR.toFixed(3)} F1 ${m.bcubedF1.toFixed(3)} | seeds ${seedStories}`);
}
if (process.env.SHOW) {
  const g = groupArticles(articles, { storyThreshold: Number(process.env.SHOW), topicThreshold: 0.08, singleStory: false });
  const byId = new Map(articles.map((a) => [a.id, a]));
  console.log('MIXED');
  for (const s of g.stories) {
    const insts = new Set(s.articleIds.map((id) => truth.get(id)));
    if (insts.size > 1) console.log(s.articleIds.map((id) => `${byId.get(id).file} (${byId.get(id).wordCount}w) ${byId.get(id).title.slice(0, 60)}`).join('\n   '));
  }
  console.log('SPLIT');
  const storyOf = new Map();
  for (const s of g.stories) for (const id of s.articleIds) storyOf.set(id, s.id);
  const byInst = new Map();
  for (const a of articles) byInst.set(truth.get(a.id), [...(byInst.get(truth.get(a.id)) ?? []), a]);
  for (const [inst, list] of byInst) {
    const ss = [...new Set(list.map((a) => storyOf.get(a.id)))];
    if (ss.length > 1) console.log(inst, list.map((a) => `${a.file.slice(6, 10)}:${ss.indexOf(storyOf.get(a.id))}:${a.wordCount}w ${a.title.slice(0, 35)}`).join(' | '));
  }
}
