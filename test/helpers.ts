// Shared test helpers: golden-file comparison with an UPDATE=1 path that CI refuses.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export const ROOT = path.join(import.meta.dirname, '..');
export const SEEDS = path.join(ROOT, 'seeds');

/** Compares `actual` with the golden file; with UPDATE=1 (never in CI) rewrites it for review instead. */
export function expectGolden(file: string, actual: string): void {
  if (process.env['UPDATE'] === '1') {
    if (process.env['CI']) throw new Error('UPDATE=1 is refused when CI is set: goldens are reviewed, not regenerated, in CI');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file)) throw new Error(`golden file missing: ${path.relative(ROOT, file)} (run with UPDATE=1 to create it, then review it)`);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

/** The files below `dir` as `/`-separated relative paths, names in byte order at each level. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('');
  return out;
}

/**
 * The entries of `dir` once the old trees our swaps discard (`.<name>-trash-<pid>-<n>`, deleted by a
 * detached `rm -rf`) are gone; fails when one is still there after `timeoutMs`.
 */
export async function settledEntries(dir: string, timeoutMs = 15_000): Promise<string[]> {
  const started = Date.now();
  for (;;) {
    const entries = fs.readdirSync(dir).sort();
    if (!entries.some((e) => /-trash-\d+-\d+$/.test(e)) || Date.now() - started > timeoutMs) return entries;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
