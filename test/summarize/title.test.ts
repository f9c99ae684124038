// A headline for a story whose sources have none: built from its lead sentence, short, never cut mid-phrase.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseTitle, titleFromSentence } from '../../src/summarize/title.js';
import type { Article } from '../../src/model.js';

describe('titleFromSentence', () => {
  it('keeps the main clause of a long lead, cut before what can go, within 80 characters', () => {
    expect(
      titleFromSentence('Barack Obama and Vladimir Putin have held frank talks on the Syrian crisis with the US President pressing his Russian counterpart to play a “constructive role” and stop Russia’s air campaign.'),
    ).toBe('Barack Obama and Vladimir Putin have held frank talks on the Syrian crisis');
    expect(titleFromSentence('Thousands of rail workers walked off the job on Monday as a strike called by the Transport Workers Alliance halted most Northline services across the region.')).toBe(
      'Thousands of rail workers walked off the job on Monday',
    );
  });

  it('cuts before a relative clause after a noun, or a dash, when nothing else fits; never before what was said', () => {
    expect(titleFromSentence('A two billion dollar merger of the harbour ferry companies is in the works that shows how the coastal market for freight has grown.')).toBe(
      'A two billion dollar merger of the harbour ferry companies is in the works',
    );
    expect(titleFromSentence('The old harbour ferry remains the favourite boat of the islanders - a vessel that managed to ride out three storms and two owners since 1961.')).toBe(
      'The old harbour ferry remains the favourite boat of the islanders',
    );
    // After a verb or a day, "that" opens what was said: no cut there.
    expect(titleFromSentence('The harbour master of the island ferry service asserted Saturday that the crossing would reopen before the end of the month.')).not.toMatch(/Saturday$/);
  });

  it('leaves out an aside between em dashes, and ends a clause at a lone one', () => {
    expect(titleFromSentence('The harbour police are reportedly investigating a sophisticated—but unsuccessful—attempt to break into the island ferry company\'s ticket database.')).toBe(
      'The harbour police are reportedly investigating a sophisticated attempt to break',
    );
    expect(titleFromSentence('The ferry crews won a stay of eviction from the harbour sheds this morning—though a few of them had already packed up their tools and left.')).toBe(
      'The ferry crews won a stay of eviction from the harbour sheds this morning',
    );
  });

  it('never cuts after a word that leads into the cut ("closed in | before dawn")', () => {
    const title = titleFromSentence('Police in riot gear closed in before dawn on Monday on the harbour workers in the old town who defied a midnight deadline to leave the sheds on the quay.');
    expect(title).toBe('Police in riot gear closed in before dawn on Monday on the harbour workers');
  });

  it('cuts at a boundary within 96 characters rather than at a word with an ellipsis', () => {
    const title = titleFromSentence('Gloria Hiroko Chapman has revealed her husband told her he was going to murder the singer weeks before he shot him dead on his doorstep in the city.');
    expect(title).not.toMatch(/…$/);
    expect(title.length).toBeLessThanOrEqual(96);
  });

  it('drops a dateline and a final full stop, and leaves a short lead whole', () => {
    expect(titleFromSentence('WASHINGTON (AP) — The leaks are real, President Donald Trump said.')).toBe('The leaks are real, President Donald Trump said');
  });

  it('takes a lead a little over 80 characters whole rather than leave a phrase open', () => {
    expect(titleFromSentence('The Parker Solar Probe is NASA’s plan to send a spacecraft closer to our Sun than ever before.')).toBe(
      'The Parker Solar Probe is NASA’s plan to send a spacecraft closer to our Sun than ever before',
    );
  });

  it('starts at the main clause, past a leading adverbial one, but not inside a quote, a list or a name', () => {
    expect(titleFromSentence('As the storm swung north along the coast on Thursday night, officials ordered the evacuation of low-lying islands and closed the bridges.')).toBe(
      'Officials ordered the evacuation of low-lying islands and closed the bridges',
    );
    expect(titleFromSentence('For many, the old search engine remains the first page they open every morning, long after its rivals overtook it in the market.')).toBe(
      'The old search engine remains the first page they open every morning',
    );
    expect(titleFromSentence('As Hurricane Irene swung north Thursday, putting the Washington region in its sights, Maryland and Virginia declared a state of emergency.')).toBe(
      'Maryland and Virginia declared a state of emergency',
    );
    // "Japan and Hong Kong" goes on a list; "which saw" goes on the sentence before the comma.
    expect(titleFromSentence('In South Korea, Japan and Hong Kong normal connection speeds are measured in megabits, far above what most European homes can buy today.')).not.toMatch(/^Japan/);
    expect(titleFromSentence('On Dec. 3, 2013, the three-year-old girl had a heart attack in a dentist’s chair while under sedation for a routine filling.')).not.toMatch(/^2013/);
    expect(titleFromSentence('In 1969 his name became linked with the murders in the canyon, which saw the deaths of an actress and four of her friends at a home.')).not.toMatch(/^Which/);
  });

  it('never ends on an auxiliary, and leaves out an appositive rather than title by a subject alone', () => {
    const merger = titleFromSentence('An $8 billion exchange merger is in the works that underscores how the global trading of stocks has changed beyond recognition this decade.');
    expect(merger).not.toMatch(/\sis$/);
    expect(titleFromSentence('Munich Re and Swiss Re, the two biggest reinsurers in the world, have said their exposure to the storm losses will be smaller than feared.')).toBe(
      'Munich Re and Swiss Re have said their exposure to the storm losses will be smaller than feared',
    );
  });

  it('is whole up to 96 characters, else cut to 96 at most (80 with an ellipsis), and never ends on a word that leads into what was cut (property)', () => {
    const word = fc.constantFrom('the', 'council', 'voted', 'with', 'on', 'a', 'plan', 'to', 'build', 'lanes', 'after', 'years', 'of', 'debate', 'and', 'Main', 'Street', 'shops');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), (ws) => {
        const sentence = `${ws.join(' ')}.`;
        const title = titleFromSentence(sentence);
        // A lead of up to 96 characters (and its full stop) is taken whole; a longer one is cut at a boundary within
        // 96, or, with none, at a word within 80 and marked with an ellipsis.
        expect(title.length).toBeLessThanOrEqual(title.endsWith('…') ? 80 : 96);
        // A lead that had to be cut never ends on a word leading into the cut part.
        if (sentence.length > 97) expect(title).not.toMatch(/\s(?:the|a|of|and|to|on|with)…?$/i);
      }),
      { numRuns: 200 },
    );
  });
});

