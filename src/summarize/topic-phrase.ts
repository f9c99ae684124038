// A topic's subject as a reader would write it ("North Korea", "Gun control", "Brett Kavanaugh"): the phrase most
// of its stories' headlines and leads share that few other topics use (class-based TF-IDF over topics). A topic
// whose stories share no such phrase keeps its most central headline (`topicLabel`).
import type { Entity, Story } from '../model.js';
import { stoplist } from '../clean/language.js';
import { STOPWORDS } from '../group/patterns.js';
import { nlp } from '../extract/tagger.js';
import { compareText, mostCommon } from '../ids.js';
import { words } from '../text/sentences.js';
import { headlineOf } from './title.js';

/** The longest phrase, in words: "Affordable Care Act", "impeachment inquiry". */
const MAX_PHRASE_WORDS = 3;
/** A subject is shared: by at least half of the topic's stories, and by two. */
const MIN_COVERAGE = 0.5;
/**
 * …and few other topics use it: a phrase in more than this share of the run's topics ("Republican", "voters",
 * "Supreme Court" in a run of politics) is no subject of one of them, whatever its count here.
 */
const MAX_TOPIC_SHARE = 0.03;
/** Topics a phrase may be in whatever the run's size: a small run has few topics, so a share means little. */
const MIN_TOPIC_ALLOWANCE = 3;
/** The least score (coverage × log(topics / topics using it), a longer phrase a little ahead) that makes a label. */
const MIN_SCORE = 2.0;
/** How much each word past the first adds to a phrase's score: "Gun control" before "control". */
const LONGER_PHRASE_BONUS = 0.25;
/**
 * A single word written in lower case (a common noun: "immigration", but also "quarter", "album") heads only a
 * topic this big, and only when this share of its stories use it; a name or an acronym needs no more than others.
 */
const COMMON_WORD_MIN_STORIES = 6;
const COMMON_WORD_COVERAGE = 2 / 3;
/**
 * Below this many stories two or three may share a phrase by chance ("Talks to write", "Parents"): only a name
 * of two words or more ("Bill Cosby", "Black Lives Matter") or an acronym ("UKIP") heads such a topic.
 */
const ANY_PHRASE_MIN_STORIES = 4;
/** Words a phrase may hold inside it: "Basket of deplorables", "Trump and Sanders"; any other stop word breaks it. */
const INNER_WORDS: ReadonlySet<string> = new Set(['of', 'and', 'the', 'de', 'for', 'on', 'in']);
/** An acronym ("NSA", "UKIP"): a name, whatever a tagger makes of its letters. */
const ACRONYM_RE = /^\p{Lu}{2,6}$/u;
/** A longer phrase holding the chosen word wins when it covers nearly as many stories ("Islamic State" for "Islamic"). */
const LONGER_PHRASE_COVERAGE = 0.75;

/** Words no subject begins or ends with, beside the stop words: what a headline says of any story. */
const HEADLINE_WORDS: ReadonlySet<string> = new Set(
  ('says said say new latest live video watch opinion analysis exclusive update updates report reports breaking ' +
    'will can could would may might after over amid more less top big just now here what why how who make makes ' +
    'first last year years day days week weeks time one two three vs ' +
    // Titles before a name: "Former Secretary", "Chief" say who, not about what.
    'former president secretary minister chief leader official officials sen rep gov senator governor spokesman ' +
    'mayor lady sir prime').split(' '),
);

const isSkipWord = (lower: string, extra: ReadonlySet<string> | null): boolean =>
  STOPWORDS.has(lower) || HEADLINE_WORDS.has(lower) || (extra?.has(lower) ?? false);

