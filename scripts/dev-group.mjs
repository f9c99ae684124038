#!/usr/bin/env node
// Dev harness for the group stage without the CLI: builds Article-like objects straight from text files
// (read at run time from ../shared/data or seeds/) and prints grouping figures.
//   node scripts/dev-group.mjs seeds|multinews|bbc [--story T] [--topic T] [--pairs]
import fs from 'node:fs';
import path from 'node:path';
import { groupArticles } from '../dist/group/index.js';
import { makeArticleId } from '../dist/ids.js';
import { clustering } from '../../shared/eval/metrics.mjs';

export const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const mode = process.argv[2] ?? 'seeds';
const data = path.resolve('../shared/data');

/** A crude stand-in for clean + extract: first line is the title, blank-line (or line) paragraphs. */
export function toArticle(file, text) {
  const lines = text.replace(/\r/g, '').split('\n');
  const title = (lines.find((l) => l.trim()) ?? file).trim();
  const rest = lines.slice(lines.indexOf(lines.find((l) => l.trim()) ?? '') + 1).join('\n');
  const paragraphs = rest.split(/\n\s*\n|\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const body = paragraphs.join('\n\n');
  return {
    id: makeArticleId(title, file), file, format: 'text', title, titleSource: 'headline', standfirst: null,
    publisher: null, agencies: [], url: null, date: null, language: 'en', text: body, paragraphs,
    wordCount: body.split(/\s+/).length, entities: [], quotes: [], hash: file,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) main();
function main() {
const options = { storyThreshold: Number(arg('--story', '0.5')), topicThreshold: Number(arg('--topic', '0.2')), singleStory: false };
const files = [];
if (mode === 'seeds') for (const f of fs.readdirSync('seeds').sort()) files.push([path.join('seeds', f), f]);
if (mode === 'multinews') for (const inst of fs.readdirSync(path.join(data, 'multinews')).sort())
  for (const f of fs.readdirSync(path.join(data, 'multinews', inst)).filter((x) => /^doc\d+\.txt$/.test(x))) files.push([path.join(data, 'multinews', inst, f), inst]);
if (mode === 'bbc') for (const cat of fs.readdirSync(path.join(data, 'bbc')).sort())
  for (const f of fs.readdirSync(path.join(data, 'bbc', cat)).sort()) files.push([path.join(data, 'bbc', cat, f), cat]);

const articles = files.map(([p]) => toArticle(p, fs.readFileSync(p, 'utf8')));
const truth = new Map(articles.map((a, i) => [a.id, files[i][1]]));
const t0 = performance.now();
const g = groupArticles(articles, options);
const ms = performance.now() - t0;
const story = new Map(), topic = new Map();
for (const s of g.stories) for (const id of s.articleIds) story.set(id, s.id);
for (const t of g.topics) for (const s of t.storyIds) topic.set(s, t.id);
const byTopic = new Map([...truth.keys()].map((id) => [id, topic.get(story.get(id))]));
const s = clustering(truth, story), t = clustering(truth, byTopic);
const sizes = new Map();
for (const v of byTopic.values()) sizes.set(v, (sizes.get(v) ?? 0) + 1);
const shared = [...byTopic.values()].filter((v) => sizes.get(v) > 1).length / truth.size;
console.log(`${articles.length} articles -> ${g.stories.length} stories, ${g.topics.length} topics in ${ms.toFixed(0)} ms`);
console.log(`stories: B3 P ${s.bcubedP.toFixed(3)} R ${s.bcubedR.toFixed(3)} F1 ${s.bcubedF1.toFixed(3)} ARI ${s.ari.toFixed(3)}`);
console.log(`topics: purity ${t.purity.toFixed(3)} NMI ${t.nmi.toFixed(3)} shared ${shared.toFixed(3)}`);
if (mode === 'seeds') for (const st of g.stories) console.log(st.id, st.articleIds.map((id) => articles.find((a) => a.id === id).file));
if (mode === 'seeds') console.log(JSON.stringify(g.topics));
}
