// Determinism: the whole build (content/ and _site/) is byte-identical across runs, the order files were
// copied in (directory order), the folder's location, the time zone and the locale.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS } from '../helpers.js';
import { makeTemp, readTreeBytes, runCli, treeDifference } from './run.js';

const tmp = makeTemp('determinism');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Variant {
  readonly name: string;
  readonly env: Readonly<Record<string, string>>;
  /** Order the seed files are copied in (creation order is what many file systems list). */
  readonly order: 'sorted' | 'reversed' | 'shuffled';
  /** Extra folder depth, so absolute paths differ in length too. */
  readonly depth: string;
}

const VARIANTS: readonly Variant[] = [
  { name: 'utc-c', env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' }, order: 'sorted', depth: '' },
  { name: 'kiritimati-tr', env: { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }, order: 'reversed', depth: 'a/b c' },
  { name: 'honolulu-de', env: { TZ: 'Pacific/Honolulu', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', LANGUAGE: 'de' }, order: 'shuffled', depth: 'ü' },
  { name: 'kathmandu-ja', env: { TZ: 'Asia/Kathmandu', LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8' }, order: 'sorted', depth: 'x' },
];

/** The seeds plus a second folder and a few odd names, so the listing order has something to get wrong. */
function copySeeds(dest: string, order: Variant['order']): void {
  const names = fs.readdirSync(SEEDS).sort();
  const files: [string, string][] = names.map((n, i) => [path.join(SEEDS, n), i % 2 ? `sub/${n}` : n]);
  // Names whose order differs between byte order and locale collation ('B' < 'a' < 'ä' < 'z' in bytes).
  const extra = (n: string): string => (fs.readFileSync(path.join(SEEDS, names[0] ?? ''), 'utf8').split('\n').slice(0, 12).join('\n') + `\nThis copy is called ${n}.\n`);
  const odd = ['Zebra.txt', 'apple.txt', 'Äpfel.txt', 'ünter.txt', 'İstanbul.txt'];
  const all: [string, string | null][] = [...files.map(([src, rel]): [string, string | null] => [rel, src]), ...odd.map((n): [string, string | null] => [n, null])];
  if (order === 'reversed') all.reverse();
  if (order === 'shuffled') all.sort((a, b) => (a[0].length % 3) - (b[0].length % 3) || (a[0] < b[0] ? 1 : -1));
  // Dated inputs, so a date read or formatted in local time would show up under another time zone.
  const body = fs.readFileSync(path.join(SEEDS, names[1] ?? ''), 'utf8');
  all.push(['dated/front-matter.md', null], ['dated/published.txt', null], ['dated/page.html', null]);
  const dated: Record<string, string> = {
    'dated/front-matter.md': `---\ntitle: Talks resume after the ceasefire\ndate: 2016-04-18T23:30:00-05:00\n---\n${body}`,
    'dated/published.txt': `Published: April 18, 2016\n${body.split('\n').slice(0, 8).join('\n')}\nA line only this copy has.\n`,
    'dated/page.html': `<!doctype html><html lang="en"><head><meta property="article:published_time" content="2016-04-18T23:30:00-05:00"><title>Ceasefire page</title></head><body><article>${body.split('\n').filter((l) => l.trim()).slice(0, 10).map((l) => `<p>${l.replace(/[<&]/g, ' ')}</p>`).join('')}<p>Only the page says this.</p></article></body></html>`,
  };
  for (const [rel, src] of all) {
    const target = path.join(dest, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (src) fs.copyFileSync(src, target);
    else fs.writeFileSync(target, dated[rel] ?? extra(rel));
  }
}

const built = new Map<string, { content: Map<string, Buffer>; site: Map<string, Buffer> }>();

beforeAll(() => {
  for (const v of VARIANTS) {
    const dir = path.join(tmp, v.name, v.depth);
    fs.mkdirSync(dir, { recursive: true });
    copySeeds(path.join(dir, 'seeds'), v.order);
    const r = runCli(['build', '--seeds', 'seeds', '--content', 'content', '--out', '_site', '--quiet'], { cwd: dir, env: v.env });
    expect(r.status, `${v.name}: ${r.stderr}`).toBe(0);
    built.set(v.name, { content: readTreeBytes(path.join(dir, 'content')), site: readTreeBytes(path.join(dir, '_site')) });
  }
});

describe('a build is byte-identical', () => {
  const [first, ...rest] = VARIANTS;
  it.each(rest.map((v) => [v.name, v]))('under %s as under UTC/C in sorted order', (_name, v) => {
    const a = built.get(first?.name ?? '');
    const b = built.get(v.name);
    expect(a && b).toBeTruthy();
    if (!a || !b) return;
    expect(a.content.size).toBeGreaterThan(10);
    expect(a.site.size).toBeGreaterThan(10);
    expect(treeDifference(a.content, b.content), 'content/').toBeNull();
    expect(treeDifference(a.site, b.site), '_site/').toBeNull();
  });
});
