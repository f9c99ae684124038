// Summarize stage: budget, traceable citations, the seeds' disagreement, key points, quotes, timeline, determinism.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article, DisagreementClaim, Story } from '../../src/model.js';
import { summarizeStory, summarizeTopic, type SummaryOptions } from '../../src/summarize/index.js';
import { makeArticle, readArticle, readSeeds } from '../group/make-article.js';
import { withFullStop } from '../../src/text/sentences.js';
import { joinWrappedParagraphs } from '../../src/summarize/units.js';
import { topicLabel, topicSummary } from '../../src/summarize/topic.js';
import { deniedRoots, stillDisagree } from '../../src/summarize/disagreements.js';
import { isCaption } from '../../src/summarize/timeline.js';

const OPTIONS: SummaryOptions = { summaryWords: 120, topicSummaryWords: 160 };
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/summarize');
const norm = (text: string) => text.replace(/\s+/g, ' ');
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

const seeds = readSeeds();
const wednesday = [seeds.get('001')!, seeds.get('003')!];
const bridge = [
  readArticle(FIXTURES, 'bridge-a.txt', { publisher: 'Portmead Post', date: '2024-03-01' }),
  readArticle(FIXTURES, 'bridge-b.txt', { publisher: 'Harbour Radio', date: '2024-03-02' }),
];

function asStory(id: string, articles: readonly Article[], options = OPTIONS): Story {
  return { id, articleIds: articles.map((a) => a.id), topicId: 't', ...summarizeStory(articles, options) };
}

