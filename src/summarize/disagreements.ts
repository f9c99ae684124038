// Disagreements: sentences from different sources about the same thing that deny each other or give different numbers.
import nlp from 'compromise';
import type { Disagreement, DisagreementClaim } from '../model.js';
import { stoplist } from '../clean/language.js';
import { STOPWORDS } from '../group/patterns.js';
import { wordSpans, words } from '../text/sentences.js';
import { CLAIM_STOPWORDS, NEGATED_CONTRACTION_RE, NEGATION_WORDS } from './patterns.js';
import type { Similarity } from './select.js';
import { UNRESOLVED_OPENING_RE, type SentenceUnit } from './units.js';

/**
 * Claims are compared on five-letter word roots, so "agreed"/"agreement" and "coordination"/"coordinating"
 * meet (seed 001 vs 003: "agreed to intensify military coordination" vs "did not reach any agreement").
 */
const ROOT_LETTERS = 5;
/** Roots two claims must share to be about the same thing… */
const MIN_SHARED_ROOTS = 2;
/**
 * …and be about the same thing: this similar overall, or (for a denial) both attributed to someone and
 * sharing a name. Looser rules flagged half of the Multi-News stories ("would not use force" vs "used force").
 */
const MIN_CLAIM_COSINE = 0.3;
/** Two numbers closer than this (relative) are rounding ("$973,000" vs "$972,814"), not a disagreement. */
const MIN_NUMBER_GAP = 0.05;
/** A claim someone is reported to make: the seeds' "the Kremlin says" vs "an official said". */
const ATTRIBUTION_RE = /\b(?:said|says|told|according to|statement|announced|claimed|claims|stated|insisted|denied)\b/i;
/** A negation this many words before a shared root denies it ("did not reach any agreement"). */
const NEGATION_WINDOW = 5;
/** A denial must cover this many shared roots ("not conducting or coordinating military operations"): one is often a word's other sense ("no specific treatment" vs "specifically"). */
const MIN_DENIED_ROOTS = 2;
/** Shared roots in a row, in the same order in both claims, that read as one title or name (see phraseRuns). */
const MIN_TITLE_RUN = 3;
/** Prepositions that close a negation's reach ("did not reach any agreement | on Syria"); "to" does not ("not going to stop"). */
const SCOPE_END_RE = /^(?:of|for|about|from|with|in|on|at|by|during|after|before|since|than|over|under|against)$/i;
/** "not only", "not just" add, they do not deny. */
const NOT_ONLY_RE = /^(?:only|just|merely)$/i;
/**
 * A negated verb of telling denies the telling, not what is told: "Kerry did not specify other steps agreed to" does not
 * deny that steps were agreed. Its reach ends at the verb.
 */
const TELLING_VERB_RE = /^(?:say|says|said|tell|tells|told|specif\p{L}*|disclos\p{L}*|elaborat\p{L}*|comment\p{L}*|confirm\p{L}*|reveal\p{L}*|detail\p{L}*|explain\p{L}*|mention\p{L}*|identif\p{L}*|discuss\p{L}*|respond\p{L}*|answer\p{L}*|describ\p{L}*)$/iu;
/** How many words after a negation its verb of telling may stand ("did not immediately say"). */
const TELLING_VERB_WINDOW = 3;
/** "without" under another negation affirms: "couldn't function without the medicine" says the medicine helps. */
const WITHOUT_RE = /^without$/i;
/** A number and the word it counts ("12,575 net cafes", "$973,000 in costs", "4.5 million people", ".41 percentage points"). */
const COUNTED_NUMBER_RE = /(\d+(?:,\d{3})*(?:\.\d+)?|(?<![\d.])\.\d+)\s+(?:(million|billion|thousand)\s+)?(?:in\s+)?(\p{Ll}+)/gu;
/** English function words (stopwords-iso): "weeks" and "people" are counted things, "a" and "per" are not. */
const FUNCTION_WORDS: ReadonlySet<string> = stoplist('en') ?? new Set();
const MULTIPLIERS: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const MAX_DISAGREEMENTS = 2;
const MAX_CLAIMS = 4;
/** Words in a heading's phrase, and in a marked affirmed span. */
const MAX_ABOUT_WORDS = 8;

