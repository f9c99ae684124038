// Rule: breadcrumb trails, and a breadcrumb glued to a headline that the page also prints alone.
import { BREADCRUMB_TRAIL_RE, SECTION_WORDS } from '../patterns.js';
import { drop, lineKey, wordCount, type CleanRule } from '../state.js';

/** A glued breadcrumb is a few section words ("News World"). */
const MAX_PREFIX_WORDS = 4;

export const breadcrumbRule: CleanRule = {
  name: 'breadcrumb',
  description: 'Drops "Home > News > World" trails and "News World <headline>" when the headline also stands alone.',
  apply(state) {
    const keys = state.lines.map((l) => lineKey(l.original));
    for (const [i, line] of state.lines.entries()) {
      if (line.role === 'dropped') continue;
      if (BREADCRUMB_TRAIL_RE.test(line.text) && wordCount(line.text) <= 12) {
        drop(line, 'breadcrumb', 'a navigation trail');
        continue;
      }
      const key = keys[i] ?? '';
      for (const [j, other] of keys.entries()) {
        if (j === i || other.length < 15 || key.length <= other.length || !key.endsWith(' ' + other)) continue;
        const prefix = key.slice(0, key.length - other.length).trim();
        // Only section names ("news world") make a breadcrumb; "making" before "spiced honey pear jam" does not.
        if (wordCount(prefix) <= MAX_PREFIX_WORDS && prefix.split(' ').every((w) => SECTION_WORDS.has(w))) {
          drop(line, 'breadcrumb', `section words ${JSON.stringify(prefix)} glued to line ${state.lines[j]?.number}`);
          break;
        }
      }
    }
  },
};
