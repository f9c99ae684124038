// Rule: short prompts to subscribe, download, listen, follow or share.
import { CALL_TO_ACTION_RE, CONSENT_RE } from '../patterns.js';
import { drop, wordCount, type CleanRule } from '../state.js';
import { noticeIn, promptIn } from '../vocabulary.js';

/**
 * Prompts are short; past this many words a line with such vocabulary is more likely reporting
 * ("Disney+ signed up 10 million subscribers…") and is left to the classifier, which weighs context.
 */
const PROMPT_MAX_WORDS = 25;

/**
 * "Cookie" is one word in every European language ("Cookies", "Cookie-Einstellungen", "pliki cookies"). A
 * line that names them beside another that does, within COOKIE_NEIGHBOURHOOD lines, is a consent dialog,
 * whatever its length or language; a report about cookies is rarely printed as such a block.
 */
const COOKIE_RE = /cookie/i;
const COOKIE_NEIGHBOURHOOD = 3;

function inCookieDialog(lines: readonly { text: string }[], i: number): boolean {
  if (!COOKIE_RE.test(lines[i]!.text)) return false;
  for (let j = Math.max(0, i - COOKIE_NEIGHBOURHOOD); j <= Math.min(lines.length - 1, i + COOKIE_NEIGHBOURHOOD); j++) {
    if (j !== i && COOKIE_RE.test(lines[j]!.text)) return true;
  }
  return false;
}

export const callToActionRule: CleanRule = {
  name: 'call-to-action',
  description: 'Drops short lines that ask the reader to subscribe, sign up, download, listen, follow or share, and cookie or registration notices.',
  apply(state) {
    state.lines.forEach((line, i) => {
      if (line.role === 'dropped') return;
      if (inCookieDialog(state.lines, i)) {
        drop(line, 'call-to-action', 'a cookie consent dialog (cookies named on neighbouring lines)');
        return;
      }
      const consent = CONSENT_RE.exec(line.text)?.[0] ?? noticeIn(line.text);
      if (consent) {
        drop(line, 'call-to-action', `cookie, registration or subscription notice ${JSON.stringify(consent)}`);
        return;
      }
      if (wordCount(line.text) > PROMPT_MAX_WORDS) return;
      const m = CALL_TO_ACTION_RE.exec(line.text)?.[0] ?? promptIn(line.text);
      if (m) drop(line, 'call-to-action', `prompt vocabulary ${JSON.stringify(m)}`);
    });
  },
};
