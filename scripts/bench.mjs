#!/usr/bin/env node
// Benchmark: builds corpora of N articles from ../shared/data (via ../shared/bench/corpus.mjs), then times
// preprocess and render separately with peak memory, and Eleventy rendering the same number of plain
// Markdown pages in the same run (the ratio says what Roundup's templates cost over Eleventy's floor).
//   npm run bench [-- --sizes 1000,10000,100000] [--out bench-results/results.json]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : d; };
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const sizes = arg('--sizes', '1000,10000').split(',').map(Number);
const outFile = path.resolve(arg('--out', path.join(root, 'bench-results', 'results.json')));
const corpusScript = path.join(root, '..', 'shared', 'bench', 'corpus.mjs');
if (!fs.existsSync(corpusScript)) {
  console.error(`bench: ${corpusScript} not found (the benchmark reads its data from ../shared, beside the project)`);
  process.exit(1);
}

/** Runs a command under GNU time when present, for the peak resident set size of the whole process tree's largest member. */
function timed(label, cmd, args, env = {}) {
  const started = process.hrtime.bigint();
  const time = fs.existsSync('/usr/bin/time');
  const run = spawnSync(time ? '/usr/bin/time' : cmd, time ? ['-f', '__MAXRSS_KB=%M', cmd, ...args] : args, {
    cwd: root, encoding: 'utf8', env: { ...process.env, CI: '1', ...env }, maxBuffer: 1 << 28,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${label} failed (${run.status}):\n${(run.stderr || run.stdout).slice(-3000)}`);
  const kb = Number(/__MAXRSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
  const peakMB = Number.isFinite(kb) ? kb / 1024 : null;
  console.log(`  ${label.padEnd(22)} ${seconds.toFixed(1).padStart(7)} s   peak ${peakMB ? peakMB.toFixed(0) + ' MB' : 'n/a (install GNU time)'}`);
  return { seconds: Number(seconds.toFixed(2)), peakMB: peakMB && Number(peakMB.toFixed(0)) };
}

/** The same number of plain Markdown pages through Eleventy with no config: the floor Eleventy itself sets. */
function plainEleventy(n, dir) {
  const input = path.join(dir, 'plain-in');
  fs.mkdirSync(input, { recursive: true });
  for (let i = 0; i < n; i++) fs.writeFileSync(path.join(input, `p${i}.md`), `---\ntitle: Page ${i}\ndate: 2020-01-01\n---\n# Page ${i}\n\nSome text for page ${i}.\n`);
  return timed('eleventy plain pages', process.execPath, [path.join(root, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'), `--input=${input}`, `--output=${path.join(dir, 'plain-out')}`, '--quiet', '--config=/dev/null']);
}

const results = { date: null, machine: { cpus: os.cpus().length, memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, runs: [] };
for (const n of sizes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `roundup-bench-${n}-`));
  console.log(`${n} articles (${dir})`);
  spawnSync(process.execPath, [corpusScript, '--n', String(n), '--out', path.join(dir, 'seeds')], { stdio: 'inherit' });
  const cli = path.join(root, 'dist', 'cli.js');
  const preprocess = timed('preprocess', process.execPath, [cli, 'preprocess', '--seeds', path.join(dir, 'seeds'), '--content', path.join(dir, 'content'), '--quiet']);
  const render = timed('build (preprocess+render)', process.execPath, [cli, 'build', '--seeds', path.join(dir, 'seeds'), '--content', path.join(dir, 'content'), '--out', path.join(dir, '_site'), '--quiet']);
  const plain = plainEleventy(n, dir);
  const renderOnly = Math.max(0, render.seconds - preprocess.seconds);
  results.runs.push({ articles: n, preprocess, build: render, renderSecondsApprox: Number(renderOnly.toFixed(2)), eleventyPlain: plain, renderVsPlain: plain.seconds ? Number((renderOnly / plain.seconds).toFixed(2)) : null });
  fs.rmSync(dir, { recursive: true, force: true });
}
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify(results, null, 2) + '\n');
console.log(`results written to ${path.relative(root, outFile)}`);
