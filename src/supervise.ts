// Runs a command in a worker thread so that the main thread, idle, answers SIGTERM and SIGINT at once at any stage.
import fs from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { releaseOwnLock } from './lock.js';
import type { ProgressStream } from './progress.js';
import { recoverInterrupted } from './recover.js';

/**
 * Exit codes after a signal, as a shell reports a process it killed (128 + the signal's number): CI
 * runners and `timeout` read 143 as "stopped by SIGTERM".
 */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** What the main thread hands the command's thread: its arguments, and what stderr is (a worker's is a pipe). */
interface CommandThreadData {
  readonly roundupCommand: readonly string[];
  readonly stderrIsTTY: boolean;
  readonly stderrColumns: number;
}

/** A message from the command's thread: the output folders it has locked (and may be half-way through replacing). */
interface LockedMessage {
  readonly locked: readonly string[];
}

const threadData = (isMainThread ? null : (workerData as Partial<CommandThreadData> | null)) ?? null;

/** True in the thread `runInCommandThread` started (not in the main thread, nor in the clean and extract workers). */
export function isCommandThread(): boolean {
  return Array.isArray(threadData?.roundupCommand);
}

/** The command's arguments in the command's thread. */
export function commandArguments(): readonly string[] {
  return threadData?.roundupCommand ?? [];
}

/** stderr for the progress bar: in the command's thread it is a pipe to the main thread, so its terminal-ness is passed on. */
export function progressStream(): ProgressStream {
  if (!isCommandThread()) return process.stderr;
  return { isTTY: threadData?.stderrIsTTY === true, columns: threadData?.stderrColumns ?? 80, write: (text) => process.stderr.write(text) };
}

/** Tells the main thread which output folders this run holds, so that after a signal it can put them right. */
export function reportLockedOutputs(dirs: readonly string[]): void {
  if (isCommandThread()) parentPort?.postMessage({ locked: [...dirs] } satisfies LockedMessage);
}

/** Direct child processes of this process in its own process group (shards), not the detached `rm -rf` of old trees. */
function childProcesses(): number[] {
  const groupOf = (pid: number | 'self'): string | null => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2] ?? null;
    } catch {
      return null;
    }
  };
  const own = groupOf('self');
  const pids: number[] = [];
  try {
    for (const task of fs.readdirSync('/proc/self/task')) {
      const list = fs.readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim();
      if (list) pids.push(...list.split(/\s+/).map(Number));
    }
  } catch {
    return []; // not Linux: the shards notice their parent is gone when their pipe closes
  }
  return pids.filter((pid) => own !== null && groupOf(pid) === own);
}

/** Share of the machine's memory the command thread's heap may grow to, unless the user chose a heap size. */
const COMMAND_HEAP_SHARE = 0.6;

/**
 * The command thread's heap limit in MB: V8's default (about 4 GB on 64-bit machines) is too small for 100,000
 * real-length articles, so it grows to COMMAND_HEAP_SHARE of the machine's memory; a --max-old-space-size the user
 * gave (NODE_OPTIONS) is kept as it is.
 */
export function commandHeapMb(): number {
  const current = Math.floor(v8.getHeapStatistics().heap_size_limit / 2 ** 20);
  const chosen = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)].some((a) => /^--max[-_]old[-_]space[-_]size/.test(a));
  return chosen ? current : Math.max(current, Math.floor((os.totalmem() * COMMAND_HEAP_SHARE) / 2 ** 20));
}

/**
 * Runs the command `argv` in a worker thread started from `entry` (the CLI module) and exits with its code.
 * The main thread does nothing else, so a signal is handled within milliseconds whatever the command is
 * doing: the command's thread is stopped (V8 ends its JavaScript wherever it is), its shard processes are
 * sent SIGTERM, each output folder it had locked is put right (a swap stopped half-way is undone, its
 * temporary folders removed, exactly as after a kill) and its lock released; then the process exits with
 * 130 (SIGINT) or 143 (SIGTERM). A second signal exits at once.
 */
export function runInCommandThread(entry: URL, argv: readonly string[]): void {
  const data: CommandThreadData = { roundupCommand: [...argv], stderrIsTTY: process.stderr.isTTY === true, stderrColumns: process.stderr.columns ?? 80 };
  const heapMb = commandHeapMb();
  const worker = new Worker(entry, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  const locked = new Set<string>();
  let stopping = false;
  worker.on('message', (message: LockedMessage) => {
    for (const dir of message.locked ?? []) locked.add(dir);
  });
  worker.on('error', (error) => {
    if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      process.stderr.write(
        `roundup: out of memory: the command needed more than its ${heapMb} MB of heap; no output was replaced. ` +
          `Give it more with NODE_OPTIONS=--max-old-space-size=<MB> (this machine has ${Math.round(os.totalmem() / 2 ** 20)} MB), or build fewer articles\n`,
      );
    } else {
      process.stderr.write(`roundup: internal error (please report): ${error.stack ?? String(error)}\n`);
    }
    // The thread is gone mid-command, as after a signal: each output it had locked is put right.
    putRight();
    process.exitCode = 2;
  });
  worker.on('exit', (code) => {
    if (!stopping) process.exitCode ??= code;
  });
  const putRight = (): void => {
    for (const dir of locked) {
      try {
        for (const note of recoverInterrupted(dir)) if (note.startsWith('restored')) process.stderr.write(`roundup: ${note}\n`);
      } finally {
        releaseOwnLock(dir);
      }
    }
    locked.clear();
  };
  const stop = async (signal: keyof typeof SIGNAL_EXIT_CODES): Promise<void> => {
    const code = SIGNAL_EXIT_CODES[signal];
    if (stopping) process.exit(code);
    stopping = true;
    await worker.terminate();
    for (const pid of childProcesses()) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    putRight();
    process.stderr.write(`roundup: stopped by ${signal}\n`);
    process.exit(code);
  };
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as (keyof typeof SIGNAL_EXIT_CODES)[]) process.on(signal, () => void stop(signal));
}
