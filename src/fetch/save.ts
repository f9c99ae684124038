// Saving a fetched item into the seeds folder: the page (or the feed's own text) with the feed's metadata declared inside, never over an existing file.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { sha1, slugify } from '../ids.js';
import { decodeBytes } from '../ingest/decode.js';
import { DECLARED_PREFIX } from '../ingest/declared.js';

/** What the feed says of an item, declared in the saved file (read back by src/ingest/declared.ts). */
export interface ItemMeta {
  readonly title: string | null;
  /** An instant (ISO 8601) or null. */
  readonly date: string | null;
  readonly author: string | null;
  readonly url: string | null;
  readonly publisher: string;
  readonly language: string | null;
  readonly feed: string;
  readonly fetched: string;
}

/** `page`: the linked page as served; `feed-item`: the page could not be had, so the feed's own text (`note` says why). */
export type SavedFrom = { readonly from: 'page' } | { readonly from: 'feed-item'; readonly note: string };

/** Attribute text: quotes and markup escaped, control characters (bar tab and newline, made spaces) dropped. */
function attribute(value: string): string {
  return value
    .replace(/[\t\n\r]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The `<meta name="roundup:…">` tags that carry the feed's metadata, after a UTF-8 charset declaration. */
export function declaredBlock(meta: ItemMeta, saved: SavedFrom): string {
  const fields: [string, string | null][] = [
    ['title', meta.title],
    ['date', meta.date],
    ['author', meta.author],
    ['url', meta.url],
    ['publisher', meta.publisher],
    ['language', meta.language],
    ['feed', meta.feed],
    ['fetched', meta.fetched],
    ['saved-from', saved.from],
    ['note', saved.from === 'feed-item' ? saved.note : null],
  ];
  // Every field is written, empty when the feed has no value: the first tag of a name is the one read, so
  // nothing further down the page can fill a field the feed left empty.
  const tags = fields.map(([name, value]) => `<meta name="${DECLARED_PREFIX}${name}" content="${attribute(value ?? '')}">`);
  return `\n<meta charset="utf-8">\n${tags.join('\n')}\n`;
}

/** A page's own `roundup:` meta names, renamed so that only the ones Roundup wrote are read back. */
const PAGE_DECLARED_RE = new RegExp(`(<meta\\b[^>]*?\\b(?:name|property|itemprop)\\s*=\\s*["']?)${DECLARED_PREFIX}`, 'gi');
const HEAD_RE = /<head\b[^>]*>/i;

/** `html` with its own `roundup:` meta tags renamed (`page-roundup-title`): a page or a feed cannot declare metadata for Roundup. */
function withoutOwnDeclarations(html: string): string {
  return html.replace(PAGE_DECLARED_RE, '$1page-roundup-');
}
const HTML_RE = /<html\b[^>]*>/i;

/** The page with the feed's metadata declared first thing in its `<head>` (one is made when it has none). */
export function pageWithMeta(html: string, meta: ItemMeta, saved: SavedFrom): string {
  const page = withoutOwnDeclarations(html.replace(/^\uFEFF/, ''));
  const block = declaredBlock(meta, saved);
  const head = HEAD_RE.exec(page);
  if (head) return page.slice(0, head.index + head[0].length) + block + page.slice(head.index + head[0].length);
  const root = HTML_RE.exec(page);
  if (root) return `${page.slice(0, root.index + root[0].length)}<head>${block}</head>${page.slice(root.index + root[0].length)}`;
  return `<!doctype html>\n<html><head>${block}</head><body>\n${page}\n</body></html>\n`;
}

/** A page made of the feed item's own HTML (its content, else its summary), for when the linked page cannot be had. */
export function feedItemPage(contentHtml: string, meta: ItemMeta, note: string): string {
  const lang = meta.language ? ` lang="${attribute(meta.language)}"` : '';
  const title = meta.title ? `<title>${escapeText(meta.title)}</title>\n` : '';
  const heading = meta.title ? `<h1>${escapeText(meta.title)}</h1>\n` : '';
  return `<!doctype html>\n<html${lang}><head>${declaredBlock(meta, { from: 'feed-item', note })}${title}</head>\n<body><article>\n${heading}${withoutOwnDeclarations(contentHtml)}\n</article></body></html>\n`;
}

const CHARSET_RE = /charset\s*=\s*["']?([\w.:-]+)/i;
const XML_ENCODING_RE = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;
/** How far into a document its own charset declaration is looked for (HTML's prescan reads 1,024 bytes). */
const PRESCAN_BYTES = 2048;

/**
 * A response body as text: in the charset its Content-Type names, else the one its XML declaration or
 * `<meta charset>` names, else as ingest decodes a saved file (UTF-8, UTF-16, what chardet detects).
 * Null when it is not text.
 */
export function decodeBody(body: Uint8Array, contentType: string | null): string | null {
  const head = Buffer.from(body.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const named = CHARSET_RE.exec(contentType ?? '')?.[1] ?? XML_ENCODING_RE.exec(head)?.[1] ?? CHARSET_RE.exec(/<meta\b[^>]*charset[^>]*>/i.exec(head)?.[0] ?? '')?.[1] ?? null;
  const label = named?.toLowerCase() ?? null;
  if (label !== null && !label.startsWith('utf') && iconv.encodingExists(label)) return iconv.decode(Buffer.from(body), label).replace(/\r\n?/g, '\n');
  const decoded = decodeBytes(body);
  return decoded.ok ? decoded.text : null;
}

/** The folder of one publisher below the seeds: its name as a slug (`bbc-news`), or a hash of the feed's address. */
export function publisherFolder(publisher: string, feedUrl: string): string {
  return slugify(publisher) || `feed-${sha1(feedUrl).slice(0, 8)}`;
}

/** `<date>-<slug>.html`: the item's day (UTC) and its title as a slug (a hash of its key when it has no title). */
export function itemFileName(day: string, title: string | null, key: string): string {
  return `${day}-${slugify(title ?? '') || sha1(key).slice(0, 8)}`;
}

/**
 * Writes `text` as `<dir>/<base>.html`, or `<base>-2.html`, … when that name is taken: through a hidden
 * temporary file linked into place, so a saved file is never overwritten and never seen half written.
 * Returns the file's path relative to `seeds`.
 */
export function saveNew(seeds: string, folder: string, base: string, text: string): string {
  const dir = path.join(seeds, folder);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.roundup-fetch-${process.pid}-${sha1(base).slice(0, 8)}.tmp`);
  fs.writeFileSync(temp, text);
  try {
    for (let n = 1; ; n++) {
      const name = `${base}${n === 1 ? '' : `-${n}`}.html`;
      try {
        fs.linkSync(temp, path.join(dir, name));
        return `${folder}/${name}`;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
