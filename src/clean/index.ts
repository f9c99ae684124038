// Clean stage: runs CLEAN_RULES in order over one page's lines; keeps every article sentence, drops the rest.
import type { CleanResult, LineDecision, RawArticle } from '../model.js';
import { UserError } from '../errors.js';
import type { PublisherProfile } from './profiles.js';
import { breadcrumbRule } from './rules/breadcrumb.js';
import { callToActionRule } from './rules/call-to-action.js';
import { classifyRule } from './rules/classify.js';
import { commentsRule } from './rules/comments.js';
import { corpusRepeatedRule } from './rules/corpus-repeated.js';
import { embedRule } from './rules/embed.js';
import { endMarkerRule } from './rules/end-marker.js';
import { furnitureRule } from './rules/furniture.js';
import { headerRule } from './rules/header.js';
import { listRule } from './rules/list.js';
import { mainRegionRule } from './rules/main-region.js';
import { photoCreditRule } from './rules/photo-credit.js';
import { profileRule } from './rules/profile.js';
import { repeatedLineRule } from './rules/repeated-line.js';
import { sourceCreditRule } from './rules/source-credit.js';
import { teaserRule } from './rules/teaser.js';
import { countLines, fileLines, type FileLines } from './corpus.js';
import { joinWrappedLines } from './wrapped.js';
import { normalizeLine, shownLine, type CleanLine, type CleanRule, type CleanState, type CorpusStats } from './state.js';

/** The rules in the order they run: specific, certain ones first; the statistical classifier and the headline last. */
export const CLEAN_RULES: readonly CleanRule[] = [
  profileRule,
  photoCreditRule,
  sourceCreditRule,
  furnitureRule,
  callToActionRule,
  repeatedLineRule,
  breadcrumbRule,
  corpusRepeatedRule,
  teaserRule,
  classifyRule,
  listRule,
  embedRule,
  commentsRule,
  endMarkerRule,
  mainRegionRule,
  headerRule,
];

export const RULE_NAMES: readonly string[] = CLEAN_RULES.map((r) => r.name);

export interface CleanContext {
  readonly profiles: readonly PublisherProfile[];
  readonly corpus: CorpusStats;
  readonly disabledRules: readonly string[];
}

export const EMPTY_CORPUS: CorpusStats = { files: 0, lineFiles: new Map(), pageFiles: new Map() };

/** Folds white space and invisible characters; the form every rule sees. */
export { normalizeLine };

/** Rejects unknown rule names (a typo in a config must not silently keep a rule on). */
export function checkRuleNames(names: readonly string[]): void {
  for (const name of names) {
    if (!RULE_NAMES.includes(name)) throw new UserError(`unknown cleaning rule "${name}" in disabledRules (rules: ${RULE_NAMES.join(', ')})`);
  }
}

/** How many files of the corpus carry each normalised line (each file counted once per line), and each whole page. */
export function countCorpusLines(texts: Iterable<string>): CorpusStats {
  const files: FileLines[] = [];
  for (const text of texts) files.push(fileLines(text));
  return countLines(files);
}

/** A kept line's text for the reader: the source's characters, unless a rule rewrote the line. */
const shownText = (line: CleanLine): string => (line.text === line.original ? line.shown : line.text);

export function cleanText(text: string, context: CleanContext, declaredLanguage: string | null = null): CleanResult {
  checkRuleNames(context.disabledRules);
  const read: CleanLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = normalizeLine(raw);
    if (line) read.push({ number: i + 1, original: line, shown: shownLine(raw), text: line, role: 'body', rule: null, reason: null, cls: null });
  });
  const lines = joinWrappedLines(read);
  const state: CleanState = { lines, profiles: context.profiles, matched: [], corpus: context.corpus, publisher: null, language: declaredLanguage, credits: [] };
  for (const rule of CLEAN_RULES) if (!context.disabledRules.includes(rule.name)) rule.apply(state);
  const decisions: LineDecision[] = lines.map((l) => ({
    line: l.number,
    text: l.original,
    kept: l.role === 'body' || l.role === 'standfirst',
    rule: l.rule,
    reason: l.reason,
  }));
  const body = lines.filter((l) => l.role === 'body' || l.role === 'standfirst');
  const standfirst = lines.find((l) => l.role === 'standfirst');
  return {
    title: lines.find((l) => l.role === 'title')?.text ?? null,
    standfirst: standfirst ? shownText(standfirst) : null,
    paragraphs: body.map(shownText),
    publisher: state.publisher,
    language: state.language,
    credits: [...new Set(state.credits)].sort(),
    decisions,
  };
}

/**
 * Rules that judge the layout of a whole page. Readability has already chosen the article of an HTML
 * page, so on its output they only second-guess it: measured on the extraction benchmark's HTML, running
 * classify and main-region took F1 from 0.950 to 0.924 (short list items and non-English lines that
 * Readability kept), and end-marker cut articles at inline "More from …" link lists.
 */
export const PAGE_LEVEL_RULES: readonly string[] = ['classify', 'list', 'embed', 'comments', 'end-marker', 'main-region'];

export function cleanArticle(raw: RawArticle, context: CleanContext): CleanResult {
  if (raw.format !== 'html') return cleanText(raw.text, context, raw.declared.language);
  return cleanText(raw.text, { ...context, disabledRules: [...new Set([...context.disabledRules, ...PAGE_LEVEL_RULES])] }, raw.declared.language);
}
