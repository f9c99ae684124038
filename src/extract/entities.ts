// People, places and organisations of one article: names found once over the text, then normalised, merged and counted.
import type { Entity, EntityKind } from '../model.js';
import { cleanName } from '../text/names.js';
import { findNames } from './names.js';
import { DETERMINER_RE, ENTITY_ALIASES, NAME_PARTICLE_RE, NON_ENTITY_WORDS, TITLE_WORDS } from './patterns.js';
import { entityKey, knownName } from './aliases.js';
import { findProperNames } from './proper-names.js';

/** A canonical entity as a speaker or mention resolves to it. */
export interface EntityRef {
  readonly name: string;
  readonly kind: EntityKind;
}

/** The article's entities plus a resolver from any surface form ("Earnest", "the White House") to them. */
export interface EntityIndex {
  readonly entities: readonly Entity[];
  resolve(surface: string): EntityRef | null;
}

/**
 * News articles run to 30 KB: past this an input is not an article, and only its head is read for names (the 1 MB
 * line of test/extract/pathological.test.ts; findNames asks compromise about each run it finds).
 */
const ENTITY_SCAN_CHARS = 100_000;

/** Tie order when compromise tags one name with several kinds. */
/** How much more often a full name must appear than another with the same surname to claim it (seed 002's "World Obama" breadcrumb). */
const SURNAME_DOMINANCE = 3;

const KIND_ORDER: readonly EntityKind[] = ['person', 'organization', 'place'];

export { entityKey } from './aliases.js';

