// SIGTERM and SIGINT stop a build within a second or so at any stage, exit 143/130, and leave the outputs whole.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, settledEntries } from '../helpers.js';
import { makeTemp, readTreeBytes, runCli, startCli, treeDifference } from './run.js';

const tmp = makeTemp('signals');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Loose on purpose: this is about not hanging (before, the build was deaf until its stage ended), not speed. */
const STOP_WITHIN_MS = 5_000;
/** Paragraphs of the saved page that would keep a build deaf to signals busy reading for many seconds. */
const BIG_PAGE_PARAGRAPHS = 250_000;

let previous: { content: Map<string, Buffer>; site: Map<string, Buffer> };

/** A project whose last build is whole, and whose seeds now hold a large saved page. */
function project(name: string): string {
  const dir = path.join(tmp, name);
  fs.cpSync(path.join(tmp, 'built'), dir, { recursive: true });
  const paragraphs = Array.from({ length: BIG_PAGE_PARAGRAPHS }, (_, i) => `<p>Report ${i} says inspectors checked span ${i % 97} of the bridge on day ${i % 31}.</p>`);
  fs.writeFileSync(path.join(dir, 'seeds', 'zz-saved-page.html'), `<html><body><article>${paragraphs.join('\n')}</article></body></html>`);
  return dir;
}

beforeAll(async () => {
  const built = path.join(tmp, 'built');
  fs.mkdirSync(path.join(built, 'seeds'), { recursive: true });
  for (const name of fs.readdirSync(SEEDS).sort().slice(0, 3)) fs.copyFileSync(path.join(SEEDS, name), path.join(built, 'seeds', name));
  const r = runCli(['build', '--quiet', '--no-cache'], { cwd: built });
  expect(r.status, r.stderr).toBe(0);
  await settledEntries(built);
  previous = { content: readTreeBytes(path.join(built, 'content')), site: readTreeBytes(path.join(built, '_site')) };
});

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!check() && Date.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('a build sent a signal', () => {
  it.each([
    ['SIGTERM', 143, 600],
    ['SIGINT', 130, 0],
  ] as const)('%s while it reads a large page: exits %i promptly, the previous outputs intact, no lock or temporary folder left', async (signal, code, afterLockMs) => {
    const dir = project(signal);
    const child = startCli(['build', '--quiet', '--no-cache'], { cwd: dir });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (status) => resolve(status)));
    try {
      // Once the run holds its locks it is past start-up and into the stages.
      await until(() => fs.existsSync(path.join(dir, '.content.lock')), 20_000);
      await new Promise((resolve) => setTimeout(resolve, afterLockMs));
      const sent = Date.now();
      child.kill(signal);
      const status = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), STOP_WITHIN_MS))]);
      expect(status, `no exit within ${STOP_WITHIN_MS} ms of ${signal}`).toBe(code);
      expect(Date.now() - sent).toBeLessThan(STOP_WITHIN_MS);
    } finally {
      child.kill('SIGKILL');
    }
    expect(treeDifference(readTreeBytes(path.join(dir, 'content')), previous.content)).toBeNull();
    expect(treeDifference(readTreeBytes(path.join(dir, '_site')), previous.site)).toBeNull();
    expect(await settledEntries(dir)).toEqual(['_site', 'content', 'seeds']);
  });
});
