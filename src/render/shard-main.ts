// Child process: renders one shard's pages (a folder of links made by src/render/shards.ts) with Eleventy,
// then indexes them with Pagefind into `pagefind/<shard>/`. Run as: node shard-main.js FARM OUT PREFIX NAME.
import fs from 'node:fs';
import path from 'node:path';
import { createEleventy, indexSite, SEARCH_BODY_RE, stopIndexing } from './index.js';
import { reportPath, SEARCH_DIR, type ShardReport } from './shards.js';

/**
 * Whether any HTML page of the folder marks a part for search (`data-pagefind-body`). A shard with none
 * (the lists, the entity pages, the feeds) gets no index: given no marked page at all, Pagefind would index
 * every page whole, and the home page and the lists would come up in search.
 */
function hasSearchablePage(dir: string): boolean {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() ? hasSearchablePage(full) : entry.name.endsWith('.html') && SEARCH_BODY_RE.test(fs.readFileSync(full, 'utf8'))) return true;
  }
  return false;
}

/**
 * Ends this process, and Pagefind's, when the parent goes: the parent holds the other end of this process's
 * stdin and never writes to it, so it closes when the parent exits, however it exits (SIGKILL too). Without
 * this a killed build left its shards rendering and indexing on for seconds into a folder no one would read.
 */
function exitWithParent(): void {
  const orphaned = (): void => {
    stopIndexing();
    process.exit(1);
  };
  process.stdin.on('end', orphaned);
  process.stdin.on('close', orphaned);
  process.stdin.on('error', orphaned);
  process.stdin.resume();
}

async function main(): Promise<void> {
  exitWithParent();
  const [farm, out, prefix, name] = process.argv.slice(2);
  if (!farm || !out || prefix === undefined || !name) throw new Error('usage: shard-main FARM OUT PREFIX NAME');
  process.env['ROUNDUP_CONTENT'] = farm;
  process.env['ROUNDUP_OUT'] = out;
  process.env['ROUNDUP_PASSTHROUGH'] = '0';
  const eleventy = await createEleventy({ contentDir: farm, outDir: out, pathPrefix: prefix, quiet: true }, out);
  eleventy.disableLogger();
  const started = performance.now();
  const [, templates] = (await eleventy.write()) as [unknown, readonly { inputPath: string; outputPath: string | false }[]];
  const rendered = performance.now();
  // The folder may hold the shard's earlier output besides (the parent renders only changed pages over it).
  if (hasSearchablePage(out)) await indexSite(out, `${SEARCH_DIR}/${name}`);
  // Which files each page wrote: the parent records them, so that a later run can replace just those.
  const outputs: Record<string, string[]> = {};
  for (const t of templates) {
    if (t.outputPath === false) continue;
    const file = path.relative(farm, path.resolve(t.inputPath)).split(path.sep).join('/');
    (outputs[file] ??= []).push(path.relative(out, path.resolve(t.outputPath)).split(path.sep).join('/'));
  }
  // The parent sums the timings into the build's (rendering and search indexing reported apart). A file, not
  // stdout: a large write to a pipe may still be in flight when the process exits.
  const report: ShardReport = { renderMs: rendered - started, searchMs: performance.now() - rendered, outputs };
  fs.writeFileSync(reportPath(out), JSON.stringify(report));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
