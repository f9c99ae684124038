// site.articleText in roundup.config.json: "full" by default, "excerpt" on request, anything else refused by name.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfig, parseConfig } from '../../src/config.js';
import { UserError } from '../../src/errors.js';
import { makeTempDir } from '../write/fixtures.js';

const tmp = makeTempDir('config');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('site.articleText', () => {
  it('defaults to the whole text', () => {
    expect(DEFAULT_CONFIG.site.articleText).toBe('full');
    expect(parseConfig({}, 'c.json').site.articleText).toBe('full');
    expect(parseConfig({ site: { title: 'Desk' } }, 'c.json').site.articleText).toBe('full');
  });

  it('reads "full" and "excerpt"', () => {
    expect(parseConfig({ site: { articleText: 'full' } }, 'c.json').site.articleText).toBe('full');
    expect(parseConfig({ site: { articleText: 'excerpt' } }, 'c.json').site.articleText).toBe('excerpt');
  });

  it.each([['summary'], ['Excerpt'], [''], [true], [0], [null], [['excerpt']]])('refuses %j, naming the key, the choices and the value', (value) => {
    expect(() => parseConfig({ site: { articleText: value } }, 'c.json')).toThrow(UserError);
    expect(() => parseConfig({ site: { articleText: value } }, 'c.json')).toThrow(`c.json: "site.articleText" must be one of "full", "excerpt", got ${JSON.stringify(value)}`);
  });

  it('refuses it outside "site"', () => {
    expect(() => parseConfig({ articleText: 'excerpt' }, 'c.json')).toThrow('"articleText" is not a setting');
  });

  it('is read from the config file', () => {
    const file = path.join(tmp, 'roundup.config.json');
    fs.writeFileSync(file, JSON.stringify({ site: { articleText: 'excerpt' } }));
    expect(loadConfig(file, tmp).site.articleText).toBe('excerpt');
    fs.writeFileSync(file, JSON.stringify({ site: { articleText: 'teaser' } }));
    expect(() => loadConfig(file, tmp)).toThrow(`${file}: "site.articleText" must be one of "full", "excerpt", got "teaser"`);
  });
});
