// Extract stage: title, standfirst, publisher, agencies, date, entities and quotes of one cleaned article.
import type { Article, CleanResult, RawArticle } from '../model.js';
import { makeArticleId } from '../ids.js';

// TEMPORARY STAND-IN (replaced by the extract stage): title fallback chain only, no NLP.
export function extractArticle(raw: RawArticle, cleaned: CleanResult): Article {
  const title = raw.declared.title ?? cleaned.title ?? cleaned.standfirst ?? cleaned.paragraphs[0]?.slice(0, 90) ?? raw.file;
  const text = cleaned.paragraphs.join('\n\n');
  return {
    id: makeArticleId(title, raw.file),
    file: raw.file,
    format: raw.format,
    title,
    titleSource: raw.declared.title ? 'declared' : cleaned.title ? 'headline' : cleaned.standfirst ? 'standfirst' : 'first-sentence',
    standfirst: cleaned.standfirst,
    publisher: raw.declared.publisher ?? cleaned.publisher,
    agencies: cleaned.credits,
    url: raw.declared.url,
    date: raw.declared.date,
    language: raw.declared.language,
    text,
    paragraphs: cleaned.paragraphs,
    wordCount: text.split(/\s+/).filter(Boolean).length,
    entities: [],
    quotes: [],
    hash: raw.hash,
  };
}