describe('summarizeStory', () => {
  it('stays within the word budget and joins its cited sentences as plain text', () => {
    for (const words of [20, 40, 80, 120, 230]) {
      for (const articles of [wednesday, bridge, [...seeds.values()]]) {
        const s = summarizeStory(articles, { ...OPTIONS, summaryWords: words });
        expect(wordCount(s.summary)).toBeLessThanOrEqual(words);
        // Cited sentences verbatim, each ending in a full stop (a standfirst gets one).
        expect(s.summary).toBe(s.summarySentences.map((c) => withFullStop(c.text)).join(' '));
        if (words >= 40) expect(s.summarySentences.length).toBeGreaterThan(0);
      }
    }
  });

  it('cites, for every summary sentence, an origin article that carries its text, then only story articles', () => {
    for (const articles of [wednesday, bridge, [...seeds.values()]]) {
      const byId = new Map(articles.map((a) => [a.id, a]));
      for (const sentence of summarizeStory(articles, { ...OPTIONS, summaryWords: 230 }).summarySentences) {
        const [origin, ...others] = sentence.articleIds;
        expect(norm(byId.get(origin!)!.text)).toContain(sentence.text);
        for (const id of others) expect(byId.has(id)).toBe(true);
        expect(new Set(sentence.articleIds).size).toBe(sentence.articleIds.length);
      }
    }
  });

  it('cites a sentence carried by two sources with both (the White House statement in 001 and 003)', () => {
    const s = summarizeStory(wednesday, { ...OPTIONS, summaryWords: 230 });
    const statement = s.summarySentences.find((c) => c.text.includes('genuine political transition'));
    expect(statement?.articleIds).toHaveLength(2);
  });

  it('skips boilerplate, questions and very short sentences', () => {
    const s = summarizeStory(bridge, { ...OPTIONS, summaryWords: 230 });
    expect(s.summary).not.toMatch(/subscribe|newsletter|Read more|Share this|\?/);
    for (const c of s.summarySentences) expect(wordCount(c.text)).toBeGreaterThanOrEqual(6);
  });

  it('finds the Kremlin vs White House disagreement on military coordination in the story of 001 and 003', () => {
    const s = summarizeStory(wednesday, OPTIONS);
    const about = s.disagreements.find((d) => d.claims.some((c) => /ready to (?:increase|intensify) coordination/.test(c.text)));
    expect(about).toBeDefined();
    const denial = about!.claims.find((c) => /not reach any agreement|nor is there an agreement|aren’t currently/.test(c.text));
    const claim = about!.claims.find((c) => /Kremlin/.test(c.text) && /coordination/.test(c.text));
    expect(denial?.articleIds).toContain(seeds.get('001')!.id);
    expect(claim?.articleIds).toContain(seeds.get('003')!.id);
    // The heading says what is said and denied, in the affirming side's words; the differing words are marked.
    expect(about!.kind).toBe('denial');
    expect(about!.about).toMatch(/^Said and denied: .*coordination of military/);
    const marked = (c: { text: string; marks: readonly (readonly [number, number])[] }) => c.marks.map(([a, b]) => c.text.slice(a, b));
    expect(marked(denial!).join(' ')).toMatch(/\b(?:not|nor|aren’t)\b/);
    expect(marked(claim!).join(' ')).toMatch(/coordination/);
  });

  it('finds different numbers for the same thing (6 weeks vs 10 weeks)', () => {
    const s = summarizeStory(bridge, OPTIONS);
    const weeks = s.disagreements.find((d) => d.claims.some((c) => c.text.includes('6 weeks')) && d.claims.some((c) => c.text.includes('10 weeks')));
    expect(weeks).toBeDefined();
    expect(weeks!.kind).toBe('numbers');
    expect(weeks!.about).toMatch(/^Different figures: (?:6 weeks or 10 weeks|10 weeks or 6 weeks)$/);
    for (const c of weeks!.claims) expect(c.marks.map(([a, b]) => c.text.slice(a, b))).toEqual([c.text.includes('6 weeks') ? '6 weeks' : '10 weeks']);
  });

  it('heads a disagreement on figures with one thing counted, each side’s figure for it; ".41" is a number', () => {
    const a = makeArticle('a.txt', 'Recount likely\n\nVoters queued outside the county offices on Thursday as the count went on.\n\nIn the Florida governor’s race, Alder’s lead had winnowed to about 38,500 votes on Thursday afternoon, or 0.47 percent of the vote.\n\nThe county will certify the results next week.');
    const b = makeArticle('b.txt', 'Governor race heads for a recount\n\nCounties began the recount on Saturday under state law.\n\nAlder’s lead has narrowed to .41 percentage points — about 33,000 votes.\n\nLawyers for both campaigns arrived in the capital.');
    const figures = summarizeStory([a, b], OPTIONS).disagreements.find((d) => d.kind === 'numbers');
    // Each side counts votes and a share of the vote; the heading sets one against the other of the same kind.
    expect(figures?.about).toBe('Different figures: .41 percentage or 0.47 percent');
  });

  it('never shows a disagreement with one article on both sides', () => {
    // b reports both the agreement and its denial: every side is carried by both articles.
    const a = makeArticle('a.txt', 'Port talks\n\nThe union said on Monday that it had agreed to the new port contract after long talks with the port authority.\n\nDock workers will vote on the contract next week, the union said.');
    const b = makeArticle('b.txt', 'Port deal in doubt\n\nThe union said it had not agreed to the new port contract after long talks with the port authority.\n\nThe union said on Monday that it had agreed to the new port contract after long talks with the port authority, a spokesman recalled.');
    for (const d of summarizeStory([a, b], OPTIONS).disagreements) {
      const sides = d.claims.map((c) => new Set(c.articleIds));
      for (let i = 0; i < sides.length; i++) for (let j = i + 1; j < sides.length; j++) expect([...sides[i]!].filter((id) => sides[j]!.has(id))).toEqual([]);
    }
  });

  it('finds none where two sentences are not a yes against a no, nor two numbers of one thing', () => {
    // Each pair is alike enough to compare, with a denial or another number on one side (each was shown as a
    // disagreement before these rules), yet neither source contradicts the other:
    const pairs: [string, string][] = [
      // the shared words are a title ("former deputy transport minister"), not what is denied;
      ['At a packed briefing the mayor said the former deputy transport minister Jane Alder would chair the public inquiry into the tram crash.', 'The mayor said he did not ask the former deputy transport minister Jane Alder to resign over her handling of the budget.'],
      // both sides reject something (the lawsuit in a ruling, the lawsuit as filed): neither affirms what the other denies;
      ['The lawsuit, filed by the union in 2019, was rejected in a 3-2 ruling on Friday by the judges of the high court.', 'Last week an appeal court panel rejected the lawsuit - filed in 2019 by the union of dock workers - in a 3-2 ruling.'],
      // one account gives both numbers ("about 40,000 years ago", "some 5,000 years earlier than thought");
      ['People reached the valley some 5,000 years earlier than thought, the archaeologists said of the find.', 'The tools show people lived in the valley about 40,000 years ago, some 5,000 years earlier than thought.'],
      // two subjects: a studio's 12 months, the console makers' 18;
      ['Northwind plans to release up to 20 new games for phones over the next 12 months.', 'Sony and Nintendo are expected to release new games for their consoles over the next 18 months, analysts said.'],
      // "a" is not the thing counted: a fall of $9 a barrel, a peak of $61 a barrel.
      ['Despite a fall of $9 a barrel from the peak reached in March, oil prices remain high this week.', "Although below the peak of $61 a barrel reached in March, prices of crude are well above last year's average."],
      // what is denied ends at a preposition: "not true of other members of his family" denies "true", not the family.
      // both sides say no ("can't pick out … exact colors", "couldn’t reconstruct … exact colors"): a restatement;
      ['Although they can\'t pick out from the colour wheel the bird\'s exact colors, researchers say the feathers were dark.', 'The team couldn’t reconstruct the fossil feathers’ exact colors, but they suspect the bird was mostly dark.'],
      // "No one" and "Nobody" both deny;
      ['No one has registered to testify against him at the hearing on Thursday, the board said.', 'Nobody has registered to testify against the 70-year-old at the hearing on Thursday, officials said.'],
      // a year and a date beside a name count nothing ("2014 ISIS" against "3, ISIS");
      ['The student was visiting his native Iraq in 2014 ISIS fighters overran the region where his family lived.', 'On Aug. 3, ISIS fighters attacked the region where the family of the student lived, officials said.'],
      ['Okoro was a U.S. citizen, Rep. Dana Hill said during a Sunday morning news conference, though that was "not true of other family members of his."', 'Investigators, meanwhile, were interviewing members of Okoro’s family Sunday in an attempt to learn what may have prompted the assault, two federal law enforcement officials said.'],
      // "couldn't … without" is a double negative: it says the medicine helps, as the other side does;
      ['After telling a magazine last year that he couldn’t function without the medical cannabis he is prescribed, Dale Pryor now says he is sober.', 'The comedian Dale Pryor says medical cannabis helps him perform on stage.'],
      // the negation is about its head, not a shared word after it: not releasing the recordings is no denial that they were made;
      ['The harbour police chief said police dashcams recorded parts of the confrontation, and the videos were being reviewed.', 'The harbour police chief said that his department would not release the police recordings of the confrontation on the quay.'],
      // a negated verb of telling denies the telling, not what is told ("did not specify other steps agreed to").
      ['Minister Alan Reeve did not specify other steps agreed to during his meetings, although he said intelligence sharing would grow.', 'Minister Alan Reeve said that he and the leaders of the other country had agreed to a series of steps to improve relations.'],
      // an imperative asks for something and states nothing ("Apply it to every sugary drink.");
      ['Apply it to every sugary drink.', 'The city’s tax does not apply to sugary drinks that list milk as their primary ingredient, such as many flavored coffee beverages.'],
      // a figure that adds to a total ("another 15 to 25 inches"), or bounds it ("top 50 inches"), is no point figure.
      ['With another 15 to 25 inches of rain still expected in the harbour district, flooding has reached catastrophic levels.', 'Parts of the harbour district are expected to top 50 inches of rain, forecasters said.'],
      // a side that names the other's figure as a bound ("no more than 12 months", "against a target of 18 months") gives both.
      ['The target is 12 months for Northern patients, but just three months in the south.', 'Northern Health Minister Ann Roe said no patient would wait more than 12 months for an outpatient appointment by March 2006, against a current target of 18 months.'],
    ];
    pairs.forEach(([x, y], i) => {
      const a = makeArticle(`a${i}.txt`, `First report\n\nResidents of the harbour district gathered outside the town hall on Thursday evening.\n\n${x}\n\nLocal shops closed early as the crowd grew through the afternoon.`);
      const b = makeArticle(`b${i}.txt`, `Second report\n\nCommuters on the northern line faced long delays after a signal failure.\n\n${y}\n\nSchools in the area will reopen on Monday after the holiday break.`);
      expect(summarizeStory([a, b], OPTIONS).disagreements, x).toEqual([]);
    });
  });

  it('shows a disagreement only while the sides left still disagree', () => {
    const claim = (text: string, id: string, mark: string): DisagreementClaim => ({ text, articleIds: [id], marks: [[text.indexOf(mark), text.indexOf(mark) + mark.length]] });
    const said = claim('A new book says the minister went back on a pledge to stand down before the election.', 'a', 'minister');
    const claimed = claim('The feud is damaging the government, the opposition leader has claimed at questions to the minister.', 'b', 'minister');
    const denied = claim('The minister has not gone back on any pledge to stand down, his office said.', 'c', 'not');
    // Two sides that each affirm (the denial was dropped, its article on both sides) are no disagreement.
    expect(stillDisagree('denial', [said, claimed], new Set([denied]))).toBe(false);
    expect(stillDisagree('denial', [said, denied], new Set([denied]))).toBe(true);
    const miles = (n: string, id: string) => claim(`The probe will pass within ${n} million miles of the sun.`, id, `${n} million miles`);
    expect(stillDisagree('numbers', [miles('3.7', 'a'), miles('3.7', 'b')], new Set())).toBe(false);
    expect(stillDisagree('numbers', [miles('3.7', 'a'), miles('3.9', 'b')], new Set())).toBe(true);
  });

  it('counts a source as reporting a point only when it states it, with the same number', () => {
    const a = makeArticle('a.txt', 'Probe launches\n\nThe space agency launched its solar probe from Florida on Sunday morning.\n\nThe probe will pass within 3.9 million miles of the surface of the sun on its closest flyby.\n\nEngineers cheered in the control room as the rocket cleared the tower.');
    const other = (miles: string) => makeArticle('b.txt', `Solar probe lifts off\n\nA solar probe lifted off from Florida on Sunday, the space agency said.\n\nOn its closest flyby the probe will pass within ${miles} million miles of the surface of the sun.\n\nThe mission is planned to last seven years.`);
    const point = (b: Article) => summarizeStory([a, b], { ...OPTIONS, summaryWords: 12 }).keyPoints.find((k) => k.text.includes('million miles'));
    // "within 3.7 million miles" is another figure, not a second report of 3.9 million (see the disagreements).
    expect(point(other('3.7'))).toBeUndefined();
    const b = other('3.9');
    expect(point(b)?.articleIds).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(point(b)?.sourceCount).toBe(2);
  });

  it('reports no disagreement between two sources that agree (000 and 002)', () => {
    expect(summarizeStory([seeds.get('000')!, seeds.get('002')!], OPTIONS).disagreements).toEqual([]);
  });

  it('reads no denial in "No 10" (a number) nor in a vow ("Never again …"); "did not reach any agreement" is one', () => {
    expect(deniedRoots('Ex-No 10 media chief Jane Example is at the centre of a new political row over an e-mail.')).toEqual([]);
    expect(deniedRoots('"Never again Tory boom and bust.')).toEqual([]);
    expect(deniedRoots('The two sides did not reach any agreement on the harbour plan.')).toEqual(expect.arrayContaining(['reach', 'agree']));
    expect(deniedRoots('There is no agreement on the harbour plan, officials said.')).toContain('agree');
  });

  it('keeps only key points carried by two sources, most-carried first, and none that the summary already says', () => {
    for (const words of [20, 40, 120]) {
      const s = summarizeStory(bridge, { ...OPTIONS, summaryWords: words });
      for (const p of s.keyPoints) {
        expect(p.sourceCount).toBeGreaterThanOrEqual(2);
        expect(p.articleIds.length).toBeGreaterThanOrEqual(2);
        expect(s.summarySentences.map((x) => x.text)).not.toContain(p.text);
      }
      const counts = s.keyPoints.map((p) => p.sourceCount);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      // The fact both reports carry is on the page once: in the summary, or else as a key point.
      const onPage = [...s.summarySentences.map((x) => x.text), ...s.keyPoints.map((p) => p.text)];
      expect(onPage.some((t) => /Mill Road/.test(t))).toBe(true);
      expect(new Set(onPage).size).toBe(onPage.length);
    }
    // With a summary of one sentence, the other shared facts are key points.
    expect(summarizeStory(bridge, { ...OPTIONS, summaryWords: 20 }).keyPoints.length).toBeGreaterThan(0);
  });

  it('counts sources by publisher: two articles of one publisher are one source', () => {
    const same = bridge.map((a) => ({ ...a, publisher: 'Portmead Post' }));
    for (const p of summarizeStory(same, OPTIONS).keyPoints) expect(p.sourceCount).toBe(1);
  });

  it('picks the source headline the others agree with, and fills publishers, entities and date', () => {
    const s = summarizeStory(bridge, OPTIONS);
    expect(bridge.map((a) => a.title)).toContain(s.title);
    expect(s.publishers).toEqual(['Harbour Radio', 'Portmead Post']);
    expect(s.date).toBe('2024-03-01');
  });

  it('builds a title from the top sentence without its dateline when no source has a headline, and skips caption headlines', () => {
    const lead = 'SAN FRANCISCO (Reuters) - The harbour council voted on Tuesday to close the old bridge for six weeks of repairs.';
    const a = { ...makeArticle('a.txt', `${lead}\n\n${lead}\n\nEngineers found cracks in two steel supports last week.`), titleSource: 'first-sentence' as const };
    const title = summarizeStory([a], OPTIONS).title;
    expect(title.startsWith('The harbour council voted')).toBe(true);
    const caption = makeArticle('c.txt', 'Council members at the bridge (Photo: Getty Images)\n\nThe harbour council voted on Tuesday to close the old bridge for repairs.');
    const other = makeArticle('d.txt', 'Council votes to close the old bridge\n\nThe harbour council voted on Tuesday to close the old bridge for repairs.');
    expect(summarizeStory([caption, other], OPTIONS).title).toBe('Council votes to close the old bridge');
  });

  it('groups quotes by canonical speaker, merging one remark reported twice and a surname with the full name', () => {
    const [a, b] = bridge;
    const withQuotes = [
      { ...a!, quotes: [
        { text: 'The supports cannot carry traffic safely until they are replaced.', speaker: 'Tom Reyes', articleId: a!.id },
        { text: 'We will reopen as soon as we can.', speaker: 'Tom Reyes', articleId: a!.id },
      ] },
      { ...b!, quotes: [
        { text: 'The supports cannot carry traffic safely until they are replaced', speaker: 'Reyes', articleId: b!.id },
        { text: 'Customers will stay away from the harbour shops all summer.', speaker: 'Ann Lee', articleId: b!.id },
        { text: 'Nobody knows who said this.', speaker: null, articleId: b!.id },
      ] },
    ];
    const quotes = summarizeStory(withQuotes, OPTIONS).quotes;
    expect(quotes.map((q) => q.speaker)).toEqual(['Tom Reyes', 'Ann Lee']);
    expect(quotes[0]!.quotes).toHaveLength(2);
    expect(quotes[0]!.quotes[0]!.articleIds).toEqual([a!.id, b!.id]);
  });

  it('merges two first names for one surname when they are credited with the same remark (seeds 000 and 002)', () => {
    const [a, b] = bridge;
    const remark = 'Unfortunately, we have seen that the closure continues to be fragile and increasingly threatened';
    const quotes = summarizeStory([
      { ...a!, quotes: [{ text: remark, speaker: 'John Earnest', articleId: a!.id }] },
      { ...b!, quotes: [{ text: `${remark}.`, speaker: 'Josh Earnest', articleId: b!.id }, { text: 'A different remark entirely, on another matter.', speaker: 'Josh Earnest', articleId: b!.id }] },
    ], OPTIONS).quotes;
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.speaker).toBe('Josh Earnest');
    expect(quotes[0]!.quotes.find((q) => q.text.startsWith('Unfortunately'))!.articleIds).toEqual([a!.id, b!.id]);
  });

  it('dates the timeline from the article date, and keeps only fully written dates without one', () => {
    const dated = makeArticle('dated.txt', 'Council votes\n\nThe council voted on Wednesday to close the bridge for repairs.\n\nThe bridge first opened on May 4, 1931 after four years of work.', { date: '2016-06-30' });
    const timeline = summarizeStory([dated], OPTIONS).timeline;
    expect(timeline.map((t) => t.date)).toEqual(['1931-05-04', '2016-06-29']);
    expect(timeline[1]!.articleIds).toEqual([dated.id]);
    const undated = { ...dated, date: null };
    expect(summarizeStory([undated], OPTIONS).timeline.map((t) => t.date)).toEqual(['1931-05-04']);
  });

  it('puts a sentence on the timeline once, at the first day it states, however many sources carry it', () => {
    const lead = 'In the harbour town, the mayor declared victory on Wednesday, while her rival on Thursday vowed to pursue a recount of every ballot.';
    const a = makeArticle('a.txt', `Mayor wins\n\n${lead}\n\nTurnout was the highest in a decade.`, { date: '2018-11-08' });
    const b = makeArticle('b.txt', `Rival vows recount\n\n${lead}\n\nThe count will be certified next week.`, { date: '2018-11-09' });
    const timeline = summarizeStory([a, b], OPTIONS).timeline;
    expect(timeline.filter((t) => t.text === lead).map((t) => t.date)).toEqual(['2018-11-07']);
  });

  it("gives the timeline only sentences that can state a day (chrono read 'lasts two hours' as a date), and a lower-case 'sat' is no Saturday", () => {
    const text = 'Students tested\n\nThe students sat the test on Tuesday, the ministry said.\n\nMore than half a million students took part in the assessment, which uses a paper-based test that lasts two hours.';
    const timeline = summarizeStory([makeArticle('test.txt', text, { date: '2013-12-04' })], OPTIONS).timeline;
    expect(timeline.map((t) => [t.date, t.text.slice(0, 20)])).toEqual([['2013-12-03', 'The students sat the']]);
  });

  it('reads a wire caption anywhere by its place and date at the end; a date after a preposition or a noun is a fact', () => {
    expect(isCaption({ text: 'Following midterm elections, Republican candidate Brian Kemp reacts after appearing at his election night party in Athens, Georgia, U.S. November 7, 2018.', position: 4 })).toBe(true);
    expect(isCaption({ text: 'The trial of the harbour master begins on Nov. 7, 2018.', position: 4 })).toBe(false);
    expect(isCaption({ text: 'The new harbour rules take effect November 7, 2018.', position: 4 })).toBe(false);
  });

  it('keeps photo captions and undated background out of the timeline (seed 000: a 2015 handshake photo in a 2016 story)', () => {
    const seed = summarizeStory([seeds.get('000')!], OPTIONS).timeline;
    expect(seed.some((t) => /shakes hands/.test(t.text))).toBe(false);
    const fixture = readArticle(FIXTURES, 'timeline-captions.txt', { date: '2016-04-20' });
    const timeline = summarizeStory([fixture], OPTIONS).timeline;
    // Kept: the event (Monday), a dated finding, and an old date told as a past event.
    expect(timeline.map((t) => t.date)).toEqual(['1931-05-04', '2016-04-12', '2016-04-18']);
    expect(timeline.some((t) => /shakes hands|Mayor Ann Lee at|budget line/.test(t.text))).toBe(false);
    // Without an article date the story's time is its latest stated date: the same captions go.
    const undated = summarizeStory([{ ...fixture, date: null }], OPTIONS).timeline;
    expect(undated.map((t) => t.date)).toEqual(['1931-05-04', '2016-04-12']);
  });

  it('joins hard-wrapped lines back into sentences (a PDF letter, one line per paragraph) and keeps tweet widgets and photo credits out', () => {
    const wrapped = ['The Committee voted to disclose a memorandum containing classified information', 'provided to the Committee in connection with its oversight activities, as provided by Rule of the', 'House of Representatives.', 'United States Capitol', 'Washington, DC 20515'];
    expect(joinWrappedParagraphs(wrapped)).toEqual([
      'The Committee voted to disclose a memorandum containing classified information provided to the Committee in connection with its oversight activities, as provided by Rule of the House of Representatives.',
      'United States Capitol',
      'Washington, DC 20515',
    ]);
    const letter = makeArticle('letter.txt', `Memo released\n\n${wrapped.join('\n\n')}\n\nYou can add location information to your Tweets, such as your city or precise location, from the web.\n\nGet Portmead News daily and direct to your Inbox every morning\n\nMemo on the surveillance court order released | PORTMEAD POST English Archive 2005 -2017\n\nCommittee members left the hearing room in Washington after the long vote (Photo: Jordan Strauss/AP).`);
    const s = summarizeStory([letter], { ...OPTIONS, summaryWords: 230 });
    expect(s.summarySentences.map((c) => c.text)).toEqual([joinWrappedParagraphs(wrapped)[0]]);
    expect(norm(letter.text)).toContain(s.summarySentences[0]!.text);
  });

  it('is deterministic and independent of the order of its articles', () => {
    const all = [...seeds.values()];
    const once = summarizeStory(all, OPTIONS);
    expect(summarizeStory(all, OPTIONS)).toEqual(once);
    expect(summarizeStory([...all].reverse(), OPTIONS)).toEqual(once);
    expect(summarizeStory([...wednesday].reverse(), OPTIONS)).toEqual(summarizeStory(wednesday, OPTIONS));
  });

  it('copes with an empty or sentence-less story', () => {
    const empty = summarizeStory([makeArticle('x.txt', 'Only a title')], OPTIONS);
    expect(empty.summary).toBe('');
    expect(empty.title).toBe('Only a title');
  });
});

