// Hostile names and dates (issue 19, findings 4, 5, 10, 11), preprocessed by the CLI: a 300-letter word as title,
// first line, publisher and og:site_name; publishers whose ids clashed; invisible and bidi characters in names;
// impossible dates. None may stop the run, share a page, hide in a name or be silently changed.
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTemp, runCli } from '../cli/run.js';
import { listFiles } from '../helpers.js';

const tmp = makeTemp('hostile-names');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const WORD = 'z'.repeat(300);
const SITE_WORD = 'y'.repeat(300);
const TOPICS = ['harbour bridge', 'city library', 'river ferry', 'school roof', 'tram line', 'water plant', 'market hall', 'airport runway', 'hospital wing', 'museum roof', 'stadium lights', 'town hall', 'bus depot', 'fire station', 'park lake'];
let topic = 0;

/** Three sentences about a topic of their own, so that no two inputs share a line. */
function body(): string {
  const t = TOPICS[topic++ % TOPICS.length] ?? 'bridge';
  return [
    `The city council voted on Monday to close the ${t} for urgent repairs after inspectors found serious damage, a spokeswoman said.`,
    `Engineers told councillors that the work on the ${t} would take at least three months and cost more than two million dollars.`,
    `Residents who rely on the ${t} every day said they were worried about the disruption, but most agreed that safety had to come first.`,
  ].join('\n\n');
}
const md = (front: Record<string, string>, text = body()): string =>
  `---\n${Object.entries(front).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n${text}\n`;

const FILES: Record<string, string> = {
  'long-title.md': md({ title: WORD }),
  'long-first-line.txt': `${WORD}\n\n${body()}\n`,
  'long-publisher.md': md({ title: 'Council closes the river ferry', publisher: WORD }),
  'long-site-name.html': `<html><head><meta property="og:site_name" content="${SITE_WORD}"><title>Council closes the school roof</title></head><body><article>${body().split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
  'cjk-1.md': md({ title: 'Council closes the tram line', publisher: '明东日' }),
  'cjk-2.md': md({ title: 'Council closes the water plant', publisher: '北日北' }),
  'clash-1.md': md({ title: 'Council closes the market hall', publisher: 'tHe DaILy cOUrier' }),
  'clash-2.md': md({ title: 'Council closes the airport runway', publisher: 'the DAily COUrier' }),
  'zwsp.md': md({ title: 'Council closes the hospital wing', publisher: '"SBS\u200b News"' }),
  'plain-sbs.md': md({ title: 'Council closes the museum roof', publisher: 'SBS News' }),
  'rlo.md': md({ title: '"Council \u202ecloses the stadium lights"', publisher: '"\u202eCourier"' }, `${body()}\n\nThe clerk wrote \u202ethis part reversed on purpose and never closed it.`),
  'bad-date-1.md': md({ title: 'Council closes the town hall', date: '2024-13-45' }),
  'bad-date-2.md': md({ title: 'Council closes the bus depot', date: '-0001-01-01' }),
  'bad-date.html': `<html><head><meta property="article:published_time" content="2024-02-30T10:00:00Z"><title>Council closes the fire station</title></head><body><article>${body().split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
};
const BAD_DATES: Record<string, string> = { 'bad-date-1.md': '2024-13-45', 'bad-date-2.md': '-0001-01-01', 'bad-date.html': '2024-02-30T10:00:00Z' };
/** Bidi controls and invisible characters that must not be in a name or title. */
const HIDDEN_RE = /[\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;

let run: { status: number | null; stderr: string };
let digest: { articles: { file: string; title: string; publisher: string | null; date: string | null; text: string }[] };
let content: string;

beforeAll(() => {
  const seeds = path.join(tmp, 'seeds');
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(seeds, file)), { recursive: true });
    fs.writeFileSync(path.join(seeds, file), text);
  }
  content = path.join(tmp, 'content');
  run = runCli(['preprocess', '--seeds', 'seeds', '--content', 'content', '--no-cache'], { cwd: tmp });
  digest = JSON.parse(fs.readFileSync(path.join(content, '_data', 'digest.json'), 'utf8'));
});