/** Anything but letters and digits at either end ("Obama,", "“Munich”", "United Nations-"). */
const EDGE_PUNCTUATION_RE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
/** A possessive ending ("Russia’s", "NATO's"). */
const POSSESSIVE_RE = /['’]s$/u;

function isNameWord(word: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(word) || NAME_PARTICLE_RE.test(word);
}

/**
 * Cleans one mention: brackets ("president (President Obama)", seed 000), edge punctuation, possessives, leading
 * determiners and lower-case words ("eastern Ukraine"), and for people the titles before the name.
 */
export function normaliseName(surface: string, kind: EntityKind | null): string | null {
  let text = cleanName(surface).replace(/\s+/g, ' ');
  if (text.includes('(')) text = text.slice(text.lastIndexOf('(') + 1);
  text = text.replace(/[()[\]{}]/g, ' ').trim();
  text = text.replace(EDGE_PUNCTUATION_RE, '').replace(POSSESSIVE_RE, '').replace(EDGE_PUNCTUATION_RE, '');
  let tokens = text.split(' ').filter(Boolean);
  while (tokens.length > 0 && (DETERMINER_RE.test(tokens[0] ?? '') || !isNameWord(tokens[0] ?? ''))) tokens.shift();
  if (kind === 'person') tokens = stripTitles(tokens);
  while (tokens.length > 0 && kind === 'person' && !isNameWord(tokens[tokens.length - 1] ?? '')) tokens.pop();
  const name = tokens.join(' ');
  if (!name || !/\p{Lu}/u.test(name)) return null;
  if (tokens.length === 1 && (NON_ENTITY_WORDS.has(name.toLowerCase()) || name.length < 2)) return null;
  return name;
}

/** "US President Barack Obama" → "Barack Obama"; "White House Press Secretary" → "White House". */
export function stripTitles(tokens: readonly string[]): string[] {
  const isTitle = (t: string): boolean => TITLE_WORDS.has(t.toLowerCase().replace(/\.$/, ''));
  let last = -1;
  tokens.forEach((t, i) => {
    if (isTitle(t)) last = i;
  });
  if (last === -1) return [...tokens];
  if (last < tokens.length - 1) return tokens.slice(last + 1);
  const first = tokens.findIndex(isTitle);
  return tokens.slice(0, first);
}

interface Group {
  key: string;
  forms: Map<string, number>;
  kinds: Map<EntityKind, number>;
  count: number;
  fixed: EntityRef | null;
}

function pick<T extends string>(votes: Map<T, number>, order: (a: T, b: T) => number): T {
  return [...votes.entries()].sort((a, b) => b[1] - a[1] || order(a[0], b[0]))[0]![0];
}

function groupName(group: Group): string {
  return group.fixed?.name ?? pick(group.forms, (a, b) => b.length - a.length || (a < b ? -1 : 1));
}

function groupKind(group: Group): EntityKind {
  return group.fixed?.kind ?? pick(group.kinds, (a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Acronym aliases ("US", "U.S.", "EU") are counted even where the finder did not take them ("The US said"). */
const ACRONYM_RE = /^[\p{Lu}.]+$/u;

/**
 * Recounts every entity by one pass of its written forms over the text: the finder tells which entities exist, but
 * misses repeat mentions ("Assad left.", "The US said"). Forms are its own spellings, the spellings merged into it,
 * its acronym aliases and, for people, capitalised name endings that point to it alone ("Putin", "al-Assad", "Assad").
 * Longest forms win where they overlap ("Obama administration" is not a mention of Obama).
 */
function countMentions(
  text: string,
  groups: readonly Group[],
  merged: ReadonlyMap<Group, readonly Group[]>,
  targetOf: (key: string) => Group | null,
): void {
  const owner = new Map<string, Group>();
  const add = (form: string, group: Group): void => {
    if (form && /^[\p{Lu}\p{N}]/u.test(form) && !owner.has(form) && !NON_ENTITY_WORDS.has(form.toLowerCase())) owner.set(form, group);
  };
  for (const group of groups) {
    const spellings = [...group.forms.keys(), ...(merged.get(group) ?? []).flatMap((g) => [...g.forms.keys()])];
    for (const form of spellings) add(form, group);
    if (group.fixed) {
      const entry = ENTITY_ALIASES.find((e) => e.name === group.fixed?.name);
      for (const alias of [entry?.name ?? '', ...(entry?.aliases ?? [])]) if (alias === entry?.name || ACRONYM_RE.test(alias)) add(alias, group);
    }
    if (groupKind(group) !== 'person') continue;
    for (const form of spellings) {
      const tokens = form.split(' ');
      const endings = tokens.slice(1).map((_, i) => tokens.slice(i + 1).join(' '));
      const last = tokens[tokens.length - 1] ?? '';
      if (last.includes('-')) endings.push(last.slice(last.lastIndexOf('-') + 1));
      for (const ending of endings) if (targetOf(entityKey(ending)) === group) add(ending, group);
    }
  }
  if (owner.size === 0) return;
  const forms = [...owner.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const counts = new Map<Group, number>();
  for (const match of text.matchAll(pattern)) {
    const group = owner.get(match[0]);
    if (group) counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  // A group none of whose forms occur literally (a name joined across a line break) keeps its own count.
  for (const group of groups) group.count = counts.get(group) ?? group.count;
}

/** The full name a surname stands for: the only one, or one mentioned far more often than any other. */
function dominantFullName(candidates: readonly Group[] | undefined): Group | null {
  if (!candidates || candidates.length === 0) return null;
  const sorted = [...candidates].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const [top, next] = sorted;
  if (!next) return top ?? null;
  return top && top.count >= SURNAME_DOMINANCE * next.count ? top : null;
}

/**
 * Counted, merged, sorted entities of `text` with a resolver. English (or an unknown language) goes through
 * `findProperNames` (capitalised runs, kinds from compromise's lexicon; compromise's tagger over the whole text cost
 * ten times as much); any other language through `findNames`, which reads capitals inside sentences and the
 * language's stop words (compromise took German "Nur", "Über", "Ist" for people and places).
 */
export function extractEntities(text: string, language: string | null = null): EntityIndex {
  // Names are found once, over at most ENTITY_SCAN_CHARS; the recount below still reads the whole text.
  const head = text.length > ENTITY_SCAN_CHARS ? text.slice(0, ENTITY_SCAN_CHARS) : text;
  return indexMentions(text, language === null || language === 'en' ? findProperNames(head) : findNames(head, language));
}

/** The entities of `text` from its tagged mentions: normalised, merged, counted again over the whole text. */
export function indexMentions(text: string, mentions: readonly { surface: string; kind: EntityKind }[]): EntityIndex {
  const groups = new Map<string, Group>();
  for (const mention of mentions) {
    const name = normaliseName(mention.surface, mention.kind);
    if (!name) continue;
    const alias = knownName(name);
    const key = alias ? entityKey(alias.name) : entityKey(name);
    let group = groups.get(key);
    if (!group) {
      group = { key, forms: new Map(), kinds: new Map(), count: 0, fixed: alias };
      groups.set(key, group);
    }
    group.count += 1;
    group.forms.set(name, (group.forms.get(name) ?? 0) + 1);
    group.kinds.set(mention.kind, (group.kinds.get(mention.kind) ?? 0) + 1);
  }
  // A shorter person name that ends a longer one ("Putin", "al Assad") counts toward it ("Vladimir Putin"). Of several
  // full names ("Barack Obama", "Michelle Obama") one must be mentioned SURNAME_DOMINANCE times as often, or none wins.
  const bySuffix = new Map<string, Group[]>();
  for (const group of groups.values()) {
    if (groupKind(group) !== 'person') continue;
    const tokens = group.key.split(' ');
    for (let i = 1; i < tokens.length; i++) {
      const suffix = tokens.slice(i).join(' ');
      bySuffix.set(suffix, [...(bySuffix.get(suffix) ?? []), group]);
    }
  }
  const targetOf = (key: string): Group | null =>
    dominantFullName(bySuffix.get(key)?.filter((g) => groups.has(g.key) && g.key !== key));
  const redirect = new Map<string, Group>();
  const merged = new Map<Group, Group[]>();
  const shorter = [...groups.values()]
    .filter((g) => !g.fixed && g.kinds.has('person') && bySuffix.has(g.key))
    .sort((a, b) => b.key.split(' ').length - a.key.split(' ').length || (a.key < b.key ? -1 : 1));
  for (const group of shorter) {
    const target = targetOf(group.key);
    if (!target) continue;
    target.count += group.count;
    for (const [kind, n] of group.kinds) target.kinds.set(kind, (target.kinds.get(kind) ?? 0) + n);
    merged.set(target, [...(merged.get(target) ?? []), group, ...(merged.get(group) ?? [])]);
    for (const [key, to] of redirect) if (to === group) redirect.set(key, target);
    redirect.set(group.key, target);
    groups.delete(group.key);
  }
  countMentions(text, [...groups.values()], merged, targetOf);
  const entities: Entity[] = [...groups.values()]
    .map((group) => ({ name: groupName(group), kind: groupKind(group), count: group.count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const lookup = (name: string): EntityRef | null => {
    const alias = knownName(name);
    const key = alias ? entityKey(alias.name) : entityKey(name);
    const group = groups.get(key) ?? redirect.get(key);
    if (group) return { name: groupName(group), kind: groupKind(group) };
    if (alias) return alias;
    const target = targetOf(key);
    if (target) return { name: groupName(target), kind: 'person' };
    return null;
  };

  return {
    entities,
    resolve(surface: string): EntityRef | null {
      const plain = normaliseName(surface, null);
      if (!plain) return null;
      const direct = lookup(plain);
      if (direct) return direct;
      const tokens = plain.split(' ');
      const untitled = normaliseName(stripTitles(tokens).join(' '), null);
      if (untitled && untitled !== plain) {
        const found = lookup(untitled);
        if (found) return found;
      }
      // "State John Kerry" (from "Secretary of State John Kerry"): try shorter tails of a long run.
      for (let i = 1; i < tokens.length - 1; i++) {
        const found = lookup(tokens.slice(i).join(' '));
        if (found) return found;
      }
      return null;
    },
  };
}
