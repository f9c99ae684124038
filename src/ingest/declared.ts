// Metadata a page declares for Roundup (`<meta name="roundup:title" …>`, written by `roundup fetch` from the feed): it wins over extraction, as front matter does.
import type { parseHTML } from 'linkedom';
import type { DeclaredMeta } from '../model.js';
import { readDeclaredDate } from '../text/dates.js';

/** The prefix of the meta names `roundup fetch` writes into each saved page (src/fetch/save.ts). */
export const DECLARED_PREFIX = 'roundup:';

type Doc = ReturnType<typeof parseHTML>['document'];

/** The fields of DeclaredMeta a page's `roundup:` meta tags set (an absent or blank tag sets none). */
export function readRoundupMeta(document: Doc): Partial<DeclaredMeta> {
  const value = (name: string): string | null => {
    const content = document.querySelector(`meta[name="${DECLARED_PREFIX}${name}"]`)?.getAttribute('content')?.trim();
    return content ? content : null;
  };
  const out: { -readonly [K in Exclude<keyof DeclaredMeta, 'candidates'>]?: string } = {};
  const set = (key: Exclude<keyof DeclaredMeta, 'candidates'>, v: string | null): void => {
    if (v !== null) out[key] = v;
  };
  set('title', value('title'));
  set('publisher', value('publisher'));
  set('date', readDeclaredDate(value('date')).date);
  set('url', value('url'));
  set('byline', value('author'));
  set('language', value('language')?.split(/[-_]/)[0]?.toLowerCase() ?? null);
  return out;
}
