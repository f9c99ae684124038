// Extract stage: title, standfirst, publisher, byline, agencies, date, language, entities and quotes of one cleaned article.
import type { Article, CleanResult, MetaCandidate, RawArticle } from '../model.js';
import { decideLanguage } from '../clean/language.js';
import { makeArticleId } from '../ids.js';
import { cleanName, cleanNameOrNull } from '../text/names.js';
import { countWords, withoutInWordMarks } from '../text/sentences.js';
import { extractAgencies } from './agencies.js';
import { chooseByline, removeBylineParagraphs } from './byline.js';
import { chooseDate } from './dates.js';
import { extractEntities } from './entities.js';
import { choosePublisher, copyrightPublisher, splitSiteName } from './publisher.js';
import { extractQuotes } from './quotes.js';
import { chooseTitle, titleSimilarity } from './title.js';

function usable(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed ? trimmed : null;
}

/** Words compared to tell a standfirst that repeats the lead (seed 002) from one that adds to it (seed 000). */
const REPEAT_PREFIX_CHARS = 60;
/** A first line longer than this (words) is no page title (the longest <title> of the extraction dev pages is 20; a caption line runs on). */
const PAGE_TITLE_MAX_WORDS = 25;
/** A first line ending in a full stop is a title only this short ("Google Stadia … doesn't run at a stable 60fps."). */
const SENTENCE_TITLE_MAX_WORDS = 15;
/**
 * Rules whose drop says a line is boilerplate for certain (a call to action, a credit, a profile's line, an
 * embed, a line every page of the corpus carries): such a first line is no title, however it reads.
 */
