// Rule: an embedded post (a tweet the article quotes) belongs to the article, with its signature line.
import { EMBED_SIGNATURE_RE } from '../patterns.js';
import { wordCount, type CleanLine, type CleanRule, type CleanState } from '../state.js';

/**
 * The post's text ends at most this many line numbers above its signature: a text dump leaves one blank
 * line between the two ("… pic.twitter.com/x", "", "— Name (@name) November 19, 2019").
 */
const MAX_SIGNATURE_GAP = 2;
/** A post is a paragraph or a few lines printed without blank lines between them. */
const MAX_POST_LINES = 4;
/** A tweet holds at most 280 characters, about 55 words; a longer line is the article's own prose. */
const MAX_POST_LINE_WORDS = 60;
/** Rules whose drops an embed may take back: the statistical ones, never a certain rule. */
const RESTORABLE = new Set(['classify', 'corpus-repeated']);

const takeable = (line: CleanLine | undefined): line is CleanLine =>
  line !== undefined && (line.role === 'body' || (line.role === 'dropped' && RESTORABLE.has(line.rule ?? ''))) && wordCount(line.text) <= MAX_POST_LINE_WORDS;

function applyEmbed(state: CleanState): void {
  const lines = state.lines;
  lines.forEach((signature, i) => {
    if (signature.role === 'title' || !EMBED_SIGNATURE_RE.test(signature.text)) return;
    if (signature.role === 'dropped' && !RESTORABLE.has(signature.rule ?? '')) return;
    const post: CleanLine[] = [];
    const last = lines[i - 1];
    if (takeable(last) && signature.number - last.number <= MAX_SIGNATURE_GAP) {
      post.push(last);
      // Earlier lines of the post (printed without blank lines between them) are taken only when they are
      // already kept: a menu printed right above a post must not come in with it.
      for (let j = i - 2; j >= 0 && post.length < MAX_POST_LINES; j--) {
        const line = lines[j];
        if (!line || line.role !== 'body' || line.number !== (post[post.length - 1]?.number ?? 0) - 1) break;
        post.push(line);
      }
    }
    // Labelled kept or not, so that main-region weighs the post as part of the article around it.
    for (const line of [signature, ...post]) {
      line.role = 'body';
      line.cls = 'good';
      line.rule = 'embed';
      line.reason = `a post embedded in the article, signed on line ${signature.number}`;
    }
  });
}

export const embedRule: CleanRule = {
  name: 'embed',
  description: 'Keeps an embedded post (a tweet signed "— Name (@handle) date") and the lines of it just above the signature.',
  apply: applyEmbed,
};
