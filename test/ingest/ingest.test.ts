// Ingest: decoding (BOM, UTF-16, Latin-1, CRLF/CR), formats (text, Markdown, HTML), walking and diagnostics.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decode.js';
import { isSiteLink } from '../../src/ingest/html-text.js';
import { ingestFolder, parseInput } from '../../src/ingest/index.js';

const PARA = 'The council voted on Monday to close the bridge for repairs, a spokeswoman said.';
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('strips a UTF-8 BOM and normalises CRLF and lone CR', () => {
    const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('a\r\nb\rc\n')]));
    expect(d).toEqual({ ok: true, text: 'a\nb\nc\n', encoding: 'utf-8' });
  });
  it('reads UTF-16 LE and BE by their BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Grüße\n', 'utf16le')]);
    expect(decodeBytes(le)).toMatchObject({ ok: true, text: 'Grüße\n', encoding: 'utf-16le' });
    const be = Buffer.from(le).swap16();
    be[0] = 0xfe; be[1] = 0xff;
    expect(decodeBytes(be)).toMatchObject({ ok: true, text: 'Grüße\n', encoding: 'utf-16be' });
  });
  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    expect(decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]))).toMatchObject({ ok: true, text: 'café “q”', encoding: 'windows-1252' });
    expect(decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toMatchObject({ ok: true, text: 'café' });
  });
  it('refuses empty, blank and binary files with a reason', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, problem: 'empty file' });
    expect(decodeBytes(enc(' \n\t\n'))).toEqual({ ok: false, problem: 'no text (only white space)' });
    expect(decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 4, 5]))).toMatchObject({ ok: false, problem: expect.stringMatching(/binary/) });
  });
});