/** The bound or increment stands right before the figure: only so many characters are read ("as many as $"). */
const BOUND_LOOKBEHIND_CHARS = 16;
/**
 * A figure that is a bound, an increment or a range's end is no point figure to set against another: "another 15 to
 * 25 inches of rain" adds to what fell, "top 50 inches" bounds the total; neither contradicts the other.
 */
const NOT_A_POINT_BEFORE_RE = /(?:\b(?:another|additional|extra|further|up to|at least|at most|more than|less than|fewer than|over|under|top|tops|topped|exceeds?|exceeded|as many as|as much as|as few as|between)|\d\s*(?:to|and|or|-|–))\s*\$?\s*$/i;

/**
 * Each "number + what it counts" of a sentence, with where it stands: the value (multiplier applied) and the counted
 * word's root. The thing counted is a content word: "$12 a barrel" and "$55.67 a barrel" count nothing the same by "a".
 */
function countedNumbers(text: string): { value: number; root: string; start: number; end: number; bound: boolean }[] {
  const out: { value: number; root: string; start: number; end: number; bound: boolean }[] = [];
  for (const m of text.matchAll(COUNTED_NUMBER_RE)) {
    const value = Number((m[1] ?? '').replace(/,/g, '')) * (MULTIPLIERS[(m[2] ?? '').toLowerCase()] ?? 1);
    const at = m.index ?? 0;
    const bound = NOT_A_POINT_BEFORE_RE.test(text.slice(Math.max(0, at - BOUND_LOOKBEHIND_CHARS), at));
    if (Number.isFinite(value) && !FUNCTION_WORDS.has((m[3] ?? '').toLowerCase())) out.push({ value, root: rootOf(m[3] ?? ''), start: at, end: at + m[0].length, bound });
  }
  return out;
}

interface Claim {
  readonly unit: SentenceUnit;
  readonly tokens: readonly string[];
  readonly roots: readonly string[];
  readonly rootSet: ReadonlySet<string>;
  /** A claim word of the sentence is negated (what a denial can be about). */
  readonly hasNegation: boolean;
  /** Any word of the sentence is a negation: a side that says no anywhere affirms nothing against a denial. */
  readonly saysNo: boolean;
  readonly attributed: boolean;
  /** Roots of capitalised words: who and where the claim is about. */
  readonly names: ReadonlySet<string>;
  /** The names and a capitalised opening word that is no function word ("Northwind plans…"): whom numbers are of. */
  readonly subjects: ReadonlySet<string>;
  /** Root → was it negated somewhere in the sentence. */
  readonly negated: ReadonlyMap<string, boolean>;
  /** Roots of what each negation is about: its first claim word, and those "or"/"and" join to it ("not conducting or coordinating"). */
  readonly heads: ReadonlySet<string>;
  /** Number → root of the word after it ("12 people" → "peopl"): the point figures, what a side may contradict. */
  readonly numbers: ReadonlyMap<string, string>;
  /** Every figure, bounds and increments too ("more than 12 months"): a side that names the other's figure so does not contradict it. */
  readonly mentioned: ReadonlyMap<string, string>;
}

