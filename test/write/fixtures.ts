// Test helpers: the hand-made fixture digest, a hostile variant of it, and tree comparison.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Digest } from '../../src/model.js';
import { listFiles } from '../helpers.js';

const FIXTURE = new URL('../fixtures/digest/digest.json', import.meta.url);

/** Strings that must come out of the site as visible text, never as markup, links or template output. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  link: '[x](javascript:alert(1))',
  autolink: '<javascript:alert(1)>',
  template: '{{ 7*7 }}',
  tag: '{% raw %}',
  heading: '# not a heading',
  rule: '---',
  emphasis: '*not emphasis* _nor this_',
  entity: '&lt;b&gt; &amp;',
} as const;

const ALL = Object.values(HOSTILE).join(' ');

export function loadFixtureDigest(): Digest {
  return JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Digest;
}

/** The fixture with hostile text in every field that reaches a page. */
export function hostileDigest(): Digest {
  const digest = loadFixtureDigest();
  return {
    ...digest,
    site: { ...digest.site, title: `Desk ${HOSTILE.script}`, description: `About ${HOSTILE.template} ${HOSTILE.img}` },
    articles: digest.articles.map((a, i) => ({
      ...a,
      title: i === 0 ? `${HOSTILE.script} ${HOSTILE.template}` : `${a.title}: "${HOSTILE.tag}"`,
      standfirst: `${HOSTILE.img} ${HOSTILE.link}`,
      publisher: i === 1 ? `Evil ${HOSTILE.img}` : a.publisher,
      url: i === 0 ? 'javascript:alert(1)' : a.url,
      text: [`${HOSTILE.rule}`, `${HOSTILE.heading}`, ALL, `${HOSTILE.link} then ${HOSTILE.autolink}`].join('\n\n'),
      paragraphs: [HOSTILE.rule, HOSTILE.heading, ALL, `${HOSTILE.link} then ${HOSTILE.autolink}`],
      quotes: a.quotes.map((q) => ({ ...q, text: `${q.text} ${HOSTILE.script}` })),
    })),
    stories: digest.stories.map((s) => ({
      ...s,
      title: `${s.title} ${HOSTILE.template}`,
      summary: `${HOSTILE.rule} ${ALL}`,
      summarySentences: s.summarySentences.map((c, i) => ({ ...c, text: i === 0 ? `${HOSTILE.rule} ${HOSTILE.heading}` : `${c.text} ${ALL}` })),
      keyPoints: s.keyPoints.map((k) => ({ ...k, text: `${k.text} ${HOSTILE.link}` })),
      disagreements: s.disagreements.map((d) => ({
        about: `${d.about} ${HOSTILE.img}`,
        claims: d.claims.map((c) => ({ ...c, text: `${c.text} ${HOSTILE.script}` })),
      })),
      quotes: s.quotes.map((g) => ({
        speaker: `${g.speaker} ${HOSTILE.tag}`,
        quotes: g.quotes.map((q) => ({ ...q, text: `${q.text} ${HOSTILE.template}` })),
      })),
      timeline: s.timeline.map((t) => ({ ...t, text: `${t.text} ${HOSTILE.autolink}` })),
    })),
    topics: digest.topics.map((t) => ({ ...t, label: `${t.label} ${HOSTILE.script}`, summary: ALL })),
    diagnostics: [{ file: `${HOSTILE.img}.txt`, severity: 'error', message: HOSTILE.script }],
  };
}

export function makeTempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `roundup-${label}-`));
}

/** Every file under `dir` as relative path → bytes (as a latin1 string, so equality is byte equality). */
export function readTree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('latin1')]));
}
