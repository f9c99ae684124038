// Extract stage: title, standfirst, publisher, agencies, date, entities and quotes of one cleaned article.
import type { Article, CleanResult, RawArticle } from '../model.js';
import { makeArticleId } from '../ids.js';
import { cleanName, cleanNameOrNull } from '../text/names.js';
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

/** Words compared to tell a standfirst that repeats the lead (seed 002) from one that adds to it (seed 000). */
const REPEAT_PREFIX_CHARS = 60;

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The text entities are counted over: the headline (it names the story's actors), the standfirst unless it repeats the
 * lead paragraph, then the body. A title made from the first sentence is not added again.
 */
function entityText(title: string | null, standfirst: string | null, paragraphs: readonly string[]): string {
  const lead = fold(paragraphs[0] ?? '');
  const repeats = standfirst !== null && lead.includes(fold(standfirst).slice(0, REPEAT_PREFIX_CHARS));
  return [title, repeats ? null : standfirst, ...paragraphs].filter((p): p is string => p !== null).join('\n\n');
}

/** One article from its raw input and cleaned body; pure (no clock, no disk), compromise run once over title + body. */
export function extractArticle(raw: RawArticle, cleaned: CleanResult): Article {
  const paragraphs = cleaned.paragraphs.map((p) => p.trim()).filter(Boolean);
  // Names and titles lose invisible and bidi characters (`cleanName`); body text keeps them.
  const publisher = usable(cleanNameOrNull(raw.declared.publisher)) ?? usable(cleanNameOrNull(cleaned.publisher));
  const chosen = extractTitle(cleanNameOrNull(raw.declared.title), cleanNameOrNull(cleaned.title), cleaned.standfirst, paragraphs, publisher, raw.file);
  const title = cleanName(chosen.title);
  const source = chosen.source;
  const id = makeArticleId(title, raw.file);
  const text = paragraphs.join('\n\n');
  const standfirst = usable(cleaned.standfirst);
  const index = extractEntities(entityText(source === 'first-sentence' ? null : title, standfirst, paragraphs), raw.declared.language ?? cleaned.language ?? null);
  return {
    id,
    file: raw.file,
    format: raw.format,
    title,
    titleSource: source,
    standfirst,
    publisher,
    agencies: extractAgencies(cleaned.credits, paragraphs, raw.declared.byline, raw.text),
    url: usable(raw.declared.url),
    date: extractDate(raw.declared.date, raw.text, paragraphs[0] ?? null),
    language: raw.declared.language ?? cleaned.language ?? null,
    text,
    paragraphs,
    wordCount: countWords(text),
    entities: index.entities,
    quotes: extractQuotes(paragraphs, index).map((q) => ({ text: q.text, speaker: q.speaker, articleId: id })),
    hash: raw.hash,
  };
}
