// Entity extraction against test/fixtures/extract/entities.txt, plus normalisation helpers.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entityKey, extractEntities, normaliseName } from '../../src/extract/entities.js';
import { fixtureSuite } from './fixture.js';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/extract/entities.txt');

describe('entities fixture', () => {
  fixtureSuite(
    FIXTURE,
    (input) => extractEntities(input).entities.map((e) => `${e.kind} ${e.name} ${e.count}`).join('\n'),
    { it, afterAll, expect },
  );
});

describe('normaliseName', () => {
  it.each([
    ['President Barack Obama', 'person', 'Barack Obama'],
    ['president (President Obama)', 'person', 'Obama'],
    ['Saudi Foreign Minister Adel al-Jubeir', 'person', 'Adel al-Jubeir'],
    ['John Earnest.', 'person', 'John Earnest'],
    ['Russia’s', 'place', 'Russia'],
    ['eastern Ukraine"', 'place', 'Ukraine'],
    ['northern province of Aleppo.', 'place', 'Aleppo'],
    ['United Nations-', 'organization', 'United Nations'],
  ] as const)('%s (%s) → %s', (surface, kind, expected) => {
    expect(normaliseName(surface, kind)).toBe(expected);
  });

  it.each(['The', 'he', 'Thursday,', 'president', '“'])('rejects junk %s', (surface) => {
    expect(normaliseName(surface, 'person')).toBeNull();
  });

  it('keys ignore dots, case and hyphens', () => {
    expect(entityKey('U.S.')).toBe(entityKey('US'));
    expect(entityKey('Bashar al-Assad')).toBe(entityKey('bashar al Assad'));
  });
});

describe('resolve', () => {
  const index = extractEntities('White House spokesman Josh Earnest spoke. Doug Lute of NATO agreed. The White House said so.');

  it.each([
    ['Earnest', 'Josh Earnest'],
    ['the White House', 'White House'],
    ['White House Press Secretary', 'White House'],
    ['Lute', 'Doug Lute'],
    ['Nato', 'NATO'],
  ])('%s → %s', (surface, name) => {
    expect(index.resolve(surface)?.name).toBe(name);
  });

  it.each(['Wednesday', 'Russian', 'Smith'])('%s → null', (surface) => {
    expect(index.resolve(surface)).toBeNull();
  });
});

describe('the tagger Roundup runs', () => {
  it('keeps only the post-tagger rules that decide names, and finds the names of a sentence that needs them', async () => {
    const { TAGGER_RULES } = await import('../../src/extract/tagger.js');
    expect(TAGGER_RULES.kept).toBeGreaterThan(0);
    expect(TAGGER_RULES.kept).toBeLessThan(TAGGER_RULES.shipped / 2);
    const names = extractEntities('Secretary of State John Kerry met Sergei Lavrov in Geneva on Monday, the State Department said.')
      .entities.map((e) => `${e.kind} ${e.name}`);
    expect(names).toEqual(expect.arrayContaining(['person Sergei Lavrov', 'place Geneva', 'organization State Department']));
  });
});
