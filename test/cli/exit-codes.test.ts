// The CLI's contract, run as a child process: diagnostics and a closing summary, exit codes, the lock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPath } from '../../src/lock.js';
import { recoverInterrupted } from '../../src/recover.js';
import { markOutput } from '../../src/write/atomic.js';
import { SEEDS, settledEntries } from '../helpers.js';
import { makeTemp, readTreeBytes, runCli, treeDifference } from './run.js';

const tmp = makeTemp('cli');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const GOOD = fs.readdirSync(SEEDS).sort()[0] ?? '';

/** A folder of seeds: one good article plus the named files. */
function seeds(name: string, files: Readonly<Record<string, string>>, good = true): string {
  const dir = path.join(tmp, name, 'seeds');
  fs.mkdirSync(dir, { recursive: true });
  if (good) fs.copyFileSync(path.join(SEEDS, GOOD), path.join(dir, GOOD));
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return path.dirname(dir);
}

const preprocess = (cwd: string, ...extra: string[]) => runCli(['preprocess', '--seeds', 'seeds', '--content', 'content', ...extra], { cwd });

describe('exit codes and the closing summary', () => {
  it('exits 0 with warnings, names each bad file on its own line and ends with a summary', () => {
    const cwd = seeds('warn', { 'empty.txt': '', 'blank.txt': ' \n\t\n', 'notes.pdf': '%PDF' });
    const r = preprocess(cwd);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain('roundup: error: blank.txt: no text (only white space)');
    expect(lines).toContain('roundup: error: empty.txt: empty file');
    expect(lines.filter((l) => l.includes('notes.pdf'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('roundup: summary: 2 files skipped (blank.txt, empty.txt); 1 warning; see the lines above');
    expect(fs.existsSync(path.join(cwd, 'content', '_data', 'digest.json'))).toBe(true);
  });

  it('exits 1 with --strict, after writing what it could', () => {
    const cwd = seeds('strict', { 'empty.txt': '' });
    const r = preprocess(cwd, '--strict');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^roundup: --strict: 1 input problem\(s\) reported above$/m);
    expect(fs.existsSync(path.join(cwd, 'content', '_data', 'digest.json'))).toBe(true);
  });

  it('exits 0 with --strict when no input had a problem', () => {
    const cwd = seeds('strict-clean', {});
    const r = preprocess(cwd, '--strict');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/summary: no input problems/);
  });

  it('exits 1 when no article survives, and leaves the previous content/ as it was', () => {
    const cwd = seeds('none', { 'empty.txt': '', 'bin.txt': '\u0000\u0001\u0002\u0003'.repeat(50) }, false);
    fs.mkdirSync(path.join(cwd, 'content'));
    fs.writeFileSync(path.join(cwd, 'content', 'keep.md'), 'previous');
    markOutput(path.join(cwd, 'content'));
    const r = preprocess(cwd);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/summary: 2 files skipped \(bin\.txt, empty\.txt\)/);
    expect(r.stderr).toMatch(/^roundup: no article could be read from seeds \(2 files skipped\); content was left as it was$/m);
    expect(fs.readdirSync(path.join(cwd, 'content')).sort()).toEqual(['.roundup-output', 'keep.md']);
  });

  it('names at most ten skipped files in the summary', () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`e${String(i).padStart(2, '0')}.txt`, '']));
    const r = preprocess(seeds('many', files));
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/summary: 12 files skipped \(e00\.txt, .*, e09\.txt, and 2 more\)/);
  });

  it('exits 1 for a user error, on one line without a stack', () => {
    const r = runCli(['preprocess', '--seeds', 'does-not-exist'], { cwd: tmp });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('roundup: --seeds does-not-exist: no such folder\n');
  });
});

