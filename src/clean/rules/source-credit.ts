// Rule: lines that credit the text to a wire or to "agencies" are recorded as credits, not kept as text.
import { SOURCE_CREDIT_RE } from '../patterns.js';
import { drop, wordCount, type CleanRule } from '../state.js';

/** Credit lines are short; a sentence that merely starts with "Via" is prose. */
const CREDIT_MAX_WORDS = 8;

export const sourceCreditRule: CleanRule = {
  name: 'source-credit',
  description: 'Drops "Source: AAP", "TRTWorld and agencies", "— Reuters" lines and records the credit.',
  apply(state) {
    for (const line of state.lines) {
      if (line.role === 'dropped' || wordCount(line.text) > CREDIT_MAX_WORDS) continue;
      const m = SOURCE_CREDIT_RE.exec(line.text);
      if (!m) continue;
      const credit = (m[1] ?? m[2] ?? m[3] ?? '').trim().replace(/[.;,]+$/, '');
      if (credit) state.credits.push(credit);
      drop(line, 'source-credit', `credits the text to ${JSON.stringify(credit || 'agencies')}`);
    }
  },
};
