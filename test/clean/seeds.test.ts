// Per-article goldens for the seeds: the exact kept text and metadata, and the boilerplate that must never survive.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText, countCorpusLines } from '../../src/clean/index.js';
import { loadProfiles } from '../../src/clean/profiles.js';
import { decodeBytes } from '../../src/ingest/decode.js';
import { expectGolden, ROOT, SEEDS } from '../helpers.js';

const GOLDEN = path.join(ROOT, 'test', 'fixtures', 'clean', 'seeds');
const names = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const texts = names.map((n) => {
  const d = decodeBytes(fs.readFileSync(path.join(SEEDS, n)));
  if (!d.ok) throw new Error(n);
  return d.text;
});
const corpus = countCorpusLines(texts);

/** Page furniture seen in the seeds: none of it may reach article text (issue 2's list). */
const BOILERPLATE = [
  'Share', 'Select Page', 'Media ID', 'Latest World News', 'Photo by:', 'TRTWorld and agencies', 'Source: AAP',
  'Download our apps', 'Listen to our podcasts', 'Get SBS News daily', 'Sign up now', 'By subscribing',
  'SBS On Demand', 'podcast', 'Watch on SBS', '2 min read', 'Published', 'Middle-east Arab News Opinion',
  'ASHARQ AL-AWSAT', 'News World Obama', 'REUTERS, Kevin Lamarque', 'Obama spoke\n',
];

describe.each(names.map((n, i) => [n, texts[i] ?? ''] as const))('seed %s', (name, text) => {
  const result = cleanText(text, { profiles: loadProfiles(), corpus, disabledRules: [] });
  const body = result.paragraphs.join('\n\n');

  it('keeps the golden text', () => {
    expectGolden(path.join(GOLDEN, name.replace(/\.txt$/, '.expected.txt')), body + '\n');
  });

  it('keeps the golden metadata', () => {
    const meta = { title: result.title, standfirst: result.standfirst, publisher: result.publisher, credits: result.credits };
    expectGolden(path.join(GOLDEN, name.replace(/\.txt$/, '.expected-metadata.json')), JSON.stringify(meta, null, 2) + '\n');
  });

  it('lets no boilerplate through, in the text or the title', () => {
    for (const junk of BOILERPLATE) {
      expect(body + '\n', junk).not.toContain(junk);
      expect(result.title ?? '', junk).not.toContain(junk);
    }
    // The doubled caption of seed 002 ("X and Y X and Y").
    for (const p of result.paragraphs) expect(p).not.toMatch(/^(.{12,}?)\s*\1$/);
  });

  it('keeps every sentence that ends with a full stop in the source, apart from dropped teasers and credits', () => {
    const droppedByRule = new Set(result.decisions.filter((d) => !d.kept).map((d) => d.text));
    for (const line of text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())) {
      if (!/[.”"]$/.test(line) || line.split(' ').length < 8) continue;
      if (droppedByRule.has(line)) {
        const d = result.decisions.find((x) => x.text === line);
        expect(['teaser', 'profile', 'call-to-action', 'photo-credit'], `${name}: "${line}" dropped by ${d?.rule}`).toContain(d?.rule);
      }
    }
  });
});
