// Ingest on hostile bytes: legacy encodings detected, megabyte lines split, duplicates skipped, no crash on any bytes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, detectLegacyEncoding } from '../../src/ingest/decode.js';
import { ingestFolder, parseInput } from '../../src/ingest/index.js';
import { MAX_LINE_CHARS, splitLongLines } from '../../src/ingest/long-lines.js';
import { readRegularFile } from '../../src/ingest/read-file.js';

const SAMPLES: readonly (readonly [string, string])[] = [
  ['shift_jis', '東京都は月曜日、橋の修理のため閉鎖すると発表した。関係者によると、工事は数か月かかる見込みだ。'],
  ['euc-jp', '東京都は月曜日、橋の修理のため閉鎖すると発表した。関係者によると、工事は数か月かかる見込みだ。'],
  ['gb18030', '市议会周一投票决定关闭这座桥进行维修，一位女发言人说。工程预计将持续数月。'],
  ['big5', '市議會週一投票決定關閉這座橋進行維修，一位女發言人說。工程預計將持續數月。'],
  ['euc-kr', '시의회는 월요일 다리를 수리하기 위해 폐쇄하기로 결정했다고 대변인이 말했다.'],
  ['windows-1251', 'Городской совет в понедельник проголосовал за закрытие моста на ремонт, сообщила пресс-секретарь.'],
  ['koi8-r', 'Городской совет в понедельник проголосовал за закрытие моста на ремонт, сообщила пресс-секретарь.'],
  ['iso-8859-7', 'Το δημοτικό συμβούλιο ψήφισε τη Δευτέρα το κλείσιμο της γέφυρας για επισκευές.'],
  ['iso-8859-2', 'Rada miasta zagłosowała w poniedziałek za zamknięciem mostu, powiedziała rzeczniczka. Żółć gęślą jaźń.'],
];

describe('legacy encodings', () => {
  it.each(SAMPLES)('detects %s and decodes it exactly', (encoding, text) => {
    const d = decodeBytes(iconv.encode(text, encoding));
    expect(d).toEqual({ ok: true, text, encoding });
  });

  it.each([
    ['French Latin-1', 'Le café était fermé à cause de la grève, a déclaré le maire. Où est passé l’été ? Ça va très bien.'],
    ['German Latin-1', 'Der Stadtrat stimmte am Montag für die Schließung der Brücke, sagte eine Sprecherin. Größe, Übung, Ärger.'],
    ['English Windows-1252', 'He said “no” — and left. The café’s owner agreed.'],
    ['one accented word', 'café'],
  ])('keeps %s as Windows-1252 (not a Central European or Cyrillic guess)', (_label, text) => {
    const bytes = iconv.encode(text, 'windows-1252');
    expect(detectLegacyEncoding(bytes)).toBe('windows-1252');
    expect(decodeBytes(bytes)).toEqual({ ok: true, text, encoding: 'windows-1252' });
  });

  it('reads mostly-English Windows-1251 text with Russian lines as Windows-1251, not as mojibake', () => {
    const text = `Городской совет проголосовал за закрытие моста, сообщила пресс-секретарь.\nПо словам инженеров, работы займут три месяца.\n${'The council voted on Monday to close the bridge for repairs, a spokeswoman said. '.repeat(4)}`;
    expect(decodeBytes(iconv.encode(text, 'windows-1251'))).toEqual({ ok: true, text, encoding: 'windows-1251' });
  });

  it('warns which encoding a file was decoded as', () => {
    const r = parseInput('ja/記事.txt', 'text', iconv.encode(SAMPLES[0]?.[1] ?? '', 'shift_jis'));
    expect(r.ok && r.diagnostics).toEqual([{ file: 'ja/記事.txt', severity: 'warning', message: 'decoded as shift_jis' }]);
  });
});

describe('splitLongLines', () => {
  it('leaves ordinary text alone', () => {
    expect(splitLongLines('a\nb')).toEqual({ text: 'a\nb', split: 0 });
  });
  it('cuts a megabyte line at sentence ends, losing no character', () => {
    const line = Array.from({ length: 40_000 }, (_, i) => `Sentence ${i} is here.`).join(' ');
    const r = splitLongLines(line);
    const lines = r.text.split('\n');
    expect(r.split).toBe(1);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(MAX_LINE_CHARS);
    for (const l of lines) expect(l).toMatch(/^Sentence \d+ .*here\.$/);
    expect(lines.join(' ')).toBe(line);
  });
  it('cuts a line without spaces at the limit, never inside a surrogate pair', () => {
    const line = 'a'.repeat(MAX_LINE_CHARS - 1) + '😀'.repeat(10);
    const r = splitLongLines(line);
    expect(r.text.replace(/\n/g, '')).toBe(line);
    for (const l of r.text.split('\n')) expect(l.isWellFormed()).toBe(true);
  });
  it('property: never loses a non-space character and never leaves a line over the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '.', '\n', 'é', '😀', '"'), maxLength: 400 }), fc.integer({ min: 4, max: 50 }), (text, limit) => {
        const r = splitLongLines(text, limit);
        expect(r.text.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        for (const l of r.text.split('\n')) expect(l.length).toBeLessThanOrEqual(limit);
      }),
      { numRuns: 1000, seed: 8 },
    );
  });
});

