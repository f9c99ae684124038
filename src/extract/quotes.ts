// Quoted statements of one article and who made them: quote spans, attribution clauses, pronoun and surname resolution.
import { splitSentences } from '../text/sentences.js';
import type { EntityIndex, EntityRef } from './entities.js';
import { normaliseName, stripTitles } from './entities.js';
import nlp from 'compromise';
import { isGivenName } from './names.js';
import {
  DETERMINER_RE,
  DOUBLE_APOSTROPHE_CLOSE_RE,
  DOUBLE_APOSTROPHE_OPEN_RE,
  MIN_QUOTE_WORDS,
  HONORIFIC_RE,
  LISTENER_VERB_RE,
  MAX_ROLE_WORDS,
  NAME_PARTICLE_RE,
  ORG_HEADS,
  ORG_NAME_CONNECTORS,
  ORG_PRONOUNS,
  PERSON_PRONOUNS,
  ROLE_BREAKS,
  SENTENCE_OPENERS,
  SPEAKER_ADVERBS,
  SPEECH_VERB_RE,
  STATEMENT_HEADS,
  TITLE_WORDS,
  UNNAMED_HEADS,
  VOICE_HEADS,
} from './patterns.js';

export interface FoundQuote {
  readonly text: string;
  /**
   * Who said it: a person's canonical name, or an organisation's voice as the text names it ("Pentagon spokesman",
   * "White House statement"); null when neither could be attributed. A bare organisation or place never speaks.
   */
  readonly speaker: string | null;
}

/**
 * A person; the voice of an organisation the text names as speaking (its spokesman, its statement: `org` is whose);
 * or, until the article is read, a bare organisation ("the White House said"), which speaks only through a voice the
 * same article gives it and is otherwise no speaker.
 */
interface Speaker {
  readonly name: string;
  readonly kind: 'person' | 'voice' | 'organization';
  readonly org?: string;
}

/** An organisation's voice: "Pentagon" + "spokesman" from "a Pentagon spokesman said" / "a spokesman for the Pentagon said". */
interface Voice {
  readonly org: string;
  readonly head: string;
}

/** One quoted passage inside a paragraph (offsets into the normalised paragraph). */
interface Span {
  readonly open: number;
  /** Offset just past the closing mark, or the paragraph's end when the quote runs on into the next paragraph. */
  readonly end: number;
  readonly closed: boolean;
  readonly text: string;
}

/** Who an attribution clause names, before resolution against the article's entities. */
type Candidate =
  | { readonly kind: 'pronoun'; readonly word: string }
  /** Someone the text does not name ("a senior official", "a spokeswoman", "the company"): no speaker. */
  | { readonly kind: 'unnamed' }
  /** A bare "the statement" / "the spokesman" / "the company": the organisation that spoke last. */
  | { readonly kind: 'statement' }
  /**
   * Name runs in order of preference (the first that names a person speaks), else `voice`: the voice of an
   * organisation (`org` from the first run that is no person when `voice.org` is empty: "the White House said in a
   * statement").
   */
  | {
    readonly kind: 'names';
    readonly runs: readonly string[];
    readonly voice: Voice | null;
    /** The organisation's whole name when it is the subject ("the Muslim Council of Britain said"). */
    readonly subject?: string;
    /** The run that may be a person by its shape alone (see `personOf`); `runs[0]` when absent. */
    readonly shaped?: string | null;
  };

/** The people and the organisation that spoke last, for "he said" / "it said" / "the statement said". */
interface SpeakerState {
  /** People who spoke, the latest last (at most RECENT_PEOPLE). */
  speakers: Speaker[];
  lastOrg: Speaker | null;
  /** People named anywhere before the current point, the latest last, for "she said" when no one has spoken yet. */
  mentioned: Speaker[];
  /** Who is "he" and who "she": from an earlier "she said" credited to them, else their given name. */
  pronouns: Map<string, string | null>;
  /** While a quote is attributed: the person the sentence before it is about, whom "he said" most likely means. */
  subject: Speaker | null;
}

/** People remembered for "he said" / "she said": enough to step back over a speaker of the other pronoun or two. */
const RECENT_PEOPLE = 6;

/** A capitalised name run ("Hazel Gilbert", "Bashar al-Assad") as a candidate person mention. */
const NAME_RUN_RE = /\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}[\p{L}'’-]+|al-\p{Lu}[\p{L}'’-]+|al|de|bin|van|von))*/gu;

/** Attribution sits next to its quote: context further than this (characters) is never read, which keeps long paragraphs linear. */
const CONTEXT_CHARS = 400;

