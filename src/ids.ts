// Stable, URL-safe identifiers: a slug of a human label plus a short hash of what makes the item unique.
import crypto from 'node:crypto';
import anyAscii from 'any-ascii';

/** Words of a label kept in its slug: enough to read what the page is about. */
const SLUG_MAX_WORDS = 8;
/**
 * Bytes of a slug (ASCII, so characters too): an id stays far below a file name's 255 bytes with its hash,
 * a page number and `.md` (a title of one 300-letter word stopped the build with ENAMETOOLONG, issue 19).
 * Every slug of the seeds and fixtures is shorter (47 at most), so none of their ids changed.
 */
export const SLUG_MAX_BYTES = 60;
/** Combining accents, dropped after NFKD so that "é" is "e". */
const COMBINING_ACCENT_RE = /[\u0300-\u036f]/g;
/** Letters, digits and marks left outside ASCII after NFKD: transliterated, one code point at a time. */
const NON_ASCII_LETTER_RE = /[^\x00-\x7f]/gu;
const LETTER_RE = /^[\p{L}\p{N}\p{M}]$/u;
/** A Han character is a syllable of its own ("明东日" → "ming dong ri"): written without spaces, read as words. */
const HAN_RE = /^\p{Script=Han}$/u;

export function sha1(text: string | Uint8Array): string {
  return crypto.createHash('sha1').update(text).digest('hex');
}

/**
 * Latin letters for any script (any-ascii: "Москва" → "Moskva", "東京" → "dong jing"); symbols, emoji and
 * punctuation outside ASCII become spaces. Text NFKD leaves in ASCII is as before, so Latin slugs keep their ids.
 */
function toAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_ACCENT_RE, '')
    .replace(NON_ASCII_LETTER_RE, (c) => (!LETTER_RE.test(c) ? ' ' : HAN_RE.test(c) ? ` ${anyAscii(c)} ` : anyAscii(c)));
}

/** The words joined by hyphens while they fit in `max` bytes; a first word longer than that is cut. */
function joinWithin(words: readonly string[], max: number): string {
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > max) return slug === '' ? word.slice(0, max) : slug;
    slug = next;
  }
  return slug;
}

/**
 * Lower-case ASCII slug of at most eight words and SLUG_MAX_BYTES bytes, cut at a word boundary (within a
 * word only when the first is longer); other scripts are transliterated. Empty when nothing is left.
 */
export function slugify(text: string): string {
  const words = toAscii(text)
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, SLUG_MAX_WORDS);
  return joinWithin(words, SLUG_MAX_BYTES);
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

/**
 * Each id made unique in the order given: the second and later items that still share one (only a clash of
 * long forms can, two 16-hex prefixes of SHA-1) take `-2`, `-3`, … A made id ends in 6 or 16 hex digits, so
 * a counter never gives an id another item already has; the loop makes sure.
 */
export function uniqueIds(ids: readonly string[]): string[] {
  const taken = new Set(ids);
  const seen = new Set<string>();
  return ids.map((id) => {
    if (!seen.has(id)) {
      seen.add(id);
      return id;
    }
    let n = 2;
    while (taken.has(`${id}-${n}`)) n += 1;
    const unique = `${id}-${n}`;
    taken.add(unique);
    return unique;
  });
}

/**
 * Ids for items each named by `make`: the short form unless another item draws the same one (a six-hex clash,
 * likely in a large run and easy to make on purpose), then the long form, then `uniqueIds` in the order given
 * (callers pass a sorted order). An item's id depends on itself alone unless it clashes.
 */
export function distinctIds<T>(items: readonly T[], make: (item: T, long: boolean) => string): string[] {
  const short = items.map((item) => make(item, false));
  const clash = repeatedIds(short);
  if (clash.size === 0) return short;
  return uniqueIds(items.map((item, i) => (clash.has(short[i]!) ? make(item, true) : short[i]!)));
}

/** An article's id depends only on its own file path and title, so other articles never rename it. */
export function makeArticleId(title: string, file: string, long = false): string {
  return makeId(title, `article:${file}`, long);
}

/** Code-unit order (locale-independent, so every machine sorts alike): the order of every sorted output. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The value most of `values` have (nulls left out), ties in code-unit order; null when none has one. */
export function mostCommon(values: Iterable<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || compareText(a, b))[0]?.[0] ?? null;
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