describe('parseInput on arbitrary bytes (property)', () => {
  const formats = ['text', 'markdown', 'html'] as const;
  const check = (bytes: Uint8Array, format: (typeof formats)[number]): void => {
    const r = parseInput('dir/some file.txt', format, bytes);
    if (r.ok) {
      expect(r.raw.file).toBe('dir/some file.txt');
      expect(r.raw.text.trim()).not.toBe('');
      expect(r.raw.text).not.toMatch(/\r|\u0000/);
      for (const d of r.diagnostics) expect(d).toMatchObject({ file: 'dir/some file.txt', severity: 'warning' });
    } else {
      expect(r.diagnostic.file).toBe('dir/some file.txt');
      expect(r.diagnostic.severity).toBe('error');
      expect(r.diagnostic.message).toMatch(/\S/);
      // The catch-all in parseInput is a safety net; no generated input should need it.
      expect(r.diagnostic.message).not.toMatch(/could not be parsed/);
    }
  };
  it('never throws on random bytes; returns an article or a diagnostic naming the file', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(...formats), (bytes, format) => check(bytes, format)), { numRuns: 1500, seed: 88 });
  });
  it('never throws on text-like bytes (markup, front matter fences, BOMs, CR, NUL)', () => {
    const piece = fc.constantFrom('---\n', 'title: x\n', 'title: [\n', '<p>', '</p>', '<script>', '<!--', '\r', '\r\n', '\u0000', '\uFEFF', 'é', '{{ 7*7 }}', 'Word. ', '\n\n', '<html lang="x">', '<meta property="og:title" content="', '"');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(...formats), fc.constantFrom('utf8', 'utf16le', 'latin1'), (parts, format, enc) => {
        const text = parts.join('');
        const bytes = enc === 'utf16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(text, enc);
        check(bytes, format);
      }),
      { numRuns: 1500, seed: 89 },
    );
  });
});

