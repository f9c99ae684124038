// Rule: a teaser (the article's opening cut short) printed before the full paragraphs it repeats.
import { drop, lineKey, liveLines, wordCount, type CleanRule } from '../state.js';

/** Teasers shorter than this could match by chance. */
const MIN_WORDS = 8;

export const teaserRule: CleanRule = {
  name: 'teaser',
  description: 'Drops a line whose whole text is the beginning of the text that follows it (a truncated teaser).',
  apply(state) {
    const live = liveLines(state);
    for (let i = 0; i < live.length - 1; i++) {
      const line = live[i];
      if (!line || wordCount(line.text) < MIN_WORDS) continue;
      const key = lineKey(line.text.replace(/(\.\.\.|…)$/, ''));
      let following = '';
      for (let j = i + 1; j < live.length && following.length < key.length + 1; j++) following += ' ' + lineKey(live[j]?.text ?? '');
      following = following.trim();
      if (following.length > key.length && following.startsWith(key)) drop(line, 'teaser', 'repeats the start of the paragraphs after it');
    }
  },
};