describe('the output lock', () => {
  it('refuses to run while another live run holds the content lock, with one clear line', () => {
    const cwd = seeds('locked', {});
    const lock = lockPath(path.join(cwd, 'content'));
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), started: '2024-01-01T00:00:00.000Z' }));
    const r = preprocess(cwd);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`roundup: ${path.join(cwd, 'content')} is locked by another roundup run (pid ${process.pid} on ${os.hostname()}, started 2024-01-01T00:00:00.000Z); wait for it to finish, or delete ${lock} if no such run exists\n`);
    expect(fs.existsSync(path.join(cwd, 'content'))).toBe(false);
    expect(fs.existsSync(lock)).toBe(true);
  });

  it('takes over a stale lock whose process is dead, and removes its own lock at the end', () => {
    const cwd = seeds('stale', {});
    const lock = lockPath(path.join(cwd, 'content'));
    fs.writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), started: '2024-01-01T00:00:00.000Z' }));
    const r = preprocess(cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('lets exactly one of two concurrent builds on the same folders run; the tree is whole', async () => {
    const cwd = seeds('race', {});
    for (const name of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, name), path.join(cwd, 'seeds', name));
    const { spawn } = await import('node:child_process');
    const { CLI, cleanEnv } = await import('./run.js');
    const start = (): Promise<{ code: number | null; stderr: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [CLI, 'build', '--seeds', 'seeds', '--content', 'content', '--out', '_site', '--quiet'], { cwd, env: cleanEnv() });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([start(), start(), start()]);
    const codes = results.map((r) => r.code).sort();
    // Usually one wins and the others see its lock; if one finished before another started, both succeed.
    expect(codes.filter((c) => c !== 0 && c !== 1), JSON.stringify(results)).toEqual([]);
    expect(codes[0]).toBe(0);
    for (const r of results) if (r.code === 1) expect(r.stderr).toMatch(/is locked by another roundup run/);
    // Beside the outputs only the cache (kept on purpose); no temporary or old trees once their deletion ends.
    expect(await settledEntries(cwd)).toEqual(['.roundup-cache', '_site', 'content', 'seeds']);
    const again = path.join(tmp, 'race-again');
    fs.cpSync(path.join(cwd, 'seeds'), path.join(again, 'seeds'), { recursive: true });
    expect(runCli(['build', '--seeds', 'seeds', '--content', 'content', '--out', '_site', '--quiet'], { cwd: again }).status).toBe(0);
    expect(treeDifference(readTreeBytes(path.join(cwd, 'content')), readTreeBytes(path.join(again, 'content')))).toBeNull();
    expect(treeDifference(readTreeBytes(path.join(cwd, '_site')), readTreeBytes(path.join(again, '_site')))).toBeNull();
  });
});

describe('recoverInterrupted', () => {
  const dead = 2 ** 22 + 54321;
  it('restores a folder the swap had moved aside, and removes temporary siblings of dead runs', () => {
    const parent = path.join(tmp, 'recover-a');
    fs.mkdirSync(path.join(parent, `.content-old-${dead}`), { recursive: true });
    fs.writeFileSync(path.join(parent, `.content-old-${dead}`, 'a.md'), 'old');
    markOutput(path.join(parent, `.content-old-${dead}`));
    fs.mkdirSync(path.join(parent, `.content-tmp-${dead}`));
    fs.mkdirSync(path.join(parent, `.contents-tmp-${dead}`));
    const notes = recoverInterrupted(path.join(parent, 'content'));
    expect(notes).toEqual([`restored ${path.join(parent, 'content')} from .content-old-${dead} (left by an interrupted run)`, `removed .content-tmp-${dead} (left by an interrupted run)`]);
    expect(fs.readdirSync(parent).sort()).toEqual([`.contents-tmp-${dead}`, 'content']);
    expect(fs.readFileSync(path.join(parent, 'content', 'a.md'), 'utf8')).toBe('old');
  });
  it('keeps the folder when it exists and drops the stale old copy; leaves a live run’s siblings alone', () => {
    const parent = path.join(tmp, 'recover-b');
    fs.mkdirSync(path.join(parent, 'content'), { recursive: true });
    fs.mkdirSync(path.join(parent, `.content-old-${dead}`));
    const live = path.join(parent, `.content-tmp-${process.ppid}`);
    fs.mkdirSync(live);
    expect(recoverInterrupted(path.join(parent, 'content'))).toEqual([`removed .content-old-${dead} (left by an interrupted run)`]);
    expect(fs.existsSync(live)).toBe(true);
  });
});
