// Every metadata signal of a saved HTML page, in trafilatura's order of trust: JSON-LD, Open Graph and article:*,
// meta tags, microdata, <time>, the visible <h1> and byline, <title>. The extract stage chooses among them.
import type { parseHTML } from 'linkedom';
import type { MetaCandidate, MetaField } from '../model.js';
import { decodeEntities } from '../text/entities.js';

type Doc = ReturnType<typeof parseHTML>['document'];
type Element = NonNullable<ReturnType<Doc['querySelector']>>;
type JsonLd = Record<string, unknown>;

/** JSON-LD types that describe the article itself (schema.org's Article family, and pages that are one). */
const ARTICLE_TYPE_RE = /Article|Posting|Report|NewsArticle|BlogPosting|WebPage|ItemPage/i;
/** Of those, the ones that are surely the article (a WebPage's name is often the site's). */
const STRICT_ARTICLE_TYPE_RE = /Article|Posting|Report/i;
/** Values longer than this are page text, not a name or a title. */
const MAX_VALUE_CHARS = 400;

/** Meta tags per field, most trusted first (Open Graph and article:* before the generic names). */
const META_KEYS: Readonly<Record<MetaField, readonly string[]>> = {
  title: ['og:title', 'twitter:title', 'dc.title', 'sailthru.title', 'parsely-title'],
  publisher: ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'twitter:site', 'dc.publisher', 'publisher'],
  date: [
    'article:published_time', 'article:published', 'og:published_time', 'og:article:published_time', 'datePublished',
    'date', 'pubdate', 'publishdate', 'publish-date', 'published_time', 'publication_date', 'sailthru.date',
    'parsely-pub-date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'article.published', 'cXenseParse:recs:publishtime',
  ],
  byline: ['author', 'article:author', 'byl', 'dc.creator', 'sailthru.author', 'parsely-author', 'twitter:creator'],
  url: ['og:url'],
  language: ['og:locale', 'content-language', 'dc.language'],
};

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const clean = decodeEntities(value).replace(/\s+/g, ' ').trim();
  return clean && clean.length <= MAX_VALUE_CHARS ? clean : null;
}

/** A name in JSON-LD: a string, an object's `name`, or each of a list joined ("A and B"). */
function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== null);
    return names.length ? [...new Set(names)].join(', ') : null;
  }
  if (value && typeof value === 'object') return text((value as JsonLd)['name']);
  return text(value);
}

/** Objects of every JSON-LD block, `@graph` arrays and nested values included, in document order. */
function jsonLdObjects(document: Doc): JsonLd[] {
  const out: JsonLd[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 6 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const obj = node as JsonLd;
    out.push(obj);
    if (obj['@graph']) visit(obj['@graph'], depth + 1);
    if (obj['mainEntity']) visit(obj['mainEntity'], depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A broken JSON-LD block is common on real pages; the other sources of metadata still apply.
    }
  }
  return out;
}

const typesOf = (obj: JsonLd): string[] => ([] as unknown[]).concat(obj['@type'] ?? []).map(String);

function meta(document: Doc, key: string): string[] {
  const out: string[] = [];
  const lower = key.toLowerCase();
  for (const el of document.querySelectorAll('meta')) {
    const name = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? el.getAttribute('http-equiv') ?? '').toLowerCase();
    if (name !== lower) continue;
    const value = text(el.getAttribute('content'));
    if (value) out.push(value);
  }
  return out;
}

const visible = (el: Element | null | undefined): string | null => text(el?.textContent ?? null);

