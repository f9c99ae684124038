// The HTTP client against a local server: User-Agent, timeouts, retries and Retry-After, redirects, size caps, two requests per host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, retryAfterMs, type HttpSettings } from '../../src/fetch/http.js';
import { send, startServer, type TestServer } from './server.js';

const SETTINGS: HttpSettings = { userAgent: 'Roundup/test (+https://site.invalid/)', timeoutMs: 1500, perHost: 2, retries: 2, backoffMs: 50, maxRetryAfterMs: 5000, maxRedirects: 5 };
const MB = 1024 * 1024;
const get = (client: HttpClient, url: string, extra: { maxBytes?: number; etag?: string; lastModified?: string } = {}) =>
  client.get({ url, accept: 'text/html', maxBytes: extra.maxBytes ?? MB, etag: extra.etag ?? null, lastModified: extra.lastModified ?? null });

let server: TestServer;
const counts = new Map<string, number>();
const count = (key: string): number => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts.get(key)!;
};
/** Bytes the 100 MB route wrote before the client hung up. */
let hugeWritten = 0;

beforeAll(async () => {
  server = await startServer({
    '/ok': send('<p>hello</p>', 'text/html; charset=utf-8', { etag: '"v1"', 'last-modified': 'Mon, 30 Nov 2026 10:00:00 GMT' }),
    '/conditional': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304);
        res.end();
      } else send('fresh', 'text/plain', { etag: '"v1"' })(req, res);
    },
    '/flaky': (req, res) => {
      if (count('flaky') < 3) {
        res.writeHead(503);
        res.end('busy');
      } else send('at last', 'text/plain')(req, res);
    },
    '/always-500': (_req, res) => {
      count('500');
      res.writeHead(500);
      res.end('broken');
    },
    '/retry-after': (req, res) => {
      if (count('retry-after') === 1) {
        res.writeHead(429, { 'retry-after': '1' });
        res.end();
      } else send('thanks for waiting', 'text/plain')(req, res);
    },
    '/retry-much-later': (_req, res) => {
      count('later');
      res.writeHead(429, { 'retry-after': '3600' });
      res.end();
    },
    '/not-found': (_req, res) => {
      count('404');
      res.writeHead(404);
      res.end();
    },
    '/slow': () => {
      // Never answers: the client must give up on its own.
    },
    '/slow-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>start');
      // …and the rest never comes.
    },
    '/loop-a': (_req, res) => {
      res.writeHead(302, { location: '/loop-b' });
      res.end();
    },
    '/loop-b': (_req, res) => {
      res.writeHead(301, { location: '/loop-a' });
      res.end();
    },
    '/to-file': (_req, res) => {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    },
    '/huge': (_req, res) => {
      // 100 MB, streamed without a Content-Length: the cap must stop the download, not the end of the body.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const total = 100 * MB;
      const pump = (): void => {
        while (hugeWritten < total) {
          hugeWritten += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => undefined);
      pump();
    },
    '/huge-declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(100 * MB) });
      res.write('x');
      // Headers alone decide: the body is never read.
    },
    '/busy': (_req, res) => {
      setTimeout(() => send('done', 'text/plain')(_req, res), 150);
    },
  });
  for (let n = 1; n <= 7; n++) {
    server.route(`/hop${n}`, (_req, res) => {
      res.writeHead(307, { location: `/hop${n + 1}` });
      res.end();
    });
  }
  server.route('/hop8', send('end of the line', 'text/plain'));
});

afterAll(() => server.close());

