// Markdown front matter and HTML metadata through the whole pipeline: what the input declares wins.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/model.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { preprocess } from '../../src/pipeline.js';

const PARAS = [
  'The council voted on Monday evening to close the harbour bridge for repairs that are expected to take at least six months, a spokeswoman for the city said.',
  'Engineers found cracks in two of the supporting beams during a routine inspection last month, according to a report published by the council on Friday.',
  'Commuters will have to use the ferry or a detour of about twelve miles while the work goes on, which local businesses say will cost them customers.',
];

describe('declared metadata', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-formats-'));
  const seeds = path.join(dir, 'seeds');
  fs.mkdirSync(seeds);
  fs.writeFileSync(
    path.join(seeds, 'note.md'),
    `---\ntitle: "Bridge shut: the user's own title"\npublisher: The Coastal Courier\ndate: 2019-11-19\nurl: https://example.org/bridge\n---\n# A different heading in the body\n\n${PARAS.join('\n\n')}\n`,
  );
  fs.writeFileSync(
    path.join(seeds, 'page.html'),
    `<!doctype html><html lang="en"><head><title>Ignored | Site</title><meta property="og:site_name" content="Harbour Herald">
     <meta property="article:published_time" content="2019-11-18T08:00:00Z"><link rel="canonical" href="https://example.com/h">
     <script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour bridge closes for repairs"}</script></head>
     <body><nav><a href="/">Home</a><a href="/local">Local</a></nav><article><h1>Harbour bridge closes for repairs</h1>
     ${PARAS.map((p) => `<p>${p}</p>`).join('')}<p>Share this article</p></article><footer>© 2019 Harbour Herald</footer></body></html>`,
  );
  let byFile = new Map<string, Article>();
  beforeAll(async () => {
    const { digest } = await preprocess(seeds, path.join(dir, 'content'), DEFAULT_CONFIG, { singleStory: false, summaryWords: 60 });
    byFile = new Map(digest.articles.map((a) => [a.file, a]));
  });

  it('takes title, publisher, date and url from Markdown front matter', () => {
    const a = byFile.get('note.md');
    expect(a && { title: a.title, titleSource: a.titleSource, publisher: a.publisher, date: a.date, url: a.url }).toEqual({
      title: "Bridge shut: the user's own title", titleSource: 'declared', publisher: 'The Coastal Courier', date: '2019-11-19', url: 'https://example.org/bridge',
    });
    for (const p of PARAS) expect(a?.text).toContain(p);
  });

  it('takes them from JSON-LD, Open Graph and the canonical link of saved HTML, and keeps only the article', () => {
    const a = byFile.get('page.html');
    expect(a && { title: a.title, publisher: a.publisher, date: a.date, url: a.url, language: a.language }).toEqual({
      title: 'Harbour bridge closes for repairs', publisher: 'Harbour Herald', date: '2019-11-18', url: 'https://example.com/h', language: 'en',
    });
    expect(a?.text).toBe(PARAS.join('\n\n'));
  });
});
