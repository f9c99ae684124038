// Patterns and word lists of the summarize stage: what a summary sentence must not be, negation cues.

/** Calls to action, sharing widgets, links and credits: never summary material, whatever the cleaner kept. */
export const BOILERPLATE_RE =
  /\b(?:click|subscribe|subscribing|sign up|newsletter|share|read more|follow us|download (?:our|the) app|cookies?|javascript|all rights reserved|terms of (?:service|use)|privacy policy|photo by|image copyright|image caption|getty images|copyright)\b|https?:\/\/|www\.|@\w+|©/i;

/** A sentence that is a question asks, it does not report. */
export const QUESTION_RE = /\?["'”’)\]]*$/;

/** Minimum words of a summary sentence: shorter ones are captions, datelines or fragments. */
export const MIN_SENTENCE_WORDS = 6;

/** Longest sentence considered: run-on text (lists, lost paragraph breaks) reads badly in a summary. */
export const MAX_SENTENCE_WORDS = 70;

/** Opening and closing double quotes, straight and curly (two single quotes used as one included). */
export const OPEN_QUOTE_RE = /[“"]|''/g;
export const CLOSE_QUOTE_RE = /[”"]|''/g;

/** Words that turn a claim into its denial ("did not reach any agreement", "nor is there an agreement"). */
export const NEGATION_WORDS: ReadonlySet<string> = new Set([
  'not', 'no', 'nor', 'never', 'neither', 'without', 'denied', 'denies', 'deny', 'rejected', 'rejects', 'refused',
  'refuses', 'cannot', 'none', 'nothing', 'failed', 'fails',
]);

/** Contractions ending in n't ("aren't", "didn't") negate too. */
export const NEGATED_CONTRACTION_RE = /n['’]t$/i;

/** Words a claim may share without being about the same thing (reporting verbs, time words). */
export const CLAIM_STOPWORDS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'told', 'statement', 'according', 'also', 'call', 'phone', 'during', 'wednesday',
  'monday', 'tuesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'two', 'both', 'leaders',
]);
