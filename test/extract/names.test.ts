// Entities of non-English articles (src/extract/names.ts through extractEntities): hand-written sentences per language.
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/extract/entities.js';
import { findNames, hasLetterCase } from '../../src/extract/names.js';

const names = (text: string, language: string): string[] => extractEntities(text, language).entities.map((e) => e.name).sort();

describe('entities in other languages', () => {
  it('German: function words and nouns that open sentences are no names; full names and acronyms are', () => {
    const text =
      'Nur wenige Tage später reiste Bundeskanzlerin Angela Merkel nach Paris. Über das Treffen mit Emmanuel Macron sagte Merkel, ' +
      'es sei gut gewesen. Die SPD kritisierte den Besuch. Ist das wirklich nötig? Den Mann interessierte das nicht.';
    const found = names(text, 'de');
    expect(found).toEqual(['Angela Merkel', 'Emmanuel Macron', 'SPD']);
    for (const word of ['Nur', 'Über', 'Ist', 'Den', 'Mann', 'Die']) expect(found).not.toContain(word);
    const merkel = extractEntities(text, 'de').entities.find((e) => e.name === 'Angela Merkel');
    expect(merkel).toMatchObject({ kind: 'person', count: 2 });
  });

  it('Spanish: a surname alone counts toward the full name; "y" joins two names, not one', () => {
    const text = 'El presidente Pedro Sánchez viajó a Bruselas el lunes con Josep Borrell. Según Sánchez, la Unión Europea debe actuar. ' +
      'Los ministros de Francia y Alemania llegaron después. Francia pidió calma.';
    const found = names(text, 'es');
    expect(found).toContain('Pedro Sánchez');
    expect(found).toContain('Josep Borrell');
    expect(found).not.toContain('Francia y Alemania');
    expect(found).not.toContain('Según');
    expect(found).not.toContain('Los');
    expect(extractEntities(text, 'es').entities.find((e) => e.name === 'Pedro Sánchez')?.count).toBe(2);
  });

  it('French: a word capitalised only where a sentence starts is no name', () => {
    const text = "Le président Emmanuel Macron a rencontré Olaf Scholz à Berlin. Selon Macron, la France et l'Allemagne restent unies. " +
      'Mais la situation reste tendue. Pourtant les deux pays veulent avancer.';
    const found = names(text, 'fr');
    expect(found).toEqual(expect.arrayContaining(['Emmanuel Macron', 'Olaf Scholz', 'Berlin', 'France']));
    for (const word of ['Le', 'Selon', 'Mais', 'Pourtant']) expect(found).not.toContain(word);
  });

  it('Russian: full names inside sentences; sentence-initial words are not', () => {
    const text = 'Президент Владимир Путин встретился в Москве с канцлером Олафом Шольцем. По словам Путина, переговоры прошли хорошо. Но Кремль не дал деталей.';
    const found = names(text, 'ru');
    expect(found).toContain('Владимир Путин');
    for (const word of ['Президент', 'По', 'Но']) expect(found).not.toContain(word);
  });

  it('a script without capitals gives no names rather than wrong ones', () => {
    expect(hasLetterCase('习近平周一在北京会见了来访的德国总理。')).toBe(false);
    expect(findNames('习近平周一在北京会见了来访的德国总理。', 'zh')).toEqual([]);
  });

  it('English still goes through compromise', () => {
    const found = names('President Barack Obama spoke with Vladimir Putin on Friday, the White House said.', 'en');
    expect(found).toEqual(expect.arrayContaining(['Barack Obama', 'Vladimir Putin']));
  });
});
