// Title, agency and date chains against their fixtures in test/fixtures/extract (UPDATE=1 rewrites the expectations).
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractAgencies } from '../../src/extract/agencies.js';
import { extractDate } from '../../src/extract/dates.js';
import { AGENCIES } from '../../src/extract/patterns.js';
import { extractTitle, stripTitleChrome } from '../../src/extract/title.js';
import { fixtureSuite } from './fixture.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/extract');

/** "key: value" lines of a fixture input, repeated keys collected in order. */
function fields(input: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of input.split('\n')) {
    const match = /^(\w+):\s?(.*)$/.exec(line);
    if (!match) throw new Error(`bad fixture line: ${line}`);
    const [, key = '', value = ''] = match;
    out.set(key, [...(out.get(key) ?? []), value]);
  }
  return out;
}

function one(map: Map<string, string[]>, key: string): string | null {
  return map.get(key)?.[0] ?? null;
}

describe('title fixture', () => {
  fixtureSuite(
    path.join(FIXTURES, 'titles.txt'),
    (input) => {
      const f = fields(input);
      const t = extractTitle(one(f, 'declared'), one(f, 'headline'), one(f, 'standfirst'), f.get('body') ?? [], one(f, 'publisher'), 'file.txt');
      return `${t.source}: ${t.title}`;
    },
    { it, afterAll, expect },
  );
});

describe('agencies fixture', () => {
  fixtureSuite(
    path.join(FIXTURES, 'agencies.txt'),
    (input) => {
      const f = fields(input);
      return extractAgencies(f.get('credit') ?? [], f.get('body') ?? [], one(f, 'byline'), (f.get('raw') ?? []).join('\n')).join(', ');
    },
    { it, afterAll, expect },
  );
});

describe('dates fixture', () => {
  fixtureSuite(
    path.join(FIXTURES, 'dates.txt'),
    (input) => {
      const f = fields(input);
      return String(extractDate(one(f, 'declared'), (f.get('raw') ?? []).join('\n'), one(f, 'body')));
    },
    { it, afterAll, expect },
  );
});

describe('agency table', () => {
  it('is sorted by name, and no alias names two agencies', () => {
    const names = AGENCIES.map((a) => a.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const seen = new Map<string, string>();
    for (const agency of AGENCIES) {
      for (const alias of [agency.name, ...agency.aliases]) {
        const key = alias.toLowerCase();
        expect(seen.get(key) ?? agency.name, alias).toBe(agency.name);
        seen.set(key, agency.name);
      }
    }
  });
});

describe('stripTitleChrome', () => {
  it('leaves a title without separators alone', () => {
    expect(stripTitleChrome('Obama, Putin agree to assist further', null)).toBe('Obama, Putin agree to assist further');
  });
});
