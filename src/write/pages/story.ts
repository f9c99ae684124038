// The story page (`story.njk`): headline, its days, coverage, cited summary, key points, disagreements, quotes, timeline, sources.
import type { Article, CitedSentence, Story } from '../../model.js';
import { escapeMarkdown, markedSegments, safeHttpUrl, toOneLine, toTextLine } from '../escape.js';
import { EPOCH_DATE, formatDate, isoDay, plural } from '../format.js';
import { isolateBidi } from '../../text/names.js';
import { withFullStop } from '../../text/sentences.js';
import {
  articleUrl, countSources, coverageOf, entityLink, excerptsOnly, knownPublishers, pageDescription, publisherLink, shownArticleId, spanView,
  storyArticles, storySourceNumbers, storyUrl, topicLink, type Index, type Page,
} from './common.js';
import { leadParagraph } from './article.js';
import { alsoPublished } from './copies.js';

/** Summary sentences per paragraph on a story page: short paragraphs read better on a phone. */
const SENTENCES_PER_PARAGRAPH = 3;
/**
 * Names shown before the rest are folded into a <details>: a story of nine articles named 44 (a wall below its
 * sources' quotes on a phone); as on topic pages, the dozen most mentioned come first.
 */
const STORY_NAMES_SHOWN = 12;

/** The lead an excerpt site shows with a source's entry (its lead paragraph, else its standfirst), as one line. */
function leadText(article: Article): string | null {
  const lead = leadParagraph(article) ?? article.standfirst;
  return lead === null || toOneLine(lead) === '' ? null : toTextLine(isolateBidi(lead));
}

export interface CitationView {
  readonly number: number;
  readonly url: string;
  /** Who is cited: the publisher, or the article title when the publisher is unknown. */
  readonly label: string;
  /** The link is to the source's entry on the same page (with excerpts), which names it: it is labelled by number alone. */
  readonly inPage: boolean;
}

function citationsFor(index: Index, numbers: ReadonlyMap<string, number>, ids: readonly string[]): CitationView[] {
  const seen = new Set<string>();
  const citations: CitationView[] = [];
  // With excerpts there is no article page: a citation leads to the source's entry, lead and original, below.
  const inPage = excerptsOnly(index);
  for (const id of ids.map((cited) => shownArticleId(index, cited))) {
    const n = numbers.get(id);
    const article = index.articles.get(id);
    if (n === undefined || article === undefined || seen.has(id)) continue;
    seen.add(id);
    citations.push({ number: n, url: inPage ? `#source-${n}` : articleUrl(id), label: toOneLine(article.publisher ?? article.title), inPage });
  }
  return citations.sort((a, b) => a.number - b.number);
}

/** `[\[1\]](/articles/x/ "Publisher")` right after a sentence: a numbered link to each cited article (`#source-1` with excerpts). */
function markdownCitations(citations: readonly CitationView[]): string {
  return citations.map((c) => `[\\[${c.number}\\]](${c.url}${c.inPage ? '' : ` "${escapeMarkdown(c.label)}"`})`).join('');
}

function summaryBody(index: Index, story: Story, numbers: ReadonlyMap<string, number>): string {
  const sentences: readonly CitedSentence[] =
    story.summarySentences.length > 0 ? story.summarySentences : [{ text: story.summary, articleIds: [] }];
  const lines = sentences
    .filter((s) => toOneLine(s.text) !== '')
    .map((s) => escapeMarkdown(isolateBidi(withFullStop(s.text))) + markdownCitations(citationsFor(index, numbers, s.articleIds)));
  const paragraphs: string[] = [];
  for (let i = 0; i < lines.length; i += SENTENCES_PER_PARAGRAPH) {
    paragraphs.push(lines.slice(i, i + SENTENCES_PER_PARAGRAPH).join(' '));
  }
  return paragraphs.join('\n\n');
}

/** "and 23 more quotes from 4 speakers", "and 1 more quote from Jane Doe"; null when the page shows them all (or none). */
export function quotesLeftOutLabel(story: Story): string | null {
  const left = story.quotesLeftOut;
  if (left.quotes === 0 || story.quotes.length === 0) return null;
  const whose = left.speakers.length === 1 ? toOneLine(left.speakers[0]!) : plural(left.speakers.length, 'speaker', 'speakers');
  return `and ${plural(left.quotes, 'more quote', 'more quotes')} from ${whose} in the sources`;
}

