// Feeds and OPML read with feedsmith (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0, JSON Feed 1.0/1.1), as one item shape.
import { parseFeed, parseOpml } from 'feedsmith';
import { linkedom } from '../text/lazy.js';

/** One entry of a feed, whatever its format. Absent = null. */
export interface FeedItem {
  /** What identifies the item across runs: its guid / id, else its link, else its title. */
  readonly key: string;
  readonly title: string | null;
  /** The item's page, absolute (resolved against the feed's address), or null. */
  readonly link: string | null;
  /** When it was published (else updated), as the feed wrote it. */
  readonly date: string | null;
  readonly author: string | null;
  /** The item's own HTML (full content when the feed has it, else its summary), or null. */
  readonly contentHtml: string | null;
}

export interface ParsedFeed {
  readonly format: 'rss' | 'atom' | 'rdf' | 'json';
  readonly title: string | null;
  readonly language: string | null;
  readonly items: readonly FeedItem[];
}

export type FeedRead = { readonly ok: true; readonly feed: ParsedFeed } | { readonly ok: false; readonly problem: string };

/** One feed named in an OPML file. */
export interface OpmlFeed {
  readonly url: string;
  readonly name: string | null;
}

/** The prolog of an XML document: everything before its first element. */
const FIRST_ELEMENT_RE = /<[A-Za-z_]/;
/** A DOCTYPE with an internal subset (`<!DOCTYPE x [ … ]>`), where entities are declared. */
const INTERNAL_SUBSET_RE = /<!DOCTYPE[^>[]*\[/i;
const ENTITY_DECLARATION_RE = /<!ENTITY/i;

/**
 * Why an XML document is refused before it is parsed, or null. feedsmith 3.0.1 (fast-xml-parser 5.11)
 * does not expand declared entities (a billion-laughs feed came back with `&lol9;` as its title in 17 ms,
 * and an external `SYSTEM` entity failed to parse), so this is defence in depth with a clear reason: no
 * real feed needs a DTD of its own, and a parser upgrade that began expanding them could not be made to
 * hang the run or read local files. A plain `<!DOCTYPE rss PUBLIC …>` (RSS 0.91) is still read.
 */
export function refusedXml(text: string): string | null {
  const first = FIRST_ELEMENT_RE.exec(text);
  const prolog = first ? text.slice(0, first.index) : text;
  if (ENTITY_DECLARATION_RE.test(prolog) || INTERNAL_SUBSET_RE.test(prolog)) return 'declares its own DTD entities (<!DOCTYPE … [<!ENTITY …>]>): refused, not parsed';
  return null;
}

type Loose = Record<string, unknown>;

const obj = (v: unknown): Loose => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const text = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && 'value' in v) return text((v as Loose)['value']);
  return null;
};
const first = (...values: unknown[]): string | null => {
  for (const v of values) {
    const t = text(v);
    if (t !== null) return t;
  }
  return null;
};

/** Markup in an Atom `type="html"` title ("T &amp;amp; one") read as the text a browser shows. */
function htmlText(value: string | null): string | null {
  if (value === null) return null;
  const { document } = linkedom().parseHTML('<!doctype html><html><body></body></html>');
  const body = document.body as unknown as { innerHTML: string; textContent: string | null };
  body.innerHTML = value;
  return plainText(body.textContent ?? '');
}

const NAMED_REFERENCES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const REFERENCE_RE = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;

/**
 * A plain-text title (RSS, RDF, JSON Feed; Atom's `type="text"`) on one line. Character references left after
 * the XML layer's are decoded: feeds often escape twice (`&amp;#8217;`), and no reader shows `&#8217;`.
 */
