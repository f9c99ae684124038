// Two files with one title whose short ids clash (six hex digits: likely somewhere in 100,000 articles) both
// reach the site, under the long form of their ids.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { makeArticleId, repeatedIds } from '../../src/ids.js';
import { preprocess } from '../../src/pipeline.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-clash-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Found by search: sha1('article:wire-1550.md') and sha1('article:wire-6061.md') share their first six hex digits. */
const CLASHING = ['wire-1550.md', 'wire-6061.md'] as const;
const TITLE = 'Storm closes the coast road for a second day';

describe('article ids that clash', () => {
  it('are found, and each clashing article takes its long id', async () => {
    expect(makeArticleId(TITLE, CLASHING[0])).toBe(makeArticleId(TITLE, CLASHING[1]));
    expect(makeArticleId(TITLE, CLASHING[0], true)).not.toBe(makeArticleId(TITLE, CLASHING[1], true));
    expect([...repeatedIds(['a', 'b', 'a', 'c', 'b', 'a'])]).toEqual(['a', 'b']);

    const seeds = path.join(tmp, 'seeds');
    fs.mkdirSync(seeds);
    const bodies = [
      'The council closed the coast road on Tuesday after waves washed gravel across both lanes, a spokesman said.\n\nCrews expect to reopen it on Thursday if the wind drops as forecast.',
      'Fishermen kept their boats in harbour on Tuesday as the storm pushed water over the sea wall at Port Ellis.\n\nThe harbour master said the quay would stay shut until the surge had passed.',
    ];
    // The title declared in front matter, so both files surely carry the same one.
    CLASHING.forEach((file, i) => fs.writeFileSync(path.join(seeds, file), `---\ntitle: ${TITLE}\n---\n${bodies[i]}\n`));
    fs.writeFileSync(path.join(seeds, 'other.txt'), `Library opens on Sundays\n\nThe city library will open on Sundays from next month, the council said on Monday.\n`);
    const { digest } = await preprocess(seeds, path.join(tmp, 'content'), DEFAULT_CONFIG, { singleStory: false, summaryWords: 60 });
    const ids = digest.articles.map((a) => a.id);
    expect(new Set(ids).size).toBe(3);
    for (const file of CLASHING) expect(digest.articles.find((a) => a.file === file)?.id).toBe(makeArticleId(TITLE, file, true));
    expect(digest.articles.find((a) => a.file === 'other.txt')?.id).toMatch(/^library-opens-on-sundays-[0-9a-f]{6}$/);
    // Every story and topic id is unique too, and every article is in one story.
    expect(repeatedIds(digest.stories.map((s) => s.id)).size).toBe(0);
    expect(digest.stories.flatMap((s) => s.articleIds).sort()).toEqual([...ids].sort());
    expect(fs.existsSync(path.join(tmp, 'content', 'articles', `${makeArticleId(TITLE, CLASHING[0], true)}.md`))).toBe(true);
  });
});
