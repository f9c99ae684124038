// The config's feeds and fetch limits: defaults, and every wrong value refused with its key named.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../src/config.js';

describe('feeds and fetch in roundup.config.json', () => {
  it('defaults to no feeds, a week and 30 items a feed', () => {
    expect(parseConfig({}, 'c.json')).toMatchObject({ feeds: [], fetch: { maxAgeDays: 7, maxItemsPerFeed: 30 } });
    expect(DEFAULT_CONFIG.fetch).toEqual({ maxAgeDays: 7, maxItemsPerFeed: 30 });
  });

  it('reads feeds with and without a name, and the limits', () => {
    const config = parseConfig({ feeds: [{ url: 'https://a.invalid/rss', name: 'A' }, { url: 'http://b.invalid/atom' }], fetch: { maxAgeDays: 2, maxItemsPerFeed: 5 } }, 'c.json');
    expect(config.feeds).toEqual([{ url: 'https://a.invalid/rss', name: 'A' }, { url: 'http://b.invalid/atom', name: null }]);
    expect(config.fetch).toEqual({ maxAgeDays: 2, maxItemsPerFeed: 5 });
  });

  it.each([
    [{ feeds: 'https://a.invalid/rss' }, '"feeds" must be a list'],
    [{ feeds: [{ url: 'ftp://a.invalid/rss' }] }, '"feeds[0].url" must be an http(s) URL'],
    [{ feeds: [{ name: 'No URL' }] }, '"feeds[0].url" must be an http(s) URL, got null'],
    [{ feeds: [{ url: 'https://a.invalid/', title: 'x' }] }, '"feeds[0].title" is not a setting'],
    [{ feeds: [{ url: 'https://a.invalid/', name: '' }] }, '"feeds[0].name" must be a non-empty string'],
    [{ fetch: { maxAgeDays: 0 } }, '"fetch.maxAgeDays" must be a number from 1'],
    [{ fetch: { maxItemsPerFeed: 'all' } }, '"fetch.maxItemsPerFeed" must be a number'],
    [{ fetch: { timeout: 5 } }, '"fetch.timeout" is not a setting'],
  ])('refuses %j', (raw, message) => {
    expect(() => parseConfig(raw, 'c.json')).toThrow(message);
  });
});
