// A full disk or an unwritable folder while writing the outputs: one line naming the path and the cause, exit 1, outputs whole.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SEEDS, settledEntries } from '../helpers.js';
import { makeTemp, readTreeBytes, runCli, treeDifference } from './run.js';

const tmp = makeTemp('io-errors');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const FULL_DISK = path.join(ROOT, 'test', 'cli', 'full-disk.mjs');
const BUILT = path.join(tmp, 'built');
const trees = (dir: string) => ({ content: readTreeBytes(path.join(dir, 'content')), site: readTreeBytes(path.join(dir, '_site')) });
let previous: ReturnType<typeof trees>;

beforeAll(async () => {
  fs.mkdirSync(path.join(BUILT, 'seeds'), { recursive: true });
  const names = fs.readdirSync(SEEDS).sort();
  for (const name of names.slice(0, 3)) fs.copyFileSync(path.join(SEEDS, name), path.join(BUILT, 'seeds', name));
  const r = runCli(['build', '--quiet', '--no-cache'], { cwd: BUILT });
  expect(r.status, r.stderr).toBe(0);
  await settledEntries(BUILT);
  previous = trees(BUILT);
  // The next build has one more article, so that its outputs differ from the last good ones.
  fs.copyFileSync(path.join(SEEDS, names[3]!), path.join(BUILT, 'seeds', names[3]!));
});

describe('the disk fills up during a build', () => {
  it.each([
    ['writing a content page', String.raw`\.content-tmp-\d+/articles/`, 'content', { content: 'old', site: 'old' }],
    ['writing the site (the render stage)', String.raw`\._site-tmp-\d+/pagefind/shards\.json$`, '_site', { content: 'new', site: 'old' }],
  ] as const)('%s: one line with the folder and ENOSPC, exit 1, each output whole', async (label, where, folder, expected) => {
    const dir = path.join(tmp, label.replace(/\W+/g, '-'));
    fs.cpSync(BUILT, dir, { recursive: true });
    const r = runCli(['build', '--quiet', '--no-cache'], { cwd: dir, hook: FULL_DISK, env: { ROUNDUP_TEST_FULL_DISK: where } });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(/internal error|    at /);
    expect(r.stderr).toBe(`roundup: ${path.join(dir, folder)}: no space left on device (ENOSPC); each output folder is whole (the last good tree, or the new one)\n`);
    const now = trees(dir);
    expect(treeDifference(now.site, previous.site) === null ? 'old' : 'changed').toBe(expected.site);
    if (expected.content === 'old') expect(treeDifference(now.content, previous.content)).toBeNull();
    else expect(treeDifference(now.content, previous.content)).not.toBeNull();
    expect(await settledEntries(dir)).toEqual(['_site', 'content', 'seeds']);
  });
});

describe('an output in a folder that refuses writes', () => {
  it('names the path and the cause on one line, exit 1', () => {
    // /sys refuses new entries even to root (a file system of the kernel's), unlike a chmod-ed folder.
    const probe = '/sys/roundup-probe';
    try {
      fs.mkdirSync(probe);
      fs.rmdirSync(probe);
      return; // a /sys that takes folders: nothing to test here
    } catch {
      // refused, as expected
    }
    const r = runCli(['preprocess', '--content', '/sys/roundup-test/content', '--quiet', '--no-cache'], { cwd: BUILT });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^roundup: \/sys\/roundup-test\S*: [a-z ]+ \((EACCES|EROFS|EPERM)\); each output folder is whole/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
