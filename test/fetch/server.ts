// A local HTTP server on 127.0.0.1 for the fetch tests: routes by path, every request recorded, never the internet.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface Recorded {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly at: number;
}

export interface TestServer {
  readonly origin: string;
  readonly requests: Recorded[];
  /** The most requests for `path` that were open at once. */
  maxOpen(path: string): number;
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: Recorded[] = [];
  const open = new Map<string, number>();
  const peak = new Map<string, number>();
  const openSockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path, headers: req.headers, at: Date.now() });
    open.set(path, (open.get(path) ?? 0) + 1);
    peak.set(path, Math.max(peak.get(path) ?? 0, open.get(path)!));
    res.on('close', () => open.set(path, open.get(path)! - 1));
    const handler = table.get(path);
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  server.on('connection', (socket) => {
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    maxOpen: (path) => peak.get(path) ?? 0,
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of openSockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers with `body` and `type`, and the extra headers. */
export function send(body: string, type: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type, ...headers });
    res.end(body);
  };
}

/** Like `send`, answering 304 to a request whose If-None-Match or If-Modified-Since matches the validators given. */
export function sendCached(body: string, type: string, validators: { etag?: string; 'last-modified'?: string }): Handler {
  return (req, res) => {
    const etag = validators.etag;
    const modified = validators['last-modified'];
    if ((etag !== undefined && req.headers['if-none-match'] === etag) || (modified !== undefined && req.headers['if-modified-since'] === modified)) {
      res.writeHead(304, validators);
      return void res.end();
    }
    send(body, type, validators)(req, res);
  };
}

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface TestItem {
  readonly title: string;
  readonly link: string;
  readonly date: Date;
  readonly author: string;
  readonly html: string;
  readonly id?: string;
}

export function rss(title: string, items: readonly TestItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${esc(title)}</title><link>https://example.invalid/</link><description>test</description><language>en-gb</language>
${items.map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid isPermaLink="false">${esc(i.id ?? i.link)}</guid>
<pubDate>${i.date.toUTCString()}</pubDate><dc:creator>${esc(i.author)}</dc:creator><content:encoded><![CDATA[${i.html}]]></content:encoded></item>`).join('\n')}
</channel></rss>`;
}

export function rdf(title: string, items: readonly TestItem[]): string {
  return `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.invalid/"><title>${esc(title)}</title><link>https://example.invalid/</link><description>test</description></channel>
${items.map((i) => `<item rdf:about="${esc(i.link)}"><title>${esc(i.title)}</title><link>${esc(i.link)}</link><dc:date>${i.date.toISOString()}</dc:date><dc:creator>${esc(i.author)}</dc:creator><description>${esc(i.html)}</description></item>`).join('\n')}
</rdf:RDF>`;
}

export function atom(title: string, items: readonly TestItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:test:${esc(title)}</id><updated>2026-01-01T00:00:00Z</updated>
${items.map((i) => `<entry><title type="html">${esc(esc(i.title))}</title><link rel="alternate" href="${esc(i.link)}"/><id>${esc(i.id ?? i.link)}</id>
<published>${i.date.toISOString()}</published><updated>${i.date.toISOString()}</updated><author><name>${esc(i.author)}</name></author><content type="html">${esc(i.html)}</content></entry>`).join('\n')}
</feed>`;
}

export function jsonFeed(title: string, items: readonly TestItem[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map((i) => ({ id: i.id ?? i.link, url: i.link, title: i.title, date_published: i.date.toISOString(), authors: [{ name: i.author }], content_html: i.html })),
  });
}

/** A news page as a site serves it: its own metadata (which the feed's must beat), menus, the article. */
export function page(title: string, paragraphs: readonly string[], ownTitle = `${title} | Site`): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(ownTitle)}</title><meta property="og:title" content="${esc(ownTitle)}">
<meta property="og:site_name" content="The Page's Own Name"><meta property="article:published_time" content="2001-02-03T04:05:06Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${esc(title)}</h1>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article><footer>© The Page's Own Name</footer></body></html>`;
}
