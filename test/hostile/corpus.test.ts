// Hostile corpus, end to end: every kind of bad input from issue 8 in one seeds folder, built by the CLI
// (preprocess + render). Nothing lost (every good article in digest.json and _site/), nothing injected
// (no script, event handler or javascript: URL from an input in any page), one line per bad file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTemp, runCli } from '../cli/run.js';
import { listFiles } from '../helpers.js';

const tmp = makeTemp('hostile');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const SEEDS_DIR = path.join(tmp, 'seeds');

const TOPICS = ['harbour bridge', 'city library', 'river ferry', 'school roof', 'tram line', 'water plant', 'market hall', 'airport runway', 'hospital wing', 'museum roof', 'stadium lights', 'town hall', 'bus depot', 'fire station', 'park lake', 'rail tunnel', 'post office', 'power station', 'ski lift', 'zoo gate', 'court house', 'harbour wall', 'opera house', 'cycle lane', 'dam spillway'];

/** A short news article about `topic` whose sentences are unique to it (the marker is its fingerprint). */
function article(topic: string, marker: string): string {
  return [
    `Council closes the ${topic} for urgent repairs`,
    `The city council voted on Monday to close the ${topic} for urgent repairs after inspectors found serious damage, a spokeswoman said.`,
    `Engineers told councillors that the work on the ${topic} would take at least three months and cost more than two million dollars.`,
    `Residents who rely on the ${topic} every day said they were worried about the disruption, but most agreed that safety had to come first.`,
    `The mayor said the council would publish a detailed timetable for the ${topic} works before the end of the week, and promised regular updates.`,
    `${marker} was the phrase the inspectors used in their report on the ${topic}, according to documents seen by reporters.`,
  ].join('\n');
}

/** `finding`: a known weakness outside ingest, shown in the table but not asserted (see the note). */
type Expect = 'kept' | 'kept-warning' | 'skipped' | 'reported' | 'finding';
interface Case {
  readonly file: string;
  readonly what: string;
  readonly expect: Expect;
  /** Text that must be visible in the built article page (good inputs only). */
  readonly marker?: string;
}
const cases: Case[] = [];
let topicIndex = 0;

