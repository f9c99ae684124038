// Whole-article extraction of the five seeds against per-seed goldens (test/fixtures/extract/seeds/<seed>.json).
// The CleanResult is built by hand here (the body paragraphs a person would keep), so this tests extract alone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { sha1 } from '../../src/ids.js';
import type { Article, CleanResult, RawArticle } from '../../src/model.js';
import { updating } from './fixture.js';

const SEEDS = path.join(import.meta.dirname, '../../seeds');
const GOLDENS = path.join(import.meta.dirname, '../fixtures/extract/seeds');
/** How many entities a golden pins (the head of the list is what grouping and topics use). */
const TOP_ENTITIES = 12;

interface HandClean {
  readonly seed: string;
  readonly title: string | null;
  readonly standfirst: string | null;
  /** Start of the first and last body lines; lines starting with a `skip` prefix in between are dropped. */
  readonly first: string;
  readonly last: string;
  readonly skip: readonly string[];
  readonly publisher: string | null;
  readonly credits: readonly string[];
}

const HAND_CLEAN: readonly HandClean[] = [
  {
    seed: '000_972e19ad398fa8d2',
    title: 'Obama, Putin reaffirm cooperation in Syria',
    standfirst: 'Presidents of United States and Russia discuss renewed fighting in Syria and agree to continue cooperation during phone call',
    first: 'The US President Barack Obama and his Russian counterpart',
    last: '“As I mentioned yesterday',
    skip: [],
    publisher: 'TRT World',
    credits: ['TRTWorld and agencies'],
  },
  {
    seed: '001_cc39000ba7115282',
    // The masthead suffix is left in on purpose: extract must strip it defensively.
    title: 'Obama, Putin did not Reach Cooperation Agreement on Syria | ASHARQ AL-AWSAT English Archive 2005 -2017',
    standfirst: null,
    first: 'Washington-U.S. President Obama spoke',
    last: '“So we’re going to do',
    skip: [],
    publisher: 'Asharq Al-Awsat',
    credits: [],
  },
  {
    seed: '002_894552da0b1d1f60',
    title: 'Obama, Putin agree to assist further in cessation of hostilities in Syria',
    standfirst: null,
    first: 'Washington: US President Barack Obama and his Russian counterpart Vladimir Putin today agreed to assist further in securing a cessation of hostilities in Syria.',
    last: '"Unfortunately, we\'ve seen',
    skip: [],
    publisher: null,
    credits: [],
  },
  {
    seed: '003_7d868c5bc2b8727c',
    title: 'Obama, Putin discuss Syria on phone',
    standfirst: 'Russia and the US are ready to increase coordination of their military intervention in Syria, according to the Kremlin.',
    first: 'Russian President Vladimir Putin and US President Barack Obama have discussed',
    last: 'Obama said he was ready to intensify efforts',
    skip: [],
    publisher: 'SBS News',
    credits: ['Source: AAP'],
  },
  {
    seed: '004_f1015e2c22afaee5',
    title: null,
    standfirst: null,
    first: 'Barack Obama and Vladimir Putin have held frank talks',
    last: '“The President reiterated',
    skip: [],
    publisher: null,
    credits: [],
  },
];

function loadSeed(hand: HandClean): { raw: RawArticle; cleaned: CleanResult } {
  const file = `${hand.seed}.txt`;
  const text = fs.readFileSync(path.join(SEEDS, file), 'utf8');
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  // Prefixes are matched with spacing folded (seed 000 has a no-break space); the lines themselves stay as saved.
  const starts = (line: string, prefix: string): boolean => line.replace(/\s+/g, ' ').startsWith(prefix);
  const from = lines.findIndex((l) => starts(l, hand.first));
  const to = lines.findIndex((l, i) => i >= from && starts(l, hand.last));
  if (from < 0 || to < 0) throw new Error(`${file}: hand-clean bounds not found`);
  const paragraphs = lines.slice(from, to + 1).filter((l) => !hand.skip.some((s) => starts(l, s)));
  const raw: RawArticle = {
    file,
    format: 'text',
    text,
    declared: { title: null, publisher: null, date: null, url: null, byline: null, language: null, candidates: [] },
    hash: sha1(text),
  };
  const cleaned: CleanResult = {
    title: hand.title,
    standfirst: hand.standfirst,
    paragraphs,
    publisher: hand.publisher,
    language: null,
    credits: hand.credits,
    decisions: [],
  };
  return { raw, cleaned };
}

/** The fields a golden pins: everything but the body text (the paragraphs are the hand-made input). */
function goldenOf(article: Article): unknown {
  return {
    title: article.title,
    titleSource: article.titleSource,
    standfirst: article.standfirst,
    publisher: article.publisher,
    agencies: article.agencies,
    date: article.date,
    language: article.language,
    wordCount: article.wordCount,
    entities: article.entities.slice(0, TOP_ENTITIES).map((e) => `${e.kind} ${e.name} ${e.count}`),
    quotes: article.quotes.map((q) => ({ speaker: q.speaker, text: q.text })),
  };
}

