// Quote and speaker attribution against test/fixtures/extract/quotes.txt (UPDATE=1 rewrites the expectations).
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/extract/entities.js';
import { extractQuotes, findQuoteSpans, normaliseQuoteMarks } from '../../src/extract/quotes.js';
import { fixtureSuite } from './fixture.js';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/extract/quotes.txt');

function renderQuotes(input: string): string {
  const paragraphs = input.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const index = extractEntities(paragraphs.join('\n\n'));
  return extractQuotes(paragraphs, index)
    .map((q) => `${q.speaker ?? '-'} | ${q.text}`)
    .join('\n');
}

describe('quotes fixture', () => {
  fixtureSuite(FIXTURE, renderQuotes, { it, afterAll, expect });
});

describe('quote spans', () => {
  it('pairs curly, straight and doubled-apostrophe quotes', () => {
    const spans = findQuoteSpans(normaliseQuoteMarks(`''One two three,” he said. "Four five six," and “seven”.`));
    expect(spans.map((s) => s.text)).toEqual(['One two three', 'Four five six', 'seven']);
  });

  it('leaves an unclosed quote open to the paragraph end', () => {
    const spans = findQuoteSpans('"We have said this many times.');
    expect(spans).toHaveLength(1);
    expect(spans[0]?.closed).toBe(false);
  });

  it('ignores apostrophes inside words', () => {
    expect(findQuoteSpans("Russia's and NATO's plans aren't new.")).toEqual([]);
  });
});
