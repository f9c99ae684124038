// `roundup serve`: on 127.0.0.1 only, every hostile request answered with a 4xx and the server still up, a
// rebuild that leaves no page of a removed article, and a render store no later build finds changed.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSite, serveSite, type SiteServer } from '../../src/render/index.js';
import { resolveRequestPath } from '../../src/render/static-server.js';
import { writeContent } from '../../src/write/index.js';
import { loadFixtureDigest, makeTempDir, readTree } from '../write/fixtures.js';

const tmp = makeTempDir('serve');
const contentDir = path.join(tmp, 'content');
const outDir = path.join(tmp, '_site');
const cacheDir = path.join(tmp, 'cache');
const digest = loadFixtureDigest();
const STORY = '/stories/library-opens-on-sundays-def456/';
const ARTICLE = 'library-extends-weekend-hours-778899';
const RENAMED = 'library-keeps-weekend-hours-998877';

let server: SiteServer | null = null;
let port = 0;
/** The site as a cold build under /roundup/ made it, before serve ran on the same folders. */
let published = new Map<string, string>();

beforeAll(async () => {
  writeContent(digest, contentDir);
  await renderSite({ contentDir, outDir, pathPrefix: '/roundup/', quiet: true, cacheDir });
  published = readTree(outDir);
  server = await serveSite({ contentDir, outDir, pathPrefix: '/', quiet: true, cacheDir, host: '127.0.0.1', port: 0 });
  port = Number(new URL(server.url).port);
}, 120_000);
afterAll(async () => {
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Sends `request` as raw bytes (no client normalises the path) and resolves with the status and the body. */
function raw(request: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may close a connection it refused while the rest of the request is still being sent.
    socket.on('error', (error) => (chunks.length ? socket.destroy() : reject(error)));
    socket.on('close', () => {
      const data = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(data)?.[1] ?? 0), body: data.slice(data.indexOf('\r\n\r\n') + 4) });
    });
    socket.end(request);
  });
}
const get = (target: string): Promise<{ status: number; body: string }> => raw(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);

async function titleOf(target: string): Promise<string> {
  return /<title>([^<]*)<\/title>/.exec((await get(target)).body)?.[1] ?? '';
}

/** The local addresses listening on `port`, from /proc/net/tcp and tcp6 (hex, as the kernel writes them). */
function listeners(port: number): string[] {
  const out: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state === '0A' && local && parseInt(local.split(':')[1] ?? '', 16) === port) out.push(local.split(':')[0]!);
    }
  }
  return out;
}

describe('resolveRequestPath', () => {
  it('keeps an encoded slash or dot inside its segment, and refuses the segment', () => {
    expect(resolveRequestPath('/stories/x/?q=1')).toEqual({ segments: ['stories', 'x'], folder: true, pathname: '/stories/x/' });
    for (const bad of ['/..%2f..%2fetc/passwd', '/%2e%2e/etc/passwd', '/../etc', '/a/%2E/b', '/%5c..%5cetc', '/x%00.html', '/%E0%A4%A', '/%zz', 'http://evil/', '*']) {
      expect(resolveRequestPath(bad), bad).toEqual({ status: 400 });
    }
    expect(resolveRequestPath(`/${'a'.repeat(3000)}`)).toEqual({ status: 414 });
  });
});

describe('serveSite', () => {
  it('listens on 127.0.0.1 only, and says so', () => {
    expect(server?.url).toBe(`http://127.0.0.1:${port}/`);
    const local = listeners(port);
    if (fs.existsSync('/proc/net/tcp')) expect(local).toEqual(['0100007F']);
  });

  it('answers every hostile request with a 4xx, serves nothing outside the site, and goes on serving', async () => {
    const hostile = [
      '/..%2f..%2fetc/passwd',
      '/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/../../../../etc/passwd',
      '/stories/../../../etc/passwd',
      '/..\\..\\etc\\passwd',
      '/%2e%2e%5c%2e%2e%5cetc%5cpasswd',
      '/%c0%ae%c0%ae/etc/passwd',
      '/index.html%00.css',
      '/%',
      '/%zz/',
      `/${'a'.repeat(5000)}`,
      `/${'%2e%2e%2f'.repeat(2000)}`,
      'http://evil.invalid/etc/passwd',
      '/does-not-exist/',
      '/index.html/',
    ];
    for (const target of hostile) {
      const { status, body } = await get(target);
      expect(status, target).toBeGreaterThanOrEqual(400);
      expect(status, target).toBeLessThan(500);
      expect(body, target).not.toContain('root:');
    }
    // Not even parseable as HTTP, a header far too large, a method that writes.
    for (const request of ['FOO\r\n\r\n', `GET / HTTP/1.1\r\nX: ${'y'.repeat(100_000)}\r\n\r\n`, 'GET /\x01 HTTP/1.1\r\n\r\n', 'DELETE /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']) {
      const { status } = await raw(request);
      expect(status, JSON.stringify(request.slice(0, 20))).toBeGreaterThanOrEqual(400);
      expect(status, JSON.stringify(request.slice(0, 20))).toBeLessThan(500);
    }
    expect(await titleOf(STORY)).toBe('Library opens on Sundays · Roundup Test Desk');
    expect((await get('/assets/site.css')).status).toBe(200);
    expect((await get(STORY.slice(0, -1))).status).toBe(301);
  });

  it('rebuilds whole: new text in, and no page of an article renamed away', async () => {
    expect((await get(`/articles/${ARTICLE}/`)).status).toBe(200);
    const renamed = JSON.parse(JSON.stringify({ ...digest, site: { ...digest.site, title: 'Swapped Desk' } }).replaceAll(ARTICLE, RENAMED)) as typeof digest;
    await server!.rebuild(async () => writeContent(renamed, contentDir));
    expect(await titleOf(STORY)).toBe('Library opens on Sundays · Swapped Desk');
    expect((await get(`/articles/${RENAMED}/`)).status).toBe(200);
    expect((await get(`/articles/${ARTICLE}/`)).status).toBe(404);
    expect(fs.existsSync(path.join(outDir, 'articles', ARTICLE))).toBe(false);
  });

  it('leaves the cache as it found it: the next build under /roundup/ is the published site again', async () => {
    await server?.close();
    server = null;
    writeContent(digest, contentDir);
    await renderSite({ contentDir, outDir, pathPrefix: '/roundup/', quiet: true, cacheDir });
    expect(readTree(outDir)).toEqual(published);
  }, 120_000);
});
