// Rule: a list the article introduces ("The tour dates:") belongs to it, though its items are short lines.
import { wordCount, type CleanLine, type CleanRule, type CleanState } from '../state.js';

/** List items are short; a longer line is prose and was judged as such. */
const MAX_ITEM_WORDS = 30;
/** One or two short lines after a colon are as likely a caption or a byline as a list. */
const MIN_ITEMS = 3;
/** Rules whose drops a list may take back: the statistical ones, never a certain rule. */
const RESTORABLE = new Set(['classify', 'corpus-repeated']);

function applyList(state: CleanState): void {
  const lines = state.lines;
  for (let i = 0; i < lines.length; i++) {
    const intro = lines[i];
    if (!intro || intro.role !== 'body' || !/:$/.test(intro.text) || wordCount(intro.text) < 3) continue;
    // Items follow on the very next lines: a text dump separates paragraphs by blank lines, not list items.
    const items: CleanLine[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const item = lines[j];
      const prev = lines[j - 1];
      if (!item || !prev || item.number !== prev.number + 1 || wordCount(item.text) > MAX_ITEM_WORDS) break;
      if (item.role === 'dropped' && !RESTORABLE.has(item.rule ?? '')) break;
      items.push(item);
    }
    if (items.length < MIN_ITEMS) continue;
    // Every item is labelled, kept or not, so that main-region weighs the list as one part of the article.
    for (const item of items) {
      item.role = 'body';
      item.cls = 'good';
      item.rule = 'list';
      item.reason = `an item of the list introduced on line ${intro.number}`;
    }
    i += items.length;
  }
}

export const listRule: CleanRule = {
  name: 'list',
  description: 'Keeps the run of short lines right under a line ending in a colon (a list the article introduces).',
  apply: applyList,
};