describe('parseInput', () => {
  it('takes the title, publisher, date and url of Markdown front matter', () => {
    const md = `---\ntitle: "Bridge: closed"\npublisher: The Courier\ndate: 2016-04-18\nurl: https://example.org/a\n---\n# Heading\n\n${PARA}\n\nA [link](https://example.org) and *emphasis*.\n`;
    const r = parseInput('a.md', 'markdown', enc(md));
    expect(r.ok && r.raw.declared).toEqual({ title: 'Bridge: closed', publisher: 'The Courier', date: '2016-04-18', url: 'https://example.org/a', byline: null, language: null, candidates: [] });
    expect(r.ok && r.raw.text).toBe(`Heading\n\n${PARA}\n\nA link and emphasis.`);
  });
  it('takes a front matter author, or a list of authors, as the byline', () => {
    const one = parseInput('a1.md', 'markdown', enc(`---\ntitle: T\nauthor: Jane Roe\n---\n${PARA}\n`));
    expect(one.ok && one.raw.declared.byline).toBe('Jane Roe');
    const many = parseInput('a2.md', 'markdown', enc(`---\ntitle: T\nauthors:\n  - Jane Roe\n  - name: John Doe\n---\n${PARA}\n`));
    expect(many.ok && many.raw.declared.byline).toBe('Jane Roe and John Doe');
  });
  it('keeps the text of a Markdown file whose front matter is broken, with a warning', () => {
    const r = parseInput('b.md', 'markdown', enc(`---\ntitle: [unclosed\n---\n${PARA}\n`));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.raw.text).toContain(PARA);
      expect(r.diagnostics[0]?.message).toMatch(/invalid front matter/);
    }
  });
  it('reads HTML metadata from JSON-LD and meta tags and the article through Readability', () => {
    const html = `<!doctype html><html lang="en-GB"><head><title>T</title>
      <link rel="canonical" href="https://example.org/story">
      <meta property="og:site_name" content="The Courier">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge closed","datePublished":"2016-04-18T10:00:00Z","author":{"name":"A. Writer"}}</script>
      </head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Bridge closed</h1>
      ${Array.from({ length: 6 }, () => `<p>${PARA} It will reopen in the autumn, officials said, after engineers finish their work.</p>`).join('')}
      </article><footer>Copyright 2016</footer></body></html>`;
    const r = parseInput('c.html', 'html', enc(html));
    expect(r.ok && r.raw.declared).toEqual({ title: 'Bridge closed', publisher: 'The Courier', date: '2016-04-18', url: 'https://example.org/story', byline: 'A. Writer', language: 'en', candidates: expect.any(Array) });
    // Every signal is kept for the extract stage, in order of trust, with where it came from.
    const sources = (r.ok ? r.raw.declared.candidates : []).map((c) => `${c.field} ${c.source} ${c.value}`);
    expect(sources).toEqual(expect.arrayContaining([
      'title json-ld headline Bridge closed', 'title <title> T', 'publisher meta og:site_name The Courier',
      'date json-ld datePublished 2016-04-18T10:00:00Z', 'byline json-ld author A. Writer', 'url canonical link https://example.org/story', 'language <html lang> en-GB',
    ]));
    expect(sources.indexOf('title json-ld headline Bridge closed')).toBeLessThan(sources.indexOf('title <title> T'));
    expect(r.ok && r.raw.text).toContain(PARA);
    expect(r.ok && r.raw.text).not.toContain('Copyright');
  });
  it("leaves out an article's lines that are links into its own site, and keeps links to other sites and prose with links", () => {
    const html = `<!doctype html><html lang="en"><head><title>T</title><link rel="canonical" href="https://www.example.org/story"></head><body><article><h1>Bridge closed</h1>
      ${Array.from({ length: 5 }, () => `<p>${PARA} It will reopen in the autumn, officials said, after <a href="/engineers">engineers</a> finish.</p>`).join('')}
      <p><a href="https://example.org/news/ferry">Ferry timetable changes for the summer season</a></p>
      <ul><li><a href="/tag/bridges">Bridges</a></li><li><a href="#part-2">Part two: the detour</a></li></ul>
      <p><a href="https://www.gov.invalid/report.pdf">The inspection report (PDF)</a></p>
      </article></body></html>`;
    const r = parseInput('c.html', 'html', enc(html));
    const text = r.ok ? r.raw.text : '';
    expect(text).toContain(`after engineers finish.`);
    expect(text).toContain('The inspection report (PDF)');
    expect(text).not.toContain('Ferry timetable');
    expect(text).not.toContain('Bridges');
    expect(text).not.toContain('Part two');
  });
  it('tells links into the page\'s own site from links to others', () => {
    expect(isSiteLink('/news/1', null)).toBe(true);
    expect(isSiteLink('#top', null)).toBe(true);
    expect(isSiteLink('next.html', 'example.org')).toBe(true);
    expect(isSiteLink('https://www.example.org/a', 'example.org')).toBe(true);
    expect(isSiteLink('//example.org/a', 'www.example.org')).toBe(true);
    expect(isSiteLink('https://other.invalid/a', 'example.org')).toBe(false);
    expect(isSiteLink('https://example.org/a', null)).toBe(false);
    expect(isSiteLink('mailto:desk@example.org', 'example.org')).toBe(false);
    expect(isSiteLink(null, 'example.org')).toBe(false);
  });
  it('names the file and the problem for a bad input', () => {
    expect(parseInput('x/empty.txt', 'text', new Uint8Array())).toEqual({ ok: false, diagnostic: { file: 'x/empty.txt', severity: 'error', message: 'empty file' } });
  });
  it('reads a text file that starts with --- as text', () => {
    const r = parseInput('d.txt', 'text', enc(`---\ntitle: x\n---\n${PARA}`));
    expect(r.ok && r.raw.text).toBe(`---\ntitle: x\n---\n${PARA}`);
  });
});

describe('ingestFolder', () => {
  it('reads folders recursively in byte order, and reports what it skips', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-ingest-'));
    fs.mkdirSync(path.join(dir, 'b', 'c'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'b', 'c', 'z.txt'), `${PARA} (z)`);
    fs.writeFileSync(path.join(dir, 'a file é.txt'), `${PARA} (a)`);
    fs.writeFileSync(path.join(dir, 'B.md'), PARA);
    fs.writeFileSync(path.join(dir, 'notes.pdf'), 'x');
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, '.hidden.txt'), PARA);
    fs.symlinkSync(dir, path.join(dir, 'b', 'loop'));
    const r = ingestFolder(dir);
    expect(r.raws.map((x) => x.file)).toEqual(['B.md', 'a file é.txt', 'b/c/z.txt']);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.file}`).sort()).toEqual(['error empty.txt', 'warning b/loop', 'warning notes.pdf']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
