#!/usr/bin/env node
// Scaling check for the group stage: synthetic corpora of N articles, each 15 sentences drawn from the
// BBC and Multi-News sentences in ../shared/data (read at run time). Prints time and heap per N.
//   node scripts/dev-group-scale.mjs 2000 5000 10000
import fs from 'node:fs';
import path from 'node:path';
import { groupArticles } from '../dist/group/index.js';
import { splitSentences } from '../dist/text/sentences.js';
import { toArticle } from './dev-group.mjs';

const data = path.resolve('../shared/data');
const pool = [];
for (const cat of fs.readdirSync(path.join(data, 'bbc')).sort())
  for (const f of fs.readdirSync(path.join(data, 'bbc', cat)).sort())
    for (const p of fs.readFileSync(path.join(data, 'bbc', cat, f), 'utf8').split(/\n+/).slice(1)) pool.push(...splitSentences(p));
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (const n of process.argv.slice(2).map(Number)) {
  const articles = [];
  for (let i = 0; i < n; i++) {
    const body = Array.from({ length: 15 }, () => pool[Math.floor(rand() * pool.length)]).join('\n\n');
    articles.push(toArticle(`synthetic-${i}.txt`, `Synthetic ${i} ${pool[Math.floor(rand() * pool.length)].slice(0, 40)}\n\n${body}`));
  }
  const t0 = performance.now();
  const g = groupArticles(articles, { storyThreshold: 0.07, topicThreshold: 0.08, singleStory: false });
  const ms = performance.now() - t0;
  console.log(`${n} articles (pool ${pool.length} sentences): ${(ms / 1000).toFixed(1)} s, ${g.stories.length} stories, ${g.topics.length} topics, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}
