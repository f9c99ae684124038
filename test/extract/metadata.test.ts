// Whole-page metadata fixtures (issue 14): each test/fixtures/extract/pages/<case>/source.{txt,html} goes through ingest,
// clean and extract; expected-metadata.json pins title, id, publisher, byline, date, language, agencies and where each
// came from, field by field with explicit nulls (UPDATE=1 rewrites them for review, refused under CI).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle, EMPTY_CORPUS } from '../../src/clean/index.js';
import { extractArticle } from '../../src/extract/index.js';
import { removeBylineParagraphs, readByline } from '../../src/extract/byline.js';
import { isPublisherName, splitSiteName } from '../../src/extract/publisher.js';
import { parseInput } from '../../src/ingest/index.js';
import type { Article } from '../../src/model.js';

const PAGES = path.join(import.meta.dirname, '../fixtures/extract/pages');
const UPDATE = process.env['UPDATE'] === '1';
if (UPDATE && process.env['CI']) throw new Error('UPDATE=1 is refused under CI');

function articleOf(dir: string): Article {
  const file = fs.readdirSync(dir).find((f) => f.startsWith('source.'));
  if (!file) throw new Error(`${dir}: no source file`);
  const format = file.endsWith('.html') ? 'html' : 'text';
  const parsed = parseInput(file, format, fs.readFileSync(path.join(dir, file)));
  if (!parsed.ok) throw new Error(`${dir}: ${parsed.diagnostic.message}`);
  const cleaned = cleanArticle(parsed.raw, { profiles: [], corpus: EMPTY_CORPUS, disabledRules: [] });
  return extractArticle(parsed.raw, cleaned);
}

const metadataOf = (a: Article): unknown => ({
  title: a.title,
  id: a.id,
  publisher: a.publisher,
  byline: a.byline,
  date: a.date,
  language: a.language,
  agencies: a.agencies,
  provenance: a.provenance,
  firstParagraph: a.paragraphs[0] ?? null,
});

describe('page metadata fixtures', () => {
  for (const name of fs.readdirSync(PAGES).sort()) {
    it(name, () => {
      const dir = path.join(PAGES, name);
      const got = metadataOf(articleOf(dir));
      const file = path.join(dir, 'expected-metadata.json');
      if (UPDATE || !fs.existsSync(file)) fs.writeFileSync(file, `${JSON.stringify(got, null, 2)}\n`);
      expect(got).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
    });
  }
});

describe('the failures issue 14 names', () => {
  const page = (name: string): Article => articleOf(path.join(PAGES, name));
  it('reads 06.11.2023 day first, and takes a German byline out of the body', () => {
    const a = page('dd-mm-yyyy-german-byline');
    expect(a.date).toBe('2023-11-06');
    expect(a.byline).toBe('Anna Schmidt');
    expect(a.language).toBe('de');
    expect(a.publisher).toBe('Musterstädter Anzeiger');
    expect(a.title).toBe('Stadtrat beschließt neuen Radweg an der Uferstraße');
    expect(a.text).not.toMatch(/Von Anna Schmidt/);
  });
  it('credits the wire to the agencies, not the publisher, and drops the byline line', () => {
    const a = page('wire-credited-local-paper');
    expect(a.publisher).toBe('Valley Courier');
    expect(a.agencies).toContain('AP');
    expect(a.byline).toBe('Janie Har');
    expect(a.text).not.toMatch(/JANIE HAR/);
  });
  it('gives a Japanese title a transliterated slug, not a bare hash', () => {
    const a = page('japanese-title');
    expect(a.title).toBe('東京の桜が平年より早く満開に');
    expect(a.id).toMatch(/^[a-z]+(?:-[a-z0-9]+)+-[0-9a-f]{6}$/);
    expect(a.date).toBe('2018-03-24');
    expect(a.language).toBe('ja');
  });
  it('decodes HTML entities in a JSON-LD title before it reaches the title and the slug', () => {
    const a = page('jsonld-title-entities');
    expect(a.title).toBe('‘The Medium is the Message’ turns fifty');
    expect(a.id.startsWith('the-medium-is-the-message-turns-fifty-')).toBe(true);
    expect(a.date).toBe('2014-05-02');
    expect(a.byline).toBe('Carla Ruiz');
  });
  it('keeps a BBC headline whole at its dash, and a short one as the title', () => {
    expect(page('bbc-dash-headline').title).toBe('Tevez - an Argentine in Brazil');
    const short = page('bbc-short-headline');
    expect(short.title).toBe('Stam spices up Man Utd encounter');
    expect(short.paragraphs[0]).toMatch(/^AC Milan defender/);
  });
  it('lets the text decide the language over <html lang="en"> and og:locale en_US', () => {
    const a = page('declared-english-german-text');
    expect(a.language).toBe('de');
    expect(a.provenance.language).toBe('detected');
  });
});

describe('bylines and site names', () => {
  const body = ['WASHINGTON (AP) — The Pentagon said on Tuesday that it would send more troops to the region.', 'It gave no number.'];
  it('removes a byline with a role from the top of the body, and only there', () => {
    expect(removeBylineParagraphs(['Robert Burns, Ap National Security Writer', ...body], 'Robert Burns')).toEqual(body);
    expect(removeBylineParagraphs(['JANIE HAR', ...body], 'Janie Har')).toEqual(body);
    expect(removeBylineParagraphs(body, 'Robert Burns')).toEqual(body);
    const long = [...body, 'Officials declined to comment further.', 'Robert Burns'];
    expect(removeBylineParagraphs(long, 'Robert Burns')).toEqual(long);
  });
  it('reads names out of credits, and refuses what names no one', () => {
    expect(readByline('TOM KRISHER, AP Auto Writer', null)).toBe('Tom Krisher');
    expect(readByline('Von Anna Schmidt und Jan Berg', null)).toBe('Anna Schmidt and Jan Berg');
    expect(readByline('https://www.facebook.com/someone', null)).toBeNull();
    expect(readByline('Valley Courier', 'Valley Courier')).toBeNull();
  });
  it('refuses wire agencies, platforms, service credits, URLs and taglines as publishers', () => {
    for (const name of ['Associated Press', 'Reuters', 'Blogger', 'DH News Service', 'https://example.org', '@courier', 'Your trusted source for local news every day of the week.', 'FILE', 'Image', 'Photo', 'Video']) {
      expect(isPublisherName(name), name).toBe(false);
    }
    for (const name of ['Valley Courier', 'ZEIT ONLINE', 'cleveland.com', 'The New York Times']) expect(isPublisherName(name), name).toBe(true);
  });
  it('cuts a site-name suffix, not a headline word after a dash', () => {
    expect(splitSiteName('Streit um Radweg geht weiter | ZEIT ONLINE', 'Der Streit um den Radweg geht weiter.')).toEqual({ title: 'Streit um Radweg geht weiter', site: 'ZEIT ONLINE' });
    expect(splitSiteName('Talks stall again - The New York Times', 'The talks stalled again on Monday.')).toEqual({ title: 'Talks stall again', site: 'The New York Times' });
    expect(splitSiteName('Lords wrong on detainees - Straw', 'Jack Straw said the Lords were wrong.').site).toBeNull();
    expect(splitSiteName('Tevez - an Argentine in Brazil', 'Carlos Tevez has become the first Argentine.').site).toBeNull();
  });
});
