// The built site's size: what GitHub Pages counts against its limit of 1 GB per published site.
import fs from 'node:fs';
import path from 'node:path';

/** GitHub Pages publishes a site of at most 1 GB (docs.github.com, "GitHub Pages limits"). */
export const PAGES_LIMIT_BYTES = 1024 ** 3;
/** Warn from this share of the limit on, while there is still room to choose `excerpt` or prune seeds. */
export const WARN_SHARE = 0.8;

export interface SiteSize {
  readonly bytes: number;
  readonly files: number;
}

/** Bytes and count of the regular files under `dir` (symlinks not followed), walked without recursion. */
export function siteSize(dir: string): SiteSize {
  let bytes = 0;
  let files = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile()) {
        bytes += fs.lstatSync(full).size;
        files++;
      }
    }
  }
  return { bytes, files };
}

/** "12.3 MB" (decimal megabytes below a gigabyte, as GitHub states its limit in GB). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** The build's size line, and a warning when the site nears or passes what GitHub Pages publishes. */
export function sizeReport(size: SiteSize): { line: string; warning: string | null } {
  const line = `site: ${formatBytes(size.bytes)} in ${size.files.toLocaleString('en-US')} files`;
  if (size.bytes < WARN_SHARE * PAGES_LIMIT_BYTES) return { line, warning: null };
  const over = size.bytes > PAGES_LIMIT_BYTES;
  return {
    line,
    warning: `the site is ${formatBytes(size.bytes)}: GitHub Pages publishes at most 1 GB per site${over ? ', so it will not deploy there' : ''}; fewer seeds (or shorter ones) make it smaller`,
  };
}
