// Names in languages compromise does not read: runs of capitalised words inside sentences, less the
// language's function words (stopwords-iso), the capitals a sentence start gives any word, and, where
// every noun is capitalised (German), single words. Fewer names rather than wrong ones: "Nur", "Über",
// "Den" or "Ist" open sentences; they name nobody.
import type { EntityKind } from '../model.js';
import { stoplist } from '../clean/language.js';
import { NAME_PARTICLE_RE } from './patterns.js';
import { nlp } from './tagger.js';

/** Languages that capitalise every noun: a single capitalised word there is a noun as often as a name. */
const NOUNS_CAPITALISED = new Set(['de', 'lb']);
/**
 * An acronym ("SPD", "OTAN", "ФСБ") is a name in every language; longer runs of capitals are shouting
 * ("WICHTIG", a headline in capitals).
 */
const ACRONYM_RE = /^\p{Lu}{2,6}$/u;
/** Longer runs of capitalised words are headlines or menus in title case, not one name. */
const MAX_NAME_WORDS = 4;
/** Below this share of cased letters among all letters the script has no capitals to read (Chinese, Arabic, Hindi). */
const MIN_CASED_SHARE = 0.5;

/** A word: letters (with inner apostrophes and hyphens), or digits never. */
const WORD_RE = /\p{L}[\p{L}\p{M}'’-]*/gu;
/** Between two words of one name only spaces may stand (a comma, a dash or a full stop ends the name). */
const NAME_GAP_RE = /^[ \u00a0]+$/u;
/** Between two words, what starts a new sentence: terminal punctuation, a line break, a list bullet. */
const SENTENCE_BREAK_RE = /[.!?…:;\n•]/u;

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** First word of a sentence (or of a line). */
  readonly initial: boolean;
}

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index;
    const between = text.slice(last, start);
    const initial = out.length === 0 || SENTENCE_BREAK_RE.test(between);
    out.push({ text: m[0].replace(/['’]s$/u, ''), start, end: start + m[0].length, initial });
    last = start + m[0].length;
  }
  return out;
}

/** Whether the script of `text` has letter case at all (Latin, Cyrillic, Greek …). */
export function hasLetterCase(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const cased = text.match(/[\p{Lu}\p{Ll}]/gu)?.length ?? 0;
  return letters > 0 && cased / letters >= MIN_CASED_SHARE;
}

/**
 * The kind compromise's lexicon gives the name on its own (first names, places, organisation words), else a
 * guess by shape: an acronym is an organisation, a single word a place (a surname of a full name the text
 * gives is merged into it later), two or three words a person where the first is a given name.
 */
function kindOf(words: readonly string[]): { kind: EntityKind; known: boolean } {
  const name = words.join(' ');
  const doc = nlp(name);
  if (doc.people().found) return { kind: 'person', known: true };
  if (doc.places().found) return { kind: 'place', known: true };
  if (doc.organizations().found || ACRONYM_RE.test(name)) return { kind: 'organization', known: true };
  if (words.length === 1) return { kind: 'place', known: false };
  if (words.length <= 3 && isGivenName(words[0] ?? '')) return { kind: 'person', known: true };
  return { kind: words.length <= 3 && !/\p{Script=Latin}/u.test(name) ? 'person' : 'organization', known: false };
}

/**
 * A name whose kind is only guessed (a single word; in German, where nouns take capitals, any run) must be
 * written this often: a capitalised word or run seen once may be a noun or a title-case heading.
 */
const MIN_GUESSED_MENTIONS = 2;

/** A first name compromise knows ("Angela", "Pedro"): it opens a name, it is no title before one. */
export const isGivenName = (word: string): boolean => { const doc = nlp(word); return doc.has('#FirstName') || doc.people().found; };

/** Particles that join one name ("von", "de la"), not the conjunctions that join two ("Francia y Alemania"). */
const isParticle = (word: string): boolean => NAME_PARTICLE_RE.test(word) && !isCapitalised(word) && !NOT_PARTICLES.has(word);
/** "y" joins two names in Spanish; "des", "der" join German genitive nouns ("Frucht des Paradieses"). */
const NOT_PARTICLES = new Set(['y', 'des', 'der']);

/**
 * Mentions of names in a text of `language` (ISO 639-1; not English), each as written, with a kind.
 * A capitalised word is part of a name when it is not a function word of the language, is not written
 * in lower case elsewhere in the text, and either stands inside a sentence or is also written with a
 * capital inside one. Particles ("von", "de la") join words of one name.
 */
export function findNames(text: string, language: string): { surface: string; kind: EntityKind }[] {
  if (!hasLetterCase(text)) return [];
  const stop = stoplist(language) ?? new Set<string>();
  const words = wordsOf(text);
  const lower = new Set(words.filter((w) => !isCapitalised(w.text)).map((w) => w.text));
  const capitalisedInside = new Set(words.filter((w) => !w.initial && isCapitalised(w.text)).map((w) => w.text));
  const nameWord = (w: Word): boolean =>
    isCapitalised(w.text) && !stop.has(w.text.toLowerCase()) && !lower.has(w.text.toLowerCase()) && (!w.initial || capitalisedInside.has(w.text));
  const runs: Word[][] = [];
  let run: Word[] = [];
  const close = (): void => {
    while (run.length && !nameWord(run[run.length - 1]!)) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  words.forEach((w, i) => {
    const joined = run.length > 0 && NAME_GAP_RE.test(text.slice(words[i - 1]!.end, w.start)) && !w.initial;
    if (!joined) close();
    if (nameWord(w)) run.push(w);
    else if (run.length && joined && isParticle(w.text)) run.push(w);
    else close();
  });
  close();
  const nounsCapitalised = NOUNS_CAPITALISED.has(language);
  const kinds = new Map<string, { kind: EntityKind; known: boolean }>();
  const found: { surface: string; kind: EntityKind; known: boolean }[] = [];
  // A common noun or a title before a name ("Bundeskanzlerin Angela Merkel", "Präsident Macron") goes when
  // the rest of the run stands alone elsewhere in the text, or reads as a person's name while the noun does not.
  const alone = new Set(runs.map((r) => r.map((w) => w.text).join(' ')));
  const trimmed = runs.map((r) => {
    let run = r;
    while (run.length >= 2) {
      if (isGivenName(run[0]!.text) || isParticle(run[1]!.text)) break;
      const rest = run.slice(1).map((w) => w.text).join(' ');
      if (!alone.has(rest) && !(run.length >= 3 && nlp(rest).people().found)) break;
      run = run.slice(1);
    }
    return run;
  });
  for (const r of trimmed) {
    if (r.length > MAX_NAME_WORDS) continue;
    const surface = text.slice(r[0]!.start, r[r.length - 1]!.end);
    if (r.length === 1 && nounsCapitalised && !ACRONYM_RE.test(surface)) continue;
    if (r.length === 1 && r[0]!.text.length < 2) continue;
    let kind = kinds.get(surface);
    if (!kind) kinds.set(surface, (kind = kindOf(r.map((w) => w.text))));
    // Two or three capitalised words inside a sentence are a name where only names take capitals.
    found.push({ surface, kind: kind.kind, known: kind.known || (!nounsCapitalised && r.length >= 2) });
  }
  const mentions = new Map<string, number>();
  for (const m of found) mentions.set(m.surface, (mentions.get(m.surface) ?? 0) + 1);
  const out = found.filter((m) => m.known || (mentions.get(m.surface) ?? 0) >= MIN_GUESSED_MENTIONS).map(({ surface, kind }) => ({ surface, kind }));
  // A surname alone is the person the text names in full ("Selon Macron" after "Emmanuel Macron").
  const surnames = new Set(out.filter((m) => m.kind === 'person' && m.surface.includes(' ')).map((m) => m.surface.slice(m.surface.lastIndexOf(' ') + 1)));
  return out.map((m) => (surnames.has(m.surface) ? { surface: m.surface, kind: 'person' } : m));
}
