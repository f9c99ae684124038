// The cleaner's working state: the page's lines with their decisions, shared by every rule in turn.
import { sha1 } from '../ids.js';
import { textKey, withoutInWordMarks } from '../text/sentences.js';
import { BOM_RE, EXOTIC_SPACE_RE } from './patterns.js';
import type { PublisherProfile } from './profiles.js';

export type LineRole = 'body' | 'dropped' | 'title' | 'standfirst';
export type LineClass = 'good' | 'near-good' | 'short' | 'bad';

export interface CleanLine {
  /** 1-based line number in the decoded input. */
  readonly number: number;
  /** The line as found (white space folded, invisible characters dropped): what the rules compare. */
  readonly original: string;
  /**
   * The line as the reader is shown it: white space folded, but the soft hyphens, joiners and zero-width
   * spaces of the source kept (they hyphenate German, join Persian and Indic letters and emoji, and separate
   * Thai words). Kept text is this unless a rule rewrote `text`.
   */
  readonly shown: string;
  /** The line as it will be kept (a rule may trim a glued credit). */
  text: string;
  role: LineRole;
  /** The rule that set the role, and why. */
  rule: string | null;
  reason: string | null;
  /** jusText-style class, set by the classify rule. */
  cls: LineClass | null;
}

/** What is known about the whole corpus: how many files carry each (normalised) line. */
export interface CorpusStats {
  readonly files: number;
  readonly lineFiles: ReadonlyMap<string, number>;
  /** How many files carry each whole page (its lines' keys joined), for notices printed as a page. */
  readonly pageFiles: ReadonlyMap<string, number>;
}

/** The key of a whole page: a hash of its lines' keys in order (a hash, as a run of 100,000 pages keeps them all). */
export function pageKey(lines: readonly string[]): string {
  return pageKeyOfKeys(lines.map(lineKey));
}

/** `pageKey` from the lines' keys (empty keys, of blank lines, left out). */
export function pageKeyOfKeys(keys: readonly string[]): string {
  return sha1(keys.filter(Boolean).join(' '));
}

/** Folds white space (no-break and other exotic spaces too). */
function foldSpace(line: string): string {
  return line.replace(EXOTIC_SPACE_RE, ' ').replace(/\s+/g, ' ').trim();
}

/** A line as it is shown (`CleanLine.shown`): white space folded, a byte-order mark dropped, the marks inside words kept. */
export function shownLine(line: string): string {
  return foldSpace(line.replace(BOM_RE, ''));
}

/** A line as the rules compare it: white space folded, the byte-order mark and the marks inside words dropped. */
export function normalizeLine(line: string): string {
  return foldSpace(withoutInWordMarks(line.replace(BOM_RE, '')));
}

/** The key of every line of `text`, in order ('' for a blank line): computed once, for the corpus counts and an article's slice of them. */
export function lineKeys(text: string): string[] {
  return text.split('\n').map((line) => lineKey(normalizeLine(line)));
}

export interface CleanState {
  readonly lines: CleanLine[];
  readonly profiles: readonly PublisherProfile[];
  /** Profiles whose signature the page carries (set by the profile rule). */
  matched: readonly PublisherProfile[];
  readonly corpus: CorpusStats;
  publisher: string | null;
  /** ISO 639-1 code: declared by the input, else detected by the classify rule. */
  language: string | null;
  readonly credits: string[];
}

export interface CleanRule {
  readonly name: string;
  /** One sentence for `roundup explain` and the docs. */
  readonly description: string;
  readonly apply: (state: CleanState) => void;
}

/** Lines still in play (not dropped, not taken as title). */
export const liveLines = (state: CleanState): CleanLine[] => state.lines.filter((l) => l.role === 'body' || l.role === 'standfirst');

export function drop(line: CleanLine, rule: string, reason: string): void {
  line.role = 'dropped';
  line.rule = rule;
  line.reason = reason;
}

/** Results for recent texts: the cleaning rules ask about each line's text many times. Pure, so a cache changes nothing but time. */
const MEMO_MAX = 4096;

function memoized<T>(compute: (text: string) => T): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    const known = memo.get(text);
    if (known !== undefined) return known;
    const value = compute(text);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(text, value);
    return value;
  };
}

/** Lower-case, letters and digits only: the key for comparing lines across files and positions. */
export const lineKey = memoized(textKey);

export const wordCount = memoized((text) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length);