export function storyPage(index: Index, story: Story): Page {
  const names = story.entities.filter((e) => toOneLine(e.name) !== '').map((e) => entityLink(index, e));
  const articles = storyArticles(index, story);
  const totalSources = countSources(articles);
  const numbers = storySourceNumbers(index, story);
  const excerpts = excerptsOnly(index);
  const cite = (ids: readonly string[]): CitationView[] => citationsFor(index, numbers, ids);
  const publishers = knownPublishers(articles);
  const unknownPublishers = articles.filter((a) => a.publisher === null || toOneLine(a.publisher) === '').length;
  const span = spanView(index, story);
  const sources = [...numbers].map(([id, n]) => {
    const article = index.articles.get(id)!;
    const originalUrl = safeHttpUrl(article.url);
    return {
      number: n,
      title: toOneLine(article.title),
      publisher: article.publisher === null ? null : toOneLine(article.publisher),
      byline: article.byline === null || article.byline === undefined ? null : toOneLine(article.byline) || null,
      isoDate: isoDay(article.date),
      dateLabel: formatDate(article.date),
      // With excerpts the entry holds the article's lead, and its title leads to the original (not linked when
      // the address is not known); else to the article's page here.
      url: excerpts ? originalUrl : articleUrl(id),
      external: excerpts,
      originalUrl,
      lead: excerpts ? leadText(article) : null,
      ...alsoPublished(index, id),
    };
  });
  const data = {
    layout: 'story.njk',
    pageKind: 'story',
    title: toOneLine(story.title),
    description: pageDescription(story.summary),
    date: isoDay(story.date) ?? EPOCH_DATE,
    permalink: storyUrl(story.id),
    storyId: story.id,
    /** The story's first day (for `<time>`), its range of days as text, and the edition it is in. */
    isoDate: span.isoDate,
    dateLabel: span.dateLabel,
    dayUrl: span.dayUrl,
    topic: topicLink(index, story.topicId),
    coverage: {
      publishers: publishers.map((name) => publisherLink(index, name)),
      /** Articles whose publisher is unknown, each counted as its own source. */
      unknownPublisherLabel: unknownPublishers === 0 ? null
        : publishers.length === 0 ? 'Publisher unknown'
        : `and ${plural(unknownPublishers, 'article', 'articles')} whose publisher is unknown`,
      label: coverageOf(articles),
      singleSource: totalSources === 1,
    },
    keyPoints: story.keyPoints.map((point) => ({
      text: toTextLine(point.text),
      // A story of one source says so once, above; "Reported by 1 of 1 source" on every point would only repeat it.
      reportedBy: totalSources === 1 ? '' : `Reported by ${Math.min(point.sourceCount, totalSources)} of ${plural(totalSources, 'source', 'sources')}`,
      citations: cite(point.articleIds),
    })),
    disagreements: story.disagreements.map((d) => ({
      about: toTextLine(d.about),
      claims: d.claims.map((claim) => {
        const citations = cite(claim.articleIds);
        return { text: toTextLine(claim.text), segments: markedSegments(claim.text, claim.marks ?? []), sources: [...new Set(citations.map((c) => c.label))], citations };
      }),
    })),
    quotes: story.quotes.map((group) => ({
      speaker: toOneLine(group.speaker),
      quotes: group.quotes.map((q) => ({ text: toTextLine(q.text), citations: cite(q.articleIds) })),
    })),
    quotesLeftOut: quotesLeftOutLabel(story),
    timeline: story.timeline.map((entry) => ({
      isoDate: isoDay(entry.date),
      dateLabel: formatDate(entry.date) ?? toOneLine(entry.date),
      text: toTextLine(entry.text),
      citations: cite(entry.articleIds),
    })),
    sources,
    entities: names.slice(0, STORY_NAMES_SHOWN),
    moreEntities: names.slice(STORY_NAMES_SHOWN),
  };
  return { file: `stories/${story.id}.md`, data, body: summaryBody(index, story, numbers) };
}