describe('ingestFolder', () => {
  it('names every copy of the same article, whatever its encoding or line ends, and still reads it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-dupe-'));
    const text = 'The council voted on Monday to close the bridge, a spokeswoman said.\nIt will reopen in autumn.\n';
    fs.writeFileSync(path.join(dir, 'a.txt'), text);
    fs.writeFileSync(path.join(dir, 'b crlf.txt'), text.replace(/\n/g, '\r\n'));
    fs.writeFileSync(path.join(dir, 'c-utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    fs.writeFileSync(path.join(dir, 'd.txt'), text + 'One more line.\n');
    const r = ingestFolder(dir);
    expect(r.raws.map((x) => x.file)).toEqual(['a.txt', 'b crlf.txt', 'c-utf16.txt', 'd.txt']);
    expect(r.diagnostics.filter((d) => d.message.startsWith('same article'))).toEqual([
      { file: 'b crlf.txt', severity: 'warning', message: 'same article as a.txt: shown once, as a copy' },
      { file: 'c-utf16.txt', severity: 'warning', message: 'same article as a.txt: shown once, as a copy' },
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('odd but readable inputs', () => {
  const PARA = 'The council voted on Monday to close the bridge for repairs, a spokeswoman said.';
  it('reads a Markdown file that opens with --- and never closes it as Markdown, not as front matter', () => {
    const r = parseInput('open.md', 'markdown', new TextEncoder().encode(`---\n${PARA}\n\nIt will reopen in autumn.\n`));
    expect(r.ok && r.raw.text).toBe(`${PARA}\n\nIt will reopen in autumn.`);
  });
  it('finds the article of an HTML page with no <body> tag', () => {
    const r = parseInput('nobody.html', 'html', new TextEncoder().encode(`<html lang="fr"><title>T</title><div><p>${PARA}<p>It will reopen in autumn.</div></span>`));
    expect(r.ok && r.raw.text).toBe(`${PARA}\n\nIt will reopen in autumn.`);
    expect(r.ok && r.raw.declared.language).toBe('fr');
  });
  it('reports a named pipe called .txt instead of blocking on it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-fifo-'));
    const { status } = spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    if (status !== 0) return;
    expect(ingestFolder(dir).diagnostics).toEqual([{ file: 'pipe.txt', severity: 'error', message: 'skipped: not a regular file (pipe, socket or device)' }]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('does not follow a symlink (to a file or a folder) out of the seeds folder: one line per link, nothing read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-links-'));
    const seeds = path.join(dir, 'seeds');
    const outside = path.join(dir, 'private');
    fs.mkdirSync(path.join(seeds, 'sub'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(seeds, 'sub', 'story.txt'), `${PARA} (inside)`);
    fs.writeFileSync(path.join(outside, 'LICENSE.txt'), `${PARA} SECRET-LICENCE`);
    fs.writeFileSync(path.join(outside, 'secret.txt'), `${PARA} SECRET-FOLDER`);
    fs.symlinkSync(path.join(outside, 'LICENSE.txt'), path.join(seeds, 'licence.txt'));
    fs.symlinkSync(outside, path.join(seeds, 'linked'));
    fs.symlinkSync('..', path.join(seeds, 'sub', 'up'));
    // A link that stays inside is followed as before.
    fs.symlinkSync(path.join(seeds, 'sub', 'story.txt'), path.join(seeds, 'alias.txt'));
    const r = ingestFolder(seeds);
    expect(r.raws.map((x) => x.file)).toEqual(['alias.txt', 'sub/story.txt']);
    expect(r.raws.some((x) => x.text.includes('SECRET'))).toBe(false);
    const outsideLinks = r.diagnostics.filter((d) => d.message === 'symlink to outside the seeds folder, skipped');
    expect(outsideLinks.map((d) => `${d.severity} ${d.file}`)).toEqual(['error licence.txt', 'error linked']);
    // `sub/up` is the seeds folder itself (inside, already visited): the loop rule, not the outside one.
    expect(r.diagnostics.find((d) => d.file === 'sub/up')?.message).toMatch(/symlink loop/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a file swapped for a FIFO after listing is refused on the opened handle, not waited on', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-swap-'));
    fs.writeFileSync(path.join(dir, 'swap.txt'), PARA);
    fs.writeFileSync(path.join(dir, 'ok.txt'), `${PARA} (ok)`);
    // In a child process, so that a blocking open() (the old behaviour) fails the test by timeout instead of
    // hanging the test runner: the listing's stat sees a regular file, then the file becomes a FIFO.
    const script = `
      import fs from 'node:fs';
      import { spawnSync } from 'node:child_process';
      const stat = fs.statSync;
      fs.statSync = (file, ...rest) => {
        const s = stat(file, ...rest);
        if (String(file).endsWith('swap.txt') && s.isFile()) { fs.rmSync(file); spawnSync('mkfifo', [file]); }
        return s;
      };
      const { ingestFolder } = await import(${JSON.stringify(path.join(import.meta.dirname, '../../dist/ingest/index.js'))});
      const r = ingestFolder(${JSON.stringify(dir)});
      console.log(JSON.stringify({ files: r.raws.map((x) => x.file), diagnostics: r.diagnostics }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 10_000 });
    if (spawnSync('mkfifo', ['--version']).status !== 0) return;
    expect(run.signal, 'the read blocked on the FIFO').toBeNull();
    expect(JSON.parse(run.stdout)).toEqual({ files: ['ok.txt'], diagnostics: [{ file: 'swap.txt', severity: 'error', message: 'skipped: not a regular file (pipe, socket or device)' }] });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads nothing but a regular file, whatever the name says: a FIFO and a device are refused without blocking', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-fifo-open-'));
    const fifo = path.join(dir, 'pipe.txt');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    expect(readRegularFile(fifo, { followLink: true })).toEqual({ ok: false, problem: 'skipped: not a regular file (pipe, socket or device)' });
    expect(readRegularFile('/dev/zero', { followLink: true })).toEqual({ ok: false, problem: 'skipped: not a regular file (pipe, socket or device)' });
    fs.writeFileSync(path.join(dir, 'real.txt'), PARA);
    fs.symlinkSync(path.join(dir, 'real.txt'), path.join(dir, 'link.txt'));
    expect(readRegularFile(path.join(dir, 'link.txt'), { followLink: false })).toEqual({ ok: false, problem: 'skipped: replaced by a symlink after it was listed' });
    const read = readRegularFile(path.join(dir, 'link.txt'), { followLink: true });
    expect(read.ok && read.bytes.toString()).toBe(PARA);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
