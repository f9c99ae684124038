// --help: every command answers it, and names every option it accepts.
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { runCli } from './run.js';

const OPTIONS: Record<string, string[]> = {
  build: ['--seeds', '--content', '--out', '--path-prefix', '--summary-words', '--config', '--strict', '--jobs', '--cache', '--no-cache', '--quiet'],
  preprocess: ['--seeds', '--content', '--single-story', '--summary-words', '--config', '--strict', '--jobs', '--cache', '--no-cache', '--quiet'],
  serve: ['--seeds', '--content', '--out', '--port', '--config', '--jobs', '--cache', '--no-cache'],
  explain: ['--seeds', '--config'],
  fetch: ['--config', '--opml', '--seeds', '--strict', '--quiet'],
};

describe('--help', () => {
  it('lists the commands', () => {
    const r = runCli(['--help'], { cwd: ROOT });
    expect(r.status).toBe(0);
    for (const command of Object.keys(OPTIONS)) expect(r.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each(Object.entries(OPTIONS))('%s --help names each of its options', (command, options) => {
    const r = runCli([command, '--help'], { cwd: ROOT });
    expect(r.status).toBe(0);
    for (const option of options) expect(r.stdout, option).toMatch(new RegExp(`^  ${option}\\b`, 'm'));
  });

  it('refuses an option a command does not take, pointing at its --help', () => {
    const r = runCli(['explain', '--out', 'site', 'x.txt'], { cwd: ROOT });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("see 'roundup explain --help'");
  });
});
