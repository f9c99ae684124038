// A killed build takes its shard processes, and their Pagefind, with it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeContent } from '../../src/write/index.js';
import { largeDigest, makeTempDir } from '../write/fixtures.js';

const DRIVER = fileURLToPath(new URL('./render-driver.mjs', import.meta.url));
const tmp = makeTempDir('orphans');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Each live process's parent, from /proc (zombies count as gone). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') out.set(Number(name), Number(ppid));
    } catch {
      // ended while listed
    }
  }
  return out;
}

/** `pid` and every process below it. */
function descendants(pid: number, tree = parents()): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i += 1) for (const [child, parent] of tree) if (parent === out[i]) out.push(child);
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(fs.existsSync('/proc/self/stat'))('a build killed with SIGKILL', () => {
  it('leaves no shard process or Pagefind running after it', async () => {
    const contentDir = path.join(tmp, 'content');
    writeContent(largeDigest(), contentDir);
    const build = spawn(process.execPath, [DRIVER, contentDir, path.join(tmp, '_site')], { stdio: 'ignore' });
    try {
      // Wait until the shard has started its indexer (a process of its own), then kill the build as `kill -9` would.
      let below: number[] = [];
      for (let i = 0; i < 1200 && below.length < 3; i += 1) {
        await sleep(25);
        below = descendants(build.pid!);
      }
      expect(below.length, 'the build, its shard and its Pagefind').toBeGreaterThanOrEqual(3);
      build.kill('SIGKILL');
      let alive = below;
      for (let i = 0; i < 40 && alive.length; i += 1) {
        await sleep(50);
        const live = parents();
        alive = below.filter((pid) => live.has(pid));
      }
      expect(alive, 'processes still running 2 s after the kill').toEqual([]);
    } finally {
      build.kill('SIGKILL');
    }
  }, 120_000);
});
