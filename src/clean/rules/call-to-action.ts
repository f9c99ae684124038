// Rule: short prompts to subscribe, download, listen, follow or share.
import { CALL_TO_ACTION_RE, CONSENT_RE } from '../patterns.js';
import { drop, wordCount, type CleanRule } from '../state.js';
import { promptIn } from '../vocabulary.js';

/**
 * Prompts are short; past this many words a line with such vocabulary is more likely reporting
 * ("Disney+ signed up 10 million subscribers…") and is left to the classifier, which weighs context.
 */
const PROMPT_MAX_WORDS = 25;

export const callToActionRule: CleanRule = {
  name: 'call-to-action',
  description: 'Drops short lines that ask the reader to subscribe, sign up, download, listen, follow or share, and cookie or registration notices.',
  apply(state) {
    for (const line of state.lines) {
      if (line.role === 'dropped') continue;
      const consent = CONSENT_RE.exec(line.text);
      if (consent) {
        drop(line, 'call-to-action', `cookie, registration or subscription notice ${JSON.stringify(consent[0])}`);
        continue;
      }
      if (wordCount(line.text) > PROMPT_MAX_WORDS) continue;
      const m = CALL_TO_ACTION_RE.exec(line.text)?.[0] ?? promptIn(line.text);
      if (m) drop(line, 'call-to-action', `prompt vocabulary ${JSON.stringify(m)}`);
    }
  },
};
