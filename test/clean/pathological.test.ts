// The cleaner on pathological pages, under a timeout: no rule may be worse than linear in a line's length.
import { describe, expect, it } from 'vitest';
import { cleanText, EMPTY_CORPUS } from '../../src/clean/index.js';
import { isPrintedTwice } from '../../src/clean/rules/repeated-line.js';

const ctx = { profiles: [], corpus: EMPTY_CORPUS, disabledRules: [] };
const SENTENCE = 'The council voted on Monday to close the bridge for repairs, a spokeswoman said. ';

describe('pathological pages', () => {
  it('a multi-megabyte line that repeats itself', { timeout: 20_000 }, () => {
    const half = SENTENCE.repeat(30_000).trim();
    expect(isPrintedTwice(`${half} ${half}`)).toBe(true);
    const result = cleanText(`${half} ${half}`, ctx);
    expect(result.decisions[0]?.rule).toBe('repeated-line');
  });
  it('10,000 identical lines keep one copy', { timeout: 20_000 }, () => {
    const result = cleanText(Array.from({ length: 10_000 }, () => SENTENCE.trim()).join('\n'), ctx);
    expect(result.paragraphs).toEqual([SENTENCE.trim()]);
  });
  it('a page with no newline and no spaces', { timeout: 20_000 }, () => {
    expect(() => cleanText('a'.repeat(2_000_000), ctx)).not.toThrow();
  });
});
