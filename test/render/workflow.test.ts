// The GitHub Pages workflow: official actions, push and schedule triggers, the README's build with the path prefix.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const WORKFLOW = fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'pages.yml'), 'utf8');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('.github/workflows/pages.yml', () => {
  it('runs on push and on a schedule', () => {
    expect(WORKFLOW).toMatch(/^on:\n {2}push:/m);
    expect(WORKFLOW).toMatch(/^ {2}schedule:\n(?: {4}#.*\n)* {4}- cron: '[^']+'/m);
  });

  it('uses only the official checkout, setup-node, cache and Pages actions', () => {
    const actions = [...WORKFLOW.matchAll(/uses: ([^@\s]+)@/g)].map((m) => m[1]);
    expect(new Set(actions)).toEqual(new Set(['actions/checkout', 'actions/setup-node', 'actions/cache', 'actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']));
  });

  it("keeps Roundup's cache between runs, restoring the newest", () => {
    expect(WORKFLOW).toMatch(/uses: actions\/cache@v4\n {8}with:\n {10}path: \.roundup-cache\n/);
    expect(WORKFLOW).toMatch(/restore-keys: roundup-/);
  });

  it('runs the README\'s build with PATH_PREFIX from the repository name and publishes _site', () => {
    expect(README).toContain('npm ci && npm run build');
    expect(WORKFLOW).toContain('- run: npm ci');
    expect(WORKFLOW).toContain('run: npm run build');
    expect(WORKFLOW).toContain('github.event.repository.name');
    expect(WORKFLOW).toMatch(/PATH_PREFIX: \$\{\{ vars\.PATH_PREFIX \|\| steps\.prefix\.outputs\.path \}\}/);
    expect(WORKFLOW).toMatch(/path: _site\n/);
  });
});
