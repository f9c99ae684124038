// Extract stage: title, standfirst, publisher, agencies, date, entities and quotes of one cleaned article.
import type { Article, CleanResult, RawArticle } from '../model.js';
import { makeArticleId } from '../ids.js';
import { countWords } from '../text/sentences.js';
import { extractAgencies } from './agencies.js';
import { extractDate } from './dates.js';
import { extractEntities } from './entities.js';
import { extractQuotes } from './quotes.js';
import { extractTitle } from './title.js';

function usable(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed ? trimmed : null;
}

/** One article from its raw input and cleaned body; pure (no clock, no disk), compromise run once over title + body. */
export function extractArticle(raw: RawArticle, cleaned: CleanResult): Article {
  const paragraphs = cleaned.paragraphs.map((p) => p.trim()).filter(Boolean);
  const publisher = usable(raw.declared.publisher) ?? usable(cleaned.publisher);
  const { title, source } = extractTitle(raw.declared.title, cleaned.title, cleaned.standfirst, paragraphs, publisher, raw.file);
  const id = makeArticleId(title, raw.file);
  const text = paragraphs.join('\n\n');
  // The title counts toward entities (it names the story's actors); the standfirst often repeats the lead, so not it.
  const index = extractEntities(source === 'first-sentence' ? text : `${title}\n\n${text}`);
  return {
    id,
    file: raw.file,
    format: raw.format,
    title,
    titleSource: source,
    standfirst: usable(cleaned.standfirst),
    publisher,
    agencies: extractAgencies(cleaned.credits, paragraphs, raw.declared.byline, raw.text),
    url: usable(raw.declared.url),
    date: extractDate(raw.declared.date, raw.text, paragraphs[0] ?? null),
    language: raw.declared.language ?? null,
    text,
    paragraphs,
    wordCount: countWords(text),
    entities: index.entities,
    quotes: extractQuotes(paragraphs, index).map((q) => ({ text: q.text, speaker: q.speaker, articleId: id })),
    hash: raw.hash,
  };
}
