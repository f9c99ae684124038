// Kill at any point: a build stopped mid-write or mid-swap (SIGKILL) leaves content/ and _site/ each wholly
// the last good tree or wholly the new one, and the next run puts back what the swap had moved aside.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, settledEntries } from '../helpers.js';
import { CRASH_DRIVER, makeTemp, readTreeBytes, runCli, startCli, treeDifference } from './run.js';

const tmp = makeTemp('crash');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const seedNames = fs.readdirSync(SEEDS).sort();
/** Seeds of the last good build (three articles) and of the build that gets killed (all of them). */
const OLD_SEEDS = path.join(tmp, 'seeds-old');
const NEW_SEEDS = path.join(tmp, 'seeds-new');
const NO_SEEDS = path.join(tmp, 'seeds-none');

interface Trees {
  content: Map<string, Buffer>;
  site: Map<string, Buffer>;
}
let before: Trees;
let after: Trees;

function build(dir: string, seeds: string): void {
  const r = runCli(['build', '--seeds', seeds, '--content', 'content', '--out', '_site', '--quiet'], { cwd: dir });
  expect(r.status, r.stderr).toBe(0);
}

const trees = (dir: string): Trees => ({ content: readTreeBytes(path.join(dir, 'content')), site: readTreeBytes(path.join(dir, '_site')) });

/** A folder holding the last good build, ready to be attacked. */
function prepare(name: string): string {
  const dir = path.join(tmp, name);
  fs.cpSync(path.join(tmp, 'old'), dir, { recursive: true });
  return dir;
}

/**
 * What the kill left: each of content/ and _site/ must be whole, either the old tree or the new one.
 * The next run (here one that finds no article, so it writes nothing) restores a folder the swap had
 * moved aside, removes the leftovers and the dead run's lock.
 */
async function expectWhole(dir: string, label: string): Promise<{ content: 'old' | 'new'; site: 'old' | 'new' }> {
  const next = runCli(['build', '--seeds', NO_SEEDS, '--content', 'content', '--out', '_site'], { cwd: dir });
  expect(next.status, next.stderr).toBe(1);
  expect(next.stderr).toMatch(/no article could be read/);
  expect(next.stderr).not.toMatch(/locked/);
  const now = trees(dir);
  const which = (tree: Map<string, Buffer>, old: Map<string, Buffer>, neu: Map<string, Buffer>): 'old' | 'new' => {
    if (treeDifference(tree, old) === null) return 'old';
    if (treeDifference(tree, neu) === null) return 'new';
    throw new Error(`${label}: tree is neither the old nor the new one (vs old: ${treeDifference(tree, old)}; vs new: ${treeDifference(tree, neu)})`);
  };
  const result = { content: which(now.content, before.content, after.content), site: which(now.site, before.site, after.site) };
  // Nothing left beside the outputs but the cache: no temporary or old trees (once their background
  // deletion ends), no lock.
  expect((await settledEntries(dir)).filter((e) => e !== '.roundup-cache'), label).toEqual(['_site', 'content']);
  return result;
}

beforeAll(() => {
  fs.mkdirSync(OLD_SEEDS);
  fs.mkdirSync(NEW_SEEDS);
  fs.mkdirSync(NO_SEEDS);
  fs.writeFileSync(path.join(NO_SEEDS, 'empty.txt'), '');
  seedNames.forEach((name, i) => {
    if (i < 3) fs.copyFileSync(path.join(SEEDS, name), path.join(OLD_SEEDS, name));
    fs.copyFileSync(path.join(SEEDS, name), path.join(NEW_SEEDS, name));
  });
  const old = path.join(tmp, 'old');
  fs.mkdirSync(old);
  build(old, OLD_SEEDS);
  before = trees(old);
  const neu = path.join(tmp, 'new');
  fs.mkdirSync(neu);
  build(neu, NEW_SEEDS);
  after = trees(neu);
  expect(treeDifference(before.content, after.content)).not.toBeNull();
  expect(treeDifference(before.site, after.site)).not.toBeNull();
});

describe('a build killed at an exact point', () => {
  // Without the cache, the write stage writes every content file, then swaps: rename content away (1),
  // rename the new tree in (2), rename the old one to trash (3). The render stage renames the shard it
  // rendered into its store (4), then swaps _site the same way (5, 6). Each point is a SIGKILL right after.
  it.each([
    ['after the first content file is written', 'writeFileSync:1', 'old', 'old'],
    ['half-way through writing content', 'writeFileSync:8', 'old', 'old'],
    ['after content/ was moved aside, before the new one is in', 'renameSync:1', 'old', 'old'],
    ['after the new content/ is in, before the render', 'renameSync:2', 'new', 'old'],
    ['after the old content/ was put in the trash', 'renameSync:3', 'new', 'old'],
    ['after the shard was rendered, before the site is assembled', 'renameSync:4', 'new', 'old'],
    ['after _site/ was moved aside, before the new one is in', 'renameSync:5', 'new', 'old'],
    ['after the new _site/ is in, before the old one is removed', 'renameSync:6', 'new', 'new'],
  ] as const)('%s (%s)', async (label, crash, content, site) => {
    const dir = prepare(crash.replace(':', '-'));
    const r = runCli(['build', '--seeds', NEW_SEEDS, '--content', 'content', '--out', '_site', '--quiet', '--no-cache'], { cwd: dir, hook: CRASH_DRIVER, env: { ROUNDUP_TEST_CRASH_AFTER: crash } });
    expect(r.signal, `${label}: ${r.stderr}`).toBe('SIGKILL');
    expect(await expectWhole(dir, label)).toEqual({ content, site });
  });

  // With the cache, each entry is written to a temporary file and renamed into place.
  it.each([
    ['while the first cache entry is half written', 'writeFileSync:1'],
    ['after the first cache entry is in place', 'renameSync:1'],
  ] as const)('%s (%s), and the next build is whole and right', async (label, crash) => {
    const dir = prepare(`cache-${crash.replace(':', '-')}`);
    const r = runCli(['build', '--seeds', NEW_SEEDS, '--content', 'content', '--out', '_site', '--quiet'], { cwd: dir, hook: CRASH_DRIVER, env: { ROUNDUP_TEST_CRASH_AFTER: crash } });
    expect(r.signal, `${label}: ${r.stderr}`).toBe('SIGKILL');
    expect(await expectWhole(dir, label)).toEqual({ content: 'old', site: 'old' });
    build(dir, NEW_SEEDS);
    expect(treeDifference(trees(dir).content, after.content)).toBeNull();
    expect(treeDifference(trees(dir).site, after.site)).toBeNull();
  });
});

describe('a build killed by SIGKILL after a delay', () => {
  it.each([50, 250, 500, 900, 1400, 2000, 3000])('after %i ms leaves whole trees', async (delay) => {
    const dir = prepare(`delay-${delay}`);
    const child = startCli(['build', '--seeds', NEW_SEEDS, '--content', 'content', '--out', '_site', '--quiet'], { cwd: dir });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, delay));
    child.kill('SIGKILL');
    await exited;
    await expectWhole(dir, `killed after ${delay} ms`);
  });
});