describe('summarizeTopic', () => {
  it('labels a topic with its most central headline (not a list of names), and summarises them within budget', () => {
    const person = (name: string) => ({ name, kind: 'person' as const, count: 3 });
    const place = (name: string) => ({ name, kind: 'place' as const, count: 2 });
    const entities = [person('Barack Obama'), person('Vladimir Putin'), place('Syria')];
    const monday = [seeds.get('000')!, seeds.get('002')!].map((a) => ({ ...a, entities }));
    const wed = wednesday.map((a) => ({ ...a, entities: [...entities, place('Nagorno-Karabakh')] }));
    const stories = [asStory('s1', monday), asStory('s2', wed)];
    const topic = summarizeTopic(stories, [...monday, ...wed], { ...OPTIONS, topicSummaryWords: 80 });
    expect(stories.map((st) => st.title)).toContain(topic.label);
    expect(topic.label.length).toBeLessThanOrEqual(60);
    expect(topic.label).not.toMatch(/ · /);
    expect(wordCount(topic.summary)).toBeLessThanOrEqual(80);
    expect(topic.summary.length).toBeGreaterThan(0);
    expect(topic.entities.map((e) => e.name)).toContain('Nagorno-Karabakh');
  });
});

describe('topicSummary', () => {
  it('ends each story\'s sentence as the story summary does, so that two never run together', () => {
    const story = (id: string, lead: string, date: string): Story => ({ ...asStory(id, [seeds.get('000')!]), date, summarySentences: [{ text: lead, articleIds: [] } as never] });
    const summary = topicSummary([story('a', 'Defense chiefs spoke by phone on Wednesday', '2019-03-01'), story('b', 'March brought a series of provocations', '2019-03-02')], 80);
    expect(summary).toBe('Defense chiefs spoke by phone on Wednesday. March brought a series of provocations.');
  });
});

