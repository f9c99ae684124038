#!/usr/bin/env node
// Fits the story model (src/group/story-model.json): a logistic regression over the evidence of each candidate
// pair, on the dev data read at run time from ../shared/data (never copied into the project), with a third of
// it held aside to confirm the figures on what the fit never saw.
//
//   npm run compile && node scripts/fit-story-model.mjs [--work DIR] [--write] [--eval-only]
//
// Labels:
//  - Multi-News: two sources of one instance report one event (1); of two instances, not (0).
//  - full-page dumps of unrelated pages (extraction/pages): each its own event, so every pair with one is 0.
//  - AllSides (dated, tagged): two articles within STORY_MAX_DAYS that carry different AllSides topic tags
//    are taken as different events (0); pairs further apart are kept apart by the date rule, not the model.
// Held aside: the Multi-News instances, unrelated pages and AllSides articles whose name hashes to 0-4 (5 of 16).
// The decision point is chosen on the fit part only: of the cuts at which AllSides pairs inside stories share a tag
// at least MIN_SAME_TAG of the time, the one of best Multi-News B-cubed F1.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { averageLink } from '../dist/group/cluster.js';
import { storyPairsOf, STORY_MAX_DAYS } from '../dist/group/index.js';
import { sameEventProbability, STORY_FEATURES, storyModel } from '../dist/group/story-model.js';
import { clustering } from '../../shared/eval/metrics.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(ROOT, '..', 'shared', 'data');
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const WORK = arg('--work', path.join(os.tmpdir(), 'roundup-fit-story-model'));
const hash = (text) => crypto.createHash('sha1').update(text).digest('hex');
const opaque = (key, ext) => hash(key).slice(0, 12) + ext;
const heldAside = (key) => '01234'.includes(hash(key)[0]);
/**
 * Precision first: the share of AllSides pairs inside stories that carry one tag, on the fit part. Pairs of the
 * highest probability reach only ~0.8 (one event carries several tags), so this is near the ceiling of the proxy.
 */
const MIN_SAME_TAG = 0.7;
/** Which call each seed reports (000 and 002 the Monday call, 001 and 003 the Wednesday one, 004 February's). */
const SEED_CALLS = { '000': 'monday', '001': 'wednesday', '002': 'monday', '003': 'wednesday', '004': 'february' };
const SEED_WEIGHT = 20;
/** Evidence that can only speak for one event (a shared passage is never evidence against): weights kept ≥ 0. */
const NON_NEGATIVE = new Set(['cosine', 'title', 'excess', 'shingles', 'passage', 'names', 'numbers', 'weekdayAgreement']);
/** L2 penalty of the fit: small, the features are few and bounded. */
const L2 = 1e-3;
/** AllSides negatives are noisy (one event can carry two tags), but weighed less (0.5) they let shared vocabulary join same-subject reports. */
const ALLSIDES_WEIGHT = 1;

/** Preprocesses a corpus once (through the CLI, as a user would) and returns its digest's articles with their labels. */
function corpus(name, files) {
  const seeds = path.join(WORK, `${name}-seeds`);
  const content = path.join(WORK, `${name}-content`);
  const digestFile = path.join(content, '_data', 'digest.json');
  const labels = new Map(files.map(([from, label, ext]) => [opaque(from, ext), label]));
  if (!fs.existsSync(digestFile)) {
    fs.rmSync(seeds, { recursive: true, force: true });
    fs.mkdirSync(seeds, { recursive: true });
    for (const [from, , ext] of files) fs.copyFileSync(from, path.join(seeds, opaque(from, ext)));
    const run = spawnSync('node', [path.join(ROOT, 'dist', 'cli.js'), 'preprocess', '--seeds', seeds, '--content', content, '--quiet', '--no-cache'], { encoding: 'utf8' });
    if (run.status !== 0 && run.status !== null && !fs.existsSync(digestFile)) throw new Error(`${name}: preprocess exited ${run.status}\n${run.stderr.slice(-1000)}`);
  }
  const digest = JSON.parse(fs.readFileSync(digestFile, 'utf8'));
  return digest.articles.filter((a) => labels.has(a.file)).map((a) => ({ article: a, label: labels.get(a.file) }));
}