function rootOf(word: string): string {
  return word.toLowerCase().replace(/[’']/g, '').slice(0, ROOT_LETTERS);
}

function isNegation(token: string): boolean {
  return NEGATION_WORDS.has(token.toLowerCase()) || NEGATED_CONTRACTION_RE.test(token);
}

/**
 * Whether the word at `k` negates in its place: not "No" before a number ("ex-No 10 media chief": Downing Street),
 * nor "never again" (a vow, "Never again Tory boom and bust", not a denial that it happened).
 */
function negatesAt(tokens: readonly string[], k: number): boolean {
  const t = tokens[k] ?? '';
  const next = tokens[k + 1] ?? '';
  if (!isNegation(t)) return false;
  if (/^no$/i.test(t) && /^\d/.test(next)) return false;
  return !(/^never$/i.test(t) && /^again$/i.test(next));
}

/**
 * A word that can carry a claim: lower-case (a name says who, not what was claimed), not a function or
 * reporting word, not a negation.
 */
function isClaimWord(token: string): boolean {
  const lower = token.toLowerCase();
  return token === lower && lower.length > 3 && !STOPWORDS.has(lower) && !CLAIM_STOPWORDS.has(lower) && !isNegation(token) && !/^\d/.test(lower);
}

/** Index of each negation whose reach ends early → the first index past it: a negated verb of telling ends there. */
function negationReach(tokens: readonly string[]): Map<number, number> {
  const reach = new Map<number, number>();
  tokens.forEach((_, k) => {
    if (!negatesAt(tokens, k)) return;
    for (let m = k + 1; m <= k + TELLING_VERB_WINDOW && m < tokens.length; m++) {
      if (TELLING_VERB_RE.test(tokens[m]!)) {
        reach.set(k, m + 1);
        return;
      }
    }
  });
  return reach;
}

/** The word roots a sentence denies, as a claim reads them ("did not reach any agreement" → "agree"). */
export function deniedRoots(text: string): string[] {
  const claim = toClaim({ text } as SentenceUnit);
  return [...claim.negated].filter(([, denied]) => denied).map(([root]) => root);
}

function toClaim(unit: SentenceUnit): Claim {
  const tokens = words(unit.text);
  const roots: string[] = [];
  const negated = new Map<string, boolean>();
  const numbers = new Map<string, string>();
  const names = new Set<string>();
  const mentioned = new Map<string, string>();
  for (const n of countedNumbers(unit.text)) {
    mentioned.set(String(n.value), n.root);
    if (!n.bound) numbers.set(String(n.value), n.root);
  }
  const reach = negationReach(tokens);
  tokens.forEach((token, i) => {
    // A capitalised word inside the sentence, or an initialism anywhere ("EA plans…").
    if (((i > 0 && /^\p{Lu}\p{Ll}/u.test(token)) || /^\p{Lu}{2,}$/u.test(token)) && !STOPWORDS.has(token.toLowerCase())) names.add(rootOf(token));
    if (!isClaimWord(token)) return;
    const root = rootOf(token);
    roots.push(root);
    const start = Math.max(0, i - NEGATION_WINDOW);
    const reaching: string[] = [];
    for (let k = start; k < i; k++) {
      const t = tokens[k]!;
      if (!negatesAt(tokens, k) || NOT_ONLY_RE.test(tokens[k + 1] ?? '') || i >= (reach.get(k) ?? Infinity)) continue;
      // A preposition ends what the negation denies: "not true of other family members" denies "true", not the family.
      if (!tokens.slice(k + 1, i).some((w) => SCOPE_END_RE.test(w))) reaching.push(t);
    }
    // Two negations, the later "without", cancel: "couldn't function without the medical marijuana" affirms it.
    const denied = reaching.length > 0 && !(reaching.length >= 2 && WITHOUT_RE.test(reaching[reaching.length - 1]!));
    negated.set(root, (negated.get(root) ?? false) || denied);
  });
  const heads = new Set<string>();
  tokens.forEach((_, k) => {
    if (!negatesAt(tokens, k) || NOT_ONLY_RE.test(tokens[k + 1] ?? '')) return;
    let m = k + 1;
    // Past auxiliaries and adverbs ("aren’t currently | conducting").
    while (m < tokens.length && m <= k + NEGATION_WINDOW && (!isClaimWord(tokens[m]!) || /ly$/i.test(tokens[m]!)) && !SCOPE_END_RE.test(tokens[m]!)) m++;
    if (m > k + NEGATION_WINDOW || m >= tokens.length || !isClaimWord(tokens[m]!)) return;
    heads.add(rootOf(tokens[m]!));
    while (/^(?:or|and|nor)$/i.test(tokens[m + 1] ?? '') && isClaimWord(tokens[m + 2] ?? '')) {
      m += 2;
      heads.add(rootOf(tokens[m]!));
    }
  });
  const opening = tokens[0] ?? '';
  const subjects = /^\p{Lu}/u.test(opening) && !FUNCTION_WORDS.has(opening.toLowerCase()) && !STOPWORDS.has(opening.toLowerCase()) ? new Set([...names, rootOf(opening)]) : names;
  return {
    unit,
    tokens,
    roots,
    rootSet: new Set(roots),
    hasNegation: [...negated.values()].some(Boolean),
    saysNo: tokens.some((_, k) => negatesAt(tokens, k)),
    attributed: ATTRIBUTION_RE.test(unit.text),
    names,
    subjects,
    negated,
    heads,
    numbers,
    mentioned,
  };
}

/**
 * Roots that run in the same order, word for word, in both claims, MIN_TITLE_RUN or more in a row ("former national
 * security adviser"): a shared title or name, which says who or what, not what is claimed of it, so each such run
 * counts once. Two in a row are often the claim itself ("coordinating military" / "coordination of military").
 */
function phraseRuns(a: Claim, b: Claim): Map<string, number> {
  const runOf = new Map<string, number>();
  let run = 0;
  for (let i = 0; i < a.roots.length; i++) {
    for (let j = 0; j < b.roots.length; j++) {
      let n = 0;
      while (i + n < a.roots.length && j + n < b.roots.length && a.roots[i + n] === b.roots[j + n]) n++;
      if (n < MIN_TITLE_RUN) continue;
      run++;
      for (let k = 0; k < n; k++) runOf.set(a.roots[i + k]!, runOf.get(a.roots[i + k]!) ?? run);
    }
  }
  return runOf;
}

/** Distinct things denied: denied roots, a same-order run of them counted once. */
function deniedCount(denied: readonly string[], runs: ReadonlyMap<string, number>): number {
  return new Set(denied.map((r) => (runs.has(r) ? `run:${runs.get(r)}` : r))).size;
}

/** Two numbers closer than MIN_NUMBER_GAP (relative) are one number. */
function sameNumber(x: number, y: number): boolean {
  return Math.abs(x - y) <= MIN_NUMBER_GAP * Math.max(Math.abs(x), Math.abs(y));
}

/**
 * Shared roots of two claims, and whether one denies what the other affirms (the denier negates shared roots, the
 * other negates none of them: two sentences that each reject something are not a yes against a no), or gives a
 * different number for the same counted thing (none of the one's numbers for it is the other's: "49,000 years"
 * beside "10,000 years earlier" against "10,000 years earlier" is one account) of the same subject (not when both
 * name someone and no one in common: "Sony, Microsoft and Nintendo … in the next 18 months" is not "EA … 12 months").
 */
function compare(a: Claim, b: Claim): { shared: string[]; polarity: boolean; numbers: boolean; counted: string[] } {
  const shared = [...a.rootSet].filter((r) => b.rootSet.has(r));
  const runs = phraseRuns(a, b);
  const deniedIn = (c: Claim) => shared.filter((r) => c.negated.get(r) ?? false);
  const [da, db] = [deniedIn(a), deniedIn(b)];
  // The affirming side denies nothing at all: "they can't pick out … exact colors" and "couldn't reconstruct the exact
  // colors" both say no, whatever each negation reaches.
  // What is denied is what the negation is about, its head ("would not release | the police recordings" does not deny
  // that "police dashcams recorded parts"): a shared word further on is only the same object.
  const deniesHead = (denied: readonly string[], c: Claim) => denied.some((r) => c.heads.has(r));
  const polarity = (db.length === 0 && !b.saysNo && deniedCount(da, runs) >= MIN_DENIED_ROOTS && deniesHead(da, a))
    || (da.length === 0 && !a.saysNo && deniedCount(db, runs) >= MIN_DENIED_ROOTS && deniesHead(db, b));
  const sameSubject = a.subjects.size === 0 || b.subjects.size === 0 || [...a.subjects].some((n) => b.subjects.has(n));
  const counted: string[] = [];
  if (sameSubject) {
    const valuesOf = (figures: ReadonlyMap<string, string>, word: string) => [...figures].filter(([, w]) => w === word).map(([n]) => Number(n)).filter(Number.isFinite);
    for (const word of new Set([...a.numbers.values()].filter((w) => [...b.numbers.values()].includes(w)))) {
      const [xs, ys] = [valuesOf(a.mentioned, word), valuesOf(b.mentioned, word)];
      if (!xs.some((x) => ys.some((y) => sameNumber(x, y)))) counted.push(word);
    }
  }
  return { shared, polarity, numbers: counted.length > 0, counted };
}

/**
 * Where a side differs: for figures, each "number + what it counts" of the thing the sides count differently
 * ("3.7 million miles"); for a denial, the denying words in the side that denies, and the affirmed words (the
 * shared span) in the side that affirms.
 */
function marksOf(claim: Claim, kind: Disagreement['kind'], counted: ReadonlySet<string>, shared: readonly string[]): [number, number][] {
  const text = claim.unit.text;
  if (kind === 'numbers') return countedNumbers(text).filter((n) => !n.bound && counted.has(n.root)).map((n) => [n.start, n.end]);
  const spans = wordSpans(text);
  const denies = shared.some((r) => claim.negated.get(r));
  if (denies) return spans.filter((w) => isNegation(w.word)).map((w) => [w.start, w.end]);
  const hits = spans.filter((w) => isClaimWord(w.word) && shared.includes(rootOf(w.word)));
  if (hits.length === 0) return [];
  const first = hits[0]!;
  const last = hits[hits.length - 1]!;
  const between = spans.filter((w) => w.start >= first.start && w.end <= last.end).length;
  return between <= MAX_ABOUT_WORDS ? [[first.start, last.end]] : hits.map((w) => [w.start, w.end]);
}

/** What the affirming side says, widened by a content word on either side ("increase coordination of military action"). */
function affirmedPhrase(claim: DisagreementClaim): string | null {
  if (claim.marks.length !== 1) return null;
  const [start, end] = claim.marks[0]!;
  const spans = wordSpans(claim.text);
  const i = spans.findIndex((w) => w.start === start);
  const j = spans.findIndex((w) => w.end === end);
  if (i < 0 || j < 0) return null;
  const from = i > 0 && isClaimWord(spans[i - 1]!.word) && /^[\p{L}\s]*$/u.test(claim.text.slice(spans[i - 1]!.end, start)) ? i - 1 : i;
  const to = j + 1 < spans.length && isClaimWord(spans[j + 1]!.word) && /^[\p{L}\s]*$/u.test(claim.text.slice(end, spans[j + 1]!.start)) ? j + 1 : j;
  // Quotation marks inside the phrase would be left open in a heading.
  return claim.text.slice(spans[from]!.start, spans[to]!.end).replace(/["“”]/g, '');
}

/** What the denying side denies: its denial to the end of the clause, at most MAX_ABOUT_WORDS words ("never made accounting decisions"). */
function deniedPhrase(claim: DisagreementClaim): string | null {
  const first = claim.marks[0];
  if (!first) return null;
  const clause = claim.text.slice(first[0]).split(/[,;:.!?"“”()—–]/)[0] ?? '';
  const ws = wordSpans(clause);
  if (ws.length < 2 || ws.length > MAX_ABOUT_WORDS) return null;
  return clause.slice(0, ws[ws.length - 1]!.end);
}

/** A side's first marked span (its figure, for `numbers`), as a one-item list, or none. */
function firstMarked(claim: DisagreementClaim): string[] {
  return claim.marks.slice(0, 1).map(([a, b]) => claim.text.slice(a, b));
}

/** The root of the word a marked figure counts ("33,000 votes" → "votes"). */
const countedRoot = (figure: string): string => rootOf(/(\p{L}+)$/u.exec(figure)?.[1] ?? '');

/**
 * Each side's figure for one thing counted, the first side's first: "38,500 votes or 33,000 votes", never "38,500
 * votes or .41 percentage" (a side may count two things).
 */
function figuresOf(claims: readonly DisagreementClaim[]): string[] {
  const root = countedRoot(firstMarked(claims[0]!)[0] ?? '');
  return claims.flatMap((c) => c.marks.map(([a, b]) => c.text.slice(a, b)).filter((f) => countedRoot(f) === root).slice(0, 1));
}

/**
 * The heading: the figures the sides give, or what one side says and the other denies, in the sides' own words.
 * Null for a denial whose words name nothing denied in a content word ("Denied: not to", or no phrase at all): it was
 * found on shared words that make no claim, and is not shown (precision first).
 */
function headingOf(kind: Disagreement['kind'], claims: readonly DisagreementClaim[], deniers: ReadonlySet<DisagreementClaim>): string | null {
  if (kind === 'numbers') {
    const figures = [...new Set(figuresOf(claims))];
    return `Different figures: ${figures.slice(0, 3).join(' or ')}`;
  }
  const affirmed = claims.filter((c) => !deniers.has(c)).map(affirmedPhrase).find((x) => x !== null);
  const phrase = affirmed || claims.filter((c) => deniers.has(c)).map(deniedPhrase).find((x) => x !== null);
  if (!phrase || !wordSpans(phrase).some((w) => isClaimWord(w.word))) return null;
  return affirmed ? `Said and denied: ${affirmed}` : `Denied: ${phrase}`;
}

/**
 * The sides left once those carried by an article on both sides are dropped must still disagree: a denial and a side
 * that affirms, or two different figures. Otherwise two sides that each affirm are left ("A new book says the prime
 * minister…" beside "…Michael Howard has claimed in a heated prime minister's questions", their denial dropped).
 */
export function stillDisagree(kind: Disagreement['kind'], kept: readonly DisagreementClaim[], deniers: ReadonlySet<DisagreementClaim>): boolean {
  if (kept.length < 2) return false;
  if (kind === 'denial') return kept.some((c) => deniers.has(c)) && kept.some((c) => !deniers.has(c));
  return new Set(figuresOf(kept).map((figure) => figure.toLowerCase())).size >= 2;
}

/** The opening decides the mood; compromise reads only these words (a pathological "sentence" may run to thousands). */
const MOOD_WORDS = 8;
/**
 * A side says what is so: an imperative ("Apply it to every sugary drink.") asks for something and contradicts
 * nothing. compromise tags the mood (the claims are English: their negations and function words are).
 */
function isImperative(text: string): boolean {
  const opening = text.split(/\s+/, MOOD_WORDS).join(' ');
  return nlp(opening).terms().first().has('#Imperative');
}

/**
 * Pairs of usable sentences from different articles sharing at least two claim roots, where a shared root is
 * negated in one and not the other, or the same counted thing has different numbers. Overlapping pairs are
 * merged into one disagreement; `carriersOf` gives each claim's citing articles.
 */
export function findDisagreements(units: readonly SentenceUnit[], sim: Similarity, carriersOf: (unit: SentenceUnit) => string[]): Disagreement[] {
  // A side is shown alone: it must stand alone like any shown sentence (no "But he said…").
  const claims = units.filter((u) => u.wordCount >= 6 && !/\?\s*$/.test(u.text) && !UNRESOLVED_OPENING_RE.test(u.text)).map(toClaim);
  const moods = new Map<number, boolean>();
  const imperative = (c: Claim): boolean => {
    let mood = moods.get(c.unit.index);
    if (mood === undefined) moods.set(c.unit.index, (mood = isImperative(c.unit.text)));
    return mood;
  };
  const pairs: { a: Claim; b: Claim; shared: string[]; strength: number; cross: boolean; kind: Disagreement['kind']; counted: string[] }[] = [];
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const a = claims[i]!;
      const b = claims[j]!;
      // Only a denial or two numbers can conflict; most pairs stop here.
      if (!a.hasNegation && !b.hasNegation && (a.numbers.size === 0 || b.numbers.size === 0)) continue;
      const c = compare(a, b);
      if (c.shared.length < MIN_SHARED_ROOTS || !(c.polarity || c.numbers)) continue;
      const similar = sim(a.unit.index, b.unit.index) >= MIN_CLAIM_COSINE;
      const reportedClaims = c.polarity && a.attributed && b.attributed && [...a.names].some((n) => b.names.has(n));
      if (!similar && !reportedClaims) continue;
      if (imperative(a) || imperative(b)) continue;
      // A denial is the stronger reading when both hold: "did not agree" against "agreed" says more than a figure.
      pairs.push({ a, b, shared: c.shared, strength: c.shared.length, cross: a.unit.articleIndex !== b.unit.articleIndex, kind: c.polarity ? 'denial' : 'numbers', counted: c.counted });
    }
  }
  // Sources disagreeing found first; a sentence of the same article may then join a disagreement, never start one.
  pairs.sort((x, y) => Number(y.cross) - Number(x.cross) || y.strength - x.strength || x.a.unit.index - y.a.unit.index || x.b.unit.index - y.b.unit.index);
  const groups: { claims: Map<number, Claim>; strength: number; kind: Disagreement['kind']; counted: Set<string>; shared: string[] }[] = [];
  const groupOf = new Map<number, number>();
  for (const pair of pairs) {
    const ga = groupOf.get(pair.a.unit.index);
    const gb = groupOf.get(pair.b.unit.index);
    const target = ga ?? gb;
    if (target === undefined) {
      if (groups.length >= MAX_DISAGREEMENTS || !pair.cross) continue;
      groups.push({
        claims: new Map([[pair.a.unit.index, pair.a], [pair.b.unit.index, pair.b]]),
        strength: pair.strength,
        kind: pair.kind,
        counted: new Set(pair.counted),
        shared: pair.shared,
      });
      groupOf.set(pair.a.unit.index, groups.length - 1);
      groupOf.set(pair.b.unit.index, groups.length - 1);
      continue;
    }
    const group = groups[target]!;
    for (const claim of [pair.a, pair.b]) {
      if (group.claims.size >= MAX_CLAIMS || groupOf.has(claim.unit.index)) continue;
      group.claims.set(claim.unit.index, claim);
      groupOf.set(claim.unit.index, target);
    }
  }
  // Two sides only when no article is on both: a sentence's carriers include every article that says the same,
  // and an article that says both things is no disagreement between sources (21 of 49 shown cited one article twice).
  const out: Disagreement[] = [];
  for (const g of groups) {
    const sides = [...g.claims.values()].sort((x, y) => x.unit.index - y.unit.index);
    const claims: DisagreementClaim[] = sides.map((c) => ({ text: c.unit.text, articleIds: carriersOf(c.unit), marks: marksOf(c, g.kind, g.counted, g.shared) }));
    const deniers = new Set(claims.filter((_, i) => g.shared.some((r) => sides[i]!.negated.get(r))));
    const seen = new Map<string, number>();
    for (const c of claims) for (const id of new Set(c.articleIds)) seen.set(id, (seen.get(id) ?? 0) + 1);
    const kept = claims.filter((c) => c.articleIds.every((id) => seen.get(id) === 1));
    const about = stillDisagree(g.kind, kept, deniers) ? headingOf(g.kind, kept, deniers) : null;
    if (about !== null) out.push({ about, kind: g.kind, claims: kept });
  }
  return out;
}