describe('topicLabel', () => {
  const story = (id: string, title: string, lead: string): Story => ({ ...asStory(id, [seeds.get('000')!]), title, summarySentences: [{ text: lead, sources: [] } as never] });

  it('is the headline the other stories share most with, as a phrase of at most 60 characters', () => {
    const stories = [
      story('a', 'Rail strike halts Northline trains across the region', 'Rail workers walked out on Monday.'),
      story('b', 'Northline and rail union agree deal to end the strike', 'The strike ended after nine days.'),
      story('c', 'Weather: a wet week ahead', 'Rain is expected.'),
    ];
    const label = topicLabel(stories);
    expect(['Rail strike halts Northline trains across the region', 'Northline and rail union agree deal to end the strike']).toContain(label);
  });

  it('shortens a long headline at a clause break, never mid-phrase, and never lists names', () => {
    const long = 'Council approves the new bike lanes on Main Street: shop owners warn of lost loading bays and parking';
    expect(topicLabel([story('a', long, 'The council voted.')])).toBe('Council approves the new bike lanes on Main Street');
    // An opening adverbial is no label: the clause after it is.
    expect(topicLabel([story('a', "With $116 billion cash, Buffett says Berkshire needs 'huge acquisitions' to grow", 'x')])).toBe("Buffett says Berkshire needs 'huge acquisitions' to grow");
    // No clause break: cut before a preposition, not mid-phrase (the central "…Malaria Drug Could Be…" of a real topic).
    const stories = [
      story('a', 'Clinical Trial Raises Hopes That Malaria Drug Could Be Coronavirus Cure', 'The malaria drug was tested on coronavirus patients.'),
      story('b', 'FDA gives emergency approval for antimalarial drugs in treating coronavirus patients', 'The drug may treat coronavirus patients.'),
    ];
    expect(topicLabel(stories)).toBe('FDA gives emergency approval for antimalarial drugs');
    // Neither a clause break nor a preposition or adjunct: cut at a word, marked with an ellipsis.
    const unbroken = 'A headline of many many words keeps going and going onward endlessly without pause';
    const label = topicLabel([story('a', unbroken, 'x')]);
    expect(label.length).toBeLessThanOrEqual(60);
    expect(label.endsWith('…')).toBe(true);
    expect(unbroken.startsWith(label.slice(0, -1))).toBe(true);
  });

  it('takes no clause from the middle of a sentence, nor a headline already cut, while another headline reads whole', () => {
    // The cut headline is the most central (the others' leads repeat its words), so it would be chosen first.
    const stories = [
      story('a', 'For example, for the Phase 1 trial of the Moderna vaccine candidate, 45 people…', 'Volunteers signed up.'),
      story('b', 'Vaccine trials sign up 107,000 volunteers', 'The Phase 1 trial of the Moderna vaccine candidate enrolled 45 people.'),
      story('c', 'Moderna asks for more trial volunteers', 'For the Phase 1 trial, the Moderna vaccine candidate was given to 45 people.'),
    ];
    expect(['Vaccine trials sign up 107,000 volunteers', 'Moderna asks for more trial volunteers']).toContain(topicLabel(stories));
  });
});
