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

/** `<slug>-<6 hex>`: readable in a URL, unique through the hash of `key`. */
export function makeId(label: string, key: string): string {
  const slug = slugify(label);
  const hash = sha1(key).slice(0, 6);
  return slug ? `${slug}-${hash}` : hash;
}

/** An article's id depends only on its own file path and title, so other articles never rename it. */
export function makeArticleId(title: string, file: string): string {
  return makeId(title, `article:${file}`);
}
