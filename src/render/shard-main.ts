// Child process: renders one shard's pages (a folder of links made by src/render/shards.ts) with Eleventy,
// then indexes them with Pagefind into `pagefind/<shard>/`. Run as: node shard-main.js FARM OUT PREFIX NAME.
import fs from 'node:fs';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { ELEVENTY_CONFIG_PATH, indexSite, normalizePathPrefix } from './index.js';
import { SEARCH_DIR } from './shards.js';

/** Whether the folder holds any HTML page (a shard of feeds has none, and Pagefind refuses an empty site). */
function hasHtml(dir: string): boolean {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() ? hasHtml(path.join(dir, entry.name)) : entry.name.endsWith('.html')) return true;
  }
  return false;
}

async function main(): Promise<void> {
  const [farm, out, prefix, name] = process.argv.slice(2);
  if (!farm || !out || prefix === undefined || !name) throw new Error('usage: shard-main FARM OUT PREFIX NAME');
  process.env['ROUNDUP_CONTENT'] = farm;
  process.env['ROUNDUP_OUT'] = out;
  process.env['ROUNDUP_PASSTHROUGH'] = '0';
  const eleventy = new Eleventy(farm, out, { configPath: ELEVENTY_CONFIG_PATH, pathPrefix: normalizePathPrefix(prefix), quietMode: true, runMode: 'build' });
  eleventy.disableLogger();
  const started = performance.now();
  await eleventy.write();
  const rendered = performance.now();
  if (hasHtml(out)) await indexSite(out, `${SEARCH_DIR}/${name}`);
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