/** The page's metadata candidates, most trusted first within each field. */
export function readPageMeta(document: Doc): MetaCandidate[] {
  const out: MetaCandidate[] = [];
  const add = (field: MetaField, value: string | null, source: string): void => {
    if (value && !out.some((c) => c.field === field && c.value === value)) out.push({ field, value, source });
  };
  const objects = jsonLdObjects(document);
  const articles = objects.filter((o) => typesOf(o).some((t) => STRICT_ARTICLE_TYPE_RE.test(t)));
  const pages = objects.filter((o) => !articles.includes(o) && typesOf(o).some((t) => ARTICLE_TYPE_RE.test(t)));
  const organisations = objects.filter((o) => typesOf(o).some((t) => /^(?:Organization|NewsMediaOrganization|WebSite|Corporation)$/i.test(t)));

  // Titles: og:title first (what the site shares; it is the visible headline more often than JSON-LD's SEO headline).
  for (const v of meta(document, 'og:title')) add('title', v, 'og:title');
  for (const a of articles) add('title', text(a['headline']) ?? text(a['name']), 'json-ld headline');
  for (const key of META_KEYS.title.slice(1)) for (const v of meta(document, key)) add('title', v, `meta ${key}`);
  add('title', visible(document.querySelector('[itemprop="headline"]')), 'microdata headline');
  add('title', visible(document.querySelector('article h1') ?? document.querySelector('h1')), '<h1>');
  add('title', visible(document.querySelector('title')), '<title>');

  for (const a of articles) add('publisher', nameOf(a['publisher']) ?? nameOf(a['sourceOrganization']), 'json-ld publisher');
  for (const key of META_KEYS.publisher) for (const v of meta(document, key)) add('publisher', v, `meta ${key}`);
  for (const p of pages) add('publisher', nameOf(p['publisher']), 'json-ld publisher');
  for (const o of organisations) add('publisher', text(o['name']), 'json-ld organization');

  for (const a of [...articles, ...pages]) add('date', text(a['datePublished']) ?? text(a['dateCreated']), 'json-ld datePublished');
  for (const key of META_KEYS.date) for (const v of meta(document, key)) add('date', v, `meta ${key}`);
  for (const el of document.querySelectorAll('[itemprop="datePublished"]')) add('date', text(el.getAttribute('content') ?? el.getAttribute('datetime')), 'microdata datePublished');
  // <time>: a published one first (pubdate, a "published" class), then the first inside <article>, then any.
  const times = [...document.querySelectorAll('time[datetime], abbr.published[title]')];
  const when = (el: Element): string | null => text(el.getAttribute('datetime') ?? el.getAttribute('title'));
  for (const el of times) if (el.hasAttribute('pubdate') || /publish|posted|entry-date/i.test(el.getAttribute('class') ?? '')) add('date', when(el), '<time> published');
  for (const el of document.querySelectorAll('article time[datetime]')) add('date', when(el), '<time> in <article>');
  for (const el of times) if (!/updated|modified/i.test(el.getAttribute('class') ?? '')) add('date', when(el), '<time>');
  for (const el of times) add('date', when(el), '<time> updated');
  for (const a of [...articles, ...pages]) add('date', text(a['dateModified']), 'json-ld dateModified');

  for (const a of articles) add('byline', nameOf(a['author']) ?? nameOf(a['creator']), 'json-ld author');
  for (const key of META_KEYS.byline) for (const v of meta(document, key)) add('byline', v, `meta ${key}`);
  add('byline', visible(document.querySelector('[itemprop="author"] [itemprop="name"]') ?? document.querySelector('[itemprop="author"]')), 'microdata author');
  add('byline', visible(document.querySelector('a[rel="author"], [rel="author"]')), 'rel=author');
  add('byline', visible(document.querySelector('.byline, .author-name, .article-author, [class*="byline"]')), 'byline element');

  add('url', text(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null), 'canonical link');
  for (const v of meta(document, 'og:url')) add('url', v, 'og:url');
  for (const a of articles) add('url', text(a['url']) ?? text(a['mainEntityOfPage']), 'json-ld url');

  add('language', text(document.documentElement?.getAttribute('lang') ?? null), '<html lang>');
  for (const key of META_KEYS.language) for (const v of meta(document, key)) add('language', v, `meta ${key}`);
  for (const a of articles) add('language', text(a['inLanguage']), 'json-ld inLanguage');
  return out;
}
