// Atomic folder replacement: a failed build never touches the target; a good one swaps it in whole.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { settledEntries } from '../helpers.js';
import { replaceDirectory, siblingPath, swapDirectory } from '../../src/write/atomic.js';
import { makeTempDir, readTree } from './fixtures.js';

const tmp = makeTempDir('atomic');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function seed(dir: string): void {
  fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
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
    expect(readTree(target)).toEqual(new Map([['new.txt', 'new']]));
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
    expect(readTree(target)).toEqual(new Map([['x', 'x']]));
  });

  it('clears a leftover temporary folder from an earlier killed run of the same process id', async () => {
    const target = path.join(tmp, 'leftover', 'site');
    fs.mkdirSync(siblingPath(target, 'tmp'), { recursive: true });
    fs.writeFileSync(path.join(siblingPath(target, 'tmp'), 'junk'), 'junk');
    await replaceDirectory(target, (dir) => fs.writeFileSync(path.join(dir, 'x'), 'x'));
    expect(readTree(target)).toEqual(new Map([['x', 'x']]));
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