function loadCorpora() {
  const mn = path.join(DATA, 'multinews');
  const mnFiles = [];
  for (const inst of fs.readdirSync(mn).sort()) {
    for (const f of fs.readdirSync(path.join(mn, inst)).filter((x) => /^doc\d+\.txt$/.test(x))) mnFiles.push([path.join(mn, inst, f), { event: `mn:${inst}`, aside: heldAside(inst) }, '.txt']);
  }
  const pages = path.join(DATA, 'extraction', 'pages');
  const pageFiles = fs.readdirSync(pages).sort().map((f) => [path.join(pages, f), { event: `page:${f}`, aside: heldAside(f), distractor: true }, '.txt']);
  const rows = fs.readFileSync(path.join(DATA, 'allsides', 'labels.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const allFiles = rows.map(([file, , date, tag]) => [path.join(DATA, 'allsides', 'articles', file), { day: Math.floor(Date.parse(date) / 864e5), tag, aside: heldAside(file) }, '.md']);
  // The seeds: five reports of three phone calls between the same two leaders (the README's sample; same subject,
  // three events), labelled by call. Small, so weighed up; all of them fit (they are the project's own, not held out).
  const seedDir = path.join(ROOT, 'seeds');
  const seedFiles = fs.readdirSync(seedDir).sort().map((f) => [path.join(seedDir, f), { event: `seed:${SEED_CALLS[f.slice(0, 3)]}`, aside: false }, '.txt']);
  return { events: corpus('events', [...mnFiles, ...pageFiles]), allsides: corpus('allsides', allFiles), seeds: corpus('seeds', seedFiles) };
}

/** Labelled candidate pairs of one prepared corpus part: [features, label, weight]. */
function labelledPairs(part, kind) {
  const out = [];
  for (const p of part.pairs) {
    const a = part.labels[p.a];
    const b = part.labels[p.b];
    if (kind === 'events') out.push([p.features, a.event === b.event ? 1 : 0, 1]);
    else if (Math.abs(a.day - b.day) <= STORY_MAX_DAYS && a.tag !== b.tag) out.push([p.features, 0, ALLSIDES_WEIGHT]);
  }
  return out;
}

/** Weighted logistic regression by Newton's method (few features: an exact solve per step). */
function fitLogistic(rows) {
  const d = STORY_FEATURES.length + 1;
  let w = new Array(d).fill(0);
  const positives = rows.reduce((n, r) => n + (r[1] === 1 ? r[2] : 0), 0);
  const negatives = rows.reduce((n, r) => n + (r[1] === 0 ? r[2] : 0), 0);
  // Classes balanced, so the prior of the candidate lists does not decide the fit; the cut is chosen after.
  const classWeight = [(positives + negatives) / (2 * negatives), (positives + negatives) / (2 * positives)];
  for (let iter = 0; iter < 50; iter++) {
    const g = new Array(d).fill(0);
    const H = Array.from({ length: d }, () => new Array(d).fill(0));
    for (const [x, y, rw] of rows) {
      const v = [1, ...x];
      const z = v.reduce((s, vi, i) => s + vi * w[i], 0);
      const p = 1 / (1 + Math.exp(-z));
      const cw = rw * classWeight[y];
      for (let i = 0; i < d; i++) {
        g[i] += cw * (p - y) * v[i];
        for (let j = 0; j < d; j++) H[i][j] += cw * p * (1 - p) * v[i] * v[j];
      }
    }
    for (let i = 1; i < d; i++) { g[i] += L2 * rows.length * w[i]; H[i][i] += L2 * rows.length; }
    const step = solve(H, g);
    w = w.map((wi, i) => wi - step[i]);
    // Projected Newton: evidence that only speaks for one event keeps a weight of at least 0.
    w = w.map((wi, i) => (i > 0 && NON_NEGATIVE.has(STORY_FEATURES[i - 1]) ? Math.max(0, wi) : wi));
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { bias: w[0], weights: w.slice(1) };
}

function solve(A, b) {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c || M[c][c] === 0) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}

/**
 * A corpus part's candidate pairs, scored once: the model changes only their probabilities, so each try
 * re-clusters them as groupArticles does (average link over probabilities, the date span, copies to their canonical).
 */
function prepare(items) {
  const { articles, pairs, copies } = storyPairsOf(items.map((x) => x.article));
  const label = new Map(items.map((x) => [x.article.id, x.label]));
  return { articles, pairs, copies, labels: articles.map((a) => label.get(a.id)) };
}

function stories(part, model) {
  const edges = part.pairs.map((p) => ({ a: p.a, b: p.b, weight: sameEventProbability(p.features, model) }));
  const days = part.articles.map((a) => (a.date ? Math.floor(Date.parse(a.date) / 864e5) : NaN));
  const labels = averageLink(part.articles.length, edges, 0.5, { days, maxDays: STORY_MAX_DAYS });
  for (const set of part.copies) for (const i of set.copies) labels[i] = labels[set.canonical];
  return labels;
}

/** The grouping figures of the evals, on one part: Multi-News B-cubed alone and with the unrelated pages, their merges, AllSides coherence. */
function figures(parts, model) {
  const { events, mnOnly, allsides } = parts;
  const ev = stories(events, model);
  const size = new Map();
  for (const l of ev) size.set(l, (size.get(l) ?? 0) + 1);
  const withPages = clustering(new Map(events.labels.map((l, i) => [i, l.event])), new Map(ev.map((l, i) => [i, l])));
  const merged = events.labels.filter((l, i) => l.distractor && size.get(ev[i]) > 1).length / Math.max(1, events.labels.filter((l) => l.distractor).length);
  const mn = stories(mnOnly, model);
  const alone = clustering(new Map(mnOnly.labels.map((l, i) => [i, l.event])), new Map(mn.map((l, i) => [i, l])));
  const as = stories(allsides, model);
  const groups = new Map();
  as.forEach((l, i) => groups.set(l, [...(groups.get(l) ?? []), allsides.labels[i]]));
  let pairs = 0, near = 0, same = 0;
  for (const xs of groups.values()) {
    for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) {
      pairs++;
      const close = Math.abs(xs[i].day - xs[j].day) <= 3;
      if (close) near++;
      if (close && xs[i].tag === xs[j].tag) same++;
    }
  }
  return { storyP: alone.bcubedP, storyR: alone.bcubedR, storyF1: alone.bcubedF1, distractorP: withPages.bcubedP, merged, pairs, within: near / Math.max(1, pairs), sameTag: same / Math.max(1, pairs) };
}

const show = (f) => `story-F1 ${f.storyF1.toFixed(3)} (P ${f.storyP.toFixed(3)} R ${f.storyR.toFixed(3)}) distractor-P ${f.distractorP.toFixed(3)} merged ${f.merged.toFixed(3)} | allsides ${f.pairs} pairs within-3 ${f.within.toFixed(3)} same-tag ${f.sameTag.toFixed(3)}`;

function main() {
  const { events, allsides, seeds } = loadCorpora();
  const part = (items, aside) => items.filter((x) => x.label.aside === aside);
  const fitItems = { events: part(events, false), allsides: part(allsides, false) };
  const heldItems = { events: part(events, true), allsides: part(allsides, true) };
  console.log(`fit: ${fitItems.events.length} event articles, ${fitItems.allsides.length} AllSides; held aside: ${heldItems.events.length}, ${heldItems.allsides.length}`);
  const prepared = (p) => ({ events: prepare(p.events), mnOnly: prepare(p.events.filter((x) => !x.label.distractor)), allsides: prepare(p.allsides) });
  const fit = prepared(fitItems);
  const held = prepared(heldItems);
  if (process.argv.includes('--eval-only')) {
    const model = storyModel();
    console.log(`shipped model, fit part:  ${show(figures(fit, model))}`);
    console.log(`shipped model, held aside: ${show(figures(held, model))}`);
    return;
  }
  const seedPart = prepare(seeds);
  const rows = [
    ...labelledPairs(fit.events, 'events'),
    ...labelledPairs(fit.allsides, 'allsides'),
    ...labelledPairs(seedPart, 'events').map(([x, y]) => [x, y, SEED_WEIGHT]),
  ];
  console.log(`${rows.length} labelled pairs (${rows.filter((r) => r[1] === 1).length} same event)`);
  const { bias, weights } = fitLogistic(rows);
  console.log('weights:', STORY_FEATURES.map((f, i) => `${f} ${weights[i].toFixed(2)}`).join(', '), `bias ${bias.toFixed(2)}`);
  let chosen = null;
  for (const cut of [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]) {
    const model = { features: [...STORY_FEATURES], weights, bias: bias - Math.log(cut / (1 - cut)), calibration: '' };
    const f = figures(fit, model);
    console.log(`cut ${cut.toFixed(2)}: ${show(f)}`);
    const labels = stories(seedPart, model);
    const seedsRight = new Set(labels).size === 3 && new Set(labels.map((l, i) => `${l}:${seedPart.labels[i].event}`)).size === 3;
    console.log(`   seeds ${seedsRight ? 'right (three calls)' : 'wrong'}`);
    const ok = f.sameTag >= MIN_SAME_TAG && seedsRight;
    if (ok && (!chosen || f.storyF1 > chosen.f.storyF1 + 1e-9)) chosen = { cut, model, f };
  }
  if (!chosen) throw new Error('no cut meets the goals on the fit part');
  const heldFigures = figures(held, chosen.model);
  console.log(`chosen cut ${chosen.cut}: fit part ${show(chosen.f)}`);
  console.log(`held aside: ${show(heldFigures)}`);
  const model = {
    features: [...STORY_FEATURES],
    weights: weights.map((w) => Number(w.toFixed(4))),
    bias: Number(chosen.model.bias.toFixed(4)),
    calibration:
      `Fitted by scripts/fit-story-model.mjs on ${rows.length} labelled candidate pairs of the dev data's fit part ` +
      `(Multi-News events, unrelated full-page dumps, AllSides pairs within ${STORY_MAX_DAYS} days with different tags); ` +
      `the bias is shifted so that 0.5 is the cut ${chosen.cut} chosen there. Fit part: ${show(chosen.f)}. Held aside: ${show(heldFigures)}.`,
  };
  if (process.argv.includes('--write')) {
    fs.writeFileSync(path.join(ROOT, 'src', 'group', 'story-model.json'), JSON.stringify(model, null, 2) + '\n');
    console.log('wrote src/group/story-model.json');
  }
}

main();
