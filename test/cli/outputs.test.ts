// Output folders that would destroy the user's files are refused on one line, exit 1, with nothing touched.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutputFolders } from '../../src/outputs.js';
import { SEEDS, settledEntries } from '../helpers.js';
import { makeTemp, runCli, treeDifference } from './run.js';

const tmp = makeTemp('outputs');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A checkout with seeds, a previous build's content/ and _site/, a user's own folder and a stand-in home. */
const PROJECT = path.join(tmp, 'project');
const HOME = path.join(tmp, 'home');

/** Every entry below the test's folder, hidden ones (locks, temporary trees, .git) included; a symlink by its target. */
function everything(): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(tmp, rel), { withFileTypes: true })) {
      const name = path.join(rel, entry.name);
      if (entry.isSymbolicLink()) out.set(name, Buffer.from(`-> ${fs.readlinkSync(path.join(tmp, name))}`));
      else if (entry.isDirectory()) {
        out.set(`${name}/`, Buffer.alloc(0));
        walk(name);
      } else out.set(name, fs.readFileSync(path.join(tmp, name)));
    }
  };
  walk('');
  return out;
}

beforeAll(async () => {
  fs.mkdirSync(path.join(PROJECT, 'seeds', 'sub'), { recursive: true });
  fs.mkdirSync(path.join(PROJECT, '.git'));
  fs.writeFileSync(path.join(PROJECT, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  fs.writeFileSync(path.join(PROJECT, 'package.json'), '{}\n');
  for (const name of fs.readdirSync(SEEDS).sort().slice(0, 2)) fs.copyFileSync(path.join(SEEDS, name), path.join(PROJECT, 'seeds', name));
  fs.mkdirSync(path.join(PROJECT, 'mine'));
  fs.writeFileSync(path.join(PROJECT, 'mine', 'thesis.txt'), 'five years of work\n');
  fs.symlinkSync('seeds', path.join(PROJECT, 'seeds-link'));
  fs.mkdirSync(path.join(HOME, 'photos'), { recursive: true });
  fs.writeFileSync(path.join(HOME, 'photos', 'a.jpg'), 'jpeg');
  const first = runCli(['build', '--quiet', '--no-cache'], { cwd: PROJECT });
  expect(first.status, first.stderr).toBe(0);
  // The build's old trees are deleted in the background: let that end before the snapshots.
  await settledEntries(PROJECT);
});

describe('refused output folders', () => {
  it.each([
    ['build --out . in the project', ['build', '--out', '.'], /^refusing --out \.: it is the project folder \(.*, which holds package\.json and \.git\)/],
    ['build --out equal to the seeds folder', ['build', '--out', 'seeds'], /^refusing --out seeds: it is the seeds folder \(seeds\)/],
    ['build --out the parent of the project', ['build', '--out', '..'], /^refusing --out \.\.: it holds the seeds folder/],
    ['build --content equal to the seeds folder', ['build', '--content', 'seeds'], /^refusing --content seeds: it is the seeds folder/],
    ['preprocess --content inside the seeds folder', ['preprocess', '--content', 'seeds/sub'], /^refusing --content seeds\/sub: it lies inside the seeds folder/],
    ['build --out the parent of --content', ['build', '--content', 'site/content', '--out', 'site'], /^refusing --content site\/content: it lies inside --out site/],
    ['build --out equal to --content', ['build', '--out', 'content'], /^refusing --content content: it is --out content/],
    ['build --out through a symlink to the seeds folder', ['build', '--out', 'seeds-link'], /^refusing --out seeds-link: it is the seeds folder/],
    ['build --out a home folder', ['build', '--out', HOME], /^refusing --out .*home: it is the home folder/],
    ['build --out /', ['build', '--out', '/'], /^refusing --out \/: it is the root of the file system/],
    ['serve --out the seeds folder', ['serve', '--out', 'seeds'], /^refusing --out seeds: it is the seeds folder/],
    ['build --out a folder of the user\'s own', ['build', '--out', 'mine'], /^refusing to replace .*mine: not made by roundup \(no \.roundup-output\); remove it or choose another --out$/],
  ])('%s: one line, exit 1, nothing touched', (_label, args, message) => {
    const before = everything();
    const r = runCli([...args, '--no-cache'], { cwd: PROJECT, env: { HOME } });
    expect(r.status, r.stderr).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]!.replace(/^roundup: /, '')).toMatch(message);
    expect(treeDifference(everything(), before)).toBeNull();
  });

  it('takes over an empty folder, and replaces it again on the next run', () => {
    fs.mkdirSync(path.join(PROJECT, 'empty'));
    for (let i = 0; i < 2; i++) {
      const r = runCli(['preprocess', '--content', 'empty', '--quiet', '--no-cache'], { cwd: PROJECT, env: { HOME } });
      expect(r.status, r.stderr).toBe(0);
    }
    expect(fs.existsSync(path.join(PROJECT, 'empty', '.roundup-output'))).toBe(true);
    expect(fs.existsSync(path.join(PROJECT, 'empty', 'index.md'))).toBe(true);
  });
});

describe('checkOutputFolders', () => {
  const seeds = path.join(tmp, 'project', 'seeds');
  it.each([
    ['/root', /it is the home folder \/root/],
    ['/home', /it holds the home folder \/home\//],
  ])('refuses %s without touching it', (dir, message) => {
    if (dir === '/home' && !(fs.existsSync('/home') && fs.readdirSync('/home').length)) return;
    expect(() => checkOutputFolders([{ flag: 'out', dir }], seeds, tmp)).toThrow(message);
  });

  it('allows outputs inside the project, the current folder and a home folder', () => {
    expect(() => checkOutputFolders([{ flag: 'content', dir: path.join(PROJECT, 'fresh-content') }, { flag: 'out', dir: path.join(PROJECT, 'fresh-site') }], seeds, PROJECT)).not.toThrow();
  });
});
