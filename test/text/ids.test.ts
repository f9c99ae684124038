// Ids (issue 19, findings 4 and 5): slugs bounded in bytes and transliterated; clashing ids told apart, never shared.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctIds, makeId, SLUG_MAX_BYTES, slugify, uniqueIds } from '../../src/ids.js';
import { isSafeId } from '../../src/write/escape.js';

const LONG_WORD = 'x'.repeat(300);
/** URL-safe and safe as a file name: letters, digits and inner hyphens. */
const SLUG_RE = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

describe('slugify', () => {
  it('keeps the slugs of Latin titles as they were (the goldens\' ids)', () => {
    expect(slugify('Barack Obama and Vladimir Putin have held frank talks on Syria')).toBe('barack-obama-and-vladimir-putin-have-held-frank');
    expect(slugify("Putin's AT&T deal: café résumé")).toBe('putins-at-t-deal-cafe-resume');
    expect(slugify('!!! ??? ...')).toBe('');
  });

  it('bounds a slug in bytes, cut at a word boundary, and cuts a first word longer than the bound', () => {
    expect(slugify(LONG_WORD)).toBe('x'.repeat(SLUG_MAX_BYTES));
    expect(slugify(`Storm ${LONG_WORD}`)).toBe('storm');
    const long = slugify('Internationalisation telecommunications counterrevolutionaries incomprehensibilities');
    expect(long).toBe('internationalisation-telecommunications');
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(SLUG_MAX_BYTES);
  });

  it('transliterates other scripts instead of dropping them (a non-Latin name had an empty slug)', () => {
    expect(slugify('明东日')).toBe('ming-dong-ri');
    expect(slugify('北日北')).toBe('bei-ri-bei');
    expect(slugify('Москва сегодня')).toBe('moskva-segodnya');
    expect(slugify('Αθήνα')).toBe('athina');
    expect(slugify('Straße in Łódź')).toBe('strasse-in-lodz');
    expect(slugify('🙂 ★ Bridge')).toBe('bridge');
  });

  it('is always bounded in bytes and URL-safe (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.array(fc.constantFrom(LONG_WORD, '明东日', 'Москва', 'مرحبا', '\u202e', '\u200b', 'a', ' ', '-', '😀'), { maxLength: 30 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, fc.string({ maxLength: 20 }), fc.boolean(), (label, key, long) => {
        const slug = slugify(label);
        expect(slug).toMatch(SLUG_RE);
        expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(SLUG_MAX_BYTES);
        const id = makeId(label, key, long);
        expect(isSafeId(id)).toBe(true);
        expect(Buffer.byteLength(id)).toBeLessThanOrEqual(SLUG_MAX_BYTES + 17);
      }),
      { numRuns: 500, seed: 19 },
    );
  });
});

describe('distinctIds', () => {
  it('keeps short ids that do not clash, and gives both clashing items the long form', () => {
    const make = (name: string, long: boolean): string => makeId(name, `publisher:${name}`, long);
    // Found by search: the two spellings share six hex digits and the slug "the-daily-courier".
    const clashing = ['tHe DaILy cOUrier', 'the DAily COUrier'];
    expect(make(clashing[0]!, false)).toBe(make(clashing[1]!, false));
    const ids = distinctIds(['Coast News', ...clashing], make);
    expect(ids[0]).toBe(make('Coast News', false));
    expect(ids.slice(1)).toEqual(clashing.map((name) => make(name, true)));
    expect(new Set(ids).size).toBe(3);
  });

  it('tells apart, by a counter in the order given, items whose long forms clash too', () => {
    const ids = distinctIds(['a', 'b', 'c', 'd'], (name, long) => (name === 'd' ? 'other' : long ? 'same-0123456789abcdef' : 'same-012345'));
    expect(ids).toEqual(['same-0123456789abcdef', 'same-0123456789abcdef-2', 'same-0123456789abcdef-3', 'other']);
    expect(uniqueIds(['x', 'x-2', 'x', 'x'])).toEqual(['x', 'x-2', 'x-3', 'x-4']);
  });
});
