// Names and titles as people see them (no invisible or direction characters), and body text that cannot turn the page around it.
import {
  BIDI_CONTROL_RE,
  BIDI_EMBEDDING_RE,
  BIDI_ISOLATE_RE,
  CONTROL_RE,
  FSI,
  INVISIBLE_RE,
  JOINER_RE,
  JOINING_NEIGHBOUR_RE,
  PDF,
  PDI,
} from './patterns.js';

const joins = (c: string | undefined): boolean => c !== undefined && JOINING_NEIGHBOUR_RE.test(c);

/** Drops each zero-width (non-)joiner that has no joining character on both sides (`SBS\u200c News`). */
function dropStrayJoiners(text: string): string {
  if (!JOINER_RE.test(text)) return text;
  const chars = Array.from(text);
  return chars.filter((c, i) => !JOINER_RE.test(c) || (joins(chars[i - 1]) && joins(chars[i + 1]))).join('');
}

/**
 * A title or name without the characters that show nothing or reorder what follows (invisible, bidi and
 * control characters; joiners outside the scripts they shape), NFC-normalised, on one line: two names that
 * look the same are the same string, so they get one page (issue 19).
 */
export function cleanName(text: string): string {
  const stripped = text.replace(INVISIBLE_RE, '').replace(BIDI_CONTROL_RE, '').replace(CONTROL_RE, '');
  return dropStrayJoiners(stripped).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** `cleanName` for a value that may be absent; blank after cleaning is absent too. */
export function cleanNameOrNull(text: string | null): string | null {
  if (text === null) return null;
  const name = cleanName(text);
  return name === '' ? null : name;
}

/**
 * Body text as it was written, bidi controls kept, but unable to reverse the text around it: every embedding,
 * override and isolate it opens is closed at its end, a terminator with nothing to close is dropped, and the
 * whole is one first-strong isolate (FSI … PDI, what `<bdi>` does). Text without bidi controls is returned as it is.
 */
export function isolateBidi(text: string): string {
  if (text.search(BIDI_CONTROL_RE) === -1) return text;
  const open: ('embedding' | 'isolate')[] = [];
  let out = '';
  for (const c of text) {
    if (BIDI_EMBEDDING_RE.test(c)) open.push('embedding');
    else if (BIDI_ISOLATE_RE.test(c)) open.push('isolate');
    else if (c === PDF) {
      // A PDF closes the last embedding, and none opened outside the current isolate.
      if (open.at(-1) !== 'embedding') continue;
      open.pop();
    } else if (c === PDI) {
      // A PDI closes the last isolate and every embedding opened inside it.
      const last = open.lastIndexOf('isolate');
      if (last === -1) continue;
      open.length = last;
    }
    out += c;
  }
  for (const kind of open.reverse()) out += kind === 'embedding' ? PDF : PDI;
  return FSI + out + PDI;
}
