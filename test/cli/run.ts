// Helpers for tests that drive the compiled CLI (dist/, built by `npm test`'s tsc) in child processes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listFiles, ROOT } from '../helpers.js';

export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const CRASH_DRIVER = path.join(ROOT, 'test', 'cli', 'crash-driver.mjs');

export interface CliResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Environment without the variables that would change a run (CI's colour, a caller's PATH_PREFIX). */
export function cleanEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['PATH_PREFIX'];
  delete env['ROUNDUP_TEST_CRASH_AFTER'];
  return { ...env, ...extra };
}

/** `hook`: a module loaded with `node --import` into every thread of the CLI (the crash driver). */
export function runCli(args: readonly string[], options: { cwd: string; env?: Readonly<Record<string, string>>; script?: string; hook?: string; timeout?: number }): CliResult {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx tsc -p .\` first (npm test does)`);
  const hook = options.hook ? ['--import', options.hook] : [];
  const r = spawnSync(process.execPath, [...hook, options.script ?? CLI, ...args], { cwd: options.cwd, env: cleanEnv(options.env), encoding: 'utf8', timeout: options.timeout ?? 120_000 });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI without waiting, for tests that kill it. */
export function startCli(args: readonly string[], options: { cwd: string; env?: Readonly<Record<string, string>> }): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: cleanEnv(options.env), stdio: 'ignore' });
}

export function makeTemp(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `roundup-${label}-`));
}

/** Every file below `dir`, relative path → bytes (hex of SHA-1 would hide nothing here: trees are small). */
export function readTreeBytes(dir: string): Map<string, Buffer> {
  return new Map(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))]));
}

/** The first difference between two trees, or null when they are byte-identical. */
export function treeDifference(a: Map<string, Buffer>, b: Map<string, Buffer>): string | null {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  for (const name of names) {
    const x = a.get(name);
    const y = b.get(name);
    if (!x) return `only in second: ${name}`;
    if (!y) return `only in first: ${name}`;
    if (!x.equals(y)) return `differs: ${name}`;
  }
  return null;
}
