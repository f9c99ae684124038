#!/usr/bin/env node
// Benchmark: builds corpora of N articles from ../shared/data (via ../shared/bench/corpus.mjs), then for each:
//   - a full build from cold (empty cache): total, preprocess, render, and Eleventy's and Pagefind's share;
//   - a rebuild after one article changed (same cache): what incremental work costs;
//   - the same corpus with site.articleText "excerpt" (same cache): the site's size when only leads are published;
//   - Eleventy alone rendering the same number of plain Markdown pages (the floor Eleventy itself sets);
// and first, reading one 30 MB saved page as HTML versus the same text as .txt (scripts/bench-ingest.mjs).
// Besides the generated corpora it runs the real dated articles of ../shared/data/allsides (Markdown with front
// matter; copied to a temporary folder, read from ../shared, never into the project), unless --no-real.
// Each figure is also given as a ratio to Eleventy alone on as many plain pages, run in the same bench (machines
// here differ by 3x in speed; the ratio is what a goal is stated in), with the site's size and file count.
// Peak memory is the largest sum of resident memory over the whole process tree (the build, its worker
// threads and its shard processes), sampled from /proc every 100 ms.
//   npm run bench [-- --sizes 1000,10000,100000] [--no-real] [--out bench-results/results.json] [--ingest-mb 30]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`Usage: npm run bench [-- options]

Builds generated corpora of real-length articles (../shared/bench/corpus.mjs) and the real AllSides articles,
and reports for each: full build from a cold cache (time, peak memory of the process tree, stages), a rebuild
after one paragraph changed, the site with site.articleText "excerpt", and Eleventy alone on as many plain
pages, with every figure also as a ratio to that (machines differ; the ratio is what goals are stated in).

Options:
  --sizes N,N,...   generated corpus sizes (default: 1000,10000)
  --no-real         leave out the AllSides articles
  --out FILE        results as JSON (default: bench-results/results.json)
  --ingest-mb N     size of the saved page of the ingest comparison (default: 30)
  -h, --help        this text`);
  process.exit(0);
}
const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : d; };
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const sizes = arg('--sizes', '1000,10000').split(',').map(Number);
const outFile = path.resolve(arg('--out', path.join(root, 'bench-results', 'results.json')));
const corpusScript = path.join(root, '..', 'shared', 'bench', 'corpus.mjs');
if (!fs.existsSync(corpusScript)) {
  console.error(`bench: ${corpusScript} not found (the benchmark reads its data from ../shared, beside the project)`);
  process.exit(1);
}
const SAMPLE_MS = 100;

/** Resident memory (bytes) of `pid` and all its descendants, from /proc; 0 where /proc is missing. */
function treeRss(pid) {
  let procs;
  try {
    procs = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  const children = new Map();
  const rss = new Map();
  for (const p of procs) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(p), Number(fields[21]) * 4096);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(p));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Runs a command, timing it and sampling its process tree's memory; resolves with seconds, peak MB and stderr. */
function timed(label, cmd, args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, CI: '1' } });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.on('data', () => {});
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), SAMPLE_MS);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`${label} failed (${code}):\n${stderr.slice(-3000)}`));
      const peakMB = peak ? Math.round(peak / 2 ** 20) : null;
      console.log(`  ${label.padEnd(30)} ${seconds.toFixed(1).padStart(7)} s   peak ${peakMB ? `${peakMB} MB` : 'n/a'}`);
      resolve({ seconds: Number(seconds.toFixed(2)), peakMB, stderr });
    });
  });
}

/** The CLI's closing "took" line: total, preprocess, render, and Eleventy's and Pagefind's time in the shards. */
function stages(stderr) {
  const m = /took ([\d.]+) s: preprocess ([\d.]+) s, render ([\d.]+) s \(in the shards' processes: Eleventy ([\d.]+) s, Pagefind ([\d.]+) s\)/.exec(stderr);
  const shards = /\((\d+) shards?(?:, (\d+) unchanged)?/.exec(stderr);
  const cached = /\((\d+) results from the cache\)/.exec(stderr);
  const pages = /(\d+) pages? rendered\)/.exec(stderr);
  const site = /site: ([\d.]+) (KB|MB|GB) in ([\d,]+) files/.exec(stderr);
  return {
    preprocess: m ? Number(m[2]) : null,
    render: m ? Number(m[3]) : null,
    eleventyInShards: m ? Number(m[4]) : null,
    pagefindInShards: m ? Number(m[5]) : null,
    shards: shards ? Number(shards[1]) : null,
    shardsReused: shards ? Number(shards[2] ?? 0) : null,
    pagesRendered: pages ? Number(pages[1]) : null,
    cacheHits: cached ? Number(cached[1]) : 0,
    siteMB: site ? Number((Number(site[1]) * { KB: 1 / 1024, MB: 1, GB: 1024 }[site[2]]).toFixed(1)) : null,
    siteFiles: site ? Number(site[3].replace(/,/g, '')) : null,
    /** The closing line's time per stage ("read 0.3 s, corpus 0.3 s, clean+extract …"), as printed. */
    stageLine: /; stages: ([^\n]+)/.exec(stderr)?.[1] ?? null,
  };
}

/** The same number of plain Markdown pages through Eleventy with no config: the floor Eleventy itself sets. */
async function plainEleventy(n, dir) {
  const input = path.join(dir, 'plain-in');
  fs.mkdirSync(input, { recursive: true });
  for (let i = 0; i < n; i++) fs.writeFileSync(path.join(input, `p${i}.md`), `---\ntitle: Page ${i}\ndate: 2020-01-01\n---\n# Page ${i}\n\nSome text for page ${i}.\n`);
  const run = await timed('eleventy, plain pages', process.execPath, [path.join(root, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'), `--input=${input}`, `--output=${path.join(dir, 'plain-out')}`, '--quiet', '--config=/dev/null']);
  return { seconds: run.seconds, peakMB: run.peakMB };
}

/**
 * Adds a paragraph to one article of the corpus (the middle file in name order), after its first paragraph:
 * inside the article, where the cleaner keeps it (a line appended after the page's closing share and
 * newsletter prompts is dropped as boilerplate, and then no page changes at all).
 */
function changeOneArticle(seeds) {
  const files = [];
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : files.push(path.join(d, e.name))));
  walk(seeds);
  files.sort();
  const file = files[Math.floor(files.length / 2)];
  const blocks = fs.readFileSync(file, 'utf8').split('\n\n');
  blocks.splice(2, 0, 'The agency added on Friday that a further statement on the matter would follow later in the week, once the review was complete.');
  fs.writeFileSync(file, blocks.join('\n\n'));
  return path.relative(seeds, file);
}

