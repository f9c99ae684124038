// Sharded rendering: how pages are cut into shards, and a rebuild that renders only the shards that changed.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSite } from '../../src/render/index.js';
import { planShards } from '../../src/render/shards.js';
import { pageManifestPath } from '../../src/work/cache.js';
import { writeContent } from '../../src/write/index.js';
import { loadFixtureDigest, makeTempDir, readTree } from '../write/fixtures.js';

const tmp = makeTempDir('shards');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('planShards', () => {
  const names = fc.uniqueArray(fc.stringMatching(/^(articles|stories|topics)\/[a-z0-9-]{1,12}\.md$|^[a-z]{1,8}\.md$/), { maxLength: 300 });

  it('puts every page in exactly one shard, in byte order', () => {
    fc.assert(
      fc.property(names, fc.integer({ min: 1, max: 50 }), (files, size) => {
        const shards = planShards(files, size);
        const all = shards.flatMap((s) => s.files);
        expect([...all].sort()).toEqual([...files].sort());
        for (const s of shards) expect(s.files).toEqual([...s.files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }),
    );
  });

  it('leaves a page in its shard when others are added, until its folder doubles', () => {
    const pages = Array.from({ length: 100 }, (_, i) => `articles/a${i}.md`);
    const before = new Map(planShards(pages, 40).flatMap((s) => s.files.map((f) => [f, s.name] as const)));
    const after = new Map(planShards([...pages, 'articles/new.md', 'index.md'], 40).flatMap((s) => s.files.map((f) => [f, s.name] as const)));
    for (const [file, shard] of before) expect(after.get(file), file).toBe(shard);
    expect(new Set(before.values())).toEqual(new Set(['articles-0', 'articles-1', 'articles-2', 'articles-3']));
  });

  it('keeps small folders and top-level pages together in "core"', () => {
    const shards = planShards(['index.md', 'topics/t1.md', ...Array.from({ length: 30 }, (_, i) => `articles/a${i}.md`)], 40);
    expect(shards.map((s) => [s.name, s.files.length])).toEqual([['articles', 30], ['core', 2]]);
  });
});

describe('renderSite in shards', () => {
  const content = path.join(tmp, 'content');
  const cache = path.join(tmp, 'cache');
  const digest = loadFixtureDigest();
  let fresh = new Map<string, string>();

  beforeAll(async () => {
    writeContent(digest, content);
    await renderSite({ contentDir: content, outDir: path.join(tmp, 'fresh'), pathPrefix: '/', quiet: true, shardPages: 2, jobs: 2 });
    fresh = readTree(path.join(tmp, 'fresh'));
  }, 120_000);

  it('renders several shards, each with its own search bundle, all listed for the search page', () => {
    const manifest = JSON.parse(fresh.get('pagefind/shards.json') ?? '{}') as { bundles: string[] };
    expect(manifest.bundles.length).toBeGreaterThan(2);
    for (const bundle of manifest.bundles) expect(fresh.has(`pagefind/${bundle}/pagefind-entry.json`), bundle).toBe(true);
    // Every page of the one-shard build is here too, byte for byte (the search bundles differ by design).
    const notSearch = (tree: Map<string, string>) => new Map([...tree].filter(([f]) => !f.startsWith('pagefind/')));
    const whole = path.join(tmp, 'whole');
    return renderSite({ contentDir: content, outDir: whole, pathPrefix: '/', quiet: true }).then(() => {
      expect(notSearch(readTree(whole))).toEqual(notSearch(fresh));
    });
  }, 120_000);

  it('reuses every unchanged shard, and re-renders only the shard of a changed page', async () => {
    const out = path.join(tmp, 'cached');
    const first = await renderSite({ contentDir: content, outDir: out, pathPrefix: '/', quiet: true, shardPages: 2, jobs: 2, cacheDir: cache });
    expect(first.reused).toBe(0);
    expect(readTree(out)).toEqual(fresh);
    const second = await renderSite({ contentDir: content, outDir: out, pathPrefix: '/', quiet: true, shardPages: 2, jobs: 2, cacheDir: cache });
    expect(second.reused).toBe(second.shards);
    expect(readTree(out)).toEqual(fresh);

    const page = path.join(content, 'articles/library-extends-weekend-hours-778899.md');
    fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace(/\n$/, '\nA paragraph added to this page.\n'));
    const third = await renderSite({ contentDir: content, outDir: out, pathPrefix: '/', quiet: true, shardPages: 2, jobs: 2, cacheDir: cache });
    expect(third.reused).toBe(third.shards - 1);
    await renderSite({ contentDir: content, outDir: path.join(tmp, 'fresh2'), pathPrefix: '/', quiet: true, shardPages: 2, jobs: 2 });
    const rebuilt = readTree(out);
    expect(rebuilt).toEqual(readTree(path.join(tmp, 'fresh2')));
    expect(rebuilt.get('articles/library-extends-weekend-hours-778899/index.html')).toContain('A paragraph added to this page.');
  }, 180_000);

  it('renders only the changed pages of a shard over its last output, and the site is as a full render makes it', async () => {
    const dir = path.join(tmp, 'delta');
    const contentDir = path.join(dir, 'content');
    writeContent(digest, contentDir);
    const options = { contentDir, outDir: path.join(dir, '_site'), pathPrefix: '/', quiet: true, cacheDir: path.join(dir, 'cache') };
    const first = await renderSite(options);
    expect(first.shards).toBe(1);
    const total = first.pages;
    expect(total).toBeGreaterThan(8);
    const fullRender = async (name: string): Promise<Map<string, string>> => {
      await renderSite({ ...options, outDir: path.join(dir, name), cacheDir: null });
      return readTree(path.join(dir, name));
    };
    const dirs = (root: string): string[] => fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.relative(root, path.join(e.parentPath, e.name))).sort();

    // One page edited: only it is rendered.
    const page = path.join(contentDir, 'stories/library-opens-on-sundays-def456.md');
    fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace(/\n$/, '\nA sentence added later.\n'));
    expect((await renderSite(options)).pages).toBe(1);
    expect(readTree(options.outDir)).toEqual(await fullRender('full-1'));
    expect(fs.readFileSync(path.join(options.outDir, 'stories/library-opens-on-sundays-def456/index.html'), 'utf8')).toContain('A sentence added later.');

    // One page gone and one new: nothing of the old page is left, not even its folder.
    fs.rmSync(page);
    fs.writeFileSync(path.join(contentDir, 'stories/a-new-story-aaa111.md'), fs.readFileSync(path.join(contentDir, 'search.md'), 'utf8').replace(/permalink: .*/, 'permalink: /stories/a-new-story-aaa111/'));
    expect((await renderSite(options)).pages).toBe(1);
    const expected = await fullRender('full-2');
    expect(readTree(options.outDir)).toEqual(expected);
    expect(dirs(options.outDir)).toEqual(dirs(path.join(dir, 'full-2')));
    expect(fs.existsSync(path.join(options.outDir, 'stories/library-opens-on-sundays-def456'))).toBe(false);
  }, 180_000);

  it('keeps the store apart from the site: a file of the site edited in place never comes back in a later build', async () => {
    const dir = path.join(tmp, 'edited');
    const contentDir = path.join(dir, 'content');
    writeContent(digest, contentDir);
    const options = { contentDir, outDir: path.join(dir, '_site'), pathPrefix: '/roundup/', quiet: true, cacheDir: path.join(dir, 'cache') };
    const fullRender = async (name: string): Promise<Map<string, string>> => {
      await renderSite({ ...options, outDir: path.join(dir, name), cacheDir: null });
      return readTree(path.join(dir, name));
    };
    /** What `serve` did before, and a minifier or deploy step may do: rewrite files of the site where they are. */
    const editInPlace = (): void => {
      for (const file of ['index.html', 'stories/library-opens-on-sundays-def456/index.html', 'pagefind/core/pagefind-entry.json']) {
        const full = path.join(options.outDir, file);
        fs.writeFileSync(full, fs.readFileSync(full, 'utf8').replaceAll('/roundup/', '/'));
      }
    };
    await renderSite(options);
    editInPlace();
    // Same settings, nothing changed: the shard comes from the store, and is as a fresh render makes it.
    expect((await renderSite(options)).reused).toBe(1);
    expect(readTree(options.outDir)).toEqual(await fullRender('full-same'));
    // One page changed: the shard starts from its last output, which the edits did not reach either.
    editInPlace();
    const page = path.join(contentDir, 'articles/library-extends-weekend-hours-778899.md');
    fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace(/\n$/, '\nA paragraph added to this page.\n'));
    expect((await renderSite(options)).pages).toBe(1);
    expect(readTree(options.outDir)).toEqual(await fullRender('full-changed'));
  }, 180_000);

  it("trusts the write stage's record of a page only while the file is as written", async () => {
    const dir = path.join(tmp, 'recorded');
    const contentDir = path.join(dir, 'content');
    writeContent(digest, contentDir, { manifest: pageManifestPath(cache, contentDir), version: 'test' });
    const options = { contentDir, outDir: path.join(dir, '_site'), pathPrefix: '/', quiet: true, shardPages: 2, jobs: 2, cacheDir: cache };
    await renderSite(options);
    expect((await renderSite(options)).reused).toBeGreaterThan(0);
    const page = path.join(contentDir, 'stories/library-opens-on-sundays-def456.md');
    fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace(/\n$/, '\nEdited by hand.\n'));
    const report = await renderSite(options);
    expect(report.reused).toBe(report.shards - 1);
    expect(fs.readFileSync(path.join(dir, '_site/stories/library-opens-on-sundays-def456/index.html'), 'utf8')).toContain('Edited by hand.');
  }, 180_000);

  it('renders again when the path prefix changes', async () => {
    const out = path.join(tmp, 'prefixed');
    const report = await renderSite({ contentDir: content, outDir: out, pathPrefix: '/roundup/', quiet: true, shardPages: 2, jobs: 2, cacheDir: cache });
    expect(report.reused).toBe(0);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('href="/roundup/assets/site.css"');
  }, 120_000);
});