const CLOSING_MARK_RE = /[”"’']$/;
/** "said in a statement", "said in its written statement": the subject speaks through a statement. */
const IN_STATEMENT_RE = /^[^.;:!?“”"]{0,40}?\bin\s+(?:a|an|its|the|their)\s+(?:[\p{L}-]+\s+)?statement\b/u;
/** Prepositions that put a name inside a description ("an editor with the Cook Political Report"), not in a subject. */
const PHRASE_PREPOSITIONS = new Set(['of', 'with', 'at', 'for', 'from', 'in', 'by']);
/** Prepositions joining a voice to its organisation ("a spokesman for the Pentagon", "a statement from Chelsea"). */
const VOICE_OF_RE = /^(?:for|of|at|from)$/i;
const TRAILING_PUNCT_RE = /[,;:!?.)\]]+$/;
const SENTENCE_END_RE = /[.!?…]["”’')\]]*\s*$/;
const INITIALS_RE = /^(?:\p{Lu}\.)+$/u;

/** Opening/closing double apostrophes and low-9 quotes become curly quotes (seed 000 opens ''It's an opportunity…”). */
export function normaliseQuoteMarks(paragraph: string): string {
  return paragraph.replace(DOUBLE_APOSTROPHE_OPEN_RE, '$1“').replace(DOUBLE_APOSTROPHE_CLOSE_RE, '$1”');
}

/** `close` is the closing mark's offset; an unclosed quote runs to `limit` (the next opening mark or the paragraph end). */
function makeSpan(paragraph: string, open: number, close: number | null, limit = paragraph.length): Span {
  const inner = paragraph.slice(open + 1, close ?? limit);
  return {
    open,
    end: close === null ? limit : close + 1,
    closed: close !== null,
    text: inner.trim().replace(/[\s,;:]+$/, ''),
  };
}

/** Quote spans of one paragraph: curly pairs, and straight quotes paired by whether they look like openers. */
export function findQuoteSpans(paragraph: string): Span[] {
  const spans: Span[] = [];
  let openAt = -1;
  for (let i = 0; i < paragraph.length; i++) {
    const mark = paragraph[i];
    if (mark !== '“' && mark !== '”' && mark !== '"') continue;
    const before = i === 0 ? ' ' : (paragraph[i - 1] ?? ' ');
    const after = paragraph[i + 1] ?? ' ';
    const looksOpening = /[\s(\[—–-]/.test(before) && !/\s/.test(after);
    if (mark === '“' || (mark === '"' && openAt < 0)) {
      // A stray closing straight quote (text before it, space after) opens nothing.
      if (mark === '"' && !looksOpening && /\s/.test(after) && i > 0) continue;
      // An opening mark inside an open quote: the earlier quote ran on without closing.
      if (openAt >= 0) spans.push(makeSpan(paragraph, openAt, null, i));
      openAt = i;
    } else if (openAt >= 0) {
      if (mark === '"' && looksOpening) {
        spans.push(makeSpan(paragraph, openAt, null, i));
        openAt = i;
      } else {
        spans.push(makeSpan(paragraph, openAt, i));
        openAt = -1;
      }
    }
  }
  if (openAt >= 0) spans.push(makeSpan(paragraph, openAt, null));
  return spans.filter((s) => s.text.length > 0);
}

function bare(token: string): string {
  return token.replace(/^[“"‘'(]+/, '').replace(TRAILING_PUNCT_RE, '');
}

function isNameToken(token: string): boolean {
  return /^\p{Lu}/u.test(token) || NAME_PARTICLE_RE.test(token);
}

/** Cleaned name tokens of the run ending at token `end` (reading backwards), and where it starts. */
function nameRunEndingAt(tokens: readonly string[], end: number): { run: string[]; start: number } {
  const run: string[] = [];
  let i = end;
  for (; i >= 0; i--) {
    const token = tokens[i] ?? '';
    if (TRAILING_PUNCT_RE.test(token) && !INITIALS_RE.test(token) && run.length > 0) break;
    const clean = bare(token);
    if (!isNameToken(clean) || /^[“"‘(]/.test(token)) break;
    run.unshift(clean);
    if (/^[“"‘(]/.test(token)) break;
  }
  while (run.length > 0 && SENTENCE_OPENERS.has((run[0] ?? '').toLowerCase())) run.shift();
  return { run, start: i + 1 };
}

/** An organisation's name ending at token `end`, read through its lower-case joints ("Department for International Development"). */
function orgNameEndingAt(tokens: readonly string[], end: number): { name: string; start: number } | null {
  let i = end;
  const words: string[] = [];
  for (; i >= 0; i--) {
    const token = tokens[i] ?? '';
    if (TRAILING_PUNCT_RE.test(token) && !INITIALS_RE.test(token) && words.length > 0) break;
    const clean = bare(token);
    if (/^[“"‘(]/.test(token) || !(isNameToken(clean) || ORG_NAME_CONNECTORS.has(clean.toLowerCase()))) break;
    words.unshift(clean);
  }
  let first = 0;
  while (first < words.length && !isNameToken(words[first] ?? '')) first++;
  const name = words.slice(first);
  while (name.length > 0 && SENTENCE_OPENERS.has((name[0] ?? '').toLowerCase())) name.shift();
  if (name.length === 0) return null;
  return { name: name.join(' '), start: end - name.length + 1 };
}

/** An organisation's name starting at token `start` (after an optional determiner), read through its lower-case joints. */
function orgNameStartingAt(tokens: readonly string[], start: number): string | null {
  let k = DETERMINER_RE.test(bare(tokens[start] ?? '')) ? start + 1 : start;
  const first = k;
  let end = -1;
  for (; k < tokens.length; k++) {
    const token = tokens[k] ?? '';
    const clean = bare(token);
    if (isNameToken(clean) && !/^[“"‘(]/.test(token)) end = k;
    else if (!ORG_NAME_CONNECTORS.has(clean.toLowerCase()) || k === first) break;
    if (TRAILING_PUNCT_RE.test(token) && !INITIALS_RE.test(token)) break;
  }
  return end < first ? null : (orgNameEndingAt(tokens, end)?.name ?? null);
}

/**
 * The speaker named just before a verb: "Earnest [also] said", "a Pentagon spokesman said", "a spokeswoman for the
 * Department for International Development said", ", Josh Earnest, said", and after an appositive the name before it
 * ("Brian McBride, managing director of T-Mobile in the UK, said": McBride speaks, not the UK).
 */
function candidateBeforeVerb(text: string, appositives: boolean): Candidate | null {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  let i = tokens.length - 1;
  if (i < 0 || CLOSING_MARK_RE.test(tokens[i] ?? '')) return null;
  // One trailing comma is an appositive ("The White House Press Secretary, Josh Earnest, said").
  const appositive = /,$/.test(tokens[i] ?? '');
  tokens[i] = (tokens[i] ?? '').replace(/,$/, '');
  while (i >= 0 && SPEAKER_ADVERBS.has((tokens[i] ?? '').toLowerCase())) i--;
  if (i < 0) return null;
  const word = tokens[i] ?? '';
  if (TRAILING_PUNCT_RE.test(word) && i !== tokens.length - 1) return null;
  const lower = bare(word).toLowerCase();
  if (PERSON_PRONOUNS.has(lower) || ORG_PRONOUNS.has(lower)) return { kind: 'pronoun', word: lower };
  // Names before the appositive's opening comma, nearest first, each a person the appositive describes; the first
  // that opens the sentence or a clause ("Rhys Holleran, CEO of Southern Cross Austereo, which owns 2Day FM, said")
  // may be a person by its shape alone, not one inside a description ("of Southern Cross Austereo").
  const earlier: string[] = [];
  let shaped: string | null = null;
  const readEarlier = (from: number): void => {
    for (let j = from; j >= 0; j--) {
      if (!/,$/.test(tokens[j] ?? '')) continue;
      const { run, start } = nameRunEndingAt(tokens, j);
      if (run.length === 0) continue;
      earlier.push(run.join(' '));
      if (shaped === null && (start === 0 || /,$/.test(tokens[start - 1] ?? ''))) shaped = run.join(' ');
    }
  };
  if (appositive && appositives) readEarlier(i - 1);
  const named = (runs: string[], voice: Voice | null = null): Candidate | null =>
    runs.length > 0 || voice ? { kind: 'names', runs, voice, shaped } : null;
  if (UNNAMED_HEADS.has(lower)) return named(earlier) ?? { kind: 'unnamed' };
  if (VOICE_HEADS.has(lower) || STATEMENT_HEADS.has(lower) || ORG_HEADS.has(lower)) {
    const isVoice = VOICE_HEADS.has(lower);
    // "a spokeswoman for the Department for International Development said" is not reached here (its last word is
    // a name); this is "<organisation> spokesman said", "the White House statement said", "the company said".
    const org = orgNameEndingAt(tokens, i - 1);
    // "Obama's spokesman said": the voice speaks, so the name before the head is no speaker itself.
    if (org && isVoice) return named(earlier, { org: org.name, head: lower });
    if (org) return named([...earlier, org.name]);
    // A bare "the statement said", "the company said": the organisation that spoke last; "a spokeswoman said": no one named.
    if (/^the$/i.test(bare(tokens[i - 1] ?? ''))) return named(earlier) ?? { kind: 'statement' };
    return named(earlier) ?? { kind: 'unnamed' };
  }
  const { run, start } = nameRunEndingAt(tokens, i);
  // "a spokeswoman for the Department for International Development said": the voice of the organisation named.
  const org = orgNameEndingAt(tokens, i);
  if (org) {
    let k = org.start - 1;
    if (DETERMINER_RE.test(bare(tokens[k] ?? ''))) k--;
    const joint = bare(tokens[k] ?? '');
    const head = bare(tokens[k - 1] ?? '').toLowerCase();
    if (VOICE_OF_RE.test(joint) && VOICE_HEADS.has(head)) return named(earlier, { org: org.name, head });
  }
  // An appositive that is only a name (", Josh Earnest, said") is the speaker; one that describes ("Brian McBride,
  // managing director of T-Mobile in the UK, said") ends in the employer, and the name before it comes first. So does
  // a name inside a phrase whose closing comma is missing ("Jennifer Duffy, a senior editor with the Cook Political
  // Report told CNN").
  let k = start - 1;
  if (DETERMINER_RE.test(bare(tokens[k] ?? ''))) k--;
  const inPhrase = run.length > 0 && k >= 0 && PHRASE_PREPOSITIONS.has(bare(tokens[k] ?? '').toLowerCase());
  if (inPhrase && !appositive && appositives) {
    // "GOP Rep. Mike Kelly of Pennsylvania said": the name right before the phrase, then those before commas.
    const before = nameRunEndingAt(tokens, k - 1);
    // …unless it is inside a phrase itself ("the 48-year-old prof at Lund University in Sweden tells").
    let b = before.start - 1;
    if (DETERMINER_RE.test(bare(tokens[b] ?? ''))) b--;
    if (before.run.length > 0 && !PHRASE_PREPOSITIONS.has(bare(tokens[b] ?? '').toLowerCase())) {
      earlier.push(before.run.join(' '));
      shaped = before.run.join(' ');
    }
    readEarlier(k - 1);
  }
  const wholeAppositive = !inPhrase && (!appositive || start === 0 || /,$/.test(tokens[start - 1] ?? ''));
  // "Anais Faraj, an analyst at Nomura told": the name inside the description is the employer; the appositive's name
  // speaks, by its shape alone if need be (compromise knows "Nomura" as a surname, not "Anais" as a given name).
  const employer = inPhrase && !appositive && appositives && earlier.length > 0;
  const runs = run.length === 0 || employer ? earlier : wholeAppositive ? [run.join(' '), ...earlier] : [...earlier, run.join(' ')];
  if (run.length > 0 && wholeAppositive) shaped = run.join(' ');
  if (employer) shaped ??= earlier[0]!;
  const candidate = named(runs);
  // The whole name of an organisation that is the subject ("the Muslim Council of Britain said"), not its last words.
  return candidate?.kind === 'names' && org && !appositive ? { ...candidate, subject: org.name } : candidate;
}

/**
 * The speaker named just after a verb: "said Earnest to reporters", "said White House spokesman John Earnest",
 * "said London race director David Bedford" (the first run that is a person speaks, read through a few role words),
 * "said a Pentagon spokesman", "said a spokesman for the Pentagon" (an organisation's voice).
 */
function candidateAfterVerb(text: string): Candidate | null {
  const tokens = text.trim().split(/\s+/).filter(Boolean).slice(0, 12);
  const runs: string[] = [];
  let run: string[] = [];
  let voice: Voice | null = null;
  let roleWords = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const clean = bare(token);
    const lower = clean.toLowerCase();
    if (i === 0 && (PERSON_PRONOUNS.has(lower) || ORG_PRONOUNS.has(lower))) return { kind: 'pronoun', word: lower };
    if (run.length === 0 && runs.length === 0 && UNNAMED_HEADS.has(lower)) return { kind: 'unnamed' };
    const ends = TRAILING_PUNCT_RE.test(token) && !INITIALS_RE.test(token);
    if (clean && isNameToken(clean) && !/^[“"‘]/.test(token)) {
      run.push(clean);
      roleWords = 0;
    } else {
      const after = run.length > 0;
      if (after) runs.push(run.join(' '));
      run = [];
      if (VOICE_HEADS.has(lower)) {
        // "said a Pentagon spokesman": the run before the head is the organisation, not a speaker.
        if (after && !voice) voice = { org: runs.pop()!, head: lower };
        // "said a spokesman for the Pentagon"
        else if (!after && runs.length === 0 && !voice && VOICE_OF_RE.test(bare(tokens[i + 1] ?? ''))) {
          const org = orgNameStartingAt(tokens, i + 2);
          if (org) return { kind: 'names', runs: [], voice: { org, head: lower } };
        }
        if (ends) break;
        continue;
      }
      // Keep reading through titles and determiners ("said White House spokesman John Earnest"), and after a name
      // through a few role words ("said London race director David Bedford"); stop at anything else.
      const titleLike = DETERMINER_RE.test(lower) || TITLE_WORDS.has(lower) || STATEMENT_HEADS.has(lower);
      if (runs.length === 0 && !voice) {
        if (!titleLike && i > 1) break;
      } else if (!titleLike && !UNNAMED_HEADS.has(lower)) {
        if (ROLE_BREAKS.has(lower) || ++roleWords > MAX_ROLE_WORDS) break;
      }
    }
    if (ends) break;
  }
  if (run.length > 0) runs.push(run.join(' '));
  return runs.length > 0 || voice ? { kind: 'names', runs, voice } : null;
}

/** The speaker a speech verb names, before or after it; "according to" always names it after. */
/**
 * `appositives`: read names before an appositive too. Only for a quote's attribution: a speech verb elsewhere may be a
 * noun ("…depicted Tory leader Michael Howard as Fagin, prompted accusations, claims denied by Labour").
 */
function verbCandidate(text: string, at: number, verb: string, appositives = true): Candidate | null {
  const rest = text.slice(at + verb.length, at + verb.length + CONTEXT_CHARS);
  const after = LISTENER_VERB_RE.test(verb) ? null : candidateAfterVerb(rest);
  if (/^according/i.test(verb)) return after;
  // The clause before the verb, never reaching into the sentence before it.
  const before = sentenceBefore(text.slice(Math.max(0, at - CONTEXT_CHARS), at));
  const candidate = candidateBeforeVerb(before, appositives) ?? after;
  // "the White House said in a statement": the subject speaks through its statement.
  if (candidate?.kind === 'names' && !candidate.voice && IN_STATEMENT_RE.test(rest)) return { ...candidate, voice: { org: '', head: 'statement' } };
  return candidate;
}

/** The attribution a clause makes with its first (or, `fromEnd`, last) speech verb, or null when it has none. */
function clauseCandidate(clause: string, fromEnd = false): Candidate | null {
  const matches = [...clause.matchAll(SPEECH_VERB_RE)];
  if (fromEnd) matches.reverse();
  for (const match of matches) {
    const candidate = verbCandidate(clause, match.index ?? 0, match[0]);
    if (candidate) return candidate;
  }
  return null;
}

/** A name not found by compromise still counts when it reads as a full personal name ("Doug Lute"). */
function looksLikeFullName(run: string): EntityRef | null {
  const name = normaliseName(run, 'person');
  if (!name) return null;
  const tokens = name.split(' ');
  if (tokens.length < 2 || tokens.length > 4) return null;
  if (!tokens.every((t) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(t) || NAME_PARTICLE_RE.test(t))) return null;
  return { name, kind: 'person' };
}

/** The one person of the article whose name ends in `surname` ("Langley" of "Kate Langley"), or null. */
function personBySurname(surname: string, index: EntityIndex): EntityRef | null {
  const key = surname.toLowerCase();
  const owners = index.entities.filter((e) => e.kind === 'person' && e.name.includes(' ') && e.name.split(' ').pop()?.toLowerCase() === key);
  return owners.length === 1 ? { name: owners[0]!.name, kind: 'person' } : null;
}

/**
 * The person a name run names, or null when it names none. Speech verbs take people as subjects, so where the
 * article's entities took a person for a place or an organisation, the run's own shape decides: a courtesy title
 * ("Mr Lane", "Lord Sainsbury"), the surname of one person the article names ("said Langley"), or a full name
 * opening with a given name ("BBC correspondent Stephen Cape", "Chairman Peter Hill-Wood").
 */
function personOf(run: string, index: EntityIndex, shapeOnly: boolean): EntityRef | null {
  const courtesy = /^(\S+)\s+(\p{Lu}[\p{Ll}'’-]+)$/u.exec(run);
  if (courtesy && HONORIFIC_RE.test(courtesy[1] ?? '')) {
    const surname = courtesy[2] ?? '';
    const found = index.resolve(surname);
    return found?.kind === 'person' ? found : (personBySurname(surname, index) ?? { name: surname, kind: 'person' });
  }
  const found = index.resolve(run);
  if (found?.kind === 'person') return found;
  const name = normaliseName(stripTitles(run.split(' ')).join(' '), 'person');
  if (!name) return null;
  const tokens = name.split(' ');
  if (tokens.length === 1) return personBySurname(name, index);
  const full = looksLikeFullName(name);
  // A name the article's entities do not hold reads as a person by its shape alone ("Doug Lute") only next to its
  // verb (`shapeOnly`): inside an appositive or after a role it is as often an employer ("CEO of the Centre for
  // Israel and Jewish Affairs, said"), and one opening with a place or organisation is one ("Boston Police said").
  const opensWithName = index.resolve(tokens[0] ?? '')?.kind;
  return full && (isGivenName(tokens[0] ?? '') || (!found && shapeOnly && (opensWithName === undefined || opensWithName === 'person'))) ? full : null;
}

/**
 * "Pentagon spokesman", "White House statement", "Jane Walsh spokesman": whose voice it is (a person without titles,
 * an organisation by its canonical name unless that drops words the text gives: "Department for International
 * Development", not "International Development"), then the head.
 */
function voiceLabel(org: string, head: string, index: EntityIndex): { name: string; org: string; person: boolean } | null {
  const plain = normaliseName(org, null);
  if (!plain) return null;
  const found = personOf(plain, index, false) ?? index.resolve(plain);
  const name = found && (found.kind === 'person' || found.name.split(' ').length >= plain.split(' ').length) ? found.name : plain;
  return { name: `${name} ${head}`, org: name, person: found?.kind === 'person' };
}

/**
 * A surname alone ("Faraj said") is the one person already heard or named under that surname ("Anais Faraj, an
 * analyst at Nomura"), when the article's entities did not join the two.
 */
function fullNameOf(name: string, state: SpeakerState): string {
  if (name.includes(' ')) return name;
  const key = ` ${name.toLowerCase()}`;
  // Names merely mentioned count only when they open with a given name: the mentions hold runs such as "Thanks Obama".
  const ends = (p: Speaker): boolean => p.kind === 'person' && p.name.toLowerCase().endsWith(key);
  const heard = [...state.speakers.filter(ends), ...state.mentioned.filter((p) => ends(p) && isGivenName(p.name.split(' ')[0] ?? ''))];
  const owners = new Set(heard.map((p) => p.name));
  return owners.size === 1 ? [...owners][0]! : name;
}

function resolveCandidate(candidate: Candidate, state: SpeakerState, index: EntityIndex): Speaker | null {
  const speaker = resolveNamed(candidate, state, index);
  return speaker?.kind === 'person' ? { ...speaker, name: fullNameOf(speaker.name, state) } : speaker;
}

function resolveNamed(candidate: Candidate, state: SpeakerState, index: EntityIndex): Speaker | null {
  switch (candidate.kind) {
    case 'pronoun':
      return PERSON_PRONOUNS.has(candidate.word) ? personByPronoun(candidate.word, state) : state.lastOrg;
    case 'unnamed':
      return null;
    case 'statement':
      return state.lastOrg;
    case 'names': {
      // A run the entities know as a person (or with a person's marks) wins wherever it is; the name by the verb may
      // also be a person by its shape alone.
      const shaped = candidate.shaped === undefined ? candidate.runs[0] : candidate.shaped;
      // The first run that names a person: each may ask compromise about a given name, so the rest are not read.
      let person: EntityRef | null = null;
      for (const run of candidate.runs) if ((person = personOf(run, index, false))) break;
      person ??= shaped ? personOf(shaped, index, true) : null;
      if (person) return { name: person.name, kind: 'person' };
      const voice = candidate.voice;
      const subjects = [...(candidate.subject ? [candidate.subject] : []), ...candidate.runs];
      if (!voice) {
        // "the White House said": an organisation, never a place, and a speaker only through its voice (see extractQuotes).
        const org = subjects.map((run) => index.resolve(run)).find((ref) => ref?.kind === 'organization');
        return org ? { name: org.name, kind: 'organization' } : null;
      }
      // "the Muslim Council of Britain said in a statement": the organisation is the subject before the verb.
      const org = voice.org || subjects[0];
      const label = org ? voiceLabel(org, voice.head, index) : null;
      if (!label) return null;
      // "Mr Crosby's statement said": a person's own statement is the person speaking.
      if (label.person && voice.head === 'statement') return { name: label.org, kind: 'person' };
      return { name: label.name, kind: 'voice', org: label.org };
    }
  }
}

/** First sentence of the text after a quote, without the leading comma or dash. */
function sentenceAfter(text: string): string {
  const trimmed = text.replace(/^[\s,;—–-]+/, '');
  if (!trimmed || /^[“"]/.test(trimmed)) return '';
  return splitSentences(trimmed)[0] ?? '';
}

/** The part of the sentence before a quote (empty when the quote opens a sentence). */
function sentenceBefore(text: string): string {
  if (!text.trim() || SENTENCE_END_RE.test(text)) return '';
  return splitSentences(text).at(-1) ?? '';
}

/** Attribution of one quote: the clause right after it, then the sentence before it, then the last attribution of the sentence after it. */
function attributeSpan(paragraph: string, span: Span, next: number, previous: number): Candidate | null {
  const rest = paragraph.slice(span.end, Math.min(next, span.end + CONTEXT_CHARS));
  // A sentence after a finished quote that runs into the next one introduces that one ('…behaviour.” In November a
  // spokesperson for Spacey said he was “taking…”', '…leadership." But … Mr Blair said: "When you…'), as does a clause
  // ending in a colon; '"A," he said, "B."' is one sentence, A's and B's.
  const finished = span.closed && SENTENCE_END_RE.test(paragraph.slice(span.open, span.end));
  const introducesNext = next < paragraph.length && next <= span.end + CONTEXT_CHARS && (/:\s*$/.test(rest) || (finished && splitSentences(rest.trim()).length <= 1));
  const after = introducesNext ? '' : sentenceAfter(rest);
  const firstClause = after.split(',')[0] ?? '';
  return (
    clauseCandidate(firstClause) ??
    clauseCandidate(sentenceBefore(paragraph.slice(Math.max(previous, span.open - CONTEXT_CHARS), span.open)), true) ??
    // The sentence's last attribution, read with all before it: '"…," Jane Doe, a Pentagon spokeswoman, said', whose
    // commas cut the name from its verb, and '…, the White House said.' after a mid-sentence quote.
    (after.includes(',') ? clauseCandidate(after, true) : null)
  );
}

/**
 * The person the sentence before a quote (in the same paragraph, outside quotes) names first: its subject, as a rule.
 * A quote inside a sentence follows that sentence's own opening ('He told Sky News' Sunday with Adam Boulton: "…"'),
 * whose names are its attribution and its listeners: the sentence before that one is read.
 */
function subjectBefore(text: string, personAt: (run: string) => Speaker | null): Speaker | null {
  const sentences = splitSentences(text.trim());
  const sentence = (SENTENCE_END_RE.test(text) || text.trim() === '' ? sentences.at(-1) : sentences.at(-2)) ?? '';
  for (const match of sentence.matchAll(NAME_RUN_RE)) {
    const person = personAt(match[0]);
    if (person) return person;
  }
  return null;
}

/** Moves `person` to the end of `list`, keeping at most RECENT_PEOPLE. */
function addRecent(list: Speaker[], person: Speaker): void {
  const at = list.findIndex((p) => p.name === person.name);
  if (at >= 0) list.splice(at, 1);
  list.push(person);
  if (list.length > RECENT_PEOPLE) list.shift();
}

/** "he" or "she" as the article has used it of `name`, else as compromise knows the given name ("Hillary", "Josh"); null when unknown. */
function pronounOf(name: string, state: SpeakerState): string | null {
  if (!state.pronouns.has(name)) {
    const given = nlp(name.split(' ')[0] ?? '');
    state.pronouns.set(name, given.has('#FemaleName') ? 'she' : given.has('#MaleName') ? 'he' : null);
  }
  return state.pronouns.get(name) ?? null;
}

/**
 * "he said": the person the sentence before the quote is about ('Mr. Obama tried on Monday to frame the issue. “…,”
 * he said'), else the latest speaker "he" can be, else the latest person named that "he" can be. A speaker the article has
 * called "she" (or whose given name is a woman's) is stepped over ('"Set up the meeting," he told Ryan' after
 * "she said" of April Ryan is Trump). The answer is remembered as that person's pronoun.
 */
function personByPronoun(word: string, state: SpeakerState): Speaker | null {
  const fits = (p: Speaker): boolean => { const known = pronounOf(p.name, state); return known === null || known === word; };
  const subject = state.subject && fits(state.subject) ? state.subject : null;
  const person = subject ?? state.speakers.findLast(fits) ?? state.mentioned.findLast(fits) ?? null;
  if (person) state.pronouns.set(person.name, word);
  return person;
}

function remember(state: SpeakerState, speaker: Speaker | null): void {
  if (!speaker) return;
  if (speaker.kind === 'person') addRecent(state.speakers, speaker);
  else state.lastOrg = speaker;
}

/** What a paragraph holds, in text order: quotes, speech verbs outside quotes, and capitalised name runs. */
type ParagraphEvent =
  | { readonly kind: 'quote'; readonly at: number; readonly span: Span; readonly next: number }
  | { readonly kind: 'verb'; readonly at: number; readonly text: string }
  | { readonly kind: 'name'; readonly at: number; readonly text: string };

/** A run of quote paragraphs: the speaker so far and its quotes still without one (filled in when it is named). */
interface QuoteRun {
  speaker: Speaker | null;
  waiting: { speaker: Speaker | null }[];
}

/** Quoted statements of the body, in order, each with its canonical speaker or null; scare quotes are left out. */
export function extractQuotes(paragraphs: readonly string[], index: EntityIndex): FoundQuote[] {
  const state: SpeakerState = { speakers: [], lastOrg: null, mentioned: [], pronouns: new Map(), subject: null };
  const resolved = new Map<string, EntityRef | null>();
  const personAt = (run: string): Speaker | null => {
    if (!resolved.has(run)) resolved.set(run, index.resolve(run));
    const ref = resolved.get(run) ?? null;
    return ref?.kind === 'person' ? { name: fullNameOf(ref.name, state), kind: 'person' } : null;
  };
  const out: { text: string; speaker: Speaker | null }[] = [];
  let carry: QuoteRun | null = null;
  for (const rawParagraph of paragraphs) {
    const paragraph = normaliseQuoteMarks(rawParagraph.replace(/\s+/g, ' ').trim());
    const allSpans = findQuoteSpans(paragraph);
    const spans = allSpans.filter((s) => s.text.split(/\s+/).length >= MIN_QUOTE_WORDS);
    // A paragraph opening with a quote right after one that ended in a quote continues the same speaker (seed 000).
    const previous = carry as QuoteRun | null;
    const run: QuoteRun | null = previous && spans[0]?.open === 0 ? previous : null;
    carry = null;
    // Speech verbs outside quotes keep the last speaker current ("Josh Earnest, said …" before "…," he said; seed 002),
    // and person names keep the last one mentioned (for "she said" before anyone has spoken).
    const events: ParagraphEvent[] = spans.map((span, k) => ({ kind: 'quote', at: span.open, span, next: spans[k + 1]?.open ?? paragraph.length }));
    for (const match of paragraph.matchAll(NAME_RUN_RE)) events.push({ kind: 'name', at: match.index ?? 0, text: match[0] });
    let inside = 0;
    for (const match of paragraph.matchAll(SPEECH_VERB_RE)) {
      const at = match.index ?? 0;
      while (inside < allSpans.length && (allSpans[inside]?.end ?? 0) <= at) inside++;
      if (at > (allSpans[inside]?.open ?? Infinity)) continue;
      events.push({ kind: 'verb', at, text: match[0] });
    }
    events.sort((a, b) => a.at - b.at);
    let lastQuoteEnd = 0;
    let last = null as { span: Span; quote: { text: string; speaker: Speaker | null } } | null;
    for (const event of events) {
      if (event.kind === 'name') {
        const person = personAt(event.text);
        if (person) addRecent(state.mentioned, person);
        continue;
      }
      if (event.kind === 'verb') {
        const candidate = verbCandidate(paragraph, event.at, event.text, false);
        if (candidate) remember(state, resolveCandidate(candidate, state, index));
        continue;
      }
      const span = event.span;
      const candidate = attributeSpan(paragraph, span, event.next, lastQuoteEnd);
      state.subject = subjectBefore(paragraph.slice(lastQuoteEnd, span.open), personAt);
      let speaker = candidate ? resolveCandidate(candidate, state, index) : null;
      state.subject = null;
      if (!candidate && run && span === spans[0]) speaker = run.speaker;
      // A quote opening the sentence right after another quote and its attribution continues it (BBC style:
      // '"A," said X. "B."'), as does one opening where an unclosed quote stopped ('"A. "B."', which B's speaker fills).
      const gap = last ? paragraph.slice(last.span.end, span.open) : '';
      // …unless the words between name someone else ('"…." Mr Blair on Sunday dismissed claims, saying: "…"').
      const other = [...gap.matchAll(NAME_RUN_RE)].map((m) => personAt(m[0])).find((p) => p !== null && p.name !== last?.quote.speaker?.name);
      const continues = last !== null && gap.length < CONTEXT_CHARS && (!last.span.closed || splitSentences(gap).length <= 1) && !other;
      if (!candidate && continues) speaker = last?.quote.speaker ?? null;
      if (continues && speaker && last && !last.span.closed) last.quote.speaker ??= speaker;
      const quote: { text: string; speaker: Speaker | null } = { text: span.text, speaker };
      out.push(quote);
      if (run && speaker) for (const waiting of run.waiting) waiting.speaker ??= speaker;
      remember(state, speaker);
      lastQuoteEnd = span.end;
      last = { span, quote };
    }
    // The paragraph ends in a quote when nothing but the quote's own attribution follows it.
    if (last) {
      const rest = paragraph.slice(last.span.end).replace(/^[\s,;—–-]+/, '');
      if (!last.span.closed || splitSentences(rest).length <= 1) {
        const waiting = last.quote.speaker ? [] : [...(run?.waiting ?? []), last.quote];
        carry = { speaker: last.quote.speaker ?? run?.speaker ?? null, waiting };
      }
    }
  }
  // A bare organisation speaks through the voice the article gives it ("the White House said" and, elsewhere, "the
  // White House said in a statement": both are the White House statement); without one it is no speaker.
  const voiceOf = new Map<string, string>();
  for (const quote of out) if (quote.speaker?.kind === 'voice' && quote.speaker.org && !voiceOf.has(quote.speaker.org)) voiceOf.set(quote.speaker.org, quote.speaker.name);
  const seen = new Set<string>();
  const quotes: FoundQuote[] = [];
  for (const quote of out) {
    const key = quote.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const speaker = quote.speaker?.kind === 'organization' ? (voiceOf.get(quote.speaker.name) ?? null) : (quote.speaker?.name ?? null);
    quotes.push({ text: quote.text, speaker });
  }
  return quotes;
}
