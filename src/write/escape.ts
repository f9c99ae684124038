// Making untrusted article text safe to place in Markdown bodies and URLs.
import { isolateBidi } from '../text/names.js';

/** Every ASCII punctuation character: CommonMark lets each be backslash-escaped to stand for itself. */
const MARKDOWN_PUNCTUATION_RE = /[!-/:-@[-`{-~]/g;
/** Any run of whitespace, line breaks included (U+2028/2029 too), collapsed to one space. */
const WHITESPACE_RUN_RE = /\s+/g;
/** Text with nothing for `toOneLine` to change: no whitespace but single spaces between words (most labels). */
const ONE_LINE_RE = /[^\S ]| {2}|^ | $/;
/** Ids become file names and URL segments: letters, digits and inner hyphens only. */
const SAFE_ID_RE = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/;
const HTTP_URL_RE = /^https?:\/\/[^\s/?#]+/i;

/**
 * One line of literal Markdown text: whitespace runs collapse to one space (so no text can open a
 * code block, a setext heading or a hard break) and every ASCII punctuation mark is backslash-escaped
 * (so no `*`, `[`, `<`, `#`, `-`, `{`, `&` or `|` can start syntax, an entity or HTML).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(WHITESPACE_RUN_RE, ' ').trim().replace(MARKDOWN_PUNCTUATION_RE, '\\$&');
}

/** Plain text on one line, for front matter values shown as a single line (titles, labels). */
export function toOneLine(text: string): string {
  // The test first: a page run calls this millions of times, nearly always on text that is one line already.
  return ONE_LINE_RE.test(text) ? text.replace(WHITESPACE_RUN_RE, ' ').trim() : text;
}

/**
 * One line of body text shown beside other text (a quote, a key point, a summary in a feed): `toOneLine` with
 * its bidi controls kept but isolated (`isolateBidi`), so that it cannot reverse what follows it on the page.
 */
export function toTextLine(text: string): string {
  return isolateBidi(toOneLine(text));
}

export function isSafeId(id: string): boolean {
  return SAFE_ID_RE.test(id);
}

/** Throws (a programmer error: ids are made by `makeId`) when an id could escape its folder or URL. */
export function assertSafeId(kind: string, id: string): string {
  if (!isSafeId(id)) throw new Error(`unsafe ${kind} id ${JSON.stringify(id)}: ids must be letters, digits and hyphens`);
  return id;
}

/** The URL when it is a plain http(s) URL (never `javascript:`, `data:` or relative), else null. */
export function safeHttpUrl(url: string | null): string | null {
  if (url === null) return null;
  const trimmed = url.trim();
  if (!HTTP_URL_RE.test(trimmed)) return null;
  try {
    return new URL(trimmed).href;
  } catch {
    return null;
  }
}

/**
 * A line of body text cut at character spans to mark (`Disagreement` marks: what differs between its sides), as
 * `toTextLine` would show it whole: whitespace runs collapsed, the ends trimmed, each segment's bidi controls
 * isolated. Spans out of order, overlapping or out of range are dropped, so no mark can cut a segment twice.
 */
export function markedSegments(text: string, marks: readonly (readonly [number, number])[]): { text: string; marked: boolean }[] {
  const out: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) out.push({ text: text.slice(at, start), marked: false });
    out.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  const segments = out.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ') }));
  if (segments.length > 0) {
    segments[0]!.text = segments[0]!.text.trimStart();
    segments[segments.length - 1]!.text = segments[segments.length - 1]!.text.trimEnd();
  }
  return segments.filter((s) => s.text !== '').map((s) => ({ ...s, text: isolateBidi(s.text) }));
}

