// Escaping untrusted text for Markdown: whatever goes in comes out of markdown-it as the same visible text.
import fc from 'fast-check';
import markdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, isSafeId, markedSegments, safeHttpUrl } from '../../src/write/escape.js';
import { HOSTILE } from './fixtures.js';

const md = markdownIt({ html: false, linkify: false, typographer: false });

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** What markdown-it must produce for the escaped text: one paragraph of exactly that text. */
function expectLiteral(text: string): void {
  const collapsed = text.replace(/\s+/g, ' ').trim().replace(/\0/g, '\uFFFD');
  const html = md.render(escapeMarkdown(text));
  expect(html).toBe(collapsed === '' ? '' : `<p>${escapeHtml(collapsed)}</p>\n`);
}

describe('escapeMarkdown', () => {
  it.each(Object.entries(HOSTILE))('keeps %s literal', (_name, text) => {
    expectLiteral(text);
  });

  it.each([
    '1. not a list',
    '- not a list',
    '+ nor this',
    '> not a quote',
    '    not code',
    '```js\ncode\n```',
    'Setext\n===',
    'line one  \nline two',
    '| a | b |\n|---|---|',
    '~~strike~~',
    'back\\slash at end\\',
    '<http://example.com>',
    '![img](x.png)',
    '[ref]: http://example.com',
    'a\u2028b\u2029c',
    'tab\there',
    '&#x3C;script&#x3E;',
  ])('keeps %j literal', (text) => {
    expectLiteral(text);
  });

  it('never lets a body start with a front matter fence', () => {
    expect(escapeMarkdown('---\ntitle: x\n---')).not.toMatch(/^---/);
  });

  it('keeps any string literal (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        expectLiteral(text);
      }),
      { numRuns: 2000, seed: 20240304 },
    );
  });

  it('keeps strings made of Markdown syntax literal (property)', () => {
    const syntax = fc.constantFrom('*', '_', '[', ']', '(', ')', '<', '>', '#', '-', '`', '\\', '!', '|', '~', '&', ';', '{', '}', '%', '=', '\n', ' ', '    ', 'a', '1.', 'javascript:', 'http://x');
    fc.assert(
      fc.property(fc.array(syntax, { maxLength: 30 }), (parts) => {
        expectLiteral(parts.join(''));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['  http://example.com ', 'http://example.com/'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<script>', null],
    ['//evil.example/x', null],
    ['/relative', null],
    ['https://', null],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});

describe('isSafeId', () => {
  it.each(['abc-123', 'a', 'x_y'])('accepts %j', (id) => expect(isSafeId(id)).toBe(true));
  it.each(['', '../x', 'a/b', 'a b', '-a', 'a-', '.hidden', 'a\u0000'])('rejects %j', (id) => expect(isSafeId(id)).toBe(false));
});

describe('markedSegments', () => {
  it('cuts a line at its marks, as toTextLine shows it whole, and drops marks that overlap or run out of range', () => {
    const text = '  The bridge  will stay closed for 6 weeks.\n';
    const at = text.indexOf('6 weeks');
    expect(markedSegments(text, [[at, at + 7]])).toEqual([
      { text: 'The bridge will stay closed for ', marked: false },
      { text: '6 weeks', marked: true },
      { text: '.', marked: false },
    ]);
    expect(markedSegments('abc def', [[4, 7], [2, 5], [0, 99]]).map((s) => [s.text, s.marked])).toEqual([['ab', false], ['c d', true], ['ef', false]]);
  });

  it('keeps the text whatever the marks: the segments join to the whole line', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.tuple(fc.nat(40), fc.nat(40))), (text, marks) => {
        const joined = markedSegments(text, marks).map((s) => s.text).join('');
        expect(joined.replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' ').trim());
      }),
    );
  });
});