function good(file: string, what: string, make: (text: string, marker: string) => Buffer | string, expect: Expect = 'kept'): void {
  const topic = TOPICS[topicIndex++ % TOPICS.length] ?? 'bridge';
  const marker = `Marker ${file.replace(/[^A-Za-z0-9]/g, '')} ${topicIndex}`;
  write(file, make(article(topic, marker), marker));
  cases.push({ file, what, expect, marker });
}
function bad(file: string, what: string, content: Buffer | string | null, expect: Expect = 'skipped'): void {
  if (content !== null) write(file, content);
  cases.push({ file, what, expect });
}
function write(file: string, content: Buffer | string): void {
  const full = path.join(SEEDS_DIR, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
}

const INJECT = '<script>alert(1)</script> <img src=x onerror=alert(2)> <a href="javascript:alert(3)">click</a> {{ 7*7 }} {% raw %}x{% endraw %} <b onclick="alert(4)">bold</b> <iframe src="javascript:alert(5)"></iframe>';
const TINY_FILES = 300;
const RUSSIAN = [
  'Городской совет в понедельник проголосовал за закрытие моста на ремонт, сообщила пресс-секретарь.',
  'По словам инженеров, работы займут не менее трёх месяцев и обойдутся более чем в два миллиона долларов.',
  'Жители, которые каждый день пользуются мостом, выразили обеспокоенность, но согласились, что безопасность важнее.',
  'Мэр пообещал опубликовать подробный график работ до конца недели и регулярно сообщать о ходе ремонта.',
].join('\n');

function buildCorpus(): void {
  // Good inputs, some in odd encodings, line ends and names.
  good('plain.txt', 'plain UTF-8 text', (t) => t);
  good('with space and ünïcödé 日本.txt', 'name with spaces and non-ASCII letters', (t) => t);
  good('crlf.txt', 'CRLF line ends', (t) => t.replace(/\n/g, '\r\n'));
  good('cr-only.txt', 'CR-only line ends', (t) => t.replace(/\n/g, '\r'));
  good('bom-utf8.txt', 'UTF-8 with BOM', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]));
  good('utf16le-bom.txt', 'UTF-16 LE with BOM', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t + ' Grüße, café.', 'utf16le')]), 'kept-warning');
  good('utf16be-bom.txt', 'UTF-16 BE with BOM', (t) => {
    const le = Buffer.from(t + ' Grüße.', 'utf16le');
    return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
  }, 'kept-warning');
  good('latin1.txt', 'Latin-1 (ISO-8859-1) text', (t) => iconv.encode(t + '\nLe café était fermé à cause de la grève, a déclaré le maire de la ville.', 'latin1'), 'kept-warning');
  good('invalid-utf8.txt', 'invalid UTF-8 (stray 0xFF/0xC3 bytes)', (t) => Buffer.concat([Buffer.from(t), Buffer.from([0x0a, 0xff, 0xc3, 0x28, 0x0a]), Buffer.from('The closing line of the report was read out by the clerk.\n')]), 'kept-warning');
  good('shift-jis.txt', 'Shift_JIS Japanese text', (t) => iconv.encode(`${t}\n東京都は月曜日、橋の修理のため閉鎖すると発表した。関係者によると、工事は数か月かかる見込みだ。`, 'shift_jis'), 'kept-warning');
  good('windows-1251.txt', 'Windows-1251 Russian text', (t) => iconv.encode(`${RUSSIAN}\n${t}`, 'win1251'), 'kept-warning');
  good('one-long-line.txt', '5 MB on a single line', (t) => {
    const sentences: string[] = [t.replace(/\n/g, ' ')];
    for (let i = 0; sentences.join(' ').length < 5e6 / 10 || i < 1; i++) sentences.push(`Paragraph ${i} of the long report repeats that the repairs will take months.`);
    const chunk = sentences.join(' ');
    return (chunk + ' ').repeat(10);
  }, 'kept-warning');
  good('identical-lines.txt', '10,000 identical lines after the article', (t) => `${t}\n${'Read more about the council on our website today.\n'.repeat(10_000)}`);
  good('starts-with-dashes.txt', 'text file that starts with ---', (t) => `---\n${t}\n---\n`);
  good('front-matter.md', 'Markdown with valid front matter', (t) => `---\ntitle: "Council closes the bridge: a \\"quoted\\" title"\npublisher: The Courier\ndate: 2016-04-18\n---\n${t.split('\n').slice(1).join('\n\n')}\n`);
  good('invalid-front-matter.md', 'Markdown with invalid front matter', (t) => `---\ntitle: [unclosed\n  : : bad\n---\n${t.split('\n').join('\n\n')}\n`, 'kept-warning');
  good('unclosed-front-matter.md', 'Markdown starting with --- and no closing fence', (t) => `---\n${t.split('\n').join('\n\n')}\n`);
  good('broken.html', 'broken HTML (unclosed tags, stray closers, no head or body)', (t) => `<html><title>Broken</title><div><p>${t.split('\n').join('<p>')}</div></span></table><td>cell<p>unclosed <b>bold <i>italic <!-- open comment`);
  bad('unclosed-title.html', 'HTML whose unclosed <title> swallows the page (browsers show nothing either)', `<html><head><title>Broken<body><p>${article('old pier', 'Marker swallowed').split('\n').join('<p>')}`);
  good('inject.html', 'HTML with script, on*= handlers, javascript: links, iframes', (t) => `<!doctype html><html><head><title>${INJECT}</title><script>alert(0)</script><meta property="og:title" content="Title &lt;script&gt;alert(6)&lt;/script&gt; {{ 7*7 }}"></head><body onload="alert(7)"><article>${t.split('\n').map((l) => `<p onclick="alert(8)">${l}</p>`).join('')}<p>${INJECT}</p><p><a href="javascript:alert(9)">Read the javascript: link</a> and {{ 7*7 }} and {% include "x" %}.</p></article></body></html>`);
  good('inject.txt', 'text with raw HTML, script and template syntax', (t) => `${t}\nThe council's statement said: ${INJECT} and {{ 7*7 }} should not be evaluated.\n<script>alert("raw")</script>\n`);
  good('inject.md', 'Markdown with raw HTML, javascript: link, template syntax in title', (t) => `---\ntitle: "<script>alert(1)</script> {{ 7*7 }} {% raw %}"\n---\n${t.split('\n').join('\n\n')}\n\nThe clerk read out the [council's link](javascript:alert(1)) and <img src=x onerror=alert(1)> and {{ 7*7 }} and {% if true %}yes{% endif %} without any change, officials said.\n\n<script>alert(2)</script>\n`);
  good('deep/a/b/c/d/nested.htm', 'deeply nested .htm', (t) => `<html><body><article>${t.split('\n').map((l) => `<p>${l}</p>`).join('')}</article></body></html>`);
  good('dupes/original.txt', 'first copy of an article', (t) => t);
  const original = fs.readFileSync(path.join(SEEDS_DIR, 'dupes/original.txt'));
  bad('dupes/same-again.txt', 'the same article twice (byte copy)', original, 'kept-warning');
  bad('dupes/same-crlf.txt', 'the same article twice (CRLF copy)', original.toString().replace(/\n/g, '\r\n'), 'kept-warning');
  for (let i = 0; i < TINY_FILES; i++) {
    const n = String(i).padStart(4, '0');
    write(`tiny/t${n}.txt`, `Tiny report ${n}: the council said on Monday that inspection number ${n} of the old harbour bridge found no new damage at all.\n`);
  }
  cases.push({ file: 'tiny/', what: `${TINY_FILES} tiny one-sentence files`, expect: 'kept' });

  // Bad inputs: each must get one line naming it.
  bad('empty.txt', 'empty file', '');
  bad('blank.txt', 'whitespace-only file', ' \n\t\r\n   \n');
  bad('binary.txt', 'binary bytes named .txt', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)));
  bad('png-as.html', 'PNG bytes named .html', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(500, 0)]));
  bad('picture.png', 'unsupported type', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'reported');
  bad('script-only.html', 'HTML with only a script, no text', '<html><head><script>alert(1)</script></head><body><script>alert(2)</script></body></html>');
  // The cleaner keeps "Home News Sport" as a one-line article (HTML pages skip its page-level rules): junk
  // kept, not an injection nor a loss; reported to the cleaner's owner rather than patched here.
  bad('nav-only.html', 'HTML with only navigation links', '<html><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></body></html>', 'finding');
  bad('front-matter-only.md', 'Markdown with front matter and no body', '---\ntitle: Nothing here\n---\n');
  bad('boilerplate.txt', 'only boilerplate lines', 'Share\nSubscribe to our newsletter\nFollow us\nHome > News\n');
  fs.mkdirSync(path.join(SEEDS_DIR, 'loop'), { recursive: true });
  fs.symlinkSync('..', path.join(SEEDS_DIR, 'loop', 'back-up'));
  cases.push({ file: 'loop/back-up', what: 'symlink loop (folder linking to its parent)', expect: 'reported' });
  fs.symlinkSync('does-not-exist.txt', path.join(SEEDS_DIR, 'dangling.txt'));
  cases.push({ file: 'dangling.txt', what: 'dangling symlink', expect: 'skipped' });
  const fifo = spawnSync('mkfifo', [path.join(SEEDS_DIR, 'pipe.txt')]);
  if (fifo.status === 0) cases.push({ file: 'pipe.txt', what: 'named pipe called .txt (would block a reader)', expect: 'skipped' });
  if (process.getuid?.() !== 0) {
    write('unreadable.txt', article('secret room', 'Marker unreadable'));
    fs.chmodSync(path.join(SEEDS_DIR, 'unreadable.txt'), 0);
    cases.push({ file: 'unreadable.txt', what: 'unreadable file (mode 000)', expect: 'skipped' });
  }
  fs.mkdirSync(path.join(SEEDS_DIR, 'locked-folder'));
  write('locked-folder/inside.txt', article('vault', 'Marker vault'));
  if (process.getuid?.() !== 0) {
    fs.chmodSync(path.join(SEEDS_DIR, 'locked-folder'), 0);
    cases.push({ file: 'locked-folder', what: 'unreadable folder (mode 000)', expect: 'skipped' });
  } else {
    // As root every file is readable: the folder's article is a good one then.
    cases.push({ file: 'locked-folder/inside.txt', what: 'article in a folder (mode 000 is no barrier to root)', expect: 'kept', marker: 'Marker vault' });
  }
}