export function plainText(value: string | null): string | null {
  if (value === null) return null;
  const out = value
    .replace(REFERENCE_RE, (ref, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name) return NAMED_REFERENCES[name.toLowerCase()] ?? ref;
      const code = dec ? Number(dec) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : ref;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return out === '' ? null : out;
}

/** Names of people: RSS/Atom/JSON persons (objects with a name) or plain strings, joined by ", ". */
function names(...values: unknown[]): string | null {
  const out: string[] = [];
  for (const v of values) {
    for (const p of list(v)) {
      const name = typeof p === 'string' ? text(p) : first(obj(p)['name'], obj(p)['email']);
      if (name !== null && !out.includes(name)) out.push(name);
    }
  }
  return out.length ? out.join(', ') : null;
}

/** `href` resolved against the feed's address; null unless it is http(s). */
export function absoluteHttpUrl(href: string | null, base: string): string | null {
  if (href === null) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function atomLink(entry: Loose): string | null {
  const links = list(entry['links']).map(obj);
  const alternate = links.find((l) => (text(l['rel']) ?? 'alternate') === 'alternate' && text(l['href']) !== null);
  return text(alternate?.['href']);
}

function itemOf(format: ParsedFeed['format'], raw: Loose, base: string): FeedItem | null {
  const dc = obj(raw['dc']);
  const content = obj(raw['content']);
  let title: string | null;
  let link: string | null;
  let id: string | null;
  let date: string | null;
  let author: string | null;
  let html: string | null;
  if (format === 'atom') {
    const atomTitle = obj(raw['title']);
    title = /html/i.test(text(atomTitle['type']) ?? '') ? htmlText(text(atomTitle)) : text(raw['title']);
    link = atomLink(raw);
    id = text(raw['id']);
    date = first(raw['published'], raw['updated'], list(dc['dates'])[0]);
    author = names(raw['authors'], dc['creators']);
    html = first(raw['content'], raw['summary']);
  } else if (format === 'json') {
    title = text(raw['title']);
    link = first(raw['url'], raw['external_url']);
    id = text(raw['id']);
    date = first(raw['date_published'], raw['date_modified']);
    author = names(raw['authors'], raw['author']);
    const plain = text(raw['content_text']);
    html = first(raw['content_html'], raw['summary']) ?? (plain === null ? null : plain.split(/\n\s*\n/).map((p) => `<p>${escapeText(p)}</p>`).join('\n'));
  } else {
    title = first(raw['title'], dc['titles'] && list(dc['titles'])[0]);
    link = text(raw['link']);
    id = text(obj(raw['guid'])['value']) ?? text(raw['guid']) ?? text(obj(raw['rdf'])['about']);
    date = first(raw['pubDate'], list(dc['dates'])[0], obj(raw['dcterms'])['modified']);
    author = names(dc['creators'], raw['authors']);
    html = first(content['encoded'], raw['description']);
  }
  const absolute = absoluteHttpUrl(link, base);
  const plainTitle = plainText(title);
  const key = id ?? absolute ?? plainTitle;
  if (key === null) return null;
  return { key, title: plainTitle, link: absolute, date, author: plainText(author), contentHtml: html };
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Reads one feed's text; `base` (the feed's final address) resolves relative links. Never throws. */
export function readFeed(source: string, base: string): FeedRead {
  const refused = refusedXml(source);
  if (refused !== null) return { ok: false, problem: refused };
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseFeed(source) as { format: string; feed: unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `not a feed (RSS, RDF, Atom or JSON Feed): ${message}` };
  }
  const format = parsed.format as ParsedFeed['format'];
  const feed = obj(parsed.feed);
  const rawItems = format === 'atom' ? list(feed['entries']) : list(feed['items']);
  const items = rawItems.map((raw) => itemOf(format, obj(raw), base)).filter((item): item is FeedItem => item !== null);
  const language = first(feed['language'], list(obj(feed['dc'])['languages'])[0], obj(feed['xml'])['lang']);
  return { ok: true, feed: { format, title: plainText(text(feed['title'])), language: language?.split(/[-_]/)[0]?.toLowerCase() ?? null, items } };
}

/** The feeds an OPML file lists (outlines with an `xmlUrl`, at any depth), in document order. Throws on a file that is not OPML. */
export function readOpml(source: string): OpmlFeed[] {
  const refused = refusedXml(source);
  if (refused !== null) throw new Error(refused);
  const opml = obj(parseOpml(source));
  const out: OpmlFeed[] = [];
  const visit = (outlines: unknown): void => {
    for (const o of list(outlines).map(obj)) {
      const url = text(o['xmlUrl']);
      if (url !== null) out.push({ url, name: first(o['title'], o['text']) });
      visit(o['outlines']);
    }
  };
  visit(obj(opml['body'])['outlines']);
  return out;
}
