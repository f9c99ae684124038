// Measures English name finding: compromise over the whole article (people(), places(), organizations(), as extract
// used it) against src/extract/proper-names.ts, both through the same merging and counting (indexMentions).
// Per article: Jaccard of the entity sets (kind and name), of the names alone and of the top five; CPU ms per article.
//
//   npx tsc -p . && npx roundup preprocess --seeds <seeds> --content /tmp/c --no-cache
//   node scripts/entity-agreement.mjs /tmp/c [more content folders] [--diffs 30]
import fs from 'node:fs';
import path from 'node:path';
import { entityKey, indexMentions } from '../dist/extract/entities.js';
import { findProperNames } from '../dist/extract/proper-names.js';
import { nlp } from '../dist/extract/tagger.js';

const args = process.argv.slice(2);
const diffsAt = args.indexOf('--diffs');
const showDiffs = diffsAt >= 0 ? Number(args[diffsAt + 1]) : 0;
const folders = args.filter((a, i) => !a.startsWith('--') && (diffsAt < 0 || i !== diffsAt + 1));
if (folders.length === 0) {
  console.error('usage: node scripts/entity-agreement.mjs <content folder of roundup preprocess>... [--diffs N]');
  process.exit(1);
}

/** compromise's names, as src/extract/entities.ts read them before proper-names.ts. */
function compromiseNames(text) {
  const doc = nlp(text);
  return [
    ...doc.people().out('array').map((surface) => ({ surface, kind: 'person' })),
    ...doc.places().out('array').map((surface) => ({ surface, kind: 'place' })),
    ...doc.organizations().out('array').map((surface) => ({ surface, kind: 'organization' })),
  ];
}

// The text extract reads names from (entityText in src/extract/index.ts): title, standfirst unless it repeats the lead, paragraphs.
const fold = (s) => s.replace(/\s+/g, ' ').trim().toLowerCase();
function entityText(a) {
  const repeats = a.standfirst !== null && fold(a.paragraphs[0] ?? '').includes(fold(a.standfirst).slice(0, 60));
  return [a.titleSource === 'first-sentence' ? null : a.title, repeats ? null : a.standfirst, ...a.paragraphs].filter((p) => p !== null).join('\n\n');
}

const keys = (entities) => new Set(entities.map((e) => `${e.kind}:${entityKey(e.name)}`));
function jaccard(a, b) {
  const union = new Set([...a, ...b]);
  if (union.size === 0) return 1;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / union.size;
}
function timed(fn) {
  const start = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(start);
  return { value, ms: (used.user + used.system) / 1000 };
}

for (const folder of folders) {
  const digest = JSON.parse(fs.readFileSync(path.join(folder, '_data', 'digest.json'), 'utf8'));
  const texts = digest.articles.filter((a) => a.language === 'en' || a.language === null).map(entityText);
  for (const text of texts.slice(0, 3)) compromiseNames(text); // warm up both
  let before = 0, after = 0, all = 0, names = 0, top = 0;
  const diffs = new Map();
  for (const text of texts) {
    const old = timed(() => indexMentions(text, compromiseNames(text)).entities);
    const now = timed(() => indexMentions(text, findProperNames(text)).entities);
    before += old.ms;
    after += now.ms;
    const a = keys(old.value), b = keys(now.value);
    all += jaccard(a, b);
    names += jaccard(new Set(old.value.map((e) => entityKey(e.name))), new Set(now.value.map((e) => entityKey(e.name))));
    top += jaccard(keys(old.value.slice(0, 5)), keys(now.value.slice(0, 5)));
    for (const x of a) if (!b.has(x)) diffs.set(`- ${x}`, (diffs.get(`- ${x}`) ?? 0) + 1);
    for (const x of b) if (!a.has(x)) diffs.set(`+ ${x}`, (diffs.get(`+ ${x}`) ?? 0) + 1);
  }
  const n = Math.max(1, texts.length);
  console.log(
    `${folder}: ${texts.length} English articles; Jaccard kind+name ${(all / n).toFixed(3)}, name ${(names / n).toFixed(3)}, ` +
      `top-5 ${(top / n).toFixed(3)}; CPU ms per article (names, merging and counting) compromise ${(before / n).toFixed(1)}, proper-names ${(after / n).toFixed(1)}`,
  );
  if (showDiffs > 0) {
    const rows = [...diffs].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1)).slice(0, showDiffs);
    for (const [k, v] of rows) console.log(`  ${k} (${v} articles)`);
  }
}
