// The dev server: serves the built site and rebuilds when the write stage swaps in a new content folder.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveSite, type SiteServer } from '../../src/render/index.js';
import { writeContent } from '../../src/write/index.js';
import { loadFixtureDigest, makeTempDir } from '../write/fixtures.js';

const tmp = makeTempDir('serve');
let server: SiteServer | null = null;
afterAll(async () => {
  // Polling sees the swapped files over a few intervals: let the last rebuild finish before removing them.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function titleOf(url: string): Promise<string> {
  const response = await fetch(url);
  return /<title>([^<]*)<\/title>/.exec(await response.text())?.[1] ?? '';
}

describe('serveSite', () => {
  it('serves the site and rebuilds after the content folder is swapped', async () => {
    const contentDir = path.join(tmp, 'content');
    const digest = loadFixtureDigest();
    writeContent(digest, contentDir);
    const port = await freePort();
    server = await serveSite({ contentDir, outDir: path.join(tmp, '_site'), pathPrefix: '/', quiet: true, port });
    const url = `http://localhost:${port}/stories/library-opens-on-sundays-def456/`;
    expect(await titleOf(url)).toBe('Library opens on Sundays · Roundup Test Desk');
    expect((await fetch(`http://localhost:${port}/assets/site.css`)).status).toBe(200);

    writeContent({ ...digest, site: { ...digest.site, title: 'Swapped Desk' } }, contentDir);
    let title = '';
    for (let i = 0; i < 50 && !title.endsWith('Swapped Desk'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      title = await titleOf(url);
    }
    expect(title).toBe('Library opens on Sundays · Swapped Desk');
  });
});
