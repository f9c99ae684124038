// Atomic folder replacement: a failed build never touches the target; a good one swaps it in whole; only Roundup's own trees are replaced.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { settledEntries } from '../helpers.js';
import { markOutput, OUTPUT_MARKER, replaceDirectory, replaceDirectorySync, siblingPath, swapDirectory } from '../../src/write/atomic.js';
import { recoverInterrupted } from '../../src/recover.js';
import { makeTempDir, readTree } from './fixtures.js';

const tmp = makeTempDir('atomic');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** What every tree Roundup builds holds besides its own files. */
const MARKED: [string, string] = [OUTPUT_MARKER, 'This folder is made by Roundup and replaced whole by each build: keep nothing of your own in it.\n'];

/** An earlier build's tree (marked as Roundup's). */
function seed(dir: string): void {
  fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
  markOutput(dir);
  fs.writeFileSync(path.join(dir, 'a.txt'), 'old a');
  fs.writeFileSync(path.join(dir, 'sub', 'b.txt'), 'old b');
}

describe('replaceDirectory', () => {
  it('builds in a hidden sibling and swaps it in', async () => {
    const target = path.join(tmp, 'ok', 'site');
    seed(target);
    let seen = '';
    await replaceDirectory(target, (dir) => {
      seen = dir;
      fs.writeFileSync(path.join(dir, 'new.txt'), 'new');
    });
    expect(path.dirname(seen)).toBe(path.dirname(target));
    expect(path.basename(seen)).toBe(`.site-tmp-${process.pid}`);
    expect(readTree(target)).toEqual(new Map([MARKED, ['new.txt', 'new']]));
    expect(await settledEntries(path.dirname(target))).toEqual(['site']);
  });

  it('leaves the old folder whole when the build throws part-way', async () => {
    const target = path.join(tmp, 'fail', 'site');
    seed(target);
    const before = readTree(target);
    await expect(
      replaceDirectory(target, async (dir) => {
        fs.writeFileSync(path.join(dir, 'half.txt'), 'half');
        await Promise.resolve();
        throw new Error('build failed');
      }),
    ).rejects.toThrow('build failed');
    expect(readTree(target)).toEqual(before);
    expect(await settledEntries(path.dirname(target))).toEqual(['site']);
  });

  it('creates the target when there was none', async () => {
    const target = path.join(tmp, 'fresh', 'deep', 'site');
    await replaceDirectory(target, (dir) => fs.writeFileSync(path.join(dir, 'x'), 'x'));
    expect(readTree(target)).toEqual(new Map([MARKED, ['x', 'x']]));
  });

  it('clears a leftover temporary folder from an earlier killed run of the same process id', async () => {
    const target = path.join(tmp, 'leftover', 'site');
    fs.mkdirSync(siblingPath(target, 'tmp'), { recursive: true });
    markOutput(siblingPath(target, 'tmp'));
    fs.writeFileSync(path.join(siblingPath(target, 'tmp'), 'junk'), 'junk');
    await replaceDirectory(target, (dir) => fs.writeFileSync(path.join(dir, 'x'), 'x'));
    expect(readTree(target)).toEqual(new Map([MARKED, ['x', 'x']]));
  });
});

describe('swapDirectory', () => {
  it('puts the old folder back when the new one cannot be moved in', () => {
    const target = path.join(tmp, 'swap', 'site');
    seed(target);
    const before = readTree(target);
    expect(() => swapDirectory(path.join(tmp, 'swap', 'missing'), target)).toThrow(/could not move/);
    expect(readTree(target)).toEqual(before);
  });
});

describe('only a tree Roundup made is replaced', () => {
  const own = (dir: string): void => {
    fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'thesis.txt'), 'five years of work');
    fs.writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main');
  };

  it('refuses a non-empty folder without the marker, before writing anything, and leaves it as it was', async () => {
    const target = path.join(tmp, 'foreign', 'site');
    own(target);
    const before = readTree(target);
    let built = false;
    const message = `refusing to replace ${target}: not made by roundup (no ${OUTPUT_MARKER}); remove it or choose another output folder`;
    await expect(replaceDirectory(target, () => void (built = true))).rejects.toThrow(message);
    expect(() => replaceDirectorySync(target, () => void (built = true))).toThrow(message);
    expect(built).toBe(false);
    expect(readTree(target)).toEqual(before);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['site']);
  });

  it('refuses a file in the output folder\'s place', async () => {
    const target = path.join(tmp, 'file-in-place', 'site');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, 'not a folder');
    await expect(replaceDirectory(target, () => {})).rejects.toThrow(/refusing to replace .*: it is a file/);
    expect(fs.readFileSync(target, 'utf8')).toBe('not a folder');
  });

  it('takes over an empty folder, and marks every tree it builds', async () => {
    const target = path.join(tmp, 'empty', 'site');
    fs.mkdirSync(target, { recursive: true });
    await replaceDirectory(target, (dir) => fs.writeFileSync(path.join(dir, 'x'), 'x'));
    expect(readTree(target)).toEqual(new Map([MARKED, ['x', 'x']]));
    await replaceDirectory(target, (dir) => fs.writeFileSync(path.join(dir, 'y'), 'y'));
    expect(readTree(target)).toEqual(new Map([MARKED, ['y', 'y']]));
  });

  it('refuses at the swap a folder put in the output\'s place while the new tree was built', async () => {
    const target = path.join(tmp, 'late', 'site');
    await expect(replaceDirectory(target, () => own(target))).rejects.toThrow(/not made by roundup/);
    expect(readTree(target).get('thesis.txt')).toBe('five years of work');
    expect(await settledEntries(path.dirname(target))).toEqual(['site']);
  });

  it('recovery neither restores nor removes an unmarked folder that is named like a leftover', () => {
    const target = path.join(tmp, 'recover', 'site');
    const dead = 2 ** 22 + 1; // above Linux's default pid_max: no such process
    const lookalike = path.join(tmp, 'recover', `.site-tmp-${dead}`);
    const old = path.join(tmp, 'recover', `.site-old-${dead}`);
    own(lookalike);
    own(old);
    const notes = recoverInterrupted(target);
    expect(fs.existsSync(target)).toBe(false);
    expect(readTree(lookalike).get('thesis.txt')).toBe('five years of work');
    expect(readTree(old).get('thesis.txt')).toBe('five years of work');
    expect(notes.filter((n) => n.includes('not made by roundup'))).toHaveLength(2);
  });
});
