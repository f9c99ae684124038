// Which names earn a page of their own: a real name, in several stories, carried by more than one publisher.
import { createRequire } from 'node:module';
import { NON_ENTITY_WORDS } from '../../extract/patterns.js';
import type { Article } from '../../model.js';
import { toOneLine } from '../escape.js';

const require = createRequire(import.meta.url);
const STOPWORDS_ISO = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;

/**
 * Stories a name must be in for a page: one story's names are on that story's page already, and a page earns its
 * place by joining stories together. At two, 10,000 real articles gave 11,607 entity pages (more pages than
 * articles, 249 MB of a 632 MB site), most of them words two stories happened to capitalise; "several" is three.
 */
export const ENTITY_PAGE_MIN_STORIES = 3;
/**
 * Distinct known publishers a name's articles must come from: a name only one outlet prints across its stories is
 * that outlet's furniture (a section, a columnist, a newsletter) or its beat, not a name readers follow across the news.
 */
export const ENTITY_PAGE_MIN_PUBLISHERS = 2;
/**
 * Stories a name needs when its articles do not show two publishers because some publishers are unknown (text dumps,
 * saved pages without metadata): articles of unknown origin may all be one outlet's, so the breadth that two
 * publishers would show is asked of the stories instead — twice the stories.
 */
export const ENTITY_PAGE_MIN_STORIES_UNATTRIBUTED = 2 * ENTITY_PAGE_MIN_STORIES;

/** A word of a name: letters and digits with inner apostrophes and hyphens ("G8" is one word, not "G"). */
const NAME_WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
/** An acronym ("US", "UN", "NATO") is a name even where its letters spell a function word ("us", "un"). */
const ACRONYM_RE = /^\p{Lu}{2,6}$/u;

const stopwordCache = new Map<string, ReadonlySet<string>>();

/** stopwords-iso's list for a language (ISO 639-1), lower-cased; empty for a language it does not have. */
function stopwordsOf(language: string): ReadonlySet<string> {
  let set = stopwordCache.get(language);
  if (!set) {
    set = new Set((STOPWORDS_ISO[language] ?? []).map((w) => w.toLowerCase()));
    stopwordCache.set(language, set);
  }
  return set;
}

const nameWords = (name: string): string[] => toOneLine(name).match(NAME_WORD_RE) ?? [];
const normalWord = (word: string): string => {
  // countWordCases calls this on every word of the run: the replace only where there is something to replace.
  const folded = word.toLowerCase();
  return folded.includes('’') ? folded.replace(/’/g, "'") : folded;
};

/** How often a word is written in lower case and capitalised across the run's article texts. */
export interface CaseCounts {
  readonly lower: number;
  readonly capitalised: number;
}

/** The words of some names worth counting cases for (normalised), acronyms left out. */
export function wordsOfNames(names: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const name of names) for (const word of nameWords(name)) if (!ACRONYM_RE.test(word)) words.add(normalWord(word));
  return words;
}

/**
 * Counts, over every article's text, how often each of `words` (normalised) is written in lower case and how often
 * capitalised: one pass over the text; only the words asked about are kept.
 */
export function countWordCases(articles: readonly Article[], words: ReadonlySet<string>): Map<string, CaseCounts> {
  const counts = new Map<string, { lower: number; capitalised: number }>();
  if (words.size === 0) return counts;
  for (const article of articles) {
    const texts = article.paragraphs.length > 0 ? article.paragraphs : [article.text];
    for (const text of texts) {
      for (const match of text.matchAll(NAME_WORD_RE)) {
        const word = match[0];
        const lower = normalWord(word);
        if (!words.has(lower)) continue;
        let entry = counts.get(lower);
        if (!entry) {
          entry = { lower: 0, capitalised: 0 };
          counts.set(lower, entry);
        }
        if (word.toLowerCase() === word) entry.lower += 1;
        else entry.capitalised += 1;
      }
    }
  }
  return counts;
}

/**
 * Whether a word of a name is a function word: one of extract's NON_ENTITY_WORDS (pronouns, calendar words,
 * titles), or in the stopwords-iso list of one of `languages` — unless the run writes it capitalised and never in
 * lower case: stopwords-iso's English list holds "microsoft", "netscape" and "wells", which a news corpus
 * writes only as names, while "in", "everyone" or "today" it writes in lower case all the time. An acronym is
 * never a function word unless NON_ENTITY_WORDS names it ("AP", "AFP").
 */
function isFunctionWord(word: string, languages: readonly string[], cases: ReadonlyMap<string, CaseCounts>): boolean {
  const lower = normalWord(word);
  if (NON_ENTITY_WORDS.has(lower)) return true;
  if (ACRONYM_RE.test(word)) return false;
  if (!languages.some((language) => stopwordsOf(language).has(lower))) return false;
  const count = cases.get(lower);
  return count === undefined || count.lower > 0 || count.capitalised === 0;
}

/** Whether a name is made of function words only (`isFunctionWord`): "In", "The", "Everyone", "Today" name nobody. */
export function isFunctionWordName(name: string, languages: readonly string[], cases: ReadonlyMap<string, CaseCounts>): boolean {
  const words = nameWords(name);
  return words.length === 0 || words.every((word) => isFunctionWord(word, languages, cases));
}

/**
 * A single word the run writes in lower case at least as often as capitalised is a common word ("Mother",
 * "Police", "Straw" beside "straw poll"): capitalised where it opens a sentence or a headline, not because it
 * names someone. A name's capitals hold ("Trump", "Apple", "Syria"). Acronyms are names; several words are a
 * name's shape already.
 */
export function isCommonWordName(name: string, cases: ReadonlyMap<string, CaseCounts>): boolean {
  const words = nameWords(name);
  const word = words[0];
  if (words.length !== 1 || word === undefined || ACRONYM_RE.test(word)) return false;
  const count = cases.get(normalWord(word));
  return count !== undefined && count.lower >= count.capitalised;
}

/** What the publisher rule reads of a name's articles. */
export interface NameReach {
  readonly stories: number;
  /** Distinct known publishers of the articles that name it. */
  readonly publishers: number;
  /** Whether some article naming it has no known publisher. */
  readonly unattributed: boolean;
}

/**
 * Whether a name's reach earns a page: ENTITY_PAGE_MIN_STORIES stories from ENTITY_PAGE_MIN_PUBLISHERS known
 * publishers; where that many publishers are not shown and some articles' publishers are unknown,
 * ENTITY_PAGE_MIN_STORIES_UNATTRIBUTED stories; a name all of whose articles come from one known publisher, never.
 */
export function reachEarnsPage(reach: NameReach): boolean {
  if (reach.publishers >= ENTITY_PAGE_MIN_PUBLISHERS) return reach.stories >= ENTITY_PAGE_MIN_STORIES;
  return reach.unattributed && reach.stories >= ENTITY_PAGE_MIN_STORIES_UNATTRIBUTED;
}
