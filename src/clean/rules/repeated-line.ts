// Rule: a line seen earlier on the same page (doubled credits, menus printed twice) is dropped the second time.
import { drop, lineKey, type CleanRule } from '../state.js';

export const repeatedLineRule: CleanRule = {
  name: 'repeated-line',
  description: 'Drops the second and later copies of a line already on the page, and lines that are one phrase printed twice.',
  apply(state) {
    const seen = new Map<string, number>();
    for (const line of state.lines) {
      const key = lineKey(line.original);
      if (!key) continue;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, line.number);
      else if (line.role !== 'dropped') drop(line, 'repeated-line', `same as line ${first}`);
    }
    // "Name and Name Name and Name": an image's alt text and caption run together.
    for (const line of state.lines) {
      if (line.role === 'dropped') continue;
      const m = /^(.{12,}?)\s*\1$/.exec(line.text);
      if (m) drop(line, 'repeated-line', 'one phrase printed twice (alt text and caption)');
    }
  },
};
