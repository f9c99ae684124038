// English names and kinds without a tagger (src/extract/proper-names.ts) against test/fixtures/extract/proper-names.txt.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexMentions } from '../../src/extract/entities.js';
import { findProperNames } from '../../src/extract/proper-names.js';
import { fixtureSuite } from './fixture.js';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/extract/proper-names.txt');

describe('proper names fixture', () => {
  fixtureSuite(FIXTURE, (input) => findProperNames(input).map((m) => `${m.kind} ${m.surface}`).join('\n'), { it, afterAll, expect });
});

describe('findProperNames', () => {
  it('finds nothing in lower-case text or in words that only open sentences', () => {
    expect(findProperNames('the talks went on late into the night, officials said.')).toEqual([]);
    expect(findProperNames('However, the talks went on. They ended. When it rained, we left.')).toEqual([]);
  });

  it('is linear: a 1 MB run of capitalised words is read in linear time', () => {
    const text = 'Giles Hamm Of The Flinders Ranges '.repeat(30_000);
    const started = process.hrtime.bigint();
    findProperNames(text);
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(10);
  });

  it('feeds the entity index: a surname counts toward the full name, the role before it goes', () => {
    const text = 'Archaeologist Giles Hamm found the spring. Hamm said it was in the Blue Mountains.';
    const entities = indexMentions(text, findProperNames(text)).entities;
    expect(entities.map((e) => `${e.kind} ${e.name} ${e.count}`)).toEqual(['person Giles Hamm 2', 'place Blue Mountains 1']);
  });
});
