// The article's author by a fallback chain (declared → page metadata → a byline line near the headline), and the
// byline's lines taken out of the body ("JANIE HAR", "Robert Burns, Ap National Security Writer").
import type { MetaCandidate } from '../model.js';
import { cleanName } from '../text/names.js';
import { matchAgency } from './agencies.js';

/** "By", in the languages of the data: en, de, fr, es/pt, it, nl, sv/no/da, pl, ru. */
const BY_RE = /^(?:written\s+by|by|von|par|por|di|door|av|af|autor(?:in)?\s*:|author\s*:|text\s*:|от|автор\s*:)\s+/iu;
/** Where a byline's names end: a date, a time, a handle, "on", "|", a dash, "Updated", "Published". */
const BYLINE_END_RE =
  /\s+(?:[-–—|•·]\s|on\s+(?=\p{Lu}|\d)|am\s+(?=\d)|@|(?:updated|published|posted|veröffentlicht|aktualisiert)\b)|\s+(?=\d{1,2}[./:]\d)|\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d)|,\s*(?=\d)/iu;
/** A role after a name: "AP Auto Writer", "Staff Writer", "Senior Correspondent", "Redakteur". */
const ROLE_RE =
  /\b(?:writer|correspondent|reporter|editor|columnist|contributor|journalist|staff|bureau|chief|producer|critic|photographer|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|journaliste|rédact(?:eur|rice)|periodista|redattore|contributing|senior|special|national|political|security|auto|business|sports?)\b/iu;
/** One name: one to five words, each opening in a capital (particles allowed: "van", "de", "al-"). */
const NAME_RE = /^(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|den|da|di|du|la|le|al|el|bin|ibn|y|zu)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|den|da|di|du|la|le|al|el|bin|ibn|y|zu)){0,4}$/u;
/** Separators between several names. */
const NAMES_SPLIT_RE = /\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\bи\b)\s*/u;
/** Values that are no one's name. */
const NOT_A_NAME_RE = /^(?:admin|administrator|editor|editors|editorial(?: team| staff| board)?|staff|team|guest|anonymous|unknown|redaktion|la rédaction|redazione|redacción|the editors|news desk|web desk|agencies)$/i;
/** A byline line is short. */
const BYLINE_LINE_MAX_WORDS = 16;
/** How far from the headline (lines) a byline line is looked for; farther ones belong to teasers and comments. */
const BYLINE_WINDOW = 25;
/** Body paragraphs at the top that may be the byline again. */
const BODY_BYLINE_PARAGRAPHS = 3;

export interface BylineResult {
  readonly byline: string;
  readonly source: string;
}

const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A written name in a consistent case: "JANIE HAR" is "Janie Har"; mixed case is kept ("Ryan McDonald"). */
function nameCase(name: string): string {
  if (name !== name.toUpperCase() || name === name.toLowerCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, pre: string, c: string) => pre + c.toUpperCase());
}

