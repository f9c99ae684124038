// English names without tagging the article: runs of capitalised words, each given a kind by compromise's lexicon
// (given names, surnames, places, organisations), its organisation and place nouns, and the titles before a name.
// compromise over a whole article took ~37 ms; this reads the same words in a tenth of that (scripts/entity-agreement.mjs).
import type { EntityKind } from '../model.js';
import { knownName } from './aliases.js';
import { NAME_ABBREVIATIONS, NAME_JOINERS, NAME_PARTICLE_RE, NOT_ORG_AFTER_NAME, NOT_PLACE_HEADS, OF_NAME_HEADS, PLACE_ACRONYMS, PLACE_PREFIXES, ROLE_BREAKS, SPEAKER_ADVERBS, SPEECH_VERBS, STATE_BODY_NOUNS, TITLE_WORDS } from './patterns.js';
import { isOrgWord, isPlaceWord, lexiconTags } from './tagger.js';

/** One name as written, with its kind. */
export interface NameMention {
  readonly surface: string;
  readonly kind: EntityKind;
}

/** Lexicon tags of each kind (compromise's tag names). */
const GIVEN_NAME_RE = /MaleName|FemaleName|FirstName/;
const PERSON_RE = /LastName|Person/;
const PLACE_RE = /Place|Country|City|Region/;
const DEMONYM_RE = /Demonym/;
const ORGANIZATION_RE = /Organization|SportsTeam/;
const HONORIFIC_RE = /Honorific/;
/** Places a given name does not run on into ("Virginia Texas" is two names; "Kate Langley" one). */
const STATE_RE = /Country|City|Region/;
/** Tags that let a capitalised word open a sentence as a name rather than as any word ("Obama said", not "Officials said"). */
const NAME_TAG_RE = /MaleName|FemaleName|FirstName|LastName|Person|Place|Country|City|Region|Organization|SportsTeam|Honorific|ProperNoun|Acronym/;
/** Particles that join a person's names (compromise's title-van-title, title-de-title rules); "of", "the" join others. */
const PERSON_PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'van', 'von', 'de', 'du', 'da', 'di', 'del', 'della', 'dos', 'le', 'la']);
/** Tags of words that open sentences and never a name ("But Williams said", "When Obama spoke"). */
const FUNCTION_WORD_RE = /Conjunction|Determiner|Preposition|Pronoun|Adverb|Verb|QuestionWord|Modal|Copula/;
/** Tags of common nouns: "the Court said" names no person ("Earnest said" does, though the lexicon knows "earnest"). */
const COMMON_NOUN_RE = /Singular|Plural|Uncountable|Noun/;
/** The longest lexicon phrase looked up at one word ("united states of america" is four). */
const MAX_PHRASE_WORDS = 4;
/** Runs are read in pieces of at most this many words (the longest real names, "Department for Environment, Food and Rural Affairs", are shorter). */
const MAX_RUN_WORDS = 12;
/** A given name opens a person's name of at most this many words ("Mark Anthony Conditt", "John F. Kennedy Jr"). */
const MAX_PERSON_WORDS = 4;

