// Quoted statements of one article and who made them: quote spans, attribution clauses, pronoun and surname resolution.
import { splitSentences } from '../text/sentences.js';
import type { EntityIndex, EntityRef } from './entities.js';
import { normaliseName } from './entities.js';
import {
  DETERMINER_RE,
  DOUBLE_APOSTROPHE_CLOSE_RE,
  DOUBLE_APOSTROPHE_OPEN_RE,
  MIN_QUOTE_WORDS,
  HONORIFIC_RE,
  LISTENER_VERB_RE,
  NAME_PARTICLE_RE,
  ORG_HEADS,
  ORG_PRONOUNS,
  PERSON_PRONOUNS,
  SENTENCE_OPENERS,
  SPEAKER_ADVERBS,
  SPEECH_VERB_RE,
  STATEMENT_HEADS,
  TITLE_WORDS,
  UNNAMED_HEADS,
} from './patterns.js';

export interface FoundQuote {
  readonly text: string;
  /** Canonical speaker name, or null when none could be attributed. */
  readonly speaker: string | null;
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
  | { readonly kind: 'unnamed' }
  /** A bare "the statement" / "the spokesman": the organisation that spoke last. */
  | { readonly kind: 'statement' }
  | { readonly kind: 'names'; readonly runs: readonly string[] };

/** The last person and organisation that spoke, for "he said" / "it said" / "the statement said". */
interface SpeakerState {
  lastPerson: EntityRef | null;
  lastOrg: EntityRef | null;
  /** The last person named anywhere before the current point, for "she said" when no one has spoken yet. */
  lastMentioned: EntityRef | null;
}

/** A capitalised name run ("Hazel Gilbert", "Bashar al-Assad") as a candidate person mention. */
const NAME_RUN_RE = /\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}[\p{L}'’-]+|al-\p{Lu}[\p{L}'’-]+|al|de|bin|van|von))*/gu;

/** Attribution sits next to its quote: context further than this (characters) is never read, which keeps long paragraphs linear. */
const CONTEXT_CHARS = 400;

