// Fixture tests, one file per cleaning rule (test/fixtures/clean/rules/<rule>.txt; format in its README).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText, countCorpusLines, EMPTY_CORPUS, RULE_NAMES } from '../../src/clean/index.js';
import { loadProfiles } from '../../src/clean/profiles.js';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'clean', 'rules');
const profiles = loadProfiles();

interface Case {
  readonly name: string;
  readonly page: string;
  readonly kept: string[] | null;
  readonly dropped: string[] | null;
}

function parseCases(text: string): Case[] {
  const cases: Case[] = [];
  for (const block of text.split(/^~~~[ \t]*$/m)) {
    const m = /^~~~ (.+)\n([\s\S]*)$/m.exec(block.trim() ? '~~~ ' + block.trim().replace(/^~~~\s*/, '') : '');
    if (!m) continue;
    const [name = '', body = ''] = [m[1], m[2]];
    const [page = '', ...sections] = body.split(/^>>> /m);
    const section = (label: string): string[] | null => {
      const s = sections.find((x) => x.startsWith(label + '\n'));
      return s ? s.slice(label.length + 1).split('\n').filter((l) => l.trim() !== '') : null;
    };
    cases.push({ name, page: page.replace(/\n$/, ''), kept: section('kept'), dropped: section('dropped') });
  }
  return cases;
}

const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();

describe('rule fixtures', () => {
  it('cover every rule, and name only real rules', () => {
    expect(files.map((f) => f.replace(/\.txt$/, '')).sort()).toEqual([...RULE_NAMES].sort());
  });

  for (const file of files) {
    const rule = file.replace(/\.txt$/, '');
    const cases = parseCases(fs.readFileSync(path.join(DIR, file), 'utf8'));
    describe(rule, () => {
      it('has cases', () => expect(cases.length).toBeGreaterThan(0));
      for (const c of cases) {
        it(c.name, () => {
          // "(corpus)" cases run as one page of a corpus where every other page repeats its short lines.
          const corpus = c.name.startsWith('(corpus)') ? countCorpusLines([c.page, c.page.split('\n')[0] ?? '', c.page.split('\n')[0] ?? '']) : EMPTY_CORPUS;
          const result = cleanText(c.page, { profiles, corpus, disabledRules: [] });
          if (c.kept) expect(result.paragraphs).toEqual(c.kept);
          if (c.dropped) {
            for (const line of c.dropped) {
              // A line printed twice has two decisions; the rule must have dropped one of them.
              const decisions = result.decisions.filter((d) => d.text === line);
              expect(decisions.length, `line not found: ${line}`).toBeGreaterThan(0);
              const byRule = decisions.find((d) => d.rule === rule) ?? decisions[0];
              expect({ line, kept: byRule?.kept, rule: byRule?.rule }).toEqual({ line, kept: false, rule });
            }
          }
        });
      }
    });
  }

  it('refuses to disable an unknown rule', () => {
    expect(() => cleanText('x', { profiles, corpus: EMPTY_CORPUS, disabledRules: ['no-such-rule'] })).toThrow(/unknown cleaning rule "no-such-rule"/);
  });

  it('a disabled rule no longer drops its lines', () => {
    const page = 'Share\nThe council voted on Monday to close the bridge for repairs expected to take six months, a spokeswoman said.';
    const on = cleanText(page, { profiles, corpus: EMPTY_CORPUS, disabledRules: [] });
    const off = cleanText(page, { profiles, corpus: EMPTY_CORPUS, disabledRules: ['furniture'] });
    expect(on.decisions[0]?.rule).toBe('furniture');
    expect(off.decisions[0]?.rule).not.toBe('furniture');
  });
});
