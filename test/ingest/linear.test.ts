// Reading HTML and Markdown is linear in the page: counted in the DOM work done, never in wall-clock time.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { hasPageText, htmlToLines, type DomNode } from '../../src/ingest/html-text.js';
import { parseInput } from '../../src/ingest/index.js';

/**
 * A linkedom node seen through a counter of the work its getters do: one unit per `firstChild`/`nextSibling`,
 * and for `childNodes` as many as the list holds, since linkedom builds that list anew on every access.
 */
function counted(node: DomNode, work: { units: number }): DomNode {
  const wrap = (n: DomNode | null): DomNode | null => (n ? counted(n, work) : null);
  return new Proxy(node, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (prop === 'firstChild' || prop === 'nextSibling') {
        work.units++;
        return wrap(value as DomNode | null);
      }
      if (prop === 'childNodes') {
        const list = value as ArrayLike<DomNode>;
        work.units += list.length;
        return new Proxy(list, { get: (l, k) => (typeof k === 'string' && /^\d+$/.test(k) ? wrap(Reflect.get(l, k) as DomNode | null) : Reflect.get(l, k)) });
      }
      return value;
    },
  });
}

const page = (paragraphs: number): string =>
  `<!doctype html><html><body><article>${Array.from({ length: paragraphs }, (_, i) => `<p>Paragraph ${i} of the <b>report</b> said the bridge was shut.</p>`).join('')}</article></body></html>`;

function workFor(paragraphs: number): number {
  const work = { units: 0 };
  const lines = htmlToLines(counted(parseHTML(page(paragraphs)).document.body as unknown as DomNode, work));
  expect(lines).toHaveLength(paragraphs);
  return work.units;
}

describe('html-text reads a tree in linear work', () => {
  it('doubling the paragraphs doubles the DOM work (it was four times: childNodes[i] rebuilt the list each time)', () => {
    const small = workFor(2_000);
    const large = workFor(4_000);
    expect(large / small).toBeLessThan(2.2);
    // A handful of steps per node (each paragraph is 4 nodes), not one per pair of siblings.
    expect(large).toBeLessThan(4_000 * 4 * 3);
  });

  it('keeps lines as before: blocks break, inline text flows, skipped elements drop, deep nesting does not overflow', () => {
    const { document } = parseHTML('<html><body><h1>Title</h1><p>One <i>two</i> three</p><script>x()</script><ul><li>a</li><li>b</li></ul><div>tail</div></body></html>');
    expect(htmlToLines(document.body as unknown as DomNode)).toEqual(['Title', 'One two three', 'a', 'b', 'tail']);
    const deep = parseHTML(`<html><body>${'<span>'.repeat(20_000)}deep text${'</span>'.repeat(20_000)}</body></html>`).document;
    expect(htmlToLines(deep.body as unknown as DomNode)).toEqual(['deep text']);
    expect(hasPageText(deep.body as unknown as DomNode)).toBe(true);
    expect(hasPageText(parseHTML('<html><body><script>x</script> <!-- c --></body></html>').document.body as unknown as DomNode)).toBe(false);
  });

  it('a 1 MB saved page and a 1 MB Markdown file are read whole', () => {
    const paragraphs = Array.from({ length: 10_000 }, (_, i) => `Report ${i} says inspectors checked span ${i % 97} of the bridge on day ${i % 31}.`);
    const html = parseInput('big.html', 'html', Buffer.from(`<!doctype html><html><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`));
    const md = parseInput('big.md', 'markdown', Buffer.from(`---\ntitle: Bridge\n---\n\n${paragraphs.join('\n\n')}\n`));
    for (const parsed of [html, md]) {
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.raw.text.split('\n\n')).toHaveLength(paragraphs.length);
    }
  });
});
