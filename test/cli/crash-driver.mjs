// Test driver: runs the CLI but exits the process abruptly (like a kill) right after the N-th call of an fs
// operation, so a test can stop a build at an exact point of its writes and swaps.
// ROUNDUP_TEST_CRASH_AFTER=<op>:<n>, op one of writeFileSync, renameSync, rmSync, mkdirSync.
import fs from 'node:fs';

const spec = process.env.ROUNDUP_TEST_CRASH_AFTER ?? '';
const [op, count] = spec.split(':');
const limit = Number(count);
if (!['writeFileSync', 'renameSync', 'rmSync', 'mkdirSync'].includes(op ?? '') || !Number.isInteger(limit) || limit < 1) {
  process.stderr.write(`crash-driver: bad ROUNDUP_TEST_CRASH_AFTER=${JSON.stringify(spec)}\n`);
  process.exit(99);
}
const original = fs[op];
let calls = 0;
fs[op] = function crashing(...args) {
  const result = original.apply(this, args);
  calls++;
  // SIGKILL ourselves: no exit handlers, no finally blocks, exactly like `kill -9`.
  if (calls === limit) process.kill(process.pid, 'SIGKILL');
  return result;
};
process.argv.splice(1, 1, new URL('../../dist/cli.js', import.meta.url).pathname);
await import('../../dist/cli.js');
