// Pathological sizes under a timeout: megabyte single lines, 10,000 identical lines, 20,000 tiny files.
// Before ingest split long lines, the 10 MB line took minutes (the repeated-line rule's /^(.{12,}?)\s*\1$/
// is quadratic on one long periodic line: 28 s at 5 MB) and the 5 MB word without spaces never finished.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { ingestFolder } from '../../src/ingest/index.js';
import { MAX_LINE_CHARS } from '../../src/ingest/long-lines.js';
import { preprocess } from '../../src/pipeline.js';
import { makeTemp } from '../cli/run.js';

const tmp = makeTemp('pathological');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const OPTIONS = { singleStory: false, summaryWords: DEFAULT_CONFIG.summaryWords };
/** Generous for a loaded CI machine, far below what the quadratic paths took. */
const LIMIT_MS = 60_000;
const SENTENCE = 'The council voted on Monday to close the bridge for repairs, a spokeswoman said. ';

async function run(name: string, files: Readonly<Record<string, string>>): Promise<{ ms: number; result: Awaited<ReturnType<typeof preprocess>> }> {
  const seeds = path.join(tmp, name, 'seeds');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(seeds, file)), { recursive: true });
    fs.writeFileSync(path.join(seeds, file), text);
  }
  const started = performance.now();
  const result = await preprocess(seeds, path.join(tmp, name, 'content'), DEFAULT_CONFIG, OPTIONS);
  const ms = performance.now() - started;
  console.log(`pathological ${name}: ${(ms / 1000).toFixed(2)} s, ${result.digest.articles.length} articles, ${result.diagnostics.length} diagnostics`);
  return { ms, result };
}

describe('pathological inputs', () => {
  it('a 10 MB single line of one repeated sentence', { timeout: LIMIT_MS }, async () => {
    const { result } = await run('periodic-line', { 'long.txt': SENTENCE.repeat(Math.ceil(10e6 / SENTENCE.length)) });
    expect(result.digest.articles).toHaveLength(1);
    expect(result.diagnostics).toEqual([{ file: 'long.txt', severity: 'warning', message: `1 line longer than ${MAX_LINE_CHARS} characters split at sentence ends` }]);
  });

  it('a 5 MB single line of distinct sentences keeps them all', { timeout: LIMIT_MS }, async () => {
    const sentences: string[] = [];
    for (let i = 0, n = 0; n < 5e6; i++) {
      const s = `Report ${i} says inspectors checked span ${i % 97} of the bridge on day ${i % 31}.`;
      sentences.push(s);
      n += s.length + 1;
    }
    const { result } = await run('distinct-line', { 'long.txt': sentences.join(' ') });
    expect(result.digest.articles).toHaveLength(1);
    const text = result.digest.articles[0]?.text ?? '';
    // Spot-check that sentences from the start, the middle and the end all survive.
    for (const i of [1, Math.floor(sentences.length / 2), sentences.length - 1]) expect(text).toContain(sentences[i]);
  });

  it('a 5 MB line without a single space ends as one diagnostic, not a hang', { timeout: LIMIT_MS }, async () => {
    const { result } = await run('no-spaces', { 'x.txt': 'a'.repeat(5e6), 'ok.txt': `${SENTENCE}\n${SENTENCE.replace('Monday', 'Tuesday')}` });
    expect(result.digest.articles.map((a) => a.file)).toEqual(['ok.txt']);
    expect(result.diagnostics.filter((d) => d.file === 'x.txt' && d.severity === 'error')).toHaveLength(1);
  });

  it('10,000 identical lines', { timeout: LIMIT_MS }, async () => {
    const { result } = await run('identical', { 'same.txt': `${SENTENCE}\n`.repeat(10_000), 'menu.txt': `${SENTENCE.replace('bridge', 'ferry')}\n${'Share this article\n'.repeat(10_000)}` });
    expect(result.digest.articles).toHaveLength(2);
    expect(result.digest.articles.every((a) => a.paragraphs.length === 1)).toBe(true);
  });

  it('20,000 tiny files are all read (ingest)', { timeout: LIMIT_MS }, () => {
    const seeds = path.join(tmp, 'tiny-20000');
    fs.mkdirSync(seeds, { recursive: true });
    for (let i = 0; i < 20_000; i++) fs.writeFileSync(path.join(seeds, `t${String(i).padStart(5, '0')}.txt`), `Item ${i}: the council said on Monday that inspection ${i} found no damage.\n`);
    const started = performance.now();
    const { raws, diagnostics } = ingestFolder(seeds);
    console.log(`pathological tiny-20000 ingest: ${((performance.now() - started) / 1000).toFixed(2)} s`);
    expect(raws).toHaveLength(20_000);
    expect(diagnostics).toEqual([]);
  });

  it('2,000 tiny files through the whole preprocess', { timeout: LIMIT_MS * 2 }, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2_000; i++) files[`d${i % 10}/t${String(i).padStart(4, '0')}.txt`] = `Item ${i}: the council said on Monday that inspection ${i} of span ${i % 13} found no new damage.\n`;
    const { result } = await run('tiny-2000', files);
    expect(result.digest.articles).toHaveLength(2_000);
  });
});
