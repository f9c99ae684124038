// A progress bar for long runs on a terminal: stage, bar, counts, rate and time left. Silent when the
// stream is not a TTY, under CI, or with --quiet, so logs and pipes get only the report lines.

/** Redraw at most this often: a terminal cannot show more, and each write costs. */
const REDRAW_MS = 100;
/** No time left is shown until the stage has run this long (the first items are slower: warm-up). */
const ETA_AFTER_MS = 1500;
const BAR_WIDTH = 24;

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export interface ProgressBar {
  /** Reports `done` of `total` items of `stage`; a new stage name starts a new bar. */
  update(stage: string, done: number, total: number): void;
  /** Clears the bar (before report lines, and at the end). */
  clear(): void;
}

/** "1 m 05 s", "42 s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} m ${String(s % 60).padStart(2, '0')} s` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} m`;
}

/** One line of the bar, without the carriage return: `clean+extract [######----] 4,210/10,000  812/s  7 s left`. */
export function progressLine(stage: string, done: number, total: number, elapsedMs: number, width = 100): string {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
  const count = total > 1 ? `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}` : '';
  const rate = elapsedMs > 0 && done > 0 ? done / (elapsedMs / 1000) : 0;
  const left = elapsedMs >= ETA_AFTER_MS && rate > 0 && done < total ? `${formatDuration(((total - done) / rate) * 1000)} left` : '';
  const perSecond = total > 1 && rate > 0 ? `${rate >= 10 ? Math.round(rate).toLocaleString('en-US') : rate.toFixed(1)}/s` : '';
  const line = [stage.padEnd(13), bar, count, perSecond, left].filter(Boolean).join('  ');
  return line.length > width - 1 ? line.slice(0, width - 1) : line;
}

export function createProgressBar(stream: ProgressStream, options: { quiet: boolean; env?: NodeJS.ProcessEnv; now?: () => number }): ProgressBar {
  const env = options.env ?? process.env;
  const now = options.now ?? (() => performance.now());
  const live = !options.quiet && stream.isTTY === true && !env['CI'];
  let stage = '';
  let started = 0;
  let lastDraw = -Infinity;
  let shown = false;
  return {
    update(name, done, total) {
      if (!live) return;
      const t = now();
      if (name !== stage) {
        stage = name;
        started = t;
        lastDraw = -Infinity;
      }
      if (t - lastDraw < REDRAW_MS && done < total) return;
      lastDraw = t;
      stream.write(`\r\x1b[K${progressLine(stage, done, total, t - started, stream.columns ?? 100)}`);
      shown = true;
    },
    clear() {
      if (live && shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
