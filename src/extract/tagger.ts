// compromise, set up once for the process as Roundup uses it: to find people, places and organisations.
import nlp from 'compromise';
import { ENTITY_LEXICON } from './patterns.js';

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
  model: { two: { matches: { tag?: unknown; unTag?: unknown }[] } };
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
