// Topic subjects: the phrase most of a topic's stories share that few other topics use, else none (the headline stays).
import { describe, expect, it } from 'vitest';
import type { Entity, Story } from '../../src/model.js';
import { topicPhrases, type PhraseTopic } from '../../src/summarize/topic-phrase.js';

/** A story as topicPhrases reads it: its headline and its lead sentence. */
const story = (title: string, lead: string): Story => ({ title, summarySentences: [{ text: lead, articleIds: [] }] }) as unknown as Story;

const topic = (id: string, stories: readonly Story[], entities: readonly Entity[] = [], language: string | null = 'en'): PhraseTopic => ({ id, stories, entities, language });

/** Topics about other things, each of one story, so that a phrase's share of the run's topics is small. */
function background(count: number, extra: (i: number) => string = () => ''): PhraseTopic[] {
  return Array.from({ length: count }, (_, i) => topic(`bg${String(i).padStart(3, '0')}`, [
    story(`Harvest festival number ${i} draws visitors ${extra(i)}`, `Stalls sold apples and pears at fair ${i}.`),
  ]));
}

const korea = topic('korea', [
  story('North Korea tests another missile', 'North Korea fired a missile into the sea on Monday.'),
  story('Seoul protests as North Korea fires again', 'The launch was the third this month.'),
  story('UN to meet on North Korea launches', 'Diplomats will discuss sanctions.'),
  story('Japan tracks rocket over Hokkaido', 'North Korea said the test was a success.'),
]);