const results = { date: new Date().toISOString().slice(0, 10), machine: { cpus: os.cpus().length, memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, ingest: null, runs: [] };
results.ingest = await new Promise((resolve, reject) => {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'bench-ingest.mjs'), '--mb', arg('--ingest-mb', '30'), '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c) => {
    out += c;
    process.stdout.write(String(c).split('\n').filter((l) => !l.startsWith('{')).join('\n'));
  });
  child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1))) : reject(new Error(`bench-ingest failed (${code})`))));
});
const cli = path.join(root, 'dist', 'cli.js');
/** The corpora to run: generated ones of each size, then the real AllSides articles (copied, as a build may not write them). */
const realDir = path.join(root, '..', 'shared', 'data', 'allsides', 'articles');
const corpora = [
  ...sizes.map((n) => ({ name: `generated ${n}`, make: (seeds) => new Promise((resolve) => spawn(process.execPath, [corpusScript, '--n', String(n), '--out', seeds], { stdio: 'inherit' }).on('close', resolve)) })),
  ...(process.argv.includes('--no-real') || !fs.existsSync(realDir) ? [] : [{ name: 'allsides (real)', make: (seeds) => fs.cpSync(realDir, seeds, { recursive: true }) }]),
];
const countFiles = (d) => fs.readdirSync(d, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(d, e.name)) : 1), 0);
const ratio = (x, y) => (x && y ? Number((x / y).toFixed(2)) : null);
for (const corpus of corpora) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-bench-'));
  const seeds = path.join(dir, 'seeds');
  await corpus.make(seeds);
  const n = countFiles(seeds);
  console.log(`${corpus.name}: ${n} articles (${dir})`);
  const build = ['build', '--seeds', seeds, '--content', path.join(dir, 'content'), '--out', path.join(dir, '_site'), '--cache', path.join(dir, 'cache')];
  const full = await timed('full build (cold cache)', process.execPath, [cli, ...build]);
  const changed = changeOneArticle(seeds);
  const again = await timed(`rebuild, one article changed`, process.execPath, [cli, ...build]);
  // The same corpus published with `site.articleText: "excerpt"` (the lead and a link instead of the whole text):
  // what a public site of other publishers' articles would weigh. Same cache, so only the write and render redo.
  const excerptConfig = path.join(dir, 'excerpt.config.json');
  fs.writeFileSync(excerptConfig, JSON.stringify({ site: { articleText: 'excerpt' } }));
  const excerpt = await timed('build, site.articleText excerpt', process.execPath, [cli, ...build.slice(0, 3), '--out', path.join(dir, '_site-excerpt'), '--content', path.join(dir, 'content-excerpt'), '--cache', path.join(dir, 'cache'), '--config', excerptConfig]);
  const plain = await plainEleventy(n, dir);
  const fullStages = stages(full.stderr);
  const againStages = stages(again.stderr);
  const excerptStages = stages(excerpt.stderr);
  results.runs.push({
    corpus: corpus.name,
    articles: n,
    full: { seconds: full.seconds, peakMB: full.peakMB, ...fullStages },
    rebuildOneChanged: { file: changed, seconds: again.seconds, peakMB: again.peakMB, ...againStages, shareOfFull: Number((again.seconds / full.seconds).toFixed(3)) },
    excerpt: { seconds: excerpt.seconds, peakMB: excerpt.peakMB, siteMB: excerptStages.siteMB, siteFiles: excerptStages.siteFiles },
    eleventyPlain: plain,
    buildVsPlain: ratio(full.seconds, plain.seconds),
    renderVsPlain: ratio(fullStages.render, plain.seconds),
    peakVsPlain: ratio(full.peakMB, plain.peakMB),
  });
  console.log(`  stages: preprocess ${fullStages.preprocess} s, render ${fullStages.render} s (Eleventy ${fullStages.eleventyInShards} s, Pagefind ${fullStages.pagefindInShards} s summed over ${fullStages.shards} shards)`);
  console.log(`  stage times of the full build: ${fullStages.stageLine ?? 'n/a'}`);
  console.log(`  stage times of the rebuild:    ${againStages.stageLine ?? 'n/a'}`);
  console.log(`  full build ${ratio(full.seconds, plain.seconds)}x Eleventy alone on ${n} plain pages; peak ${full.peakMB} MB; site ${fullStages.siteMB} MB in ${fullStages.siteFiles} files (${excerptStages.siteMB} MB in ${excerptStages.siteFiles} with excerpts); rebuild ${(100 * again.seconds / full.seconds).toFixed(1)}% of full`);
  fs.rmSync(dir, { recursive: true, force: true });
}
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify(results, null, 2) + '\n');
console.log(`results written to ${path.relative(root, outFile)}`);
