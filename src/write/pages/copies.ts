// Near-identical copies on story and article pages: the text shown once, "also published by" the others.
import { safeHttpUrl, toOneLine } from '../escape.js';
import { compareText } from '../format.js';
import type { DuplicateSet } from '../../model.js';
import { articleUrl, excerptsOnly, shownArticleId, type Index } from './common.js';

/**
 * Copies named on a page ("also published by …"); the rest are counted ("and 1,990 more"). A story reprinted
 * 2,000 times named every other copy on each copy's page: 4,000,000 links, 5 GB of pages at 100,000 articles.
 * Every copy is still listed, once, on its publisher's page (or "Publisher unknown").
 */
const COPIES_NAMED = 10;

/**
 * A copy named by its publisher, linked to its own page; with excerpts (no article pages) to its original address,
 * and not linked (null) when that is not known.
 */
export interface CopyLink {
  readonly label: string;
  readonly url: string | null;
  /** The link leaves the site (an original address). */
  readonly external: boolean;
}

function copyLink(index: Index, id: string): CopyLink[] {
  const article = index.articles.get(id);
  if (article === undefined) return [];
  const publisher = article.publisher === null ? '' : toOneLine(article.publisher);
  const label = publisher === '' ? 'a copy with no known publisher' : publisher;
  if (excerptsOnly(index)) return [{ label, url: safeHttpUrl(article.url), external: true }];
  return [{ label, url: articleUrl(id), external: false }];
}

/** A set's duplicates in the order they are named: publishers in name order, copies with no known publisher last (ties by id). */
function copiesInOrder(index: Index, set: DuplicateSet): readonly { readonly id: string; readonly link: CopyLink }[] {
  let order = index.copyOrder.get(set.canonicalId);
  if (order === undefined) {
    const known = (other: string): boolean => toOneLine(index.articles.get(other)?.publisher ?? '') !== '';
    const list = set.duplicateIds.flatMap((other) => copyLink(index, other).map((link) => ({ id: other, link })));
    list.sort((a, b) => Number(known(b.id)) - Number(known(a.id)) || compareText(a.link.label, b.link.label) || compareText(a.id, b.id));
    index.copyOrder.set(set.canonicalId, (order = list));
  }
  return order;
}

/**
 * The other copies of an article's text ("also published by"): the canonical first, then the duplicates in
 * `copiesInOrder`, at most COPIES_NAMED of them, and how many more there are; none when the text is its own.
 */
function otherCopies(index: Index, id: string): { readonly links: CopyLink[]; readonly more: number } {
  const set = index.copies.get(id);
  if (set === undefined) return { links: [], more: 0 };
  const links = set.canonicalId === id ? [] : copyLink(index, set.canonicalId);
  const total = links.length + set.duplicateIds.length - (set.canonicalId === id ? 0 : 1);
  for (const other of copiesInOrder(index, set)) {
    if (links.length >= COPIES_NAMED) break;
    if (other.id !== id) links.push(other.link);
  }
  return { links, more: total - links.length };
}

/** An item's "also published by" fields: the copies named, and how many more there are. */
export function alsoPublished(index: Index, id: string): { readonly alsoPublishedBy: CopyLink[]; readonly moreCopies: number } {
  const { links, more } = otherCopies(index, id);
  return { alsoPublishedBy: links, moreCopies: more };
}

/** "Also published by …", and for a duplicate the canonical copy its story shows; null for a text of its own. */
export function articleCopies(index: Index, id: string) {
  const set = index.copies.get(id);
  if (set === undefined) return null;
  const canonical = set.canonicalId === id ? null : index.articles.get(set.canonicalId) ?? null;
  return {
    ...alsoPublished(index, id),
    sameTextAs: canonical === null ? null : { title: toOneLine(canonical.title), url: articleUrl(canonical.id) },
  };
}
