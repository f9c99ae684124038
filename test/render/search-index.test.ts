// The search index is a function of the pages alone: not of the order the file system lists them in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexSite } from '../../src/render/index.js';
import { readTree } from '../write/fixtures.js';

/** tmpfs lists a folder newest first, ext4 by a hash of the names: the same pages in both come out in different orders. */
const TMPFS = '/dev/shm';
const roots = [os.tmpdir(), ...(fs.existsSync(TMPFS) && fs.statSync(TMPFS).isDirectory() ? [TMPFS] : [])];
const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

const NAMES = Array.from({ length: 30 }, (_, i) => `story-${String(i).padStart(2, '0')}`);

/** A site of the same 30 searchable pages, each folder made in the order given. */
function makeSite(root: string, names: readonly string[]): string {
  const site = fs.mkdtempSync(path.join(root, 'roundup-search-order-'));
  made.push(site);
  for (const name of names) {
    fs.mkdirSync(path.join(site, 'stories', name), { recursive: true });
    const body = `<main data-pagefind-body><h1>Harbour ${name}</h1><p>The ferry ${name} runs while the bridge is shut; word${name.slice(-2)}.</p></main>`;
    fs.writeFileSync(path.join(site, 'stories', name, 'index.html'), `<!doctype html><html lang="en"><head><title>${name}</title></head><body>${body}</body></html>`);
  }
  return site;
}

describe('indexSite', () => {
  it('writes the same index whatever order the pages were made in, on every file system here', async () => {
    const trees: Map<string, string>[] = [];
    for (const root of roots) {
      for (const order of [NAMES, [...NAMES].reverse()]) {
        const site = makeSite(root, order);
        await indexSite(site, 'pagefind/core');
        trees.push(readTree(path.join(site, 'pagefind')));
      }
    }
    expect(trees[0]?.get('core/pagefind-entry.json')).toContain('"page_count":30');
    for (const tree of trees.slice(1)) expect(tree).toEqual(trees[0]);
  });
});
