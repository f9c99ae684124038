// Markdown with front matter: the user's title, publisher, date and url win; the body becomes plain lines.
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { linkedom } from '../text/lazy.js';
import type { DeclaredMeta } from '../model.js';
import { htmlToLines } from './html-text.js';
import { declaredDayOf, readDeclaredDate, type DeclaredDate } from '../text/dates.js';

const md = new MarkdownIt({ html: false, linkify: false });

export interface MarkdownInput {
  readonly text: string;
  readonly declared: DeclaredMeta;
  /** The front matter's date as written when it names no real day (`2024-13-45`): ignored, with a warning. */
  readonly rejectedDate: string | null;
}

const str = (v: unknown): string | null => {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number') return String(v);
  return null;
};

/** `author:` as a name, a list of names or of `{ name }` objects (`authors: [A, B]`), joined "A and B". */
function authorsOf(v: unknown): string | null {
  const names = (Array.isArray(v) ? v : [v])
    .map((x) => (x !== null && typeof x === 'object' ? str((x as Record<string, unknown>)['name']) : str(x)))
    .filter((x): x is string => x !== null);
  if (!names.length) return null;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The top-level `date:` of a front matter as written, up to a comment. */
const DATE_LINE_RE = /^date[ \t]*:[ \t]*(.*?)[ \t]*(?:#.*)?$/m;

/**
 * The front matter's date. YAML makes a Date of an unquoted `2024-13-45` by rolling it over (14 February
 * 2025), so such a date is checked as written in `frontMatter`, then as the day YAML made of it.
 */
function dateOf(v: unknown, frontMatter: string): DeclaredDate {
  if (!(v instanceof Date)) return readDeclaredDate(str(v));
  const written = DATE_LINE_RE.exec(frontMatter)?.[1] ?? '';
  const asWritten = readDeclaredDate(written);
  return asWritten.rejected !== null ? asWritten : declaredDayOf(v, written || String(v));
}

/** A first line of `---` (what gray-matter reads as an opening fence). */
const OPEN_FENCE_RE = /^---[ \t]*(\n|$)/;
/** An opening fence, then a closing `---` on a line of its own (gray-matter reads no other closing fence). */
const FRONT_MATTER_RE = /^---[ \t]*\n(?:[^]*?\n)?---[ \t]*(?:\n|$)/;

/** Throws (with the YAML parser's message) when the front matter is not valid YAML. */
export function readMarkdown(source: string): MarkdownInput {
  // An options object keeps gray-matter from caching by content (STYLE.md, Eleventy pitfalls).
  // gray-matter takes an opening `---` with no closing fence as a front matter holding the whole file (the
  // article vanishes); such a file has no front matter: its `---` is a Markdown rule.
  const parsed = OPEN_FENCE_RE.test(source) && !FRONT_MATTER_RE.test(source) ? { data: {}, content: source } : matter(source, {});
  const data = (parsed.data !== null && typeof parsed.data === 'object' ? parsed.data : {}) as Record<string, unknown>;
  const date = dateOf(data['date'], 'matter' in parsed ? parsed.matter : '');
  const html = md.render(parsed.content);
  const lines = htmlToLines(linkedom().parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body);
  return {
    text: lines.join('\n\n'),
    declared: {
      title: str(data['title']),
      publisher: str(data['publisher']) ?? str(data['source']) ?? str(data['site']),
      date: date.date,
      url: str(data['url']) ?? str(data['link']) ?? str(data['canonical']),
      byline: authorsOf(data['author']) ?? authorsOf(data['authors']) ?? str(data['byline']),
      language: str(data['language']) ?? str(data['lang']),
      candidates: [],
    },
    rejectedDate: date.rejected,
  };
}
