// Child process: renders one shard's pages (a folder of links made by src/render/shards.ts) with Eleventy,
// then indexes them with Pagefind into `pagefind/<shard>/`. Run as: node shard-main.js FARM OUT PREFIX NAME.
import fs from 'node:fs';
import path from 'node:path';
import { createEleventy, indexSite } from './index.js';
import { SEARCH_DIR } from './shards.js';

/**
 * Whether any HTML page of the folder marks a part for search (`data-pagefind-body`). A shard with none
 * (the lists, the entity pages, the feeds) gets no index: given no marked page at all, Pagefind would index
 * every page whole, and the home page and the lists would come up in search.
 */
function hasSearchablePage(dir: string): boolean {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() ? hasSearchablePage(full) : entry.name.endsWith('.html') && fs.readFileSync(full, 'utf8').includes('data-pagefind-body')) return true;
  }
  return false;
}

async function main(): Promise<void> {
  const [farm, out, prefix, name] = process.argv.slice(2);
  if (!farm || !out || prefix === undefined || !name) throw new Error('usage: shard-main FARM OUT PREFIX NAME');
  process.env['ROUNDUP_CONTENT'] = farm;
  process.env['ROUNDUP_OUT'] = out;
  process.env['ROUNDUP_PASSTHROUGH'] = '0';
  const eleventy = createEleventy({ contentDir: farm, outDir: out, pathPrefix: prefix, quiet: true }, out, 'build');
  eleventy.disableLogger();
  const started = performance.now();
  await eleventy.write();
  const rendered = performance.now();
  if (hasSearchablePage(out)) await indexSite(out, `${SEARCH_DIR}/${name}`);
  // The parent sums these into the build's timings (rendering and search indexing reported apart).
  process.stdout.write(`${JSON.stringify({ renderMs: rendered - started, searchMs: performance.now() - rendered })}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