const articles = new Map<string, Article>(HAND_CLEAN.map((hand) => {
  const { raw, cleaned } = loadSeed(hand);
  return [hand.seed, extractArticle(raw, cleaned)];
}));

function article(seed: string): Article {
  const found = articles.get(seed);
  if (!found) throw new Error(`no seed ${seed}`);
  return found;
}

function speakerOf(seed: string, quoteStart: string): string | null | undefined {
  return article(seed).quotes.find((q) => q.text.startsWith(quoteStart))?.speaker;
}

describe('seed goldens', () => {
  const update = updating();
  for (const hand of HAND_CLEAN) {
    it(hand.seed, () => {
      const actual = goldenOf(article(hand.seed));
      const file = path.join(GOLDENS, `${hand.seed}.json`);
      if (update) {
        fs.mkdirSync(GOLDENS, { recursive: true });
        fs.writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
        return;
      }
      expect(actual).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
    });
  }
});

// The brief's facts about the seeds, asserted directly so a regenerated golden cannot quietly drop them.
describe('seed facts', () => {
  it('000: "he said" after Earnest is Earnest, canonicalised to the article\'s own "John Earnest"', () => {
    expect(speakerOf('000_972e19ad398fa8d2', 'Unfortunately, we\'ve seen that the cessation')).toBe('John Earnest');
    expect(speakerOf('000_972e19ad398fa8d2', 'It\'s an opportunity')).toBe('John Earnest');
    expect(speakerOf('000_972e19ad398fa8d2', 'And this was the subject')).toBe('John Earnest');
  });

  it('002: Josh Earnest\'s quotes and the White House statement\'s', () => {
    expect(speakerOf('002_894552da0b1d1f60', 'The United States continues to believe')).toBe('Josh Earnest');
    expect(speakerOf('002_894552da0b1d1f60', 'Unfortunately,')).toBe('Josh Earnest');
    expect(speakerOf('002_894552da0b1d1f60', 'President Obama spoke today')).toBe('White House statement');
    expect(speakerOf('002_894552da0b1d1f60', 'The two leaders committed')).toBe('White House statement');
  });

  it('003 credits AAP; 000\'s "TRTWorld and agencies" names no agency', () => {
    expect(article('003_7d868c5bc2b8727c').agencies).toEqual(['AAP']);
    expect(article('000_972e19ad398fa8d2').agencies).toEqual([]);
  });

  it('scare quotes are not quotes (004 "constructive role", "frank and business-like")', () => {
    const texts = article('004_f1015e2c22afaee5').quotes.map((q) => q.text);
    expect(texts).not.toContain('constructive role');
    expect(texts).not.toContain('frank and business-like');
  });

  it('001 title loses its masthead; 004 title comes from its first sentence', () => {
    expect(article('001_cc39000ba7115282').title).toBe('Obama, Putin did not Reach Cooperation Agreement on Syria');
    expect(article('004_f1015e2c22afaee5').titleSource).toBe('first-sentence');
  });

  it('Barack Obama and Vladimir Putin are people, surname mentions merged where the full name appears', () => {
    for (const a of articles.values()) {
      const names = a.entities.map((e) => `${e.kind} ${e.name}`);
      expect(names, a.file).toContain('person Vladimir Putin');
      expect(names.filter((n) => n === 'person Putin'), a.file).toEqual([]);
      // 001's body only says "President Obama" (its full name sat in a photo caption): nothing to merge into.
      const obama = a.file.startsWith('001_') ? 'person Obama' : 'person Barack Obama';
      expect(names, a.file).toContain(obama);
      expect(names.filter((n) => n.includes('Obama') && n.startsWith('person')), a.file).toEqual([obama]);
    }
  });

  it('Syria, Russia and Ukraine are places; White House and Kremlin organisations, in every seed naming them', () => {
    const kinds = new Map<string, Set<string>>();
    for (const a of articles.values()) {
      for (const e of a.entities) kinds.set(e.name, new Set([...(kinds.get(e.name) ?? []), e.kind]));
    }
    expect([...(kinds.get('Syria') ?? [])]).toEqual(['place']);
    expect([...(kinds.get('Russia') ?? [])]).toEqual(['place']);
    expect([...(kinds.get('Ukraine') ?? [])]).toEqual(['place']);
    expect([...(kinds.get('White House') ?? [])]).toEqual(['organization']);
    expect([...(kinds.get('Kremlin') ?? [])]).toEqual(['organization']);
    expect(article('003_7d868c5bc2b8727c').entities.some((e) => e.name === 'Kremlin')).toBe(true);
  });

  it('every quote belongs to its article and every entity list is sorted by count, then name', () => {
    for (const a of articles.values()) {
      for (const q of a.quotes) expect(q.articleId).toBe(a.id);
      const sorted = [...a.entities].sort((x, y) => y.count - x.count || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
      expect(a.entities).toEqual(sorted);
    }
  });
});