/** Punctuation that opens a word ("(AP", "“Obama") and that closes one ("Obama,", "Texas)", "Moscow’s"). */
const LEADING_RE = /^[("“‘'[]+/u;
const TRAILING_RE = /[,;:!?)\]"”’]+$/u;
const POSSESSIVE_RE = /['’]s$/u;
/** A word that ends a sentence ("said.", "Moscow?”") unless it is an abbreviation or an initial (ABBREVIATION_RE). */
const SENTENCE_END_RE = /[.!?:;]["”’)]*$/u;
/** Initials and abbreviations whose full stop ends no sentence ("U.S.", "J.", "Sen.", "St.", "Inc."). */
const ABBREVIATION_RE = new RegExp(`^(?:(?:\\p{Lu}\\.)+|(?:${NAME_ABBREVIATIONS.join('|')})\\.)$`, 'u');
/** A word whose end stops a run of names: a comma, a bracket, a quote, a colon, a possessive. */
const RUN_BREAK_RE = /[,;:)\]"”’]$|['’]s$/u;
const ACRONYM_RE = /^(?:\p{Lu}\.?)+$/u;
/** A run of at most this many unknown words next to a speech verb is a person ("said Earnest", "Lute said"). */
const MAX_SPEAKER_WORDS = 3;
const SPEECH_VERB_SET: ReadonlySet<string> = new Set(SPEECH_VERBS.filter((v) => !v.includes(' ')));

const isCapitalised = (word: string): boolean => {
  const w = word.replace(LEADING_RE, '');
  return /^\p{Lu}/u.test(w) || (w.includes('-') && NAME_PARTICLE_RE.test(w.replace(/[^\p{L}]+$/u, '').replace(POSSESSIVE_RE, '')));
};
/** A full stop after a word of two or more lower-case letters ends a sentence, not an abbreviation ("Moscow."). */
const FINAL_STOP_RE = /(?<=\p{Ll}{2})\.$/u;
const bare = (word: string): string => word.replace(LEADING_RE, '').replace(TRAILING_RE, '').replace(FINAL_STOP_RE, '').replace(TRAILING_RE, '').replace(POSSESSIVE_RE, '');
const keyOf = (word: string): string => word.toLowerCase().replace(/\.$/, '');
const endsSentence = (word: string): boolean => SENTENCE_END_RE.test(word) && !ABBREVIATION_RE.test(word.replace(LEADING_RE, ''));

interface Run {
  /** The run's words, bare (no edge punctuation, no possessive). */
  readonly words: readonly string[];
  /** It opens a sentence, where any word takes a capital. */
  readonly initial: boolean;
  /** The word before it in its sentence and the word after it, as written; null at a sentence's or clause's edge. */
  readonly before: string | null;
  readonly after: string | null;
  /** The word after `after`, as written, or null. */
  readonly afterNext: string | null;
}

/** Runs of capitalised words, joined across "of", "the", "de", "al", "&" between two of them ("Bank of England"). */
function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  for (const line of text.split('\n')) {
    const words = line.split(/\s+/).filter(Boolean);
    let i = 0;
    while (i < words.length) {
      if (!isCapitalised(words[i]!)) {
        i++;
        continue;
      }
      const start = i;
      let end = i;
      for (let j = i + 1; j < words.length; j++) {
        const last = words[end]!;
        if (endsSentence(last) || RUN_BREAK_RE.test(last) || /^[("“‘]/u.test(words[j]!)) break;
        if (isCapitalised(words[j]!)) {
          end = j;
          continue;
        }
        let k = j;
        while (k < words.length && k - j < 2 && NAME_JOINERS.has(words[k]!)) k++;
        if (k === j || k >= words.length || !isCapitalised(words[k]!) || /^[("“‘]/u.test(words[k]!)) break;
        end = k;
        j = k;
      }
      const initial = start === 0 || endsSentence(words[start - 1]!);
      const before = initial ? null : words[start - 1]!;
      const after = end + 1 < words.length && !/[,.;:!?)\]"”’]$/u.test(words[end]!) ? words[end + 1]! : null;
      const afterNext = after !== null && end + 2 < words.length && !/[,.;:!?)\]"”’]$/u.test(after) ? words[end + 2]! : null;
      // A longer run is a heading in title case or a list of names without commas: read in pieces, so that a page
      // of capitalised words costs linear time (test/extract/proper-names.test.ts).
      const all = words.slice(start, end + 1).map(bare).filter(Boolean);
      for (let from = 0; from < all.length; from += MAX_RUN_WORDS) {
        const last = from + MAX_RUN_WORDS >= all.length;
        runs.push({ words: all.slice(from, from + MAX_RUN_WORDS), initial: initial && from === 0, before: from === 0 ? before : null, after: last ? after : null, afterNext: last ? afterNext : null });
      }
      i = end + 1;
    }
  }
  return runs;
}

const isGivenName = (key: string): boolean => GIVEN_NAME_RE.test(lexiconTags(key));
const isPlaceKey = (key: string): boolean => PLACE_RE.test(lexiconTags(key));
const isTitle = (key: string): boolean => TITLE_WORDS.has(key) || HONORIFIC_RE.test(lexiconTags(key));

/**
 * The names of one run with their kinds, read left to right. compromise's own order of evidence: an organisation
 * noun ends an organisation ("Affordable Care", "Justice Department", "Obama administration") unless a given name
 * or a place stands before it; titles before a name make it a person ("Secretary of State Mike Pompeo" → "Mike
 * Pompeo"); the longest phrase the lexicon knows takes its kind ("New York City", "White House", "Obama"); a given
 * name opens a person's name ("Giles Hamm"); an unknown word before a place noun is a place ("Flinders Ranges"),
 * before a surname a person. A word the lexicon does not know, alone, is no name (compromise tags it so too).
 */
export function classifyRun(run: Run): NameMention[] {
  let words = run.words.slice();
  while (words.length > 0 && /^(?:the|a|an)$/i.test(words[0]!)) words.shift();
  if (words.length === 0) return [];
  // A run that is a form of a name Roundup knows (ENTITY_ALIASES) is that name.
  const known = knownName(words.join(' '));
  if (known !== null) return [{ surface: words.join(' '), kind: known.kind }];
  let keys = words.map(keyOf);
  // A word opening a sentence before "of" that the lexicon does not know as a name is no part of the name after it
  // ("Officials of the United Nations Security Council": the council; "Members of the House of Lords").
  if (run.initial && words.length >= 3 && keys[1] === 'of' && !NAME_TAG_RE.test(lexiconTags(keys[0]!)) && !isOrgWord(keys[0]!) && !OF_NAME_HEADS.organization.has(keys[0]!) && !OF_NAME_HEADS.place.has(keys[0]!)) {
    const from = keys[2] === 'the' ? 3 : 2;
    return classifyRun({ ...run, words: words.slice(from), initial: false });
  }
  // "X of Y" whose head is an organisation or place noun is one name ("University of California", "House of Lords",
  // "District of Columbia"), not its last part alone.
  const head = keys[0]!;
  if (words.length >= 3 && keys[1] === 'of' && /^\p{Lu}/u.test(words[words.length - 1]!)) {
    if (isOrgWord(head) || OF_NAME_HEADS.organization.has(head)) return [{ surface: words.join(' '), kind: 'organization' }];
    if (OF_NAME_HEADS.place.has(head) || (isPlaceWord(head) && !isOrgWord(head) && !NOT_PLACE_HEADS.has(head))) return [{ surface: words.join(' '), kind: 'place' }];
  }
  const placeAcronym = (i: number): boolean => ACRONYM_RE.test(words[i]!) && PLACE_ACRONYMS.has(keys[i]!.replace(/\./g, ''));
  for (let p = words.length - 1; p >= 1; p--) {
    // "White House Press Secretary": an organisation noun that opens a title ("press secretary") belongs to the title.
    const inTitle = TITLE_WORDS.has(keys[p]!) && p + 1 < keys.length && TITLE_WORDS.has(keys[p + 1]!);
    if (isOrgWord(keys[p]!) && !inTitle && !isGivenName(keys[p - 1]!) && !isPlaceKey(keys[p - 1]!) && !placeAcronym(p - 1)) {
      const rest = classifyRun({ words: words.slice(p + 1), initial: false, before: words[p]!, after: run.after, afterNext: run.afterNext });
      return [{ surface: words.slice(0, p + 1).join(' '), kind: 'organization' }, ...rest];
    }
  }
  const lastTags = lexiconTags(keys[keys.length - 1]!);
  const next = run.after === null ? '' : bare(run.after);
  const nextInTitle = TITLE_WORDS.has(keyOf(next)) && run.afterNext !== null && TITLE_WORDS.has(keyOf(bare(run.afterNext)));
  // Not after a nationality alone ("German group", "French bank" describe; they name nothing) unless it is that
  // country's body ("the Russian government"), nor after a sentence's opening word that names nothing ("Local
  // government officials said"). Looked at only for a run followed by such a noun.
  const describes = (): boolean => {
    const stateBody = STATE_BODY_NOUNS.has(keyOf(next));
    return keys.every((key, n) => {
      const tags = lexiconTags(key);
      if (DEMONYM_RE.test(tags)) return !stateBody;
      return n === 0 && run.initial && !NAME_TAG_RE.test(tags) && !ACRONYM_RE.test(words[0]!);
    });
  };
  if (/^\p{Ll}/u.test(next) && isOrgWord(keyOf(next)) && !NOT_ORG_AFTER_NAME.has(keyOf(next)) && !nextInTitle && !PLACE_RE.test(lastTags) && !GIVEN_NAME_RE.test(lastTags) && !describes()) {
    return [{ surface: `${words.join(' ')} ${next}`, kind: 'organization' }];
  }
  if (run.initial) {
    // Any word may open a sentence with a capital: the first counts only when the lexicon names it, it opens a phrase
    // the lexicon knows ("New York"), or it is an unknown acronym.
    const tags = lexiconTags(keys[0]!);
    const named = NAME_TAG_RE.test(tags) || isTitle(keys[0]!) || placeAcronym(0);
    const phrase = [2, 3, MAX_PHRASE_WORDS].some((n) => n <= words.length && lexiconTags(keys.slice(0, n).join(' ')) !== '');
    // "Hazel Gilbert": a word that may be a name before a given name or a surname (compromise's switch-person rule).
    const beforeName = words.length === 2 && /^[\p{Lu}][\p{Ll}]/u.test(words[0]!) && !FUNCTION_WORD_RE.test(tags) && (GIVEN_NAME_RE.test(lexiconTags(keys[1]!)) || PERSON_RE.test(lexiconTags(keys[1]!)));
    if (!named && !phrase && !beforeName && !(tags === '' && /^\p{Lu}{2,}/u.test(words[0]!))) {
      words = words.slice(1);
      keys = keys.slice(1);
    }
  }
  const out: NameMention[] = [];
  const push = (from: number, to: number, kind: EntityKind): void => {
    out.push({ surface: words.slice(from, to).join(' '), kind });
  };
  let i = 0;
  while (i < words.length) {
    if (NAME_JOINERS.has(words[i]!)) {
      i++;
      continue;
    }
    // The longest phrase of two or more words the lexicon knows as a name ("General Motors", "New York City").
    let phrase = 0;
    let phraseTags = '';
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1 && phrase === 0; n--) {
      const tags = lexiconTags(keys.slice(i, i + n).join(' '));
      if (tags && (n > 1 || !isTitle(keys[i]!))) {
        phrase = n;
        phraseTags = tags;
      }
    }
    if (phrase === 0 && isTitle(keys[i]!)) {
      let j = i;
      while (j < words.length && (isTitle(keys[j]!) || NAME_JOINERS.has(words[j]!))) j++;
      let k = j;
      const joinsName = (n: number): boolean => PERSON_PARTICLES.has(words[n]!) && n + 1 < words.length && n > j;
      while (k < words.length && !ORGANIZATION_RE.test(lexiconTags(keys[k]!)) && (!NAME_JOINERS.has(words[k]!) || joinsName(k))) k++;
      // The name opens at its given name when the words before it are words the lexicon knows as no name ("Senate
      // Democrat Dick Durbin"); a word it does not know may open the name itself ("Sen. Rand Paul").
      const given = keys.slice(j, k).findIndex(isGivenName);
      const knownAsNoName = (key: string): boolean => {
        const tags = lexiconTags(key);
        return tags !== '' && !NAME_TAG_RE.test(tags);
      };
      const from = given > 0 && keys.slice(j, j + given).every(knownAsNoName) ? j + given : j;
      // One word after a title is a person unless the lexicon knows it as a place or a common noun ("Supreme Court"),
      // but after an honorific ("Mr Bakrie", "Sen. Paul") it always is.
      const alone = k - from === 1 ? lexiconTags(keys[from]!) : '';
      const notName = alone !== '' && !HONORIFIC_RE.test(lexiconTags(keys[i]!)) && (PLACE_RE.test(alone) || !NAME_TAG_RE.test(alone));
      if (k > from && !notName) {
        push(from, k, 'person');
        i = k;
      } else i = j;
      continue;
    }
    // "US President Barack Obama": a country's acronym before a title belongs to the title.
    if (placeAcronym(i) && i + 1 < words.length && isTitle(keys[i + 1]!)) {
      i++;
      continue;
    }
    if (placeAcronym(i)) {
      push(i, i + 1, 'place');
      i++;
      continue;
    }
    if (PLACE_PREFIXES.has(keys[i]!) && i + 1 < words.length) {
      push(i, i + 2, 'place');
      i += 2;
      continue;
    }
    if (phrase > 0) {
      const followed = i + phrase < words.length && !NAME_JOINERS.has(words[i + phrase]!);
      if (phrase === 1 && GIVEN_NAME_RE.test(phraseTags) && !STATE_RE.test(phraseTags) && (followed || !PLACE_RE.test(phraseTags))) {
        let k = i + 1;
        // A given name goes on over the next capitalised words ("Kate Langley", though Langley is a place), not over a
        // country, a region or a city ("Texas") or an organisation.
        while (k < words.length && k - i < MAX_PERSON_WORDS && !STATE_RE.test(lexiconTags(keys[k]!)) && !ORGANIZATION_RE.test(lexiconTags(keys[k]!)) && !NAME_JOINERS.has(words[k]!)) k++;
        push(i, k, 'person');
        i = k;
        continue;
      }
      if (PERSON_RE.test(phraseTags)) {
        push(i, i + phrase, 'person');
        i += phrase;
        continue;
      }
      if (ORGANIZATION_RE.test(phraseTags)) {
        push(i, i + phrase, 'organization');
        i += phrase;
        continue;
      }
      if (PLACE_RE.test(phraseTags)) {
        let k = i + phrase;
        while (k < words.length && (isPlaceKey(keys[k]!) || isPlaceWord(keys[k]!) || keys[k] === 'city')) k++;
        push(i, k, 'place');
        i = k;
        continue;
      }
    }
    let placeNoun = i + 1;
    while (placeNoun < words.length && !NAME_JOINERS.has(words[placeNoun]!) && !lexiconTags(keys[placeNoun]!) && !isPlaceWord(keys[placeNoun]!)) placeNoun++;
    if (placeNoun < words.length && isPlaceWord(keys[placeNoun]!)) {
      push(i, placeNoun + 1, 'place');
      i = placeNoun + 1;
      continue;
    }
    // "Bashar al Assad", "Staffan de Mistura", "Bashar al-Assad": a name particle inside the run (compromise's title-van-title).
    const window = words.slice(i + 1, i + MAX_PERSON_WORDS);
    const particle = window.findIndex((w, n) => NAME_PARTICLE_RE.test(w) && (w.includes('-') || i + 2 + n < words.length));
    if (particle >= 0 && particle < MAX_PERSON_WORDS - 1 && PERSON_PARTICLES.has(words[i + 1 + particle]!.split('-')[0]!)) {
      const end = words[i + 1 + particle]!.includes('-') ? i + 2 + particle : i + 3 + particle;
      push(i, Math.min(end, words.length), 'person');
      i = Math.min(end, words.length);
      continue;
    }
    const second = keys[i + 1];
    if (second !== undefined && (PERSON_RE.test(lexiconTags(second)) || (i + 2 === words.length && isGivenName(second)))) {
      push(i, i + 2, 'person');
      i += 2;
      continue;
    }
    // "the GOP", "the FBI": an acronym after "the" is an organisation (compromise's the-acronym rule).
    if (words.length === 1 && /^\p{Lu}{2,5}$/u.test(words[i]!) && /^the$/i.test(run.before ?? '')) push(i, i + 1, 'organization');
    i++;
  }
  // A name the lexicon does not know speaks: "said Earnest", "Varley told" (compromise's person-said rules).
  // "said X" only where X ends its clause ("said Jupiter Research analyst Olivier Beauvillian": the firm does not speak);
  // "X said", "X also said".
  const speech = (word: string | null): boolean => word !== null && SPEECH_VERB_SET.has(bare(word).toLowerCase());
  const saidBefore = speech(run.before) && (run.after === null || !/^\p{Ll}/u.test(run.after) || ROLE_BREAKS.has(run.after));
  const saidAfter = speech(run.after) || (run.after !== null && SPEAKER_ADVERBS.has(run.after.toLowerCase()) && speech(run.afterNext));
  // Not a plural or a word the lexicon knows as something else ("Democrats said", "the Court said").
  const last = keys[keys.length - 1] ?? '';
  const lastKnown = lexiconTags(last);
  const nameLike = !/\p{Ll}s$/u.test(words[words.length - 1] ?? '') && (NAME_TAG_RE.test(lastKnown) || !COMMON_NOUN_RE.test(lastKnown));
  if (out.length === 0 && words.length > 0 && words.length <= MAX_SPEAKER_WORDS && nameLike && (saidBefore || saidAfter)) push(0, words.length, 'person');
  return out;
}

/** Every English name of `text` as written, in order, with its kind. */
export function findProperNames(text: string): NameMention[] {
  const mentions = runsOf(text).flatMap(classifyRun);
  // A surname alone is the person the text names in full ("Langley is near Slough" after "Kate Langley"), as in findNames.
  const surnames = new Set(mentions.filter((m) => m.kind === 'person' && m.surface.includes(' ')).map((m) => m.surface.slice(m.surface.lastIndexOf(' ') + 1)));
  return mentions.map((m) => (m.kind !== 'person' && surnames.has(m.surface) ? { surface: m.surface, kind: 'person' } : m));
}
