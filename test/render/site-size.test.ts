// The build reports the site's size and warns before it outgrows what GitHub Pages publishes (1 GB).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES_LIMIT_BYTES, siteSize, sizeReport } from '../../src/render/site-size.js';

describe('siteSize', () => {
  it('counts the bytes and regular files under a folder, nested, without following symlinks', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-size-'));
    fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), 'x'.repeat(100));
    fs.writeFileSync(path.join(dir, 'a', 'b', 'page.html'), 'y'.repeat(250));
    fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'loop'));
    expect(siteSize(dir)).toEqual({ bytes: 350, files: 2 });
    fs.rmSync(dir, { recursive: true });
  });
});

describe('sizeReport', () => {
  it('gives the size and file count, and warns from 80 % of the 1 GB limit, saying when it is over', () => {
    expect(sizeReport({ bytes: 73 * 1024 ** 2, files: 14095 })).toEqual({ line: 'site: 73.0 MB in 14,095 files', warning: null });
    const near = sizeReport({ bytes: 0.85 * PAGES_LIMIT_BYTES, files: 1 });
    expect(near.warning).toMatch(/GitHub Pages publishes at most 1 GB/);
    expect(near.warning).not.toMatch(/will not deploy/);
    expect(sizeReport({ bytes: 1.2 * PAGES_LIMIT_BYTES, files: 1 }).warning).toMatch(/will not deploy/);
  });
});