/** The names of a credit, roles, agencies and handles dropped: "TOM KRISHER, AP Auto Writer" → ["Tom Krisher"]. */
export function bylineNames(credit: string): string[] {
  const head = credit.replace(BY_RE, '').split(BYLINE_END_RE)[0] ?? '';
  const names: string[] = [];
  for (const part of head.split(NAMES_SPLIT_RE)) {
    // A role written after the name without a comma is cut off it ("Meg James Staff Writer").
    const words = part.replace(/^[\s"'“”(]+|[\s"'“”),.:;]+$/g, '').split(/\s+/);
    while (words.length > 2 && ROLE_RE.test(words[words.length - 1]!)) words.pop();
    const name = words.join(' ');
    if (!name || matchAgency(name) || NOT_A_NAME_RE.test(name)) continue;
    if (ROLE_RE.test(name) && names.length) continue;
    if (!NAME_RE.test(name) || /\d|https?:|www\.|\//.test(name)) continue;
    if (name.split(' ').length < 2 && !/^\p{Lu}[\p{Ll}]+$/u.test(name) && credit.length > name.length + 3) continue;
    names.push(nameCase(name));
  }
  return [...new Set(names)];
}

/** A credit written as a byline: the names joined, or null when it names no one (a URL, "admin", the publisher itself). */
export function readByline(credit: string | null, publisher: string | null): string | null {
  if (!credit) return null;
  const clean = cleanName(credit);
  if (/^(?:https?:|www\.)/i.test(clean)) return null;
  const names = bylineNames(clean).filter((n) => !publisher || squash(n) !== squash(publisher));
  if (!names.length) {
    // A wire credit alone ("Reuters") is how the page names its author.
    const agency = matchAgency(clean.replace(BY_RE, ''));
    return agency && (!publisher || squash(agency) !== squash(publisher)) ? agency : null;
  }
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A JSON-LD author that names no person but a desk of its own ("Science X staff"): kept as written when short. */
function readCredit(credit: string, publisher: string | null): string | null {
  const clean = cleanName(credit).replace(BY_RE, '').trim();
  if (!/\p{L}/u.test(clean) || clean.split(/\s+/).length > 4 || /https?:|www\.|@|\//.test(clean) || NOT_A_NAME_RE.test(clean)) return null;
  return publisher && squash(clean) === squash(publisher) ? null : clean;
}

/** A line that is a byline: "By Tess Bonn - 11/19/19", "Von Anna Schmidt", "by Surur on November 19, 2019". */
export function isBylineLine(line: string): boolean {
  return BY_RE.test(line) && line.split(/\s+/).length <= BYLINE_LINE_MAX_WORDS && bylineNames(line).length > 0;
}

/** The index of the byline line nearest `anchor` among lines [from, to) (the first of two as near), or -1. */
export function nearestBylineIndex(lines: readonly string[], anchor: number, from: number, to: number): number {
  let best = -1;
  for (let i = Math.max(0, from); i < Math.min(lines.length, to); i++) {
    if (isBylineLine(lines[i] ?? '') && (best < 0 || Math.abs(i - anchor) < Math.abs(best - anchor))) best = i;
  }
  return best;
}

/** The byline line nearest the headline (`anchor`, a line index), within a window; null when there is none. */
export function findBylineLine(lines: readonly string[], anchor: number): string | null {
  const i = nearestBylineIndex(lines, anchor, anchor - BYLINE_WINDOW, anchor + BYLINE_WINDOW);
  return i < 0 ? null : lines[i]!;
}

export interface BylineInput {
  readonly declared: string | null;
  readonly candidates: readonly MetaCandidate[];
  readonly lines: readonly string[];
  readonly anchor: number | null;
  readonly publisher: string | null;
}

/** Declared → page metadata (JSON-LD author, meta author, rel=author, a byline element) → a byline line → null. */
export function chooseByline(input: BylineInput): BylineResult | null {
  for (const c of input.candidates) {
    if (c.field !== 'byline') continue;
    const byline = readByline(c.value, input.publisher) ?? (c.source.startsWith('json-ld') ? readCredit(c.value, input.publisher) : null);
    if (byline) return { byline, source: c.source };
  }
  const declared = readByline(input.declared, input.publisher);
  if (declared) return { byline: declared, source: 'declared' };
  const line = input.anchor === null ? null : findBylineLine(input.lines, input.anchor);
  const fromLine = readByline(line, input.publisher);
  return fromLine ? { byline: fromLine, source: 'byline line' } : null;
}

/**
 * The body without the byline's own paragraphs at its top: a "By …" line, or a short paragraph that is only
 * the byline's names, with or without a role ("JANIE HAR", "Robert Burns, Ap National Security Writer").
 */
export function removeBylineParagraphs(paragraphs: readonly string[], byline: string | null): string[] {
  const names = new Set((byline ? bylineNames(byline) : []).map(squash));
  const isByline = (p: string): boolean => {
    if (p.split(/\s+/).length > BYLINE_LINE_MAX_WORDS) return false;
    if (isBylineLine(p)) return true;
    const found = bylineNames(p.replace(/\s*[,|]\s*(?:the\s+)?associated press$/i, ''));
    return found.length > 0 && found.every((n) => names.has(squash(n))) && !/[.!?]["”’]?$/.test(p);
  };
  // Among the first few paragraphs (a dateline or a photo caption may come first); never the whole body.
  const kept = paragraphs.filter((p, i) => i >= BODY_BYLINE_PARAGRAPHS || !isByline(p));
  return kept.length ? kept : [...paragraphs];
}