const NOT_TITLE_RULES = new Set(['profile', 'photo-credit', 'source-credit', 'furniture', 'call-to-action', 'corpus-repeated', 'embed']);

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The text entities are counted over: the headline (it names the story's actors), the standfirst unless it repeats the
 * lead paragraph, then the body, without the soft hyphens and joiners body text keeps. A title made from the
 * first sentence is not added again.
 */
function entityText(title: string | null, standfirst: string | null, paragraphs: readonly string[]): string {
  const lead = fold(paragraphs[0] ?? '');
  const repeats = standfirst !== null && lead.includes(fold(standfirst).slice(0, REPEAT_PREFIX_CHARS));
  return withoutInWordMarks([title, repeats ? null : standfirst, ...paragraphs].filter((p): p is string => p !== null).join('\n\n'));
}

/** The first line of a text input, as a page title: a full-page dump opens with the page's <title>, a plain one with its headline. */
function firstLineTitle(raw: RawArticle, cleaned: CleanResult, lines: readonly string[], body: string, chrome: string): { title: string; site: string | null; line: number } | null {
  if (raw.format !== 'text') return null;
  const index = lines.findIndex((l) => l.trim() !== '');
  if (index < 0) return null;
  const text = cleanName(lines[index] ?? '');
  const words = text.split(/\s+/).filter(Boolean).length;
  // A long first line that ends as a sentence is the article's first paragraph (seed 004), not its title.
  if (words > PAGE_TITLE_MAX_WORDS || !/\p{L}/u.test(text) || (words > SENTENCE_TITLE_MAX_WORDS && /[.!?]["”’]?$/u.test(text))) return null;
  const decision = cleaned.decisions.find((d) => d.line === index + 1);
  if (decision && !decision.kept && decision.rule !== null && NOT_TITLE_RULES.has(decision.rule)) return null;
  // A first line the cleaner kept as the article's only text, or kept as a sentence, is the article, not its
  // title: it must not leave the body (test/hostile/corpus.test.ts, a Russian page opening on its first sentence).
  if (decision?.kept && (cleaned.paragraphs.length <= 1 || /[.!?…]["”’»]?$/u.test(text))) return null;
  const split = splitSiteName(text, body, chrome);
  return { title: split.title, site: split.site, line: index };
}

const first = (candidates: readonly MetaCandidate[], field: MetaCandidate['field']): MetaCandidate | null => candidates.find((c) => c.field === field) ?? null;

/** One article from its raw input and cleaned body; pure (no clock, no disk), compromise run once over title + body. */
export function extractArticle(raw: RawArticle, cleaned: CleanResult): Article {
  const candidates = raw.declared.candidates;
  const lines = raw.text.split('\n').map((l) => l.trim());
  const cleanedParagraphs = cleaned.paragraphs.map((p) => p.trim()).filter(Boolean);
  const body = cleanedParagraphs.join('\n');
  // The page's other text: the lines the cleaner dropped, but for the first (the page title itself).
  const firstLine = lines.findIndex((l) => l !== '') + 1;
  const chrome = cleaned.decisions.filter((d) => !d.kept && d.line !== firstLine).map((d) => d.text).join('\n');
  const pageTitle = firstLineTitle(raw, cleaned, lines, body, chrome);
  // Names and titles lose invisible and bidi characters (`cleanName`); body text keeps them.
  const titleTag = candidates.find((c) => c.source === '<title>')?.value ?? null;
  const chosenPublisher = choosePublisher({
    declared: cleanNameOrNull(raw.declared.publisher),
    candidates,
    profile: cleanNameOrNull(cleaned.publisher),
    titleSite: pageTitle?.site ?? (titleTag ? splitSiteName(cleanName(titleTag), body).site : null),
    copyright: copyrightPublisher(lines.filter((l) => l.length > 0 && l.length < 300)),
    url: usable(raw.declared.url),
  });
  const publisher = chosenPublisher.publisher ? cleanName(chosenPublisher.publisher.name) : null;
  const firstBody = cleaned.decisions.find((d) => d.kept)?.line;
  const chosen = chooseTitle({
    lines,
    pageTitle,
    keptLines: new Set(cleaned.decisions.filter((d) => d.kept).map((d) => d.line - 1)),
    firstBodyLine: firstBody === undefined ? null : firstBody - 1,
    declared: cleanNameOrNull(raw.declared.title),
    candidates,
    headline: cleanNameOrNull(cleaned.title),
    standfirst: cleaned.standfirst,
    paragraphs: cleanedParagraphs,
    publisher,
    fallback: raw.file,
  });
  const title = cleanName(chosen.title);
  const source = chosen.source;
  // The headline's line anchors the search for its byline and date; else the line above the body.
  const headlineLine = chosen.line ?? cleaned.decisions.find((d) => d.rule === 'header' && !d.kept)?.line ?? firstBody ?? null;
  const anchor = chosen.line ?? (headlineLine === null ? null : headlineLine - 1);
  const byline = chooseByline({ declared: raw.declared.byline, candidates, lines, anchor, publisher });
  // The title again at the top of the body (a dump whose headline the cleaner kept as text), and the byline's lines, leave the body.
  // Never a title made from the text itself (its first sentence is the body's), nor a paragraph that reads as a sentence.
  const lead = cleanedParagraphs[0] ?? '';
  const repeatsTitle = source !== 'first-sentence' && source !== 'standfirst' && !/[.!?…]["”’»]?$/u.test(lead) && titleSimilarity(lead, title) === 1;
  const untitled = cleanedParagraphs.length > 1 && repeatsTitle ? cleanedParagraphs.slice(1) : cleanedParagraphs;
  const paragraphs = removeBylineParagraphs(untitled, byline?.byline ?? null);
  const id = makeArticleId(title, raw.file);
  const text = paragraphs.join('\n\n');
  const standfirst = usable(cleaned.standfirst);
  // The cleaner's language (read from the page's lines) stands in only when the article text gives none.
  const decided = decideLanguage(text, raw.declared.language, raw.declared.language ? (first(candidates, 'language')?.source ?? 'declared') : null);
  const language = decided.code ? decided : { code: cleaned.language, source: cleaned.language ? 'detected from the page' : null };
  const date = chooseDate({ declared: raw.declared.date, candidates, rawText: raw.text, firstParagraph: paragraphs[0] ?? null, language: language.code, anchor });
  const index = extractEntities(entityText(source === 'first-sentence' ? null : title, standfirst, paragraphs), language.code);
  return {
    id,
    file: raw.file,
    format: raw.format,
    title,
    titleSource: source,
    standfirst,
    publisher,
    byline: byline ? cleanName(byline.byline) : null,
    agencies: extractAgencies([...cleaned.credits, ...chosenPublisher.agencies], paragraphs, raw.declared.byline, raw.text),
    url: usable(raw.declared.url),
    date: date?.date ?? null,
    language: language.code,
    text,
    paragraphs,
    wordCount: countWords(text),
    entities: index.entities,
    quotes: extractQuotes(paragraphs, index).map((q) => ({ text: q.text, speaker: q.speaker, articleId: id })),
    provenance: {
      title: chosen.provenance,
      publisher: chosenPublisher.publisher?.source ?? null,
      date: date?.source ?? null,
      byline: byline?.source ?? null,
      language: language.source,
    },
    hash: raw.hash,
  };
}
