// Rule: a list the article introduces ("The tour dates:") belongs to it, though its items are short lines.
import { wordCount, type CleanLine, type CleanRule, type CleanState } from '../state.js';
import { isBlankSeparated } from '../wrapped.js';

/** List items are short; a longer line is prose and was judged as such. */
const MAX_ITEM_WORDS = 30;
/** One or two short lines after a colon are as likely a caption or a byline as a list. */
const MIN_ITEMS = 3;
/**
 * At most one blank line (a gap of two line numbers) may separate the intro from the first item: a text
 * dump often leaves one after "… after 36 races:" before a table or a numbered list, whose own rows then
 * follow line by line. Between later items the same gap is crossed only when the numbering goes on.
 */
const MAX_ITEM_GAP = 2;
/** "7) Indiana Jones …", "12. Roger Waters …": an item's own number. */
const ITEM_NUMBER_RE = /^(\d{1,3})[.)]\s/;
/** How far ahead (in kept-or-dropped lines) a numbered list's next number is looked for across a blank line. */
const NEXT_NUMBER_LOOKAHEAD = 2;
/** Rules whose drops a list may take back: the statistical ones, never a certain rule. */
const RESTORABLE = new Set(['classify', 'corpus-repeated']);

const itemNumber = (line: CleanLine | undefined): number | null => {
  const m = line ? ITEM_NUMBER_RE.exec(line.text) : null;
  return m ? Number(m[1]) : null;
};

/**
 * A numbered list goes on across a blank line when its next number follows ("7) …", "", "8) …"): the
 * numbering, not the layout, says the item belongs to the list.
 */
function continuesNumbering(lines: readonly CleanLine[], items: readonly CleanLine[], j: number): boolean {
  const last = [...items].reverse().map(itemNumber).find((n) => n !== null);
  if (last === undefined || last === null) return false;
  for (let k = j; k < j + NEXT_NUMBER_LOOKAHEAD; k++) if (itemNumber(lines[k]) === last + 1) return true;
  return false;
}

function applyList(state: CleanState): void {
  const lines = state.lines;
  // On a page that parts every block with a blank line, its list items are parted so too ("Das Wichtigste in Kürze:").
  const itemGap = isBlankSeparated(lines) ? MAX_ITEM_GAP : 1;
  for (let i = 0; i < lines.length; i++) {
    const intro = lines[i];
    if (!intro || intro.role !== 'body' || !/:$/.test(intro.text) || wordCount(intro.text) < 3) continue;
    // Items follow on the very next lines: a text dump separates paragraphs by blank lines, not list items.
    const first = lines[i + 1];
    if (!first || first.number - intro.number > MAX_ITEM_GAP) continue;
    const items: CleanLine[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const item = lines[j];
      const prev = lines[j - 1];
      if (!item || !prev || wordCount(item.text) > MAX_ITEM_WORDS) break;
      const adjacent = j === i + 1 || item.number - prev.number <= itemGap;
      if (!adjacent && !(item.number - prev.number <= MAX_ITEM_GAP && continuesNumbering(lines, items, j))) break;
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

