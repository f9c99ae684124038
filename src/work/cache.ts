// A content-addressed cache on disk: one JSON file per entry, named by the hash of everything the entry
// depends on, so an entry is never stale, only unused. Entries a run did not use are pruned after it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareText, sha1 } from '../ids.js';
import { discardDirectory, writeFileAtomic } from '../write/atomic.js';

/** Folder of the cache's format; bump when an entry's shape changes. */
const FORMAT = 'v1';

export class Cache {
  private readonly used = new Map<string, Set<string>>();
  private hits = 0;
  private misses = 0;

  /**
   * `generation` names a folder of its own (the code version, by default): entries of other generations can
   * never be read again, so pruning drops their folders whole, in the background, not file by file.
   */
  constructor(
    readonly dir: string,
    readonly generation = 'current',
  ) {}

  /** The entry's file (a worker thread may write it with `writeEntry`; then call `touch`). */
  file(bucket: string, key: string): string {
    return path.join(this.dir, FORMAT, this.generation, bucket, key.slice(0, 2), `${key}.json`);
  }

  /** Marks the entry as used by this run (so `prune` keeps it). */
  touch(bucket: string, key: string): void {
    let keys = this.used.get(bucket);
    if (!keys) this.used.set(bucket, (keys = new Set()));
    keys.add(key);
  }

  /** The entry, or undefined when absent or unreadable (a torn write reads as a miss). */
  get<T>(bucket: string, key: string): T | undefined {
    this.touch(bucket, key);
    try {
      const value = JSON.parse(fs.readFileSync(this.file(bucket, key), 'utf8')) as T;
      this.hits++;
      return value;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  /** Writes the entry through a temporary file and a rename, so a reader never sees half of it. */
  set(bucket: string, key: string, value: unknown): void {
    this.touch(bucket, key);
    writeEntry(this.file(bucket, key), value);
  }

  get stats(): { hits: number; misses: number } {
    return { hits: this.hits, misses: this.misses };
  }

  /** Deletes the entries of `buckets` this run did not read or write, and other generations (call after a successful run). */
  prune(buckets: readonly string[]): number {
    let removed = 0;
    const formatDir = path.join(this.dir, FORMAT);
    for (const gen of fs.existsSync(formatDir) ? fs.readdirSync(formatDir) : []) if (gen !== this.generation && !gen.startsWith('.')) discardDirectory(path.join(formatDir, gen));
    for (const bucket of buckets) {
      const used = this.used.get(bucket) ?? new Set<string>();
      const root = path.join(this.dir, FORMAT, this.generation, bucket);
      if (!fs.existsSync(root)) continue;
      for (const sub of fs.readdirSync(root)) {
        for (const name of fs.readdirSync(path.join(root, sub))) {
          if (name.endsWith('.json') && used.has(name.slice(0, -5))) continue;
          fs.rmSync(path.join(root, sub, name), { force: true });
          removed++;
        }
      }
    }
    return removed;
  }
}

/** Writes one entry whole or not at all (see writeFileAtomic); usable from any thread. */
export function writeEntry(file: string, value: unknown): void {
  writeFileAtomic(file, JSON.stringify(value));
}

/**
 * Where the write stage records the pages it wrote into `contentDir` (see WriteOptions.manifest), and the
 * render stage reads them back instead of hashing every page again.
 */
export function pageManifestPath(cacheRoot: string, contentDir: string): string {
  return path.join(path.resolve(cacheRoot), 'pages', FORMAT, `${sha1(path.resolve(contentDir)).slice(0, 12)}.json`);
}

/** The cache folder for one seeds folder: runs over different inputs do not prune each other's entries. */
export function cacheFor(cacheRoot: string, seedsDir: string): Cache {
  return new Cache(path.join(path.resolve(cacheRoot), sha1(path.resolve(seedsDir)).slice(0, 12)), getCodeVersion().slice(0, 12));
}

/** `<path from root>:<SHA-1 of its bytes>` for each file below `dir` that `accept` takes, names in code-unit order. */
export function fileHashes(dir: string, root: string, accept: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (accept(entry.name)) out.push(`${path.relative(root, full)}:${sha1(fs.readFileSync(full))}`);
    }
  };
  walk(dir);
  return out;
}

let codeVersion: string | null = null;

/**
 * A hash of the code that computes the model: every compiled module (or source module, under the tests),
 * the built-in publisher profiles and the locked dependency versions. Any edit makes every key new.
 */
export function getCodeVersion(): string {
  if (codeVersion) return codeVersion;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const codeRoot = path.resolve(here, '..');
  const projectRoot = path.resolve(codeRoot, '..');
  const code = (name: string): boolean => /\.(js|ts|json)$/.test(name) && !name.endsWith('.d.ts');
  const parts = [...fileHashes(codeRoot, projectRoot, code), ...fileHashes(path.join(projectRoot, 'src', 'publishers'), projectRoot, code)];
  const lock = path.join(projectRoot, 'package-lock.json');
  if (fs.existsSync(lock)) parts.push(`package-lock.json:${sha1(fs.readFileSync(lock))}`);
  return (codeVersion = sha1(parts.join('\n')));
}
