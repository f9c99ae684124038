// The article page (`article.njk`): one source's cleaned text (or its lead, with `site.articleText` excerpt), its publisher and date, its copies, its story.
import type { Article, ArticleText } from '../../model.js';
import { escapeMarkdown, safeHttpUrl, toOneLine, toTextLine } from '../escape.js';
import { EPOCH_DATE, formatDate, isoDay } from '../format.js';
import { isolateBidi } from '../../text/names.js';
import { articleUrl, excerpt, publisherLink, storyUrl, type Index, type Page } from './common.js';
import { articleCopies } from './copies.js';

/** A BCP 47 primary language subtag as the digest gives it ("en", "de", "ja"): anything else is no lang attribute. */
const LANGUAGE_CODE_RE = /^[a-z]{2,3}$/;

/** The article's paragraphs as written (its text cut at blank lines when it has none), blank ones left out. */
function paragraphsOf(article: Article): string[] {
  const paragraphs = article.paragraphs.length > 0 ? article.paragraphs : article.text.split(/\n\s*\n/);
  return paragraphs.filter((p) => p.trim() !== '');
}

/**
 * What the page shows of the text: every paragraph (`full`), or the lead alone (`excerpt`): the first paragraph
 * that does not repeat the standfirst, which the page shows already.
 */
function shownParagraphs(article: Article, mode: ArticleText): string[] {
  const paragraphs = paragraphsOf(article);
  if (mode === 'full') return paragraphs;
  const standfirst = article.standfirst === null ? '' : toOneLine(article.standfirst);
  const leadParagraph = paragraphs.find((p) => toOneLine(p) !== standfirst) ?? paragraphs[0];
  return leadParagraph === undefined ? [] : [leadParagraph];
}

/** Where the whole article is, with `excerpt`: its original address and who publishes it (else the address's host). */
function originalLink(article: Article, url: string | null): { readonly url: string; readonly label: string } | null {
  if (url === null) return null;
  const publisher = article.publisher === null ? '' : toOneLine(article.publisher);
  return { url, label: publisher !== '' ? publisher : new URL(url).host.replace(/^www\./, '') };
}

export function articlePage(index: Index, article: Article): Page {
  const story = index.storyOfArticle.get(article.id) ?? null;
  // A digest written before the setting has none: the whole text, as then.
  const mode: ArticleText = index.digest.site.articleText === 'excerpt' ? 'excerpt' : 'full';
  const originalUrl = safeHttpUrl(article.url);
  const standfirst = article.standfirst === null ? null : toTextLine(article.standfirst);
  const data = {
    layout: 'article.njk',
    pageKind: 'article',
    title: toOneLine(article.title),
    description: excerpt(article.standfirst ?? article.paragraphs[0] ?? article.text),
    date: isoDay(article.date) ?? EPOCH_DATE,
    permalink: articleUrl(article.id),
    articleId: article.id,
    publisher: article.publisher === null ? null : publisherLink(index, article.publisher),
    agencies: article.agencies.map(toOneLine),
    isoDate: isoDay(article.date),
    dateLabel: formatDate(article.date),
    standfirst,
    wordCount: article.wordCount,
    byline: article.byline === null || article.byline === undefined ? null : toOneLine(article.byline) || null,
    // The article's own language, on the element holding its text (the site's chrome keeps the site's) and in og:locale.
    pageLanguage: article.language !== null && LANGUAGE_CODE_RE.test(article.language) ? article.language : null,
    originalUrl,
    // `excerpt`: the lead only, and where to read the rest (null: its address is not known, and the page says so).
    articleText: mode,
    wholeArticle: mode === 'excerpt' ? originalLink(article, originalUrl) : null,
    story: story === null ? null : { title: toOneLine(story.title), url: storyUrl(story.id) },
    copies: articleCopies(index, article.id),
  };
  const body = shownParagraphs(article, mode).map(escapeMarkdown).filter((p) => p !== '').map(isolateBidi).join('\n\n');
  return { file: `articles/${article.id}.md`, data, body };
}
