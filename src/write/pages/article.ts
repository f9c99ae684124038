// The article page (`article.njk`): one source's cleaned text, its publisher and date, its copies, its story (none with `site.articleText` excerpt).
import type { Article } from '../../model.js';
import { escapeMarkdown, safeHttpUrl, toOneLine, toTextLine } from '../escape.js';
import { EPOCH_DATE, formatDate, isoDay } from '../format.js';
import { isolateBidi } from '../../text/names.js';
import { articleUrl, pageDescription, publisherLink, storyUrl, type Index, type Page } from './common.js';
import { articleCopies } from './copies.js';

/** A BCP 47 primary language subtag as the digest gives it ("en", "de", "ja"): anything else is no lang attribute. */
const LANGUAGE_CODE_RE = /^[a-z]{2,3}$/;

/** The article's paragraphs as written (its text cut at blank lines when it has none), blank ones left out. */
function paragraphsOf(article: Article): string[] {
  const paragraphs = article.paragraphs.length > 0 ? article.paragraphs : article.text.split(/\n\s*\n/);
  return paragraphs.filter((p) => p.trim() !== '');
}

/** The article's lead: its first paragraph that does not repeat the standfirst; null for an article with no text. */
export function leadParagraph(article: Article): string | null {
  const paragraphs = paragraphsOf(article);
  const standfirst = article.standfirst === null ? '' : toOneLine(article.standfirst);
  return paragraphs.find((p) => toOneLine(p) !== standfirst) ?? paragraphs[0] ?? null;
}

/**
 * An article's page, with its whole text. With `site.articleText` "excerpt" there is none: its lead is with its
 * entry among its story's sources (common.ts, excerptsOnly).
 */
export function articlePage(index: Index, article: Article): Page {
  const story = index.storyOfArticle.get(article.id) ?? null;
  const originalUrl = safeHttpUrl(article.url);
  const standfirst = article.standfirst === null ? null : toTextLine(article.standfirst);
  const data = {
    layout: 'article.njk',
    pageKind: 'article',
    title: toOneLine(article.title),
    description: pageDescription(article.standfirst ?? article.paragraphs[0] ?? article.text),
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
    story: story === null ? null : { title: toOneLine(story.title), url: storyUrl(story.id) },
    copies: articleCopies(index, article.id),
  };
  const body = paragraphsOf(article).map(escapeMarkdown).filter((p) => p !== '').map(isolateBidi).join('\n\n');
  return { file: `articles/${article.id}.md`, data, body };
}
