// The progress bar: what one line says, and silence where it would only clutter a log.
import { describe, expect, it } from 'vitest';
import { createProgressBar, formatDuration, progressLine } from '../../src/progress.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, columns: 120, write: (t: string) => writes.push(t) }, writes };
}

describe('progress bar', () => {
  it('shows stage, bar, counts, rate and the time left', () => {
    expect(progressLine('clean+extract', 2500, 10000, 5000)).toBe('clean+extract  [######------------------]  2,500/10,000  500/s  15 s left');
    expect(progressLine('render', 3, 3, 4000)).toBe('render         [########################]  3/3  0.8/s');
  });

  it('waits before guessing the time left, and formats long waits in minutes', () => {
    expect(progressLine('group', 10, 100, 500)).not.toContain('left');
    expect(formatDuration(65_000)).toBe('1 m 05 s');
    expect(formatDuration(3_725_000)).toBe('1 h 02 m');
  });

  it('draws on a terminal, at most every 100 ms, and clears itself', () => {
    let now = 0;
    const { stream, writes } = fakeStream(true);
    const bar = createProgressBar(stream, { quiet: false, env: {}, now: () => now });
    bar.update('clean', 1, 100);
    now = 50;
    bar.update('clean', 2, 100);
    now = 150;
    bar.update('clean', 3, 100);
    bar.update('clean', 100, 100);
    bar.clear();
    expect(writes).toHaveLength(4);
    expect(writes[0]).toMatch(/^\r\x1b\[Kclean +\[/);
    expect(writes[3]).toBe('\r\x1b[K');
  });

  it('says nothing when not a terminal, under CI, or with --quiet', () => {
    for (const [tty, env, quiet] of [[false, {}, false], [true, { CI: 'true' }, false], [true, {}, true]] as const) {
      const { stream, writes } = fakeStream(tty);
      const bar = createProgressBar(stream, { quiet, env });
      bar.update('clean', 1, 2);
      bar.clear();
      expect(writes).toEqual([]);
    }
  });
});
