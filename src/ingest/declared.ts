// Metadata a page declares for Roundup (`<meta name="roundup:title" …>`, written by `roundup fetch` from the feed): it wins over extraction, as front matter does.
import type { parseHTML } from 'linkedom';
import type { MetaCandidate, MetaField } from '../model.js';
import { readDeclaredDate } from '../text/dates.js';

/** The prefix of the meta names `roundup fetch` writes into each saved page (src/fetch/save.ts). */
export const DECLARED_PREFIX = 'roundup:';

type Doc = ReturnType<typeof parseHTML>['document'];

/**
 * What a page's `roundup:` meta tags declare, as metadata candidates named by their tag (`roundup:author` is a
 * byline); an absent or blank tag, or a date that is no real day, gives none. html.ts puts them first in every chain.
 */
export function readRoundupCandidates(document: Doc): MetaCandidate[] {
  const value = (name: string): string | null => {
    const content = document.querySelector(`meta[name="${DECLARED_PREFIX}${name}"]`)?.getAttribute('content')?.trim();
    return content ? content : null;
  };
  const tags: [MetaField, string, (v: string | null) => string | null][] = [
    ['title', 'title', (v) => v],
    ['publisher', 'publisher', (v) => v],
    ['date', 'date', (v) => readDeclaredDate(v).date],
    ['url', 'url', (v) => v],
    ['byline', 'author', (v) => v],
    ['language', 'language', (v) => v?.split(/[-_]/)[0]?.toLowerCase() || null],
  ];
  return tags.flatMap(([field, tag, read]) => {
    const v = read(value(tag));
    return v ? [{ field, value: v, source: `${DECLARED_PREFIX}${tag}` }] : [];
  });
}
