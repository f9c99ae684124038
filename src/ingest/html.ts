// Saved HTML pages: every metadata signal (html-meta.ts), then Readability's; the readable part via Readability.
import type { parseHTML } from 'linkedom';
import { linkedom, readability } from '../text/lazy.js';
import type { DeclaredMeta, MetaCandidate, MetaField } from '../model.js';
import { NO_DECLARED_DATE, readDeclaredDate } from '../text/dates.js';
import { readPageMeta } from './html-meta.js';
import { hasPageText, htmlToLines, type DomNode } from './html-text.js';
import { readRoundupCandidates } from './declared.js';

export interface HtmlInput {
  readonly text: string;
  readonly declared: DeclaredMeta;
  /** True when Readability found no article and the whole page's text was used. */
  readonly fallback: boolean;
  /** The page's declared date as written when it names no real day (`2024-02-30`): ignored, with a warning. */
  readonly rejectedDate: string | null;
}

type Doc = ReturnType<typeof parseHTML>['document'];

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

/** The host name of a page URL, or null. */
function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

const firstOf = (candidates: readonly MetaCandidate[], field: MetaField): string | null => candidates.find((c) => c.field === field)?.value ?? null;

/** Readability's findings, added last to the page's own metadata (it reads the same tags, and the byline in the text). */
function withReadability(candidates: readonly MetaCandidate[], article: { title?: string | null; siteName?: string | null; byline?: string | null; publishedTime?: string | null; lang?: string | null } | null): MetaCandidate[] {
  const out = [...candidates];
  const add = (field: MetaField, value: string | null | undefined): void => {
    const clean = value?.replace(/\s+/g, ' ').trim();
    if (clean && !out.some((c) => c.field === field && c.value === clean)) out.push({ field, value: clean, source: 'readability' });
  };
  add('title', article?.title);
  add('publisher', article?.siteName);
  add('byline', article?.byline);
  add('date', article?.publishedTime);
  add('language', article?.lang);
  return out;
}

export function readHtml(source: string): HtmlInput {
  const document = parsePage(source);
  // Metadata first: Readability rewrites the document it reads.
  const found = readPageMeta(document);
  const feed = readRoundupCandidates(document); // what `roundup fetch` declared from the feed: wins over the page's own
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
    lines = htmlToLines(content, { dropSiteLinkLines: { pageHost: hostOf(firstOf(found, 'url')) } });
  } else {
    fallback = true;
    const fresh = parsePage(source);
    lines = fresh.body ? htmlToLines(fresh.body) : wholePage();
  }
  // The feed's values come first in every chain, as front matter does for Markdown.
  const candidates = [...feed, ...withReadability(found, article)];
  // The first date that names a real day is the declared one; the first refused one is worth a warning when none does.
  const dates = candidates.filter((c) => c.field === 'date').map((c) => readDeclaredDate(c.value));
  const declaredDate = dates.find((d) => d.date !== null) ?? dates.find((d) => d.rejected !== null) ?? NO_DECLARED_DATE;
  const declared: DeclaredMeta = {
    title: firstOf(candidates, 'title'),
    publisher: firstOf(candidates, 'publisher'),
    date: declaredDate.date,
    url: firstOf(candidates, 'url'),
    byline: firstOf(candidates, 'byline'),
    language: firstOf(candidates, 'language')?.split(/[-_]/)[0]?.toLowerCase() ?? null,
    candidates,
  };
  return { text: lines.join('\n\n'), declared, fallback, rejectedDate: declaredDate.rejected };
}
