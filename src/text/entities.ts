// HTML character references left in metadata values: JSON-LD strings are not HTML, yet sites write
// "&#8216;The Medium is the Message&#8217;" into them, and some double-encode meta tags ("&amp;mdash;").
import { decodeHTML } from 'entities';

/** A reference written out, named or numeric (`&amp;`, `&#8216;`, `&#x2019;`). */
const REFERENCE_RE = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;
/** Double encoding is undone at most this many times ("&amp;amp;mdash;" is two). */
const MAX_PASSES = 3;

/** The text with HTML character references decoded (repeatedly, for double-encoded values); plain text is unchanged. */
export function decodeEntities(value: string): string {
  let out = value;
  for (let i = 0; i < MAX_PASSES && REFERENCE_RE.test(out); i++) {
    const next = decodeHTML(out);
    if (next === out) break;
    out = next;
  }
  return out;
}
