// compromise, set up once for the process as Roundup uses it: its lexicon names the kinds of English names; its tagger reads other languages' names and quotes' given names.
import nlp from 'compromise';
import { ENTITY_LEXICON, EXTRA_ORG_WORDS } from './patterns.js';

/**
 * The tags of compromise's post-tagger rules that decide a name or its kind. Of its 570 rules (14.17.0), the rest
 * tell verbs, adverbs, dates, units and the like apart, which no name depends on: on 250 real articles of
 * ../shared/data/allsides the names found with these 200 rules are those of all 570 (Jaccard 0.997 over names and
 * kinds, 0.998 over each article's top five), in about half the CPU time. The rule set is compromise's data
 * (`world.model.two.matches`); the post-tagger compiles it on its first run, after this module has filtered it.
 */
const NAME_RULE_TAGS_RE = /Person|Organization|Place|LastName|FirstName|Honorific|Country|Region|City|SportsTeam|Acronym|ProperNoun|Possessive|Noun|Singular|Actor/;

interface CompromiseWorld {
  hooks: string[];
  model: {
    one: { lexicon: Record<string, string | string[]> };
    two: { matches: { tag?: unknown; unTag?: unknown }[]; orgWords: Record<string, boolean>; placeWords: Record<string, boolean> };
  };
}

const world = nlp.world() as unknown as CompromiseWorld;
const shipped = world.model.two.matches.length;
world.model.two.matches = world.model.two.matches.filter((rule) => NAME_RULE_TAGS_RE.test(String(rule.tag ?? '')) || NAME_RULE_TAGS_RE.test(String(rule.unTag ?? '')));
/** How many post-tagger rules compromise ships with and how many Roundup keeps (a test checks the filter took). */
export const TAGGER_RULES: { readonly shipped: number; readonly kept: number } = { shipped, kept: world.model.two.matches.length };
// 'chunks' groups words into noun and verb phrases for compromise's chunk API, which Roundup does not call
// (people(), places() and organizations() match tags): a fifth of the time, the same names without it.
world.hooks = world.hooks.filter((hook) => hook !== 'chunks');
// `nlp(text, words)` would add the words again on every call (a quarter of its time on a short article): once, here.
nlp.addWords(ENTITY_LEXICON);

export { nlp };

/**
 * compromise's lexicon read directly, without tagging a text: the tags of one lower-case word or phrase ("obama":
 * LastName, "new york": Region, "white house": Organization), '' when it does not know it. ENTITY_LEXICON is in it.
 */
export function lexiconTags(phrase: string): string {
  const tags = Object.hasOwn(world.model.one.lexicon, phrase) ? world.model.one.lexicon[phrase] : undefined;
  return tags === undefined ? '' : String(tags);
}

/** Nouns that end an organisation's name in compromise's data ("committee", "administration", "bank"). */
export const isOrgWord = (word: string): boolean => (Object.hasOwn(world.model.two.orgWords, word) && world.model.two.orgWords[word] === true) || EXTRA_ORG_WORDS.has(word);
/** Nouns that end or open a place's name in compromise's data ("river", "mountains", "island", "county"). */
export const isPlaceWord = (word: string): boolean => Object.hasOwn(world.model.two.placeWords, word) && world.model.two.placeWords[word] === true;
