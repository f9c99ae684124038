// Patterns and word lists of the summarize stage: what a summary sentence must not be, negation cues.

/**
 * Calls to action, sharing widgets, links and credits ("(Photo: Jordan Strauss/Invision/AP)", "Photos: The rise
 * and fall of …" gallery links), page titles with their site ("… on Syria | ASHARQ AL-AWSAT English Archive"):
 * never summary material, whatever the cleaner kept.
 */
export const BOILERPLATE_RE =
  /\b(?:click|subscribe|subscribing|sign up|newsletter|share|read more|follow us|download (?:our|the) app|cookies?|javascript|all rights reserved|terms of (?:service|use)|privacy policy|photo by|image copyright|image caption|getty images|copyright|your tweets?|location history|(?:to|in) your inbox)\b|\s\|\s|\b(?:photos?|images?|pictures?|video) ?:|https?:\/\/|www\.|@\w+|©/i;

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
  'refuses', 'cannot', 'none', 'nothing', 'nobody', 'failed', 'fails',
]);

/** Contractions ending in n't ("aren't", "didn't") negate too. */
export const NEGATED_CONTRACTION_RE = /n['’]t$/i;

/** Words a claim may share without being about the same thing (reporting verbs, time words). */
export const CLAIM_STOPWORDS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'told', 'statement', 'according', 'also', 'call', 'phone', 'during', 'wednesday',
  'monday', 'tuesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'two', 'both', 'leaders',
]);

/**
 * A photo caption: a named subject, then a present-tense verb of posing or gesture ("US President Barack
 * Obama shakes hands with … September 28, 2015", seed 000; "… is pictured with …"). A caption dates the
 * picture, not the story's event, so it never makes a timeline entry.
 */
export const CAPTION_RE =
  /^(?:(?:[\p{Lu}][\p{L}.'’-]*|\([LRC]\)|and|of|the|de|von|van|al|,)\s+){1,12}(?:shakes? hands|looks? on|poses?|gestures?|waves?|smiles?|reacts?|listens?|arrives?|walks?|speaks?|attends?|greets?|stands?|sits?|holds?|(?:is|are) (?:pictured|seen|shown)|pictured)\b/u;

/** A sentence ending on a bare date, nothing after it: how captions and photo credits end. */
export const ENDS_WITH_DATE_RE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\.?$/;

/**
 * A past-tense verb: what lets a sentence date an event of long ago ("The bridge first opened on May 4,
 * 1931"). Regular past forms, then the common irregular ones.
 */
export const PAST_EVENT_RE =
  /\b(?:\p{Ll}{2,}ed|was|were|had|did|met|said|told|took|began|made|held|came|went|won|lost|left|led|fell|rose|ran|sold|bought|built|broke|brought|caught|chose|drove|fought|found|gave|grew|hit|hurt|kept|knew|laid|lent|let|meant|paid|put|quit|saw|sent|set|shot|shut|sought|spent|spoke|stood|stole|struck|swore|taught|threw|thought|understood|woke|wore|wrote|became|began|born|died|killed)\b/u;

/**
 * A quote opening on a connective or a personal pronoun ("But we…", "So I kept on the pace", "He did once attend a BNP
 * meeting") leans on words the page does not show: what it answers, who "he" is. "It's very scary" and "This is
 * exciting" are how people talk, and the story around them says what "it" is: those stay.
 */
export const QUOTE_DEPENDENT_OPENING_RE = /^(?:But|And|Or|So|Yet|Still|Also|However|Instead|Then|He|She|They|Him|Her|Them|His|Their)\b/;
