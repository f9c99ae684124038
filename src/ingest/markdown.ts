// Markdown with front matter: the user's title, publisher, date and url win; the body becomes plain lines.
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { linkedom } from '../text/lazy.js';
import type { DeclaredMeta } from '../model.js';
import { htmlToLines } from './html-text.js';
import { isoDate } from './html.js';

const md = new MarkdownIt({ html: false, linkify: false });

export interface MarkdownInput {
  readonly text: string;
  readonly declared: DeclaredMeta;
}

const str = (v: unknown): string | null => {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number') return String(v);
  return null;
};

function dateOf(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return isoDate(str(v));
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
  const html = md.render(parsed.content);
  const lines = htmlToLines(linkedom().parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body);
  return {
    text: lines.join('\n\n'),
    declared: {
      title: str(data['title']),
      publisher: str(data['publisher']) ?? str(data['source']) ?? str(data['site']),
      date: dateOf(data['date']),
      url: str(data['url']) ?? str(data['link']) ?? str(data['canonical']),
      byline: str(data['author']) ?? str(data['byline']),
      language: str(data['language']) ?? str(data['lang']),
    },
  };
}