describe('chooseTitle', () => {
  const article = (title: string): Article => ({ title, titleSource: 'declared', text: 'Volunteers have signed up to test the vaccines.' }) as Article;

  it('reads a headline of two sentences as its first, rather than title the story by a body sentence', () => {
    expect(chooseTitle([article("At least 120,000 Americans are needed to test COVID-19 vaccines. A 'very encouraging' 107,000 are so far signed up.")], 'For example, 45 people took part.'))
      .toBe('At least 120,000 Americans are needed to test COVID-19 vaccines');
  });

  it('does not cut a long one-sentence headline at an initial, and prefers it to a body sentence', () => {
    const long = 'U.S. Senate passes the bill that would keep the government open through the end of the year after a long fight';
    expect(chooseTitle([article(long)], 'The Senate voted 68 to 30 on Thursday.')).toBe(long);
  });

  it('prefers a headline that fits to a longer one, and takes a headline that says "share"', () => {
    const long = 'Andrew Yang’s campaign blasted the DNC for not allowing him to use 2 polls from same source for fall Democratic debates';
    expect(chooseTitle([article(long), article('Yang campaign blasts the DNC over debate polls')], null)).toBe('Yang campaign blasts the DNC over debate polls');
    expect(chooseTitle([article('Nasdaq planning $100m share sale')], 'The owner of the Nasdaq stock index plans to sell shares.')).toBe('Nasdaq planning $100m share sale');
  });

  it('takes only a declared headline at length: a long line read as a text dump\'s headline may be its standfirst', () => {
    const long = 'Renamed to honour the astrophysicist who predicted the solar wind, the spacecraft will attempt to get closer to the surface of the sun than any before';
    const dumped = { ...article(long), titleSource: 'headline' } as Article;
    expect(chooseTitle([dumped], 'NASA is going to the sun.')).toBe('NASA is going to the sun');
    expect(chooseTitle([article(long)], 'NASA is going to the sun.')).toBe(long);
  });

  it('titles by the lead sentence when no headline reads as one (a credit, a prompt, 31 words or more)', () => {
    const top = 'The Senate voted 68 to 30 on Thursday.';
    expect(chooseTitle([article('Senators at the Capitol (Photo: Getty Images)')], top)).toBe('The Senate voted 68 to 30 on Thursday');
    expect(chooseTitle([article('Sign up for our morning newsletter today')], top)).toBe('The Senate voted 68 to 30 on Thursday');
    expect(chooseTitle([article(Array.from({ length: 31 }, (_, i) => `word${i}`).join(' '))], top)).toBe('The Senate voted 68 to 30 on Thursday');
  });
});