describe('topicPhrases', () => {
  it('labels a topic by the name most of its stories share and few other topics use', () => {
    expect(topicPhrases([korea, ...background(60)]).get('korea')).toBe('North Korea');
  });

  it('uses no phrase that more than a few per cent of the run\'s topics share: "Harvest festival" is everywhere', () => {
    const festivals = topic('fest', [
      story('Harvest festival returns to the valley', 'The harvest festival opened on Friday.'),
      story('Rain fails to dampen harvest festival', 'Crowds came to the harvest festival anyway.'),
      story('Harvest festival ends with fireworks', 'The harvest festival closed on Sunday.'),
      story('Harvest festival raises record sum', 'Organisers thanked visitors.'),
    ]);
    expect(topicPhrases([festivals, ...background(60)]).has('fest')).toBe(false);
  });

  it('gives a topic of two or three stories only a name, never a phrase they happen to share', () => {
    const pair = topic('pair', [
      story('Talks to write new rules stall', 'Ministers met on Tuesday.'),
      story('Union says talks to write rules failed', 'The union walked out.'),
    ]);
    const cosby = topic('cosby', [
      story('No charges against TV star Bill Cosby', 'Prosecutors said Bill Cosby would not be charged.'),
      story('Bill Cosby accuser speaks out', 'She said she was disappointed.'),
    ]);
    const labels = topicPhrases([pair, cosby, ...background(60)]);
    expect(labels.has('pair')).toBe(false);
    expect(labels.get('cosby')).toBe('Bill Cosby');
  });

  it('gives a topic of two stories a one-word name when both say it and the articles know it as a name', () => {
    const kenya = topic('kenya', [
      story('Rangers kill a lion that attacked a man', 'A lion was shot dead in Kenya on Wednesday.'),
      story('MP attacked by muggers in park', 'An MP was mugged by six men in a park in Kenya.'),
    ], [{ name: 'Kenya', kind: 'place', count: 2 }]);
    const unnamed = topic('unnamed', [
      story('Rangers track a lion near the park', 'A lion escaped in Kenya on Monday.'),
      story('Park reopens after repairs', 'The park opened its gates again.'),
    ], [{ name: 'Kenya', kind: 'place', count: 1 }]);
    const labels = topicPhrases([kenya, unnamed, ...background(60)]);
    expect(labels.get('kenya')).toBe('Kenya');
    // "Park" is in both headlines, but no name: the topic keeps its headline.
    expect(labels.has('unnamed')).toBe(false);
  });

  it('gives a common word alone only to a big topic most of whose stories use it', () => {
    const headlines = ['Senators clash over immigration', 'Immigration vote delayed again', 'Governors weigh in on immigration',
      'Immigration deal within reach, aides say', 'House returns to immigration', 'What the immigration fight means'];
    const stories = (n: number): Story[] => headlines.slice(0, n).map((h, i) => story(h, `Day ${i + 1} of the debate.`));
    expect(topicPhrases([topic('big', stories(6)), ...background(60)]).get('big')).toBe('Immigration');
    expect(topicPhrases([topic('small', stories(4)), ...background(60)]).has('small')).toBe(false);
  });

  it('writes a phrase as running text does, not as a headline in title case', () => {
    const net = topic('net', [
      story('Net Neutrality Is Back In Court Again', 'Judges heard the net neutrality case on Friday.'),
      story('What The Net Neutrality Ruling Means For You', 'The net neutrality rules were struck down.'),
      story('Senate Votes To Restore Net Neutrality Rules', 'Net neutrality supporters cheered.'),
      story('Carriers Split Over Net Neutrality Fight', 'Some carriers backed net neutrality.'),
    ]);
    expect(topicPhrases([net, ...background(60)]).get('net')).toBe('Net neutrality');
  });

  it('takes the whole of a name or phrase a shared word belongs to: "Islamic State", not "Islamic"', () => {
    const isis = topic('isis', [
      story('Islamic State loses ground in Mosul', 'Islamic State fighters retreated.'),
      story('Airstrikes hit Islamic State in Syria', 'The strikes targeted Islamic State positions.'),
      story('Islamic militants claim attack', 'An Islamic State statement claimed the attack.'),
      story('Iraq says Islamic State leader killed', 'Officials gave no details.'),
    ], [{ name: 'Islamic State', kind: 'organization', count: 6 }]);
    expect(topicPhrases([isis, ...background(60)]).get('isis')).toBe('Islamic State');
  });

  it('gives each label once: the topic with more stories keeps it', () => {
    const smaller = topic('korea2', korea.stories.slice(0, 3));
    const labels = topicPhrases([smaller, korea, ...background(60)]);
    expect(labels.get('korea')).toBe('North Korea');
    expect(labels.has('korea2')).toBe(false);
  });

  it('writes a dateline in capitals as a name, and reads no phrase of a topic in another language', () => {
    const gaza = topic('gaza', [
      story('Truce holds for a second day', 'GAZA CITY (AP) — The truce held on Tuesday.'),
      story('Aid convoys roll in', 'GAZA CITY (AP) — Lorries crossed at dawn.'),
      story('Talks resume in Cairo', 'GAZA CITY (AP) — Negotiators returned.'),
      story('Schools reopen', 'GAZA CITY (AP) — Pupils went back.'),
    ]);
    const german = topic('de', korea.stories, [], 'de');
    const labels = topicPhrases([gaza, german, ...background(60)]);
    expect(labels.get('gaza')).toBe('Gaza City');
    expect(labels.has('de')).toBe(false);
  });

  it('takes no phrase the cleaner left garbled: words run together, a name out of order', () => {
    const glued = topic('glued', [
      story('Tariffs rattle farm states', 'President Trump Donald John TrumpGOP senators balked.'),
      story('Farmers wait for aid', 'President Trump Donald John TrumpGOP leaders met.'),
      story('Soybean prices fall', 'President Trump Donald John TrumpGOP allies worried.'),
      story('Tariff talks stall', 'President Trump Donald John TrumpGOP donors called.'),
    ], [{ name: 'Donald John Trump', kind: 'person', count: 4 }]);
    const label = topicPhrases([glued, ...background(60)]).get('glued');
    expect(label === undefined || (!/TrumpGOP/.test(label) && label !== 'Trump Donald John' && label !== 'Trump Donald')).toBe(true);
  });

  it('is the same for the same topics in any order', () => {
    const all = [korea, ...background(60)];
    expect([...topicPhrases([...all].reverse())].sort()).toEqual([...topicPhrases(all)].sort());
  });
});
