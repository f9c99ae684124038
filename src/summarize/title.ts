// Story title: the source headline the other sources agree with most, else one built from the top sentence.
import type { Article } from '../model.js';
import { contentTerms } from '../group/features.js';
import { countWords, splitSentences, words } from '../text/sentences.js';
import { nlp } from '../extract/tagger.js';
import { LEAD_DATELINE_RE } from '../text/patterns.js';

/** Headlines longer than this read as a sentence, not a title: one that fits is preferred… */
const MAX_TITLE_WORDS = 16;
/**
 * …but a source's own headline up to this long still titles the story better than a body sentence cut with an
 * ellipsis (AllSides' "Andrew Yang's campaign blasted the DNC for not allowing him to use 2 polls from same
 * source for fall Democratic debates", 21 words, had given way to "…criticizing the Democratic National…").
 */
const MAX_LONG_TITLE_WORDS = 30;
const MIN_TITLE_WORDS = 3;
/** Site names trail headlines after a bar ("… | ASHARQ AL-AWSAT English Archive"). */
const TITLE_SEPARATOR_RE = /\s+[|•·]\s+/;

/** The longest bar-separated part: the headline, without the site name around it. */
export function headlineOf(title: string): string {
  const parts = title.split(TITLE_SEPARATOR_RE).map((p) => p.trim()).filter(Boolean);
  return parts.reduce((best, p) => (countWords(p) > countWords(best) ? p : best), parts[0] ?? title.trim());
}

/** A headline built from a sentence reads at a glance: at most about this many characters. */
const BUILT_TITLE_CHARS = 80;
/**
 * A lead sentence up to this long is taken whole: a fifth over BUILT_TITLE_CHARS reads better than a cut that
 * leaves a phrase open ("…plan to send a spacecraft closer", before "to our Sun than ever before").
 */
const WHOLE_SENTENCE_CHARS = 96;
/** …and keeps at least this many words before a cut, so the subject and its verb stay. */
const MIN_BUILT_WORDS = 5;
/**
 * Words that open what can go from a lead sentence and leave its main clause whole: "Obama and Putin held talks on
 * Syria | with the US President pressing…". Prepositions come after these (a shorter cut: "…talks | on Syria").
 */
const ADJUNCT_RE = /^(?:with|as|after|while|amid|despite|following|before|because|which|who|when|where|but|saying|since|although|though|whereas|during|over|including|according)$/i;
/** Not "to": in a headline it mostly opens an infinitive, and a cut before it leaves the verb hanging ("…Campaigns Are Trying"). */
const PREPOSITION_RE = /^(?:in|on|at|for|from|by|against|into|about|under|between|near|across|through)$/i;
/**
 * Where a clause of its own begins, tried last, the first that fits: a relative or complement clause after a noun
 * ("…is in the works | that underscores how…", "…has told the Guardian | that men…") or a dash's aside ("Yahoo remains
 * synonymous with the internet | - a veteran that…"). The main clause before it stays whole.
 */
