// The article's title by an ordered fallback chain (declared → headline → standfirst → first sentence), chrome removed.
import type { Article } from '../model.js';
import { splitSentences } from '../text/sentences.js';
import {
  FIRST_SENTENCE_TITLE_WORDS,
  MASTHEAD_MAX_WORDS,
  MASTHEAD_RE,
  STANDFIRST_TITLE_WORDS,
  TITLE_MIN_WORDS,
  TITLE_SEPARATOR_RE,
} from './patterns.js';

export type TitleSource = Article['titleSource'];

export interface TitleResult {
  readonly title: string;
  readonly source: TitleSource;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Letters and digits only, lower-cased: "ASHARQ AL-AWSAT" and "Asharq Al-awsat" compare equal. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A segment beside the headline that names the site: the publisher, an all-caps or archive/edition/year masthead. */
function isMasthead(segment: string, publisher: string | null): boolean {
  const key = squash(segment);
  if (!key) return true;
  if (publisher) {
    const pub = squash(publisher);
    if (pub && (key.includes(pub) || pub.includes(key))) return true;
  }
  const letters = segment.replace(/[^\p{L}]/gu, '');
  const allCaps = letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  if (allCaps && wordCount(segment) <= MASTHEAD_MAX_WORDS) return true;
  return MASTHEAD_RE.test(segment) && wordCount(segment) <= MASTHEAD_MAX_WORDS + 2;
}

/** Drops site chrome at either end ("Headline | Site", "Site - Headline") while a real headline remains. */
export function stripTitleChrome(title: string, publisher: string | null): string {
  const segments = title.replace(/\s+/g, ' ').trim().split(TITLE_SEPARATOR_RE);
  if (segments.length < 2) return segments[0] ?? '';
  const separators = title.replace(/\s+/g, ' ').trim().match(new RegExp(TITLE_SEPARATOR_RE.source, 'g')) ?? [];
  let first = 0;
  let last = segments.length - 1;
  const remaining = (): string => segments.slice(first, last + 1).join(' ');
  while (last > first && isMasthead(segments[last] ?? '', publisher) && wordCount(segments.slice(first, last).join(' ')) >= TITLE_MIN_WORDS) last--;
  while (last > first && isMasthead(segments[first] ?? '', publisher) && wordCount(segments.slice(first + 1, last + 1).join(' ')) >= TITLE_MIN_WORDS) first++;
  if (first === 0 && last === segments.length - 1) return title.replace(/\s+/g, ' ').trim();
  // Keep the original separators between the segments that stay ("Syria - the talks - day two").
  let out = segments[first] ?? '';
  for (let i = first + 1; i <= last; i++) out += (separators[i - 1] ?? ' ') + (segments[i] ?? '');
  return out.trim() || remaining();
}

/** The first `max` words of `text`, cut at a word boundary and marked with an ellipsis when cut. */
export function trimWords(text: string, max: number): string {
  const tokens = text.replace(/\s+/g, ' ').trim().split(' ');
  if (tokens.length <= max) return tokens.join(' ');
  return `${tokens.slice(0, max).join(' ').replace(/[\s,;:—–-]+$/, '')}…`;
}

function usable(text: string | null): string | null {
  const trimmed = text?.replace(/\s+/g, ' ').trim() ?? '';
  return /[\p{L}\p{N}]/u.test(trimmed) ? trimmed : null;
}

/** Title fallback chain; `fallback` (the file name) only when the article has no text at all. */
export function extractTitle(
  declared: string | null,
  headline: string | null,
  standfirst: string | null,
  paragraphs: readonly string[],
  publisher: string | null,
  fallback: string,
): TitleResult {
  const fromDeclared = usable(declared && stripTitleChrome(declared, publisher));
  if (fromDeclared) return { title: fromDeclared, source: 'declared' };
  const fromHeadline = usable(headline && stripTitleChrome(headline, publisher));
  if (fromHeadline) return { title: fromHeadline, source: 'headline' };
  const lead = usable(standfirst);
  if (lead) return { title: trimWords(splitSentences(lead)[0] ?? lead, STANDFIRST_TITLE_WORDS), source: 'standfirst' };
  for (const paragraph of paragraphs) {
    const sentence = usable(splitSentences(paragraph)[0] ?? null);
    if (sentence) return { title: trimWords(sentence.replace(/[.!?]+$/, ''), FIRST_SENTENCE_TITLE_WORDS), source: 'first-sentence' };
  }
  return { title: fallback, source: 'first-sentence' };
}