const CLOSING_MARK_RE = /[”"’']$/;
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

/** The speaker named just before a verb: "Earnest [also] said", "the White House statement said", ", Josh Earnest, said". */
function candidateBeforeVerb(text: string): Candidate | null {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  let i = tokens.length - 1;
  if (i < 0 || CLOSING_MARK_RE.test(tokens[i] ?? '')) return null;
  // One trailing comma is an appositive ("The White House Press Secretary, Josh Earnest, said").
  const first = (tokens[i] ?? '').replace(/,$/, '');
  tokens[i] = first;
  while (i >= 0 && SPEAKER_ADVERBS.has((tokens[i] ?? '').toLowerCase())) i--;
  if (i < 0) return null;
  const word = tokens[i] ?? '';
  if (TRAILING_PUNCT_RE.test(word) && i !== tokens.length - 1) return null;
  const lower = bare(word).toLowerCase();
  if (PERSON_PRONOUNS.has(lower) || ORG_PRONOUNS.has(lower)) return { kind: 'pronoun', word: lower };
  if (UNNAMED_HEADS.has(lower)) return { kind: 'unnamed' };
  let statement = false;
  if (STATEMENT_HEADS.has(lower) || ORG_HEADS.has(lower)) {
    statement = true;
    i--;
  }
  const run: string[] = [];
  for (; i >= 0; i--) {
    const token = tokens[i] ?? '';
    if (TRAILING_PUNCT_RE.test(token) && !INITIALS_RE.test(token) && run.length > 0) break;
    const clean = bare(token);
    if (!isNameToken(clean) || /^[“"‘(]/.test(token)) {
      if (run.length === 0 && statement && DETERMINER_RE.test(clean)) return { kind: 'statement' };
      break;
    }
    run.unshift(clean);
    if (/^[“"‘(]/.test(token)) break;
  }
  while (run.length > 0 && SENTENCE_OPENERS.has((run[0] ?? '').toLowerCase())) run.shift();
  if (run.length === 0) return null;
  return { kind: 'names', runs: [run.join(' ')] };
}

/** The speaker named just after a verb: "said Earnest to reporters", "said White House spokesman John Earnest". */
function candidateAfterVerb(text: string): Candidate | null {
  const tokens = text.trim().split(/\s+/).filter(Boolean).slice(0, 10);
  const runs: string[] = [];
  let run: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const clean = bare(token);
    const lower = clean.toLowerCase();
    if (i === 0 && (PERSON_PRONOUNS.has(lower) || ORG_PRONOUNS.has(lower))) return { kind: 'pronoun', word: lower };
    if (run.length === 0 && runs.length === 0 && UNNAMED_HEADS.has(lower)) return { kind: 'unnamed' };
    const ends = TRAILING_PUNCT_RE.test(token) && !INITIALS_RE.test(token);
    if (clean && isNameToken(clean) && !/^[“"‘]/.test(token)) {
      run.push(clean);
    } else {
      if (run.length > 0) runs.push(run.join(' '));
      run = [];
      // Keep reading through titles and determiners ("said White House spokesman John Earnest"); stop at anything else.
      if (!DETERMINER_RE.test(lower) && !TITLE_WORDS.has(lower) && !STATEMENT_HEADS.has(lower) && !UNNAMED_HEADS.has(lower) && runs.length > 0) break;
      if (!DETERMINER_RE.test(lower) && !TITLE_WORDS.has(lower) && !STATEMENT_HEADS.has(lower) && runs.length === 0 && i > 1) break;
    }
    if (ends) break;
  }
  if (run.length > 0) runs.push(run.join(' '));
  return runs.length > 0 ? { kind: 'names', runs } : null;
}

/** The speaker a speech verb names, before or after it; "according to" always names it after. */
function verbCandidate(text: string, at: number, verb: string): Candidate | null {
  const after = LISTENER_VERB_RE.test(verb) ? null : candidateAfterVerb(text.slice(at + verb.length, at + verb.length + CONTEXT_CHARS));
  if (/^according/i.test(verb)) return after;
  return candidateBeforeVerb(text.slice(Math.max(0, at - CONTEXT_CHARS), at)) ?? after;
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
  // "Mr Varley": a courtesy title makes a bare surname a person.
  const courtesy = /^(\S+)\s+(\p{Lu}[\p{Ll}'’-]+)$/u.exec(run);
  if (courtesy && HONORIFIC_RE.test(courtesy[1] ?? '')) return { name: courtesy[2] ?? '', kind: 'person' };
  const name = normaliseName(run, 'person');
  if (!name) return null;
  const tokens = name.split(' ');
  if (tokens.length < 2 || tokens.length > 4) return null;
  if (!tokens.every((t) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(t) || NAME_PARTICLE_RE.test(t))) return null;
  return { name, kind: 'person' };
}

function resolveCandidate(candidate: Candidate, state: SpeakerState, index: EntityIndex): EntityRef | null {
  switch (candidate.kind) {
    case 'pronoun':
      return PERSON_PRONOUNS.has(candidate.word) ? (state.lastPerson ?? state.lastMentioned) : state.lastOrg;
    case 'unnamed':
      return null;
    case 'statement':
      return state.lastOrg;
    case 'names':
      // The last run wins: after a title it is the name ("White House spokesman John Earnest").
      for (let k = candidate.runs.length - 1; k >= 0; k--) {
        const run = candidate.runs[k]!;
        const found = index.resolve(run) ?? looksLikeFullName(run);
        if (found) return found;
      }
      return null;
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

/** Attribution of one quote: the clause right after it, then the sentence before it, then the sentence's last clause. */
function attributeSpan(paragraph: string, span: Span, next: number, previous: number): Candidate | null {
  const after = sentenceAfter(paragraph.slice(span.end, Math.min(next, span.end + CONTEXT_CHARS)));
  const firstClause = after.split(',')[0] ?? '';
  const lastClause = after.includes(',') ? after.slice(after.lastIndexOf(',') + 1) : '';
  return (
    clauseCandidate(firstClause) ??
    clauseCandidate(sentenceBefore(paragraph.slice(Math.max(previous, span.open - CONTEXT_CHARS), span.open)), true) ??
    (lastClause ? clauseCandidate(lastClause) : null)
  );
}

function remember(state: SpeakerState, speaker: EntityRef | null): void {
  if (!speaker) return;
  if (speaker.kind === 'person') state.lastPerson = speaker;
  else state.lastOrg = speaker;
}

/** What a paragraph holds, in text order: quotes, speech verbs outside quotes, and capitalised name runs. */
type ParagraphEvent =
  | { readonly kind: 'quote'; readonly at: number; readonly span: Span; readonly next: number }
  | { readonly kind: 'verb'; readonly at: number; readonly text: string }
  | { readonly kind: 'name'; readonly at: number; readonly text: string };

/** A run of quote paragraphs: the speaker so far and its quotes still without one (filled in when it is named). */
interface QuoteRun {
  speaker: EntityRef | null;
  waiting: { speaker: EntityRef | null }[];
}

/** Quoted statements of the body, in order, each with its canonical speaker or null; scare quotes are left out. */
export function extractQuotes(paragraphs: readonly string[], index: EntityIndex): FoundQuote[] {
  const state: SpeakerState = { lastPerson: null, lastOrg: null, lastMentioned: null };
  const resolved = new Map<string, EntityRef | null>();
  const personAt = (run: string): EntityRef | null => {
    if (!resolved.has(run)) resolved.set(run, index.resolve(run));
    const ref = resolved.get(run) ?? null;
    return ref?.kind === 'person' ? ref : null;
  };
  const out: { text: string; speaker: EntityRef | null }[] = [];
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
    let last = null as { span: Span; quote: { text: string; speaker: EntityRef | null } } | null;
    for (const event of events) {
      if (event.kind === 'name') {
        state.lastMentioned = personAt(event.text) ?? state.lastMentioned;
        continue;
      }
      if (event.kind === 'verb') {
        const candidate = verbCandidate(paragraph, event.at, event.text);
        if (candidate) remember(state, resolveCandidate(candidate, state, index));
        continue;
      }
      const span = event.span;
      const candidate = attributeSpan(paragraph, span, event.next, lastQuoteEnd);
      let speaker = candidate ? resolveCandidate(candidate, state, index) : null;
      if (!candidate && run && span === spans[0]) speaker = run.speaker;
      // A quote opening the sentence right after another quote and its attribution continues it (BBC style:
      // '"A," said X. "B."'), as does one opening where an unclosed quote stopped ('"A. "B."', which B's speaker fills).
      const gap = last ? paragraph.slice(last.span.end, span.open) : '';
      const continues = last !== null && gap.length < CONTEXT_CHARS && (!last.span.closed || splitSentences(gap).length <= 1);
      if (!candidate && continues) speaker = last?.quote.speaker ?? null;
      if (continues && speaker && last && !last.span.closed) last.quote.speaker ??= speaker;
      const quote: { text: string; speaker: EntityRef | null } = { text: span.text, speaker };
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
  const seen = new Set<string>();
  const quotes: FoundQuote[] = [];
  for (const quote of out) {
    const key = quote.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    quotes.push({ text: quote.text, speaker: quote.speaker?.name ?? null });
  }
  return quotes;
}
