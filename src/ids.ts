// Stable, URL-safe identifiers: a slug of a human label plus a short hash of what makes the item unique.
import crypto from 'node:crypto';

const SLUG_MAX_WORDS = 8;

export function sha1(text: string | Uint8Array): string {
  return crypto.createHash('sha1').update(text).digest('hex');
}

/** Lower-case ASCII slug of at most eight words; empty when the text has no letters or digits. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, SLUG_MAX_WORDS)
    .join('-');
}

/** Hex digits of the hash in an id: short enough to read in a URL. */
const HASH_CHARS = 6;
/**
 * Hex digits when items would otherwise share an id: many items with one title (a wire story run by dozens of
 * outlets, saved as dozens of files) make a clash of six digits likely in a run of 100,000.
 */
const LONG_HASH_CHARS = 16;

/** `<slug>-<6 hex>`: readable in a URL, unique through the hash of `key`; `long` for ids that clashed. */
export function makeId(label: string, key: string, long = false): string {
  const slug = slugify(label);
  const hash = sha1(key).slice(0, long ? LONG_HASH_CHARS : HASH_CHARS);
  return slug ? `${slug}-${hash}` : hash;
}

/** The ids given to more than one item: each of those items needs its long form. */
export function repeatedIds(ids: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return repeated;
}

/** An article's id depends only on its own file path and title, so other articles never rename it. */
export function makeArticleId(title: string, file: string, long = false): string {
  return makeId(title, `article:${file}`, long);
}

/** Code-unit order (locale-independent, so every machine sorts alike): the order of every sorted output. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By id in code-unit order. */
export function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return compareText(a.id, b.id);
}

/** Earliest known date first (undated last), then by id: the order that picks a story's or topic's anchor. */
export function byDateThenId(a: { readonly date: string | null; readonly id: string }, b: { readonly date: string | null; readonly id: string }): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return compareText(a.id, b.id);
}
