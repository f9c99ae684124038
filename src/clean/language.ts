// The page's language and its stop words: jusText's density signal for any language with a stoplist.
import { createRequire } from 'node:module';
import { detectAll } from 'tinyld';
import { ENGLISH_STOPWORDS } from './patterns.js';

const require = createRequire(import.meta.url);
const STOPWORDS_ISO = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;

/** Lines shorter than this are mostly menus; detection reads the longer ones. */
const DETECT_MIN_LINE = 70;
/**
 * tinyld is accurate from a few hundred characters; more only costs time, and long samples of one
 * language can tip into another (English politics pages full of names and headline lists read as "hi"
 * or "cs" from 4,000 characters and as "en" from 1,500). Measured on 1,279 BBC and Multi-News articles:
 * 1,269 detected English at 4,000 characters, 1,272 at 1,500. (Not faster: a call costs about 1 ms
 * whatever the sample's length.)
 */
const DETECT_MAX_CHARS = 1500;
/** Stoplists shorter than this are too thin for a density signal. */
const MIN_STOPLIST = 50;
/**
 * Prose in every language measured (en, de, pt, ru, id on the extraction dev half) has a stop-word
 * density of 0.35–0.55; a page whose long lines stay under this with the detected list was misdetected
 * or has no usable list, and is judged by language-neutral signals instead.
 */
export const MIN_PAGE_DENSITY = 0.15;

/**
 * When the detector's answer does not fit (Indonesian detected as Czech on the extraction dev half),
 * the stoplist that covers the page best among these widely written languages stands in for it.
 */
const FALLBACK_LANGUAGES = [
  'ar', 'bg', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fa', 'fi', 'fr', 'hi', 'hr', 'hu', 'id', 'it', 'lt',
  'lv', 'ms', 'nl', 'no', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sv', 'sw', 'tl', 'tr', 'uk', 'vi',
] as const;

/**
 * The detector overrules a declared language from this much text at this accuracy: pages declare `lang="en"`
 * and `og:locale` en_US for German, Russian and Japanese articles (issue 14), so a declaration alone never decides.
 */
const CONFIDENT_MIN_CHARS = 200;
const CONFIDENT_ACCURACY = 0.5;
/** …and the runner-up this many times less likely (German prose scored 0.65 against Norwegian's 0.03). */
const CONFIDENT_MARGIN = 4;

/** tinyld's answer for a sample: the language it is confident of (else null), and its best guess. */
function detect(sample: string): { confident: string | null; guess: string | null } {
  if (!sample.trim()) return { confident: null, guess: null };
  const [top, second] = detectAll(sample);
  const confident = sample.length >= CONFIDENT_MIN_CHARS && top && top.accuracy >= CONFIDENT_ACCURACY && (!second || top.accuracy >= CONFIDENT_MARGIN * second.accuracy);
  return { confident: confident ? top.lang : null, guess: top?.lang || null };
}

/** A language and where it came from (`detected`, or the declaration's source). */
export interface LanguageDecision {
  readonly code: string | null;
  readonly source: string | null;
}

/**
 * The article's language: the text's detected language when the detector is confident, else the declared one
 * (front matter, `<html lang>`, `og:locale`), else the detector's best guess; null when there is no text and no
 * declaration. `text` is the article's clean text.
 */
export function decideLanguage(text: string, declared: string | null, declaredSource: string | null): LanguageDecision {
  const { confident, guess } = detect(text.slice(0, DETECT_MAX_CHARS));
  if (confident) return { code: confident, source: confident === declared ? `detected, as ${declaredSource ?? 'declared'}` : 'detected' };
  if (declared) return { code: declared, source: declaredSource ?? 'declared' };
  return guess ? { code: guess, source: 'detected (low confidence)' } : { code: null, source: null };
}

export interface PageLanguage {
  /** ISO 639-1 code tinyld detected, or null. */
  readonly code: string | null;
  /** The stop words used for density, or null when density is no signal on this page. */
  readonly stopwords: ReadonlySet<string> | null;
}

const cache = new Map<string, ReadonlySet<string>>();

/** The stop words of a language (ISO 639-1), or null when it has no usable list. */
export function stoplist(code: string): ReadonlySet<string> | null {
  if (code === 'en') return ENGLISH_STOPWORDS;
  const cached = cache.get(code);
  if (cached) return cached;
  const words = STOPWORDS_ISO[code];
  if (!words || words.length < MIN_STOPLIST) return null;
  const set = new Set(words.map((w) => w.toLowerCase()));
  cache.set(code, set);
  return set;
}

export const tokens = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? [];

export function stopwordDensity(words: readonly string[], stopwords: ReadonlySet<string>): number {
  if (!words.length) return 0;
  let n = 0;
  for (const w of words) if (stopwords.has(w.replace(/’/g, "'"))) n++;
  return n / words.length;
}

/** Detects the language from the page's longer lines and picks its stoplist, if it proves usable. */
export function detectPageLanguage(lines: readonly string[], declared: string | null = null): PageLanguage {
  const sample = lines.filter((l) => l.length >= DETECT_MIN_LINE).join(' ').slice(0, DETECT_MAX_CHARS);
  if (!sample) return { code: declared, stopwords: declared ? stoplist(declared) : ENGLISH_STOPWORDS };
  const detected = detect(sample);
  const code = detected.confident ?? declared ?? detected.guess;
  const words = tokens(sample);
  const list = code ? stoplist(code) : null;
  if (list && stopwordDensity(words, list) >= MIN_PAGE_DENSITY) return { code, stopwords: list };
  let best: { code: string; list: ReadonlySet<string>; density: number } | null = null;
  for (const candidate of FALLBACK_LANGUAGES) {
    const l = stoplist(candidate);
    if (!l) continue;
    const density = stopwordDensity(words, l);
    if (density >= MIN_PAGE_DENSITY && (!best || density > best.density)) best = { code: candidate, list: l, density };
  }
  return best ? { code: best.code, stopwords: best.list } : { code, stopwords: null };
}
