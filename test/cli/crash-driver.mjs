// Test hook (node --import): makes the CLI exit abruptly (like a kill) right after the N-th call of an fs
// operation in the thread that runs the command, so a test can stop a build at an exact point of its writes
// and swaps. ROUNDUP_TEST_CRASH_AFTER=<op>:<n>, op one of writeFileSync, renameSync, rmSync, mkdirSync.
// Loaded into every thread; only the command's thread (src/supervise.ts) counts, as the whole CLI did when
// it ran in one thread.
import fs from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';

const spec = process.env.ROUNDUP_TEST_CRASH_AFTER ?? '';
const [op, count] = spec.split(':');
const limit = Number(count);
if (!['writeFileSync', 'renameSync', 'rmSync', 'mkdirSync'].includes(op ?? '') || !Number.isInteger(limit) || limit < 1) {
  process.stderr.write(`crash-driver: bad ROUNDUP_TEST_CRASH_AFTER=${JSON.stringify(spec)}\n`);
  process.exit(99);
}
if (!isMainThread && Array.isArray(workerData?.roundupCommand)) {
  const original = fs[op];
  let calls = 0;
  fs[op] = function crashing(...args) {
    const result = original.apply(this, args);
    calls++;
    // SIGKILL the process: no exit handlers, no finally blocks, exactly like `kill -9`.
    if (calls === limit) process.kill(process.pid, 'SIGKILL');
    return result;
  };
}
