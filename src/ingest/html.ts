// Saved HTML pages: metadata from JSON-LD, Open Graph and meta tags; the readable part via Readability.
import type { parseHTML } from 'linkedom';
import { linkedom, readability } from '../text/lazy.js';
import type { DeclaredMeta } from '../model.js';
import { NO_DECLARED_DATE, readDeclaredDate } from '../text/dates.js';
import { hasPageText, htmlToLines, type DomNode } from './html-text.js';
import { readRoundupMeta } from './declared.js';

export interface HtmlInput {
  readonly text: string;
  readonly declared: DeclaredMeta;
  /** True when Readability found no article and the whole page's text was used. */
  readonly fallback: boolean;
  /** The page's declared date as written when it names no real day (`2024-02-30`): ignored, with a warning. */
  readonly rejectedDate: string | null;
}

type Doc = ReturnType<typeof parseHTML>['document'];

function meta(document: Doc, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = el?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return null;
}

type JsonLd = Record<string, unknown>;

/** NewsArticle-like objects from every JSON-LD block, including @graph arrays. */
function jsonLdArticles(document: Doc): JsonLd[] {
  const out: JsonLd[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(visit); return; }
    if (!node || typeof node !== 'object') return;
    const obj = node as JsonLd;
    const type = ([] as unknown[]).concat(obj['@type'] ?? []).map(String);
    if (type.some((t) => /Article|Posting|Report|BlogPosting/i.test(t))) out.push(obj);
    if (obj['@graph']) visit(obj['@graph']);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common on real pages; the other sources of metadata still apply.
    }
  }
  return out;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const nameOf = (v: unknown): string | null => {
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(', ') || null;
  if (v && typeof v === 'object') return str((v as JsonLd)['name']);
  return str(v);
};


/**
 * linkedom's document for `source`. Text with no element at all ("!", "---") gives a document without a
 * root element whose `body` getter throws; such text is parsed again as the body of an empty page.
 * (Fixtures: test/hostile/corpus.test.ts, broken.html; test/ingest/hostile-ingest.test.ts, the property.)
 */
function parsePage(source: string): Doc {
  const { document } = linkedom().parseHTML(source);
  const wrapped = (): Doc => linkedom().parseHTML(`<!doctype html><html><body>${source}</body></html>`).document;
  if (!document.documentElement) return wrapped();
  // `<html><title>…</title><div>…` with no <body> tag: linkedom leaves the page beside an empty body,
  // where Readability never looks (browsers would move it into the body). Parse it as the body instead.
  if (document.body && !hasPageText(document.body) && hasPageText(document.documentElement)) {
    const page = wrapped();
    const lang = document.documentElement.getAttribute('lang');
    if (lang) page.documentElement?.setAttribute('lang', lang);
    return page;
  }
  return document;
}

export function readHtml(source: string): HtmlInput {
  const document = parsePage(source);
  const ld = jsonLdArticles(document)[0] ?? {};
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const htmlLang = document.documentElement?.getAttribute('lang') ?? null;
  const roundupMeta = readRoundupMeta(document); // what `roundup fetch` declared from the feed: wins over the page's own
  // Metadata first: Readability rewrites the document it reads.
  const declaredDate = readDeclaredDate(str(ld['datePublished']) ?? meta(document, 'article:published_time', 'datePublished', 'date', 'pubdate', 'DC.date.issued'));
  const declaredBefore = {
    title: str(ld['headline']) ?? meta(document, 'og:title', 'twitter:title'),
    publisher: nameOf(ld['publisher']) ?? meta(document, 'og:site_name', 'application-name'),
    date: declaredDate.date,
    url: str(canonical) ?? str(ld['url']) ?? meta(document, 'og:url'),
    byline: nameOf(ld['author']) ?? meta(document, 'author', 'article:author'),
    language: str(htmlLang)?.split(/[-_]/)[0]?.toLowerCase() ?? null,
  };
  const wholePage = (): string[] => htmlToLines(document.body ?? document);
  let lines: string[];
  let fallback = false;
  // Readability hands back its article element itself (the serializer), not its HTML to be parsed again:
  // serialising the article and parsing that once more gave the same tree at the cost of a second parse.
  let article: ReturnType<InstanceType<ReturnType<typeof readability>['Readability']>['parse']> | null = null;
  try {
    article = new (readability().Readability)(document as never, { serializer: (el) => el as unknown as string }).parse();
  } catch {
    article = null;
  }
  const content = article?.content as unknown as DomNode | null | undefined;
  if (content) {
    lines = htmlToLines(content);
  } else {
    fallback = true;
    const fresh = parsePage(source);
    lines = fresh.body ? htmlToLines(fresh.body) : wholePage();
  }
  // Readability's date comes from the same tags: looked at only when they declared none at all.
  const readabilityDate = declaredDate === NO_DECLARED_DATE ? readDeclaredDate(str(article?.publishedTime)) : NO_DECLARED_DATE;
  const declared: DeclaredMeta = {
    title: declaredBefore.title ?? str(article?.title),
    publisher: declaredBefore.publisher ?? str(article?.siteName),
    date: declaredBefore.date ?? readabilityDate.date,
    url: declaredBefore.url,
    byline: declaredBefore.byline ?? str(article?.byline),
    language: declaredBefore.language ?? str(article?.lang)?.split(/[-_]/)[0]?.toLowerCase() ?? null,
  };
  return { text: lines.join('\n\n'), declared: { ...declared, ...roundupMeta }, fallback, rejectedDate: declaredDate.rejected ?? readabilityDate.rejected };
}