const CLAUSE_RE = /^(?:that|-|–|—)$/i;
/** Whether a phrase opens on an adjunct or a preposition ("With $116 billion cash", "After mistrial in Edwards case"): a headline's adverbial, not what it is about. */
export function opensWithAdjunct(phrase: string): boolean {
  const first = bareWord(phrase.trim().split(/\s+/)[0] ?? '');
  return ADJUNCT_RE.test(first) || PREPOSITION_RE.test(first);
}
/** A word without the brackets and opening quotes before it ("(with", "“After"). */
const bareWord = (token: string): string => token.replace(/^[("“‘']+/, '');
/** A cut must not end on a word that leads into what was cut. */
const DANGLING_RE = /\s+(?:the|a|an|of|and|or|to|in|on|at|for|by|with|his|her|its|their|this|that|these|those|its)$/i;

/** A cut or clause that ends on an auxiliary or a copula leaves its verb open ("An $8 billion exchange merger is"). */
const OPEN_VERB_END_RE = /\s(?:is|are|was|were|be|been|being|am|has|have|had|will|would|can|could|shall|should|may|might|must|do|does|did|not)$/i;

/** The cut of `clean` before word `i` (index into its words), without trailing punctuation or a dangling word. */
function cutBefore(tokens: readonly string[], i: number): string {
  let out = tokens.slice(0, i).join(' ').replace(/[,;:–—-]+$/, '');
  while (DANGLING_RE.test(out)) out = out.replace(DANGLING_RE, '');
  return out;
}

/**
 * `text` cut before its last adjunct ("with", "after", "amid"…), else its last preposition, else its last clause
 * opening ("that", "how", a dash), that leaves at most
 * `maxChars` characters and at least `minWords` words, never on a dangling word ("…talks | on Syria"); null when
 * no such boundary exists.
 */
export function cutAtBoundary(text: string, maxChars: number, minWords: number): string | null {
  const tokens = text.split(' ');
  for (const boundary of [ADJUNCT_RE, PREPOSITION_RE, CLAUSE_RE]) {
    let best: string | null = null;
    for (let i = minWords; i < tokens.length; i++) {
      const word = bareWord(tokens[i]!);
      if (!boundary.test(word)) continue;
      const cut = cutBefore(tokens, i);
      if (cut.length > maxChars) break;
      // A word that leads into the boundary ("closed in | before dawn") is a particle or an open phrase: not a place to cut.
      if (DANGLING_RE.test(` ${bareWord(tokens[i - 1] ?? '')}`)) continue;
      // "that" opens a relative clause after a noun ("…in the works | that underscores"), but after a verb or a day
      // it is what was said ("Trump asserted Saturday | that…"): no cut there.
      if (/^that$/i.test(word) && !endsOnPlainNoun(cut)) continue;
      if (countWords(cut) >= minWords && !OPEN_VERB_END_RE.test(cut)) {
        best = cut;
        if (boundary === CLAUSE_RE) break;
      }
    }
    if (best) return best;
  }
  return null;
}

/** Whether a phrase's last word is a noun, not a verb or a date, as compromise reads it in the phrase. */
function endsOnPlainNoun(phrase: string): boolean {
  const last = nlp(phrase).terms().last();
  return last.has('#Noun') && !last.has('#Date') && !last.has('#Verb');
}

/** How many leading adverbial clauses are passed over to reach the main one. */
const MAX_LEADING_ADJUNCTS = 2;

/**
 * The sentence from its main clause on: a leading adverbial clause goes ("As Hurricane Irene swung north Thursday, |
 * officials ordered…"; "For many, | Yahoo remains…"), when what follows it still has MIN_BUILT_WORDS words.
 */
function mainClauseOn(text: string): string {
  let rest = text;
  // After an adverbial clause, a participle's phrase is one too ("As Irene swung north Thursday, | putting the
  // Washington region in its sights, | Maryland and Virginia declared…"); at the start it may be the subject ("Building costs rose").
  for (let k = 0; k < MAX_LEADING_ADJUNCTS; k++) {
    const adjunct = LEADING_ADJUNCT_RE.test(rest);
    if (!adjunct && !(k > 0 && PARTICIPLE_RE.test(rest))) break;
    const comma = /,\s+/.exec(rest);
    if (!comma) break;
    const before = rest.slice(0, comma.index);
    const after = rest.slice(comma.index + comma[0].length);
    // Not inside a quoted or capitalised title ("Through the Make Love, Not Spam website, …"; "In "Forgetting to be Afraid," …").
    if (countWords(after) < MIN_BUILT_WORDS || (before.match(/["“”]/g) ?? []).length % 2 === 1 || CAPITALISED_FUNCTION_WORD_RE.test(after) || GOES_ON_RE.test(after)) break;
    // A word and a comma or "and" after it go on a list or a place ("In South Korea, | Japan and Hong Kong…"), but
    // after a participle's phrase they open the subject ("…in its sights, | Maryland and Virginia declared").
    if (adjunct && WORD_LIST_RE.test(after)) break;
    rest = after.charAt(0).toUpperCase() + after.slice(1);
  }
  return rest;
}

/** A leading adverbial clause opens on a subordinator or a preposition, not on "But" or "And" (a main clause) nor inside a quote. */
const LEADING_ADJUNCT_RE = /^(?:as|after|while|amid|despite|following|before|because|since|although|though|whereas|during|over|according|when|once|until|unless|if|with|in|on|at|for|from|by|under|between|through|across|into|against|about|near)\s/i;
/** A phrase that opens on a present participle ("Putting the Washington region in its sights"). */
const PARTICIPLE_RE = /^\p{L}{3,}ing\s/iu;
/** What follows a comma inside a name or title: "Not Spam website", "Or Else". */
const CAPITALISED_FUNCTION_WORD_RE = /^(?:Not|Or|And|Nor|The|A|An|Of|To|In|On|At|For|With|By|From)\s/;
/** What follows that comma is no main clause when it goes on the sentence ("…, which saw", "…, and numbers are climbing") or a date ("On Dec. 3, | 2013, …"). */
const GOES_ON_RE = /^(?:(?:and|or|but|nor|which|who|whom|whose|where|that|so|yet)\s|\p{N}[\p{N}.]*,)/iu;
/** …nor when it goes on a list or a place ("In South Korea, | Japan and Hong Kong…", "the Slidell, | Louisiana, office", "all emails, | spreadsheets, text files"). */
const WORD_LIST_RE = /^[\p{L}.'’-]+(?:,|\s+and\s|\s+or\s)/u;
/** An appositive after a subject that has no verb of its own: "Munich Re and Swiss Re, | the world's two biggest reinsurers, | have said…". */
const APPOSITIVE_RE = /^(?:the|a|an|who|which|whose|one|both|each|now|then|formerly)\s/i;

/** The first clause, or, when it has no verb and an appositive follows, the subject with the appositive left out. */
function firstClause(text: string): string {
  const parts = text.split(/,\s+/);
  const first = parts[0] ?? text;
  if (parts.length >= 3 && countWords(first) >= 2 && APPOSITIVE_RE.test(parts[1]!) && !hasVerb(first) && !hasVerb(parts[1]!)) return `${first} ${parts.slice(2).join(', ')}`;
  return text;
}

/** Whether a phrase has a verb (compromise's tags): a clause without one ("EPA and Magnolia Waco Properties") names, it does not tell. */
function hasVerb(phrase: string): boolean {
  return nlp(phrase).has('#Verb');
}

/** An aside between two em dashes goes ("the Flight Crew—aka the New York Jets cheerleaders—something to cheer about"). */
function withoutDashAside(text: string): string {
  return text.replace(/\s*—[^—]{1,80}—\s*/g, ' ').replace(/\s+([,.;:])/g, '$1').trim();
}

/**
 * A headline from a lead sentence: the sentence when it is short (WHOLE_SENTENCE_CHARS), else its main clause (past a
 * leading adverbial one; a first clause that has a verb and does not end on an auxiliary), cut before the last
 * adjunct (then preposition) that keeps it within BUILT_TITLE_CHARS; never cut mid-phrase. Only when no such
 * boundary exists is it cut at a word, marked with an ellipsis.
 */
export function titleFromSentence(sentence: string): string {
  const whole = sentence.replace(LEAD_DATELINE_RE, '').replace(/[.!]+["'”’]?$/, '').replace(/\s+/g, ' ').trim();
  if (whole.length <= WHOLE_SENTENCE_CHARS) return whole;
  const clean = withoutDashAside(firstClause(mainClauseOn(whole)));
  if (clean.length <= WHOLE_SENTENCE_CHARS) return clean;
  // An em dash opens an aside with or without spaces around it ("…a stay of execution this morning—though a few…").
  const clause = clean.split(/,\s+|\s+–\s+|\s*—\s*|;\s+|:\s+/)[0] ?? clean;
  const clauseFits = countWords(clause) >= MIN_TITLE_WORDS + 2 && clause.length <= BUILT_TITLE_CHARS;
  if (clauseFits && !OPEN_VERB_END_RE.test(clause) && hasVerb(clause)) return clause;
  const atBoundary = cutAtBoundary(clean, BUILT_TITLE_CHARS, MIN_BUILT_WORDS);
  if (atBoundary) return atBoundary;
  // A clause without a verb of its own still reads better than a cut word…
  if (clauseFits) return clause;
  // …and so does a cut at a boundary as long as a sentence taken whole ("Gloria Hiroko Chapman has revealed husband
  // Mark told her he was going to murder John Lennon | two months before…").
  const longer = cutAtBoundary(clean, WHOLE_SENTENCE_CHARS, MIN_BUILT_WORDS);
  if (longer) return longer;
  const tokens = clean.split(' ');
  let cut = '';
  for (const token of tokens) {
    if ((cut ? cut.length + 1 : 0) + token.length > BUILT_TITLE_CHARS - 1) break;
    cut = cut ? `${cut} ${token}` : token;
  }
  return `${cut.replace(DANGLING_RE, '').replace(/[,;:–—-]+$/, '')}…`;
}

/**
 * A headline of two sentences or more ("At least 120,000 Americans are needed to test vaccines. A 'very encouraging'
 * 107,000 are so far signed up.") is read as its first when the whole runs past MAX_TITLE_WORDS: the source's own
 * headline, not a body sentence, should title the story.
 */
function fittedHeadline(headline: string): string {
  if (countWords(headline) <= MAX_TITLE_WORDS) return headline;
  const [first] = splitSentences(headline);
  return first && first !== headline && countWords(first) >= MIN_TITLE_WORDS ? first.replace(/\.$/, '') : headline;
}

/**
 * A photo caption or credit, or a prompt, kept as a headline ("Actors … (Photo: Getty Images)"). Narrower than the
 * summary's BOILERPLATE_RE: a headline may say "share" or "click" ("Nasdaq planning $100m share sale").
 */
const CREDIT_HEADLINE_RE = /\b(?:subscribe|newsletter|sign up|javascript|photo by|image copyright|image caption|getty images|copyright|all rights reserved)\b|\b(?:photos?|images?|pictures?|video) ?:|https?:\/\/|www\.|©/i;

type Candidate = { title: string; score: number; length: number };

/**
 * Picks the headline whose content words the other sources' texts carry most (ties: shorter, then earlier
 * article); with one source, its own headline. A headline of at most MAX_TITLE_WORDS is preferred, then a longer
 * declared one (up to MAX_LONG_TITLE_WORDS); `topSentence` is the fallback when no source has a headline.
 */
export function chooseTitle(articles: readonly Article[], topSentence: string | null): string {
  const textTerms = articles.map((a) => new Set(contentTerms(`${a.title}\n${a.text}`)));
  let best: Candidate | null = null;
  let bestLong: Candidate | null = null;
  const better = (c: Candidate, than: Candidate | null): boolean => !than || c.score > than.score + 1e-9 || (Math.abs(c.score - than.score) <= 1e-9 && c.length < than.length);
  articles.forEach((article, i) => {
    if (article.titleSource === 'first-sentence') return;
    const title = fittedHeadline(headlineOf(article.title));
    const length = countWords(title);
    if (length < MIN_TITLE_WORDS || length > MAX_LONG_TITLE_WORDS || CREDIT_HEADLINE_RE.test(title)) return;
    const terms = [...new Set(contentTerms(title))];
    if (terms.length === 0) return;
    let score = 0;
    textTerms.forEach((set, j) => {
      if (j === i) return;
      score += terms.filter((t) => set.has(t)).length / terms.length;
    });
    score = articles.length > 1 ? score / (articles.length - 1) : 1;
    const candidate = { title, score, length };
    // A long line the cleaner took for a text dump's headline may be its standfirst ("Renamed the Parker Solar Probe
    // to honour…", 24 words): only a declared headline (front matter, the page's metadata) is taken at length.
    if (length <= MAX_TITLE_WORDS) {
      if (better(candidate, best)) best = candidate;
    } else if (article.titleSource === 'declared' && better(candidate, bestLong)) {
      bestLong = candidate;
    }
  });
  const chosen = (best ?? bestLong) as Candidate | null;
  if (chosen) return chosen.title;
  if (topSentence) return titleFromSentence(topSentence);
  return articles[0] ? headlineOf(articles[0].title) : 'Untitled story';
}