interface Outcome {
  readonly lines: string[];
  readonly inDigest: boolean;
  readonly inSite: boolean;
}

let run: { status: number | null; stderr: string };
let digest: { articles: { file: string; id: string; title: string; text: string }[]; diagnostics: { file: string; severity: string; message: string }[] };
let pages: Map<string, string>;
const outcomes = new Map<string, Outcome>();
let injections: string[] = [];
let elapsedMs = 0;

/** Elements, attributes and URLs that would run code if they came from an input. */
function findInjections(file: string, html: string): string[] {
  const found: string[] = [];
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    // The site's own search <form> is allowed; nothing an input could bring in that runs code is.
    // The search page's own module script (templates/search.njk) is the one script a page may have.
    const ownScript = tag === 'script' && /^\/(?:[^/]+\/)*assets\/search\.js$/.test(el.getAttribute('src') ?? '') && !(el.textContent ?? '').trim();
    if (['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base'].includes(tag) && !ownScript) found.push(`${file}: <${tag}>`);
    if (tag === 'form' && el.getAttribute('role') !== 'search' && !el.closest('header')) found.push(`${file}: <form> outside the site header`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${file}: ${tag}[${attr.name}]`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(attr.name.toLowerCase()) && /^\s*(javascript|data|vbscript):/i.test(attr.value)) found.push(`${file}: ${tag}[${attr.name}=${attr.value}]`);
    }
  }
  if (/\b49\b/.test(document.body?.textContent ?? '') && !/\b49\b/.test(html.replace(/<[^>]*>/g, ''))) found.push(`${file}: template evaluated`);
  return found;
}

function readPages(site: string): Map<string, string> {
  return new Map(listFiles(site).filter((f) => /\.(html|xml|json)$/.test(f)).map((f) => [f, fs.readFileSync(path.join(site, f), 'utf8')]));
}

beforeAll(() => {
  buildCorpus();
  const started = performance.now();
  run = runCli(['build', '--seeds', 'seeds', '--content', 'content', '--out', '_site'], { cwd: tmp, timeout: 600_000 });
  elapsedMs = performance.now() - started;
  digest = JSON.parse(fs.readFileSync(path.join(tmp, 'content', '_data', 'digest.json'), 'utf8'));
  pages = readPages(path.join(tmp, '_site'));
  const articlePages = [...pages].filter(([file]) => file.startsWith('articles/'));
  for (const c of cases) {
    const lines = run.stderr.split('\n').filter((l) => l.startsWith(`roundup: error: ${c.file}`) || l.startsWith(`roundup: warning: ${c.file}`));
    const article = digest.articles.find((a) => a.file === c.file);
    const inSite = c.marker !== undefined && article !== undefined && articlePages.some(([file, html]) => file.includes(article.id) && (parseHTML(html).document.body?.textContent ?? '').includes(c.marker ?? '\0'));
    outcomes.set(c.file, { lines, inDigest: article !== undefined, inSite });
  }
  injections = [...pages].filter(([file]) => file.endsWith('.html')).flatMap(([file, html]) => findInjections(file, html));
  // The table for the report: input → outcome.
  const rows = cases.map((c) => {
    const o = outcomes.get(c.file);
    const outcome = c.file === 'tiny/' ? `${digest.articles.filter((a) => a.file.startsWith('tiny/')).length} of ${TINY_FILES} in digest` : o?.inDigest ? `kept${o.inSite ? ', page shows its text' : ''}` : 'not in digest';
    const said = o?.lines.map((l) => l.replace(/^roundup: /, '')).join(' / ') || '—';
    return `| ${c.what} | \`${c.file}\` | ${c.expect} | ${outcome} | ${said.replace(/\|/g, '\\|')} |`;
  });
  const lost = cases.filter((c) => c.marker && !(outcomes.get(c.file)?.inDigest && outcomes.get(c.file)?.inSite)).length;
  const table = [
    `Hostile corpus: ${cases.length} inputs (+${TINY_FILES - 1} more tiny files), exit ${run.status}, ${(elapsedMs / 1000).toFixed(1)} s; crashes: ${run.status === 2 || run.status === null ? 1 : 0}; good articles lost: ${lost}; injections: ${injections.length}`,
    '',
    '| input | file | expected | outcome | diagnostic |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  fs.writeFileSync(path.join(os.tmpdir(), 'roundup-hostile-report.md'), table + '\n');
  console.log(table);
});