const sourcePages = (): { file: string; title: string }[] =>
  listFiles(content).filter((f) => /^sources\/[^/]+\.md$/.test(f)).map((file) => ({ file, title: String(matter(fs.readFileSync(path.join(content, file), 'utf8'), {}).data['title']) }));

describe('hostile names and dates', () => {
  it('finish with exit 0, no internal error, every input an article', () => {
    expect(run.status, run.stderr.slice(-2000)).toBe(0);
    expect(run.stderr).not.toMatch(/internal error|ENAMETOOLONG/);
    expect(digest.articles.map((a) => a.file).sort()).toEqual(Object.keys(FILES).sort());
  });

  it('give every page a file name bounded in bytes, whatever the length of a word (finding 4)', () => {
    const files = listFiles(content);
    // Eight publishers, two of them one 300-letter word.
    expect(sourcePages().map((p) => p.title)).toEqual(expect.arrayContaining([WORD, SITE_WORD]));
    expect(sourcePages()).toHaveLength(8);
    for (const file of files) expect(Buffer.byteLength(path.basename(file)), file).toBeLessThanOrEqual(100);
  });

  it('give names whose ids clashed pages of their own (finding 5)', () => {
    const titles = sourcePages().map((p) => p.title);
    for (const name of ['明东日', '北日北', 'tHe DaILy cOUrier', 'the DAily COUrier']) expect(titles).toContain(name);
    expect(sourcePages().map((p) => p.file)).toEqual(expect.arrayContaining(['sources/ming-dong-ri-3fe519.md', 'sources/bei-ri-bei-3fe519.md']));
  });

  it('strip invisible and bidi characters from titles and names, not from the text (finding 10)', () => {
    expect(sourcePages().filter((p) => p.title === 'SBS News')).toHaveLength(1);
    expect(digest.articles.filter((a) => a.publisher === 'SBS News')).toHaveLength(2);
    const rlo = digest.articles.find((a) => a.file === 'rlo.md');
    expect(rlo?.title).toBe('Council closes the stadium lights');
    expect(rlo?.publisher).toBe('Courier');
    expect(rlo?.text).toContain('\u202ethis part reversed');
    for (const file of listFiles(content).filter((f) => f.endsWith('.md'))) {
      const data = matter(fs.readFileSync(path.join(content, file), 'utf8'), {}).data;
      expect(String(data['title']), file).not.toMatch(HIDDEN_RE);
    }
    // Feeds and OPML hold the text isolated: every override they carry is closed.
    for (const file of ['feeds/opml.md', 'feeds/atom.md', 'feeds/json.md']) {
      const text = fs.readFileSync(path.join(content, file), 'utf8');
      expect(text.split('\u202e').length, file).toBe(text.split('\u202c').length);
    }
    expect(fs.readFileSync(path.join(content, 'feeds/opml.md'), 'utf8')).not.toMatch(HIDDEN_RE);
    const page = listFiles(content).find((f) => f.startsWith('articles/council-closes-the-stadium-lights-'));
    expect(fs.readFileSync(path.join(content, page ?? 'missing'), 'utf8')).toContain('\u2068The clerk wrote \u202ethis part reversed on purpose and never closed it\\.\u202c\u2069');
  });

  it('refuse impossible dates with one warning naming the file and the value, as no date (finding 11)', () => {
    for (const [file, value] of Object.entries(BAD_DATES)) {
      expect(digest.articles.find((a) => a.file === file)?.date, file).toBeNull();
      const lines = run.stderr.split('\n').filter((l) => l.startsWith(`roundup: warning: ${file}: `));
      expect(lines).toEqual([`roundup: warning: ${file}: declared date ${JSON.stringify(value)} is not a real calendar day (year 1000–9999, month 1–12, a day the month has): ignored`]);
    }
  });
});
