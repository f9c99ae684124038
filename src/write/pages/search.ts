// The site's two fixed pages: search (`search.njk`; Pagefind runs in the browser) and not found (`not-found.njk`).
import { toOneLine } from '../escape.js';
import { EPOCH_DATE } from '../format.js';
import { SEARCH_URL, type Index, type Page } from './common.js';

/** The search page: Pagefind's index runs in the browser; without JavaScript it says so and links the lists. */
export function searchPage(index: Index): Page {
  const data = {
    layout: 'search.njk',
    pageKind: 'search',
    title: 'Search',
    description: `Search the stories, topics and articles of ${toOneLine(index.digest.site.title)}.`,
    date: EPOCH_DATE,
    permalink: SEARCH_URL,
  };
  return { file: 'search.md', data, body: '' };
}

/** `404.html` at the site root: GitHub Pages serves it for any missing URL under the site. */
export function notFoundPage(index: Index): Page {
  const data = {
    layout: 'not-found.njk',
    pageKind: 'not-found',
    title: 'Page not found',
    description: `There is no page at this address on ${toOneLine(index.digest.site.title)}.`,
    date: EPOCH_DATE,
    permalink: '/404.html',
  };
  return { file: '404.md', data, body: '' };
}