describe('hostile corpus, built end to end', () => {
  it('finishes without crashing, exit 0 with warnings, and ends with the skipped-files summary', () => {
    expect(run.status, run.stderr.slice(-3000)).toBe(0);
    expect(run.stderr).not.toMatch(/internal error/);
    const summary = run.stderr.trim().split('\n').at(-1) ?? '';
    expect(summary).toMatch(/^roundup: summary: \d+ files skipped \(.*\); \d+ warnings; see the lines above$/);
  });

  it('keeps every good article: in digest.json and on its page in _site', () => {
    const lost = cases.filter((c) => c.marker).filter((c) => !outcomes.get(c.file)?.inDigest || !outcomes.get(c.file)?.inSite).map((c) => c.file);
    expect(lost).toEqual([]);
    expect(digest.articles.filter((a) => a.file.startsWith('tiny/'))).toHaveLength(TINY_FILES);
  });

  it('gives every bad input exactly one line naming the file, with the expected severity', () => {
    for (const c of cases.filter((x) => x.expect === 'skipped' || x.expect === 'reported')) {
      const o = outcomes.get(c.file);
      expect(o?.lines, `${c.file} (${c.what})`).toHaveLength(1);
      expect(o?.inDigest, c.file).toBe(false);
      if (c.expect === 'skipped') expect(o?.lines[0], c.file).toMatch(/^roundup: error: /);
    }
    for (const c of cases.filter((x) => x.expect === 'kept-warning')) expect(outcomes.get(c.file)?.lines.length, `${c.file} (${c.what})`).toBeGreaterThanOrEqual(1);
    for (const c of cases.filter((x) => x.expect === 'kept' && x.marker)) expect(outcomes.get(c.file)?.lines.filter((l) => l.includes('error')), c.file).toEqual([]);
  });

  it('decodes what can be decoded instead of dropping it', () => {
    const text = (file: string): string => digest.articles.find((a) => a.file === file)?.text ?? '';
    expect(text('latin1.txt')).toContain('Le café était fermé à cause de la grève');
    expect(text('shift-jis.txt')).toContain('東京都は月曜日');
    expect(text('windows-1251.txt')).toContain('Городской совет');
    expect(text('utf16le-bom.txt')).toContain('Grüße, café.');
    expect(text('utf16be-bom.txt')).toContain('Grüße.');
    expect(outcomes.get('shift-jis.txt')?.lines).toContain('roundup: warning: shift-jis.txt: decoded as shift_jis');
  });

  it('lets no script, event handler or javascript: URL from any input into any page', () => {
    expect(injections).toEqual([]);
    expect(pages.size).toBeGreaterThan(TINY_FILES);
  });

  it('has an injection detector that does find injections (so the check above can fail)', () => {
    const html = '<html><body><p onclick="x()">a</p><a href=" javascript:x()">b</a><script>x()</script><iframe src="data:text/html,x"></iframe><script type="module" src="/p/assets/search.js"></script></body></html>';
    expect(findInjections('x.html', html)).toEqual(['x.html: p[onclick]', 'x.html: a[href= javascript:x()]', 'x.html: <script>', 'x.html: <iframe>', 'x.html: iframe[src=data:text/html,x]']);
  });

  it('shows template syntax and markup from inputs as visible text', () => {
    const pageOf = (file: string): string => {
      const a = digest.articles.find((x) => x.file === file);
      const html = [...pages].find(([p]) => p.startsWith('articles/') && a && p.includes(a.id))?.[1] ?? '';
      return parseHTML(html).document.body?.textContent ?? '';
    };
    const txt = pageOf('inject.txt');
    expect(txt).toContain('{{ 7*7 }}');
    expect(txt).toContain('{% raw %}');
    expect(txt).toContain('<script>alert(1)</script>');
    expect(txt).toContain('onerror=alert(2)');
    const md = pageOf('inject.md');
    expect(md).toContain('{{ 7*7 }}');
    expect(md).toContain('{% if true %}');
    expect(pageOf('inject.html')).toContain('{{ 7*7 }}');
    const injectMd = digest.articles.find((a) => a.file === 'inject.md');
    expect(injectMd?.title).toBe('<script>alert(1)</script> {{ 7*7 }} {% raw %}');
  });
});
