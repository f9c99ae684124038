// The command thread's heap: V8's default (about 4 GB) held 10,000 real-length articles but not 100,000, so the
// thread may grow to a share of the machine's memory, unless the user chose a heap size.
import os from 'node:os';
import v8 from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { commandHeapMb } from '../../src/supervise.js';

const saved = process.env['NODE_OPTIONS'];
afterEach(() => {
  if (saved === undefined) delete process.env['NODE_OPTIONS'];
  else process.env['NODE_OPTIONS'] = saved;
});

const current = Math.floor(v8.getHeapStatistics().heap_size_limit / 2 ** 20);

describe('commandHeapMb', () => {
  it('grows past the default to a share of the machine, never below the default', () => {
    delete process.env['NODE_OPTIONS'];
    const mb = commandHeapMb();
    expect(mb).toBeGreaterThanOrEqual(current);
    expect(mb).toBeLessThan(os.totalmem() / 2 ** 20);
    expect(mb).toBe(Math.max(current, Math.floor((os.totalmem() * 0.6) / 2 ** 20)));
  });

  it('keeps the heap size the user chose in NODE_OPTIONS', () => {
    process.env['NODE_OPTIONS'] = '--enable-source-maps --max-old-space-size=2048';
    expect(commandHeapMb()).toBe(current);
  });
});
