// Feeds of every format read into one item shape; hostile and malformed XML refused with a reason, quickly.
import { describe, expect, it } from 'vitest';
import { readFeed, readOpml, refusedXml, type FeedItem } from '../../src/fetch/feeds.js';
import { atom, jsonFeed, rdf, rss, type TestItem } from './server.js';

const BASE = 'https://news.example.invalid/feed';
const ITEMS: TestItem[] = [
  { title: 'Harbour bridge closes & reopens <soon>', link: 'https://news.example.invalid/a', date: new Date('2026-11-30T10:00:00Z'), author: 'Jo Reporter', html: '<p>First <b>story</b>.</p>' },
  { title: 'Second story', link: '/relative/b', date: new Date('2026-11-29T08:30:00Z'), author: 'Al Writer', html: '<p>Second.</p>', id: 'urn:b' },
];

const shape = (item: FeedItem) => ({ title: item.title, link: item.link, date: item.date && new Date(item.date).toISOString(), author: item.author, text: item.contentHtml?.replace(/<[^>]+>/g, '') });
const EXPECTED = [
  { title: 'Harbour bridge closes & reopens <soon>', link: 'https://news.example.invalid/a', date: '2026-11-30T10:00:00.000Z', author: 'Jo Reporter', text: 'First story.' },
  { title: 'Second story', link: 'https://news.example.invalid/relative/b', date: '2026-11-29T08:30:00.000Z', author: 'Al Writer', text: 'Second.' },
];

describe('readFeed', () => {
  for (const [format, make] of [['rss', rss], ['rdf', rdf], ['atom', atom], ['json', jsonFeed]] as const) {
    it(`reads ${format}: title, absolute link, date, author and content of each item`, () => {
      const read = readFeed(make('The Test Times', ITEMS), BASE);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.feed.format).toBe(format);
      expect(read.feed.title).toBe('The Test Times');
      expect(read.feed.items.map(shape)).toEqual(EXPECTED);
      // The key: a guid / id when the feed has one (RDF: the item's rdf:about, as written), else the link.
      expect(read.feed.items[1]!.key).toBe(format === 'rdf' ? '/relative/b' : 'urn:b');
    });
  }

  it('reads the feed language as a two-letter code', () => {
    const read = readFeed(rss('T', ITEMS), BASE);
    expect(read.ok && read.feed.language).toBe('en');
  });

  it('drops links that are not http(s)', () => {
    const read = readFeed(rss('T', [{ ...ITEMS[0]!, link: 'javascript:alert(1)', id: 'x' }, { ...ITEMS[0]!, link: 'file:///etc/passwd', id: 'y' }]), BASE);
    expect(read.ok && read.feed.items.map((i) => i.link)).toEqual([null, null]);
  });

  it('refuses a billion-laughs feed before parsing it, and says why', () => {
    const levels = Array.from({ length: 9 }, (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${levels}]><rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://x.invalid/</link></item></channel></rss>`;
    const started = performance.now();
    const read = readFeed(bomb, BASE);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(read).toEqual({ ok: false, problem: expect.stringContaining('DTD entities') });
  });

  it('refuses external entities (a feed reading local files)', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE r [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<rss version="2.0"><channel><title>&xxe;</title></channel></rss>`;
    expect(refusedXml(xxe)).toMatch(/refused/);
    expect(readFeed(xxe, BASE).ok).toBe(false);
  });

  it('still reads an RSS 0.91 feed with a public DOCTYPE, and mentions of <!ENTITY inside items', () => {
    const old = `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><link>https://x.invalid/</link><description>d</description>
<item><title>On XML</title><link>https://x.invalid/1</link><description>&lt;!ENTITY is how DTDs declare entities</description></item></channel></rss>`;
    const read = readFeed(old, BASE);
    expect(read.ok && read.feed.items.map((i) => i.title)).toEqual(['On XML']);
  });

  it('gives a reason for malformed XML, HTML and JSON, never an exception', () => {
    for (const source of ['<rss version="2.0"><channel><title>x<item>', '<html><body>Not a feed</body></html>', '{"version": "https://jsonfeed.org/version/1.1", "items": 5', '', '\u0000\u0001binary']) {
      const read = readFeed(source, BASE);
      expect(read.ok, source).toBe(false);
      if (!read.ok) expect(read.problem).toMatch(/not a feed|refused/);
    }
  });

  it('reads a deeply nested and a large feed in linear time', () => {
    const deep = rss('Deep', [{ ...ITEMS[0]!, html: `${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}` }]);
    const many = rss('Many', Array.from({ length: 5000 }, (_, n) => ({ ...ITEMS[0]!, id: `i${n}`, link: `https://x.invalid/${n}`, html: `<p>${'word '.repeat(100)}</p>` })));
    const started = performance.now();
    expect(readFeed(deep, BASE).ok).toBe(true);
    const read = readFeed(many, BASE);
    expect(read.ok && read.feed.items.length).toBe(5000);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe('readOpml', () => {
  it('lists every outline with an xmlUrl, at any depth, with its title', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
<outline text="World"><outline text="Times" title="The Times" type="rss" xmlUrl="https://a.invalid/rss"/><outline text="Deeper"><outline text="Post" xmlUrl="https://b.invalid/atom"/></outline></outline>
<outline text="A folder with no feed"/></body></opml>`;
    expect(readOpml(opml)).toEqual([{ url: 'https://a.invalid/rss', name: 'The Times' }, { url: 'https://b.invalid/atom', name: 'Post' }]);
  });

  it('throws on an OPML file with entity declarations', () => {
    expect(() => readOpml('<?xml version="1.0"?><!DOCTYPE o [<!ENTITY a "b">]><opml><body/></opml>')).toThrow(/refused/);
  });
});
