#!/usr/bin/env node
// Dev harness for the summarize stage without the CLI: groups and summarizes the seeds (or given files) and prints the result.
//   node scripts/dev-summarize.mjs [file...] [--words N]
import fs from 'node:fs';
import path from 'node:path';
import { groupArticles } from '../dist/group/index.js';
import { summarizeStory, summarizeTopic } from '../dist/summarize/index.js';
import { toArticle, arg } from './dev-group.mjs';

const words = Number(arg('--words', '120'));
const given = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--words');
const files = given.length ? given : fs.readdirSync('seeds').sort().map((f) => path.join('seeds', f));
const articles = files.map((f) => toArticle(f, fs.readFileSync(f, 'utf8')));
const byId = new Map(articles.map((a) => [a.id, a]));
const g = groupArticles(articles, { storyThreshold: 0.07, topicThreshold: 0.08, singleStory: given.length > 0 });
const options = { summaryWords: words, topicSummaryWords: 160 };
const stories = g.stories.map((s) => ({ id: s.id, articleIds: s.articleIds, topicId: '', ...summarizeStory(s.articleIds.map((id) => byId.get(id)), options) }));
for (const s of stories) {
  console.log('\n#', s.title, s.articleIds.map((id) => byId.get(id).file));
  console.log(JSON.stringify({ ...s, summary: undefined }, null, 1).slice(0, 6000));
}
for (const t of g.topics) console.log('\nTOPIC', JSON.stringify(summarizeTopic(stories.filter((s) => t.storyIds.includes(s.id)), articles, options)));
