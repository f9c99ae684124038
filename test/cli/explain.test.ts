// `roundup explain`: every line with its decision and rule; a reader closing the pipe early is no error.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEEDS } from '../helpers.js';
import { CLI, cleanEnv, runCli } from './run.js';

const SEED = path.join(SEEDS, '003_7d868c5bc2b8727c.txt');

describe('roundup explain', () => {
  it('prints the title, kept and dropped lines with the rule and reason', () => {
    const r = runCli(['explain', SEED], { cwd: ROOT });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^T\s+1\s+Obama, Putin discuss Syria on phone\s+\[header: /m);
    expect(r.stdout).toMatch(/^D\s+33\s+Source: AAP\s+\[source-credit: credits the text to "AAP"\]/m);
    expect(r.stdout).toMatch(/^D\s+\d+\s+Share\s+\[furniture: /m);
    expect(r.stdout).toMatch(/^K\s+5\s+Russian President Vladimir Putin/m);
  });

  it('exits quietly when its reader closes the pipe (explain FILE | head -1)', async () => {
    // Far more than a pipe holds (64 KB), so the CLI is still writing when the reader goes away.
    const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-explain-')), 'big.txt');
    fs.writeFileSync(big, Array.from({ length: 5000 }, (_, i) => `Line ${i}: the council voted on Monday to close the bridge for repairs.`).join('\n\n'));
    const child = spawn(process.execPath, [CLI, 'explain', big], { cwd: ROOT, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});
