// Ingest stage: every input file below a folder becomes a RawArticle or a Diagnostic naming it.
import type { DeclaredMeta, Diagnostic, RawArticle } from '../model.js';
import { describeError } from '../errors.js';
import { sha1 } from '../ids.js';
import { rejectedDateMessage } from '../text/dates.js';
import { decodeBytes } from './decode.js';
import { MAX_LINE_CHARS, splitLongLines } from './long-lines.js';
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { readRegularFile } from './read-file.js';
import { listInputs, type InputFile } from './walk.js';

export const NO_DECLARED_META: DeclaredMeta = { title: null, publisher: null, date: null, url: null, byline: null, language: null, candidates: [] };

export type ParsedFile = { readonly ok: true; readonly raw: RawArticle; readonly diagnostics: Diagnostic[] } | { readonly ok: false; readonly diagnostic: Diagnostic };

/** Parses one file's bytes; pure apart from nothing: the caller reads the bytes. */
export function parseInput(file: string, format: InputFile['format'], bytes: Uint8Array): ParsedFile {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, diagnostic: { file, severity: 'error', message: decoded.problem } };
  const diagnostics: Diagnostic[] = [];
  if (decoded.encoding !== 'utf-8') diagnostics.push({ file, severity: 'warning', message: `decoded as ${decoded.encoding}` });
  const hash = sha1(bytes);
  let text = decoded.text;
  let declared = NO_DECLARED_META;
  let actual: RawArticle['format'] = format;
  try {
    ({ text, declared, actual } = readFormat(file, format, text, diagnostics));
  } catch (error) {
    // Defence in depth: a parser bug on one odd file must not stop the run (the property tests hunt these).
    return { ok: false, diagnostic: { file, severity: 'error', message: `could not be parsed as ${format}: ${describeError(error)}` } };
  }
  if (text.trim() === '') return { ok: false, diagnostic: { file, severity: 'error', message: 'no article text found' } };
  const long = splitLongLines(text);
  if (long.split) {
    diagnostics.push({ file, severity: 'warning', message: `${long.split} line${long.split === 1 ? '' : 's'} longer than ${MAX_LINE_CHARS} characters split at sentence ends` });
    text = long.text;
  }
  return { ok: true, raw: { file, format: actual, text, declared, hash }, diagnostics };
}

/** The article text and declared metadata of one decoded file, by its format. */
function readFormat(file: string, format: InputFile['format'], decoded: string, diagnostics: Diagnostic[]): { text: string; declared: DeclaredMeta; actual: RawArticle['format'] } {
  let text = decoded;
  let declared = NO_DECLARED_META;
  let actual: RawArticle['format'] = format;
  if (format === 'html') {
    const page = readHtml(text);
    if (page.fallback) diagnostics.push({ file, severity: 'warning', message: 'no article found by Readability; cleaned the whole page text' });
    text = page.text;
    declared = page.declared;
    if (page.rejectedDate !== null) diagnostics.push({ file, severity: 'warning', message: rejectedDateMessage(page.rejectedDate) });
  } else if (format === 'markdown') {
    try {
      const page = readMarkdown(text);
      text = page.text;
      declared = page.declared;
      if (page.rejectedDate !== null) diagnostics.push({ file, severity: 'warning', message: rejectedDateMessage(page.rejectedDate) });
    } catch (error) {
      // Keep the article: an unreadable front matter block loses its metadata, not the text.
      diagnostics.push({ file, severity: 'warning', message: `invalid front matter, read as plain text (${describeError(error)})` });
      actual = 'text';
    }
  }
  return { text, declared, actual };
}

export interface IngestResult {
  readonly raws: RawArticle[];
  readonly diagnostics: Diagnostic[];
}

/** Reads every supported file below `root` in byte order of their relative paths. */
export function ingestFolder(root: string): IngestResult {
  const { files, diagnostics } = listInputs(root);
  const raws: RawArticle[] = [];
  // The same article saved twice (even in another encoding or with other line ends) is named in a
  // warning and still read: the group stage records it as a copy of the first (Digest.duplicates), so
  // the site shows it once and summaries count it as one source, and no input goes missing.
  const firstByText = new Map<string, string>();
  for (const input of files) {
    const read = readRegularFile(input.path, { followLink: input.viaLink });
    if (!read.ok) {
      diagnostics.push({ file: input.file, severity: 'error', message: read.problem });
      continue;
    }
    const parsed = parseInput(input.file, input.format, read.bytes);
    if (parsed.ok) {
      const key = sha1(JSON.stringify([parsed.raw.format, parsed.raw.declared, parsed.raw.text]));
      const first = firstByText.get(key);
      if (first !== undefined) diagnostics.push({ file: input.file, severity: 'warning', message: `same article as ${first}: shown once, as a copy` });
      else firstByText.set(key, input.file);
      raws.push(parsed.raw);
      diagnostics.push(...parsed.diagnostics);
    } else diagnostics.push(parsed.diagnostic);
  }
  return { raws, diagnostics };
}