/** Where no phrase runs on: punctuation between clauses ("When you tweet with a location, | Twitter stores…"). */
const PHRASE_BREAK_RE = /[,;:!?()"“”[\]|—–]|\.\s|\s-\s/u;

/** A word without its possessive: "India's" → "India". */
const bare = (word: string): string => word.replace(/['’]s$/u, '');

/**
 * How a phrase was written: in running text (the lead, a headline in sentence case) and in a headline in title case
 * ("Senate Dems Block Emergency Relief for Small Businesses"), whose capitals say nothing of the word.
 */
interface Forms {
  readonly plain: string[];
  readonly titled: string[];
}

/** A headline in title case: most of its longer words open with a capital. */
function isTitleCase(line: string): boolean {
  const long = words(line).filter((w) => w.length >= 4);
  return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.7 * long.length;
}

/** The forms that say how a phrase is written: the running text's, else the title-case headlines'. */
const formsOf = (forms: Forms | undefined): readonly string[] => (forms === undefined ? [] : forms.plain.length > 0 ? forms.plain : forms.titled);

/** The phrases of one story (headline, then lead sentence), lower-cased key → the forms written. */
function phrasesOf(story: Story, extra: ReadonlySet<string> | null): Map<string, Forms> {
  const out = new Map<string, Forms>();
  const headline = headlineOf(story.title);
  for (const line of [headline, story.summarySentences[0]?.text ?? '']) {
    const titled = line === headline && isTitleCase(line);
    for (const part of line.split(PHRASE_BREAK_RE)) {
      const ws = words(part).map(bare);
      for (let i = 0; i < ws.length; i++) {
        for (let n = 1; n <= MAX_PHRASE_WORDS && i + n <= ws.length; n++) {
          const gram = ws.slice(i, i + n);
          const lower = gram.map((w) => w.toLowerCase());
          if (isSkipWord(lower[0]!, extra) || isSkipWord(lower[n - 1]!, extra)) continue;
          if (lower.some((w) => w.length < 2 || /^\d+$/.test(w))) continue;
          if (lower.slice(1, -1).some((w) => isSkipWord(w, extra) && !INNER_WORDS.has(w))) continue;
          const key = lower.join(' ');
          let forms = out.get(key);
          if (!forms) {
            forms = { plain: [], titled: [] };
            out.set(key, forms);
          }
          (titled ? forms.titled : forms.plain).push(gram.join(' '));
        }
      }
    }
  }
  return out;
}

/** A single word that names no subject by itself: an adjective ("nuclear", "Islamic") or a given name ("Vladimir"). */
function isWeakWord(word: string): boolean {
  if (ACRONYM_RE.test(word)) return false;
  let weak = weakWords.get(word);
  if (weak === undefined) {
    const doc = nlp(word);
    weak = doc.has('#FirstName') || doc.has('#Adjective') || !doc.has('#Noun');
    weakWords.set(word, weak);
  }
  return weak;
}
const weakWords = new Map<string, boolean>();

/** Whether the tagger, reading the phrase whole, takes its last word for a noun ("control" in "gun control"). */
function endsOnNoun(phrase: string): boolean {
  const terms = nlp(phrase).terms();
  return terms.eq(terms.length - 1).has('#Noun');
}

/** Words in capitals throughout, more than an acronym: a dateline ("GAZA CITY (AP) —") or a shout. */
const SHOUTED_RE = /^(?=.*\s)(?=(?:.*\p{Lu}){5})[^\p{Ll}]+$/u;

/**
 * The form most written, ties by code point, a shouted form only when there is no other (then in title case); a
 * phrase written only in lower case opens with a capital.
 */
function surfaceOf(surfaces: readonly string[]): string {
  const plain = surfaces.filter((s) => !SHOUTED_RE.test(s));
  const pool = plain.length > 0 ? plain : surfaces.map((s) => s.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, space: string, first: string) => space + first.toUpperCase()));
  const best = mostCommon(pool) ?? '';
  return best.charAt(0).toUpperCase() + best.slice(1);
}

/** A name fit to head a topic: two or more capitalised words of letters ("Vladimir Putin", "Islamic State"). */
const NAME_LABEL_RE = /^\p{Lu}[\p{L}'’.-]*(?:\s(?:of|the|and|de|\p{Lu}[\p{L}'’.-]*))*\s\p{Lu}[\p{L}'’.-]*$/u;

/** Two words run together, "TrumpGOP" (a page's hover card glued to the text); "McConnell", "DeVos" are names. */
const GLUED_RE = /\p{Ll}\p{Lu}{2,}/u;

/**
 * A phrase made of text the cleaner left garbled: words run together, or a person's name out of order ("Trump
 * Donald John", from a hover card's "Donald John Trump" after "President Trump").
 */
function isGarbled(label: string, entities: readonly Entity[]): boolean {
  if (GLUED_RE.test(label)) return true;
  const ws = label.toLowerCase().split(' ');
  if (ws.length < 2) return false;
  return entities.some((e) => {
    if (e.kind !== 'person') return false;
    const name = e.name.toLowerCase();
    const parts = new Set(name.split(' '));
    return ws.every((w) => parts.has(w)) && !` ${name} `.includes(` ${ws.join(' ')} `);
  });
}

export interface PhraseTopic {
  readonly id: string;
  readonly stories: readonly Story[];
  readonly entities: readonly Entity[];
  /** The topic's language (its articles' most common); key phrases are read only in English or an unknown language. */
  readonly language: string | null;
}

/**
 * Subject labels for the topics that have one, by topic id. Each label is used once: the topic with more stories
 * (then the lower id) keeps it and the other gets none. Deterministic: the same topics give the same labels.
 */
export function topicPhrases(topics: readonly PhraseTopic[]): Map<string, string> {
  const phrases = new Map<string, Map<string, Forms>[]>();
  const topicsUsing = new Map<string, number>();
  for (const topic of topics) {
    const extra = topic.language && topic.language !== 'en' ? stoplist(topic.language) : null;
    const perStory = topic.stories.map((s) => phrasesOf(s, extra));
    phrases.set(topic.id, perStory);
    const seen = new Set<string>();
    for (const story of perStory) for (const key of story.keys()) seen.add(key);
    for (const key of seen) topicsUsing.set(key, (topicsUsing.get(key) ?? 0) + 1);
  }
  const total = topics.length;
  const allowance = Math.max(MIN_TOPIC_ALLOWANCE, MAX_TOPIC_SHARE * total);
  const labels = new Map<string, string>();
  const used = new Set<string>();
  const order = [...topics].sort((a, b) => b.stories.length - a.stories.length || compareText(a.id, b.id));
  for (const topic of order) {
    if (topic.stories.length < 2 || (topic.language !== null && topic.language !== 'en')) continue;
    const label = phraseOf(topic, phrases.get(topic.id) ?? [], topicsUsing, total, allowance);
    if (label === null || used.has(label.toLowerCase())) continue;
    used.add(label.toLowerCase());
    labels.set(topic.id, label);
  }
  return labels;
}

/** Phrases tried, best first, before a topic keeps its headline: the best may fail as a label ("Senators clash"). */
const CANDIDATES_TRIED = 3;

interface Counts {
  readonly n: number;
  readonly coverage: ReadonlyMap<string, number>;
  readonly surfaces: ReadonlyMap<string, Forms>;
  readonly topicsUsing: ReadonlyMap<string, number>;
  readonly allowance: number;
}

function phraseOf(topic: PhraseTopic, perStory: readonly Map<string, Forms>[], topicsUsing: ReadonlyMap<string, number>, total: number, allowance: number): string | null {
  const n = perStory.length;
  const coverage = new Map<string, number>();
  const surfaces = new Map<string, Forms>();
  for (const story of perStory) {
    for (const [key, forms] of story) {
      coverage.set(key, (coverage.get(key) ?? 0) + 1);
      const all = surfaces.get(key);
      if (all) {
        all.plain.push(...forms.plain);
        all.titled.push(...forms.titled);
      } else surfaces.set(key, { plain: [...forms.plain], titled: [...forms.titled] });
    }
  }
  const needed = Math.max(2, Math.ceil(MIN_COVERAGE * n));
  const scored = [...coverage]
    .filter(([key, c]) => c >= needed && (topicsUsing.get(key) ?? 0) <= allowance)
    .map(([key, c]) => ({ key, c, score: (c / n) * Math.log(total / (topicsUsing.get(key) ?? 1)) * (1 + LONGER_PHRASE_BONUS * (key.split(' ').length - 1)) }))
    .filter((candidate) => candidate.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || compareText(a.key, b.key));
  const counts: Counts = { n, coverage, surfaces, topicsUsing, allowance };
  for (const candidate of scored.slice(0, CANDIDATES_TRIED)) {
    const label = labelOf(topic, candidate, counts);
    if (label !== null) return label;
  }
  return null;
}

/** The label a candidate phrase makes, whole and readable, or null when it makes none. */
function labelOf(topic: PhraseTopic, candidate: { readonly key: string; readonly c: number }, counts: Counts): string | null {
  const { n, coverage, surfaces, topicsUsing, allowance } = counts;
  let key = candidate.key;
  if (!key.includes(' ')) {
    // A word of a longer phrase the stories also share (a name the topic mentions first, then the shortest), or of
    // a name the topic mentions: the whole of it.
    const names = new Set(topic.entities.map((e) => e.name.toLowerCase()));
    const longer = [...coverage]
      .filter(([k, c]) => k.includes(' ') && k.split(' ').includes(key) && c >= Math.max(2, LONGER_PHRASE_COVERAGE * candidate.c) && (topicsUsing.get(k) ?? 0) <= allowance)
      .sort(([a, x], [b, y]) => y - x || Number(names.has(b)) - Number(names.has(a)) || a.split(' ').length - b.split(' ').length || compareText(a, b))[0];
    if (longer) key = longer[0];
    else {
      const name = topic.entities.find((e) => NAME_LABEL_RE.test(e.name) && e.name.toLowerCase().split(' ').includes(key));
      if (name && (coverage.get(name.name.toLowerCase()) ?? 0) >= 2) return name.name;
      const forms = formsOf(surfaces.get(key));
      if (isWeakWord(surfaceOf(forms))) return null;
      const lower = forms.filter((f) => f === f.toLowerCase()).length;
      if (2 * lower >= forms.length && (n < COMMON_WORD_MIN_STORIES || candidate.c < COMMON_WORD_COVERAGE * n)) return null;
    }
  }
  const label = surfaceOf(formsOf(surfaces.get(key)));
  if (isGarbled(label, topic.entities)) return null;
  // A one-word name heads a small topic when every story says it and the articles know it as a name ("Kenya" over a
  // lion shot near Nairobi and an MP mugged in a Nairobi park, not the MP's headline).
  const sharedName = !label.includes(' ') && candidate.c === n && topic.entities.some((e) => e.name === label);
  if (n < ANY_PHRASE_MIN_STORIES && !NAME_LABEL_RE.test(label) && !ACRONYM_RE.test(label) && !sharedName) return null;
  // A phrase ends on what it names, read in the phrase ("gun control", not "Balk at lengthy", "Talks to write").
  const last = label.split(' ').at(-1) ?? '';
  if (label.includes(' ') && /^\p{Ll}/u.test(last) && !endsOnNoun(label)) return null;
  return label;
}
