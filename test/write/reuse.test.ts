// Writing again with a manifest: unchanged pages are linked from the tree being replaced, changed ones made
// again, and the tree is byte for byte what a write from nothing gives.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Digest } from '../../src/model.js';
import { writeContent } from '../../src/write/index.js';
import { loadFixtureDigest, makeTempDir, readTree } from './fixtures.js';

const tmp = makeTempDir('reuse');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const inode = (file: string): number => fs.statSync(file).ino;

describe('writeContent with a manifest', () => {
  const manifest = path.join(tmp, 'manifest.json');
  const dir = path.join(tmp, 'content');
  const digest = loadFixtureDigest();
  const article = 'articles/library-extends-weekend-hours-778899.md';
  const other = 'articles/bridge-repairs-could-take-months-d4e5f6.md';

  it('links unchanged pages, remakes changed ones, and writes what a fresh write would', () => {
    writeContent(digest, dir, { manifest });
    const first = { article: inode(path.join(dir, article)), other: inode(path.join(dir, other)) };
    const changed: Digest = { ...digest, articles: digest.articles.map((a) => (a.file.endsWith('library.txt') || a.id === 'library-extends-weekend-hours-778899' ? { ...a, text: `${a.text}\n\nA new closing paragraph.`, paragraphs: [...a.paragraphs, 'A new closing paragraph.'] } : a)) };
    writeContent(changed, dir, { manifest });
    expect(inode(path.join(dir, other))).toBe(first.other);
    expect(inode(path.join(dir, article))).not.toBe(first.article);
    expect(fs.readFileSync(path.join(dir, article), 'utf8')).toContain('A new closing paragraph');
    const fresh = path.join(tmp, 'fresh');
    writeContent(changed, fresh);
    expect(readTree(dir)).toEqual(readTree(fresh));
  });

  it('makes again a page whose file was edited by hand since the last write', () => {
    const file = path.join(dir, other);
    const before = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, before.replace('---', '---\nedited: by hand'));
    writeContent(digest, dir, { manifest });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });
});
