// Names and titles without invisible or bidi characters; body text with them isolated (issue 19, finding 10).
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import type { CleanResult, RawArticle } from '../../src/model.js';
import { cleanName, isolateBidi } from '../../src/text/names.js';

describe('cleanName', () => {
  it.each([
    ['SBS\u200b News', 'SBS News'],
    ['SBS\u200c News', 'SBS News'],
    ['\ufeffThe\u00ad Courier\u2060', 'The Courier'],
    ['Bridge \u202eclosed\u202c again', 'Bridge closed again'],
    ['\u200fAl\u061c Jazeera\u200e', 'Al Jazeera'],
    ['\u2067Ruiz\u2069', 'Ruiz'],
    ['Cafe\u0301', 'Café'],
    ['A\u0007B', 'AB'],
    ['  two\u200b  spaces  ', 'two spaces'],
  ])('%j → %j', (input, expected) => {
    expect(cleanName(input)).toBe(expected);
  });

  it('keeps the joiners that shape a word or an emoji', () => {
    expect(cleanName('می\u200cخواهم')).toBe('می\u200cخواهم');
    expect(cleanName('👩\u200d💻 desk')).toBe('👩\u200d💻 desk');
  });
});

describe('isolateBidi', () => {
  it('leaves text without bidi controls as it is', () => {
    expect(isolateBidi('Plain text, עברית and العربية.')).toBe('Plain text, עברית and العربية.');
  });

  it('closes what the text opens, drops terminators with nothing to close, and isolates the whole', () => {
    expect(isolateBidi('a\u202eb')).toBe('\u2068a\u202eb\u202c\u2069');
    expect(isolateBidi('a\u2067b\u202dc')).toBe('\u2068a\u2067b\u202dc\u202c\u2069\u2069');
    expect(isolateBidi('x\u2069\u202c\u202ey')).toBe('\u2068x\u202ey\u202c\u2069');
    expect(isolateBidi('\u202bq\u202c r\u200f')).toBe('\u2068\u202bq\u202c r\u200f\u2069');
  });
});

describe('extraction', () => {
  it('strips invisible and bidi characters from the title, publisher, names and speakers, not from the text', () => {
    const body = ['Officials said \u202eclosed\u202c on Monday that the bridge would stay shut, Ana\u200b Ruiz said.', '"We have no choice," said Ana\u200b Ruiz, the mayor of the town.'];
    const raw: RawArticle = {
      file: 'x.md',
      format: 'markdown',
      text: body.join('\n\n'),
      declared: { title: 'Bridge \u202eclosed\u202c again', publisher: 'SBS\u200b News', date: null, url: null, byline: null, language: 'en', candidates: [] },
      hash: '0'.repeat(40),
    };
    const cleaned: CleanResult = { title: null, standfirst: null, paragraphs: body, publisher: null, language: 'en', credits: [], decisions: [] };
    const article = extractArticle(raw, cleaned);
    expect(article.title).toBe('Bridge closed again');
    expect(article.publisher).toBe('SBS News');
    expect(article.text).toContain('\u202eclosed\u202c');
    for (const name of [...article.entities.map((e) => e.name), ...article.quotes.map((q) => q.speaker ?? '')]) expect(name).not.toMatch(/[\u200b\u202e\u202c]/);
    expect(article.entities.map((e) => e.name)).toContain('Ana Ruiz');
  });
});
