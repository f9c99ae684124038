// Page descriptions (meta description and og:description): whole sentences within DESCRIPTION_CHARS, else the
// first sentence cut at a word; never a sentence begun and cut off.
import { describe, expect, it } from 'vitest';
import { DESCRIPTION_CHARS, pageDescription } from '../../src/write/pages/common.js';

const A = 'US President Barack Obama and his Russian counterpart Vladimir Putin today agreed to assist further in securing a cessation of hostilities in Syria.';
const B = 'The two leaders committed to intensifying their efforts.';

describe('pageDescription', () => {
  it('keeps whole sentences that fit, and leaves out the one that does not', () => {
    expect(A.length).toBeLessThanOrEqual(DESCRIPTION_CHARS);
    expect((A + ' ' + B).length).toBeGreaterThan(DESCRIPTION_CHARS);
    expect(pageDescription(`${A} ${B}`)).toBe(A);
    expect(pageDescription('Short one. Short two.')).toBe('Short one. Short two.');
  });

  it('cuts a first sentence longer than the limit at a word, with an ellipsis', () => {
    const long = `${A.slice(0, -1)}, and to meet again in Geneva next month with their foreign ministers and envoys.`;
    const out = pageDescription(long);
    expect(out.length).toBeLessThanOrEqual(DESCRIPTION_CHARS);
    expect(out.endsWith('…')).toBe(true);
    expect(long.startsWith(out.slice(0, -1))).toBe(true);
  });

  it('is one line', () => {
    expect(pageDescription('Line one\nwraps here.\n\nNext.')).toBe('Line one wraps here. Next.');
  });
});
