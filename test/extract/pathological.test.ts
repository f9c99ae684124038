// Pathological inputs under a timeout: extract must stay roughly linear and never throw on odd text.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import type { CleanResult, RawArticle } from '../../src/model.js';

/** Generous for a slow CI machine; a quadratic path blows far past it on these sizes. */
const TIMEOUT_MS = 20_000;

function run(paragraphs: string[], text = paragraphs.join('\n\n')) {
  const raw: RawArticle = {
    file: 'x.txt',
    format: 'text',
    text,
    declared: { title: null, publisher: null, date: null, url: null, byline: null, language: null, candidates: [] },
    hash: '0',
  };
  const cleaned: CleanResult = { title: null, standfirst: null, paragraphs, publisher: null, language: null, credits: [], decisions: [] };
  return extractArticle(raw, cleaned);
}

describe('pathological inputs', () => {
  it('a 1 MB line of quotes and speech verbs', { timeout: TIMEOUT_MS }, () => {
    const unit = '"We will talk to them again soon," said Doug Lute. Obama said he agreed. ';
    const line = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const article = run([line]);
    expect(article.quotes.length).toBe(1);
    expect(article.quotes[0]?.speaker).toBe('Doug Lute');
  });

  it('10,000 identical lines', { timeout: TIMEOUT_MS }, () => {
    const lines = Array.from({ length: 10_000 }, () => 'Putin said: "Russia is ready to coordinate more closely."');
    const article = run(lines);
    expect(article.quotes).toHaveLength(1);
    expect(article.entities.find((e) => e.name === 'Russia')?.kind).toBe('place');
  });

  it('no newlines, no punctuation', { timeout: TIMEOUT_MS }, () => {
    const article = run(['word '.repeat(200_000)]);
    expect(article.title).toBe('word word word word word word word word word word word word…');
    expect(article.quotes).toEqual([]);
  });

  it('binary bytes and unbalanced quotes', { timeout: TIMEOUT_MS }, () => {
    const junk = Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('');
    const article = run([junk, '"' + '“'.repeat(1000) + '”'.repeat(999)]);
    expect(typeof article.title).toBe('string');
  });

  it('an empty article still gets a title and no crash', () => {
    const article = run([]);
    expect(article.title).toBe('x.txt');
    expect(article.entities).toEqual([]);
  });
});