describe('HttpClient', () => {
  it('sends its User-Agent and Accept, and hands back the body and validators', async () => {
    const r = await get(new HttpClient(SETTINGS), `${server.origin}/ok`);
    expect(r.ok && 'body' in r && Buffer.from(r.body).toString()).toBe('<p>hello</p>');
    expect(r.ok && 'body' in r && [r.etag, r.lastModified, r.contentType]).toEqual(['"v1"', 'Mon, 30 Nov 2026 10:00:00 GMT', 'text/html; charset=utf-8']);
    const seen = server.requests.find((q) => q.path === '/ok')!;
    expect(seen.headers['user-agent']).toBe(SETTINGS.userAgent);
    expect(seen.headers['accept']).toBe('text/html');
  });

  it('sends the validators it is given (conditional GET) and reports 304 as not modified', async () => {
    const client = new HttpClient(SETTINGS);
    const first = await get(client, `${server.origin}/conditional`);
    expect(first.ok && 'body' in first).toBe(true);
    const second = await get(client, `${server.origin}/conditional`, { etag: '"v1"', lastModified: 'Mon, 30 Nov 2026 10:00:00 GMT' });
    expect(second).toMatchObject({ ok: true, status: 304, notModified: true });
    expect(server.requests.filter((q) => q.path === '/conditional').at(-1)!.headers['if-modified-since']).toBe('Mon, 30 Nov 2026 10:00:00 GMT');
  });

  it('retries a 503 with backoff and gets the page on the third try', async () => {
    const r = await get(new HttpClient(SETTINGS), `${server.origin}/flaky`);
    expect(r.ok && 'body' in r && Buffer.from(r.body).toString()).toBe('at last');
    const times = server.requests.filter((q) => q.path === '/flaky').map((q) => q.at);
    expect(times).toHaveLength(3);
    // 50 ms, then 100 ms (doubled).
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(90);
  });

  it('gives up after the retries on a server that keeps failing, naming the status', async () => {
    const r = await get(new HttpClient(SETTINGS), `${server.origin}/always-500`);
    expect(r).toMatchObject({ ok: false, status: 500, problem: 'HTTP 500 Internal Server Error' });
    expect(counts.get('500')).toBe(3);
  });

  it('does not retry a 404', async () => {
    const r = await get(new HttpClient(SETTINGS), `${server.origin}/not-found`);
    expect(r).toMatchObject({ ok: false, status: 404 });
    expect(counts.get('404')).toBe(1);
  });

  it("waits as long as a 429's Retry-After asks", async () => {
    const started = Date.now();
    const r = await get(new HttpClient(SETTINGS), `${server.origin}/retry-after`);
    expect(r.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('fails at once when Retry-After asks for longer than it will wait', async () => {
    const started = Date.now();
    const r = await get(new HttpClient(SETTINGS), `${server.origin}/retry-much-later`);
    expect(r).toMatchObject({ ok: false, status: 429, problem: expect.stringContaining('asks to retry after 3600 s') });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(counts.get('later')).toBe(1);
  });

  it('gives up on a host that never answers, and on a body that never ends, after the timeout (no retry)', async () => {
    const client = new HttpClient(SETTINGS);
    const started = Date.now();
    const [headers, body] = await Promise.all([get(client, `${server.origin}/slow`), get(client, `${server.origin}/slow-body`)]);
    expect(headers).toMatchObject({ ok: false, problem: 'timed out after 1.5 s' });
    expect(body).toMatchObject({ ok: false, problem: 'timed out after 1.5 s' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests.filter((q) => q.path === '/slow')).toHaveLength(1);
  });

  it('names a connection refused', async () => {
    const closed = await startServer();
    const origin = closed.origin;
    await closed.close();
    const r = await get(new HttpClient({ ...SETTINGS, retries: 0 }), `${origin}/x`);
    expect(r).toMatchObject({ ok: false, problem: 'ECONNREFUSED' });
  });

  it('stops a redirect loop, too many redirects, and a redirect out of http(s)', async () => {
    const client = new HttpClient(SETTINGS);
    expect(await get(client, `${server.origin}/loop-a`)).toMatchObject({ ok: false, problem: expect.stringMatching(/^redirect loop/) });
    expect(await get(client, `${server.origin}/hop1`)).toMatchObject({ ok: false, problem: 'more than 5 redirects' });
    expect(await get(client, `${server.origin}/hop3`)).toMatchObject({ ok: true, url: `${server.origin}/hop8` });
    expect(await get(client, `${server.origin}/to-file`)).toMatchObject({ ok: false, problem: expect.stringContaining('non-http(s)') });
  });

  it('refuses URLs that are not http(s) without a request', async () => {
    const client = new HttpClient(SETTINGS);
    for (const url of ['file:///etc/passwd', 'ftp://x.invalid/', 'data:text/html,hi', 'javascript:alert(1)', 'not a url']) {
      expect(await get(client, url)).toMatchObject({ ok: false, problem: expect.stringContaining('not an http(s) URL') });
    }
  });

  it('stops a 100 MB body at the size cap, reading little past it', async () => {
    const started = Date.now();
    const r = await get(new HttpClient(SETTINGS), `${server.origin}/huge`, { maxBytes: 2 * MB });
    expect(r).toMatchObject({ ok: false, problem: 'body over the 2 MB limit: download stopped' });
    expect(Date.now() - started).toBeLessThan(5000);
    // The server could write ahead into socket buffers, but nowhere near the whole 100 MB.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hugeWritten).toBeLessThan(20 * MB);
  });

  it('refuses a body whose Content-Length is over the cap before reading it', async () => {
    const r = await get(new HttpClient(SETTINGS), `${server.origin}/huge-declared`, { maxBytes: 2 * MB });
    expect(r).toMatchObject({ ok: false, problem: 'body of 100 MB is over the 2 MB limit' });
  });

  it('keeps at most two requests open to one host', async () => {
    const client = new HttpClient(SETTINGS);
    const results = await Promise.all(Array.from({ length: 8 }, () => get(client, `${server.origin}/busy`)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.maxOpen('/busy')).toBe(2);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Mon, 30 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 30 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
