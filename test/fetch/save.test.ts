// A saved item: the feed's metadata declared in the page, read back by ingest ahead of the page's own; no page or feed can declare it for itself.
import { describe, expect, it } from 'vitest';
import { decodeBody, feedItemPage, itemFileName, pageWithMeta, type ItemMeta } from '../../src/fetch/save.js';
import { parseInput } from '../../src/ingest/index.js';

const PARAS = [
  'The council voted on Monday evening to close the harbour bridge for repairs that are expected to take at least six months, a spokeswoman for the city said.',
  'Engineers found cracks in two of the supporting beams during a routine inspection last month, according to a report published by the council on Friday.',
];
const BODY = `<article><h1>Bridge closes</h1>${PARAS.map((p) => `<p>${p}</p>`).join('')}</article>`;
const META: ItemMeta = {
  title: 'Bridge "closes" <for> repairs', date: '2026-11-30T22:30:00.000Z', author: 'Jo Reporter', url: 'https://news.invalid/a', publisher: 'The Feed Name',
  language: 'fr', feed: 'https://news.invalid/feed', fetched: '2026-12-01T08:00:00.000Z',
};

const declared = (html: string) => {
  const parsed = parseInput('x.html', 'html', new TextEncoder().encode(html));
  if (!parsed.ok) throw new Error(parsed.diagnostic.message);
  return parsed.raw;
};

describe('saved pages', () => {
  it("declares the feed's values, which win over the page's JSON-LD, Open Graph and canonical link", () => {
    const page = `<!doctype html><html lang="en"><head><title>Own | Site</title><meta property="og:title" content="Own"><meta property="og:site_name" content="Own Site">
<link rel="canonical" href="https://own.invalid/x"><script type="application/ld+json">{"@type":"NewsArticle","headline":"LD","datePublished":"2001-01-01","author":{"name":"LD Author"}}</script></head><body>${BODY}</body></html>`;
    const raw = declared(pageWithMeta(page, META, { from: 'page' }));
    const { candidates, ...fields } = raw.declared;
    expect(fields).toEqual({ title: 'Bridge "closes" <for> repairs', publisher: 'The Feed Name', date: '2026-11-30', url: 'https://news.invalid/a', byline: 'Jo Reporter', language: 'fr' });
    // The feed's value is the first candidate of each field, ahead of the page's own, for the extract stage's chains.
    for (const field of ['title', 'publisher', 'date', 'url', 'byline', 'language'] as const) expect(candidates.find((c) => c.field === field)?.source, field).toMatch(/^roundup:/);
    expect(raw.text).toContain(PARAS[1]);
  });

  it("leaves the page's own values where the feed has none", () => {
    const page = `<html lang="en"><head><meta property="og:site_name" content="Own Site"><meta name="author" content="Page Author"></head><body>${BODY}</body></html>`;
    const raw = declared(pageWithMeta(page, { ...META, author: null, date: null, language: null }, { from: 'page' }));
    expect(raw.declared).toMatchObject({ byline: 'Page Author', date: null, language: 'en', publisher: 'The Feed Name' });
  });

  it('puts the declarations into a page without <head>, or without <html>', () => {
    expect(declared(pageWithMeta(`<html><body>${BODY}</body></html>`, META, { from: 'page' })).declared.title).toBe(META.title);
    expect(declared(pageWithMeta(BODY, META, { from: 'page' })).declared.title).toBe(META.title);
  });

  it('lets neither the page nor the feed item declare roundup: values of its own', () => {
    const hijack = '<meta name="roundup:author" content="Hijacker"><meta content="2001-01-01" NAME=\'ROUNDUP:date\'>';
    const page = `<!doctype html><html><head>${hijack}</head><body>${BODY}</body></html>`;
    expect(declared(pageWithMeta(page, { ...META, author: null, date: null }, { from: 'page' })).declared).toMatchObject({ byline: null, date: null });
    const fromFeed = declared(feedItemPage(`${hijack}${BODY}`, { ...META, author: null }, 'The page could not be fetched (HTTP 403).'));
    expect(fromFeed.declared.byline).toBeNull();
    expect(fromFeed.text).toContain(PARAS[0]);
  });

  it("makes a page of the feed item's own text that says so", () => {
    const html = feedItemPage(BODY, META, 'The page could not be fetched (HTTP 403 Forbidden); this is the feed item\'s own text.');
    expect(html).toContain('<meta name="roundup:saved-from" content="feed-item">');
    expect(html).toContain('<meta name="roundup:note" content="The page could not be fetched (HTTP 403 Forbidden); this is the feed item\'s own text.">');
    expect(html).toContain('<html lang="fr">');
    expect(declared(html).declared.title).toBe(META.title);
  });

  it('names files by day and title slug, or a hash of the key without a title', () => {
    expect(itemFileName('2026-11-30', 'Café: the "best" in Zürich!', 'k')).toBe('2026-11-30-cafe-the-best-in-zurich');
    expect(itemFileName('2026-11-30', null, 'urn:x')).toMatch(/^2026-11-30-[0-9a-f]{8}$/);
  });
});

describe('decodeBody', () => {
  it('uses the Content-Type charset, then the document declaration, then sniffing', () => {
    const latin = Buffer.from('<p>réparations</p>', 'latin1');
    expect(decodeBody(latin, 'text/html; charset=ISO-8859-1')).toBe('<p>réparations</p>');
    expect(decodeBody(Buffer.concat([Buffer.from('<meta charset="windows-1252">'), latin]), 'text/html')).toContain('réparations');
    expect(decodeBody(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss>é</rss>', 'latin1'), null)).toContain('<rss>é</rss>');
    expect(decodeBody(Buffer.from('<p>déjà</p>', 'utf8'), 'text/html')).toBe('<p>déjà</p>');
    expect(decodeBody(new Uint8Array([0, 1, 2, 3, 0, 0, 0, 5, 6, 7]), null)).toBeNull();
  });
});
