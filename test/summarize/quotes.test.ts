// Who said what on a story page: a few speakers, a few telling quotes each, nothing the page already says, and a count of the rest.
import { describe, expect, it } from 'vitest';
import type { Article, SpeakerQuotes } from '../../src/model.js';
import { summarizeStory } from '../../src/summarize/index.js';
import { boundQuotes, MAX_QUOTES_PER_SPEAKER, MAX_SHOWN_QUOTE_WORDS, MAX_SPEAKERS, MIN_SHOWN_QUOTE_WORDS } from '../../src/summarize/quotes.js';
import { quotesLeftOutLabel } from '../../src/write/pages/story.js';
import { makeArticle } from '../group/make-article.js';

const a = makeArticle('a.txt', 'Hearing\n\nThe committee heard evidence on Tuesday.', { publisher: 'Portmead Post' });
const b = makeArticle('b.txt', 'Hearing\n\nThe committee met on Tuesday.', { publisher: 'Harbour Radio' });
const c = makeArticle('c.txt', 'Hearing\n\nThe committee sat on Tuesday.', { publisher: 'Harbour Radio' });
const articles = [a, b, c];
const q = (text: string, ...from: Article[]) => ({ text, articleIds: from.map((x) => x.id) });
const TOPICS = ['budget', 'harbour', 'railway', 'schools', 'hospital', 'police', 'libraries', 'parks', 'housing', 'water',
  'roads', 'taxes', 'tourism', 'fishing', 'ferries', 'airport', 'museum', 'market', 'stadium', 'bridge'];
const texts = (groups: readonly SpeakerQuotes[]) => groups.flatMap((g) => g.quotes.map((x) => x.text));

describe('boundQuotes', () => {
  it('keeps a transcript to a few speakers and a few quotes each, and counts what it leaves out', () => {
    const groups: SpeakerQuotes[] = [
      { speaker: 'Ann Lee', quotes: TOPICS.map((topic, i) => q(`On ${topic}, my answer is what I said in ${1990 + i}: we must wait.`, a)) },
      ...['Bo Park', 'Cy Dunn', 'Di Moss', 'Ed Wren', 'Flo Hart'].map((speaker, i) => ({ speaker, quotes: [q(`The ${TOPICS[i]} question was never put to ${speaker} by the chair.`, a)] })),
    ];
    const { quotes, leftOut } = boundQuotes(groups, [], articles);
    expect(quotes.length).toBe(MAX_SPEAKERS);
    for (const g of quotes) expect(g.quotes.length).toBeLessThanOrEqual(MAX_QUOTES_PER_SPEAKER);
    const shown = texts(quotes).length;
    expect(leftOut.quotes).toBe(25 - shown);
    expect(leftOut.speakers[0]).toBe('Ann Lee');
    expect(leftOut.speakers).toHaveLength(1 + 5 - (MAX_SPEAKERS - 1));
  });

  it('prefers a quote more sources carry, then one with specifics, then one of readable length', () => {
    const groups: SpeakerQuotes[] = [{
      speaker: 'Ann Lee',
      quotes: [
        q('We have worked very hard on this and we are very happy with how it went today.', a),
        q('The bridge will close for repairs on 4 March and reopen in the autumn.', a),
        q('We have been told the repairs will take longer than anyone had hoped for.', a, b, c),
      ],
    }];
    const { quotes } = boundQuotes(groups, [], articles);
    // Story order within a speaker; the vague one is left out.
    expect(texts(quotes)).toEqual([
      'The bridge will close for repairs on 4 March and reopen in the autumn.',
      'We have been told the repairs will take longer than anyone had hoped for.',
    ]);
  });

  it('counts two articles of one publisher as one source', () => {
    const groups: SpeakerQuotes[] = [{
      speaker: 'Ann Lee',
      quotes: [
        q('We have been told the repairs will take longer than we hoped.', b, c),
        q('The repairs will cost about 4 million pounds over two years.', a),
        q('Nobody in Portmead has seen a closure this long in its history.', a),
      ],
    }];
    // b and c are one publisher: their quote has one source, as the others do, which say something specific.
    expect(texts(boundQuotes(groups, [], articles).quotes)).toEqual([
      'The repairs will cost about 4 million pounds over two years.',
      'Nobody in Portmead has seen a closure this long in its history.',
    ]);
  });

  it('never shows a sentence the page already shows, nor one remark twice, and does not count those as left out', () => {
    const summary = 'Ann Lee said: "The supports cannot carry traffic safely until they are replaced."';
    const groups: SpeakerQuotes[] = [
      { speaker: 'Ann Lee', quotes: [q('The supports cannot carry traffic safely until they are replaced.', a), q('We will reopen the bridge as soon as the engineers allow it.', a)] },
      { speaker: 'Bo Park', quotes: [q('We will reopen the bridge as soon as the engineers allow it', b)] },
    ];
    const { quotes, leftOut } = boundQuotes(groups, [summary], articles);
    expect(texts(quotes)).toEqual(['We will reopen the bridge as soon as the engineers allow it.']);
    expect(leftOut).toEqual({ quotes: 1, speakers: ['Bo Park'] });
  });

  it('shows no fragment, no passage, and no quote leaning on a sentence the page does not show', () => {
    const long = Array.from({ length: MAX_SHOWN_QUOTE_WORDS + 1 }, (_, i) => `word${i}`).join(' ');
    const short = Array.from({ length: MIN_SHOWN_QUOTE_WORDS - 1 }, () => 'Yes').join(' ');
    const groups: SpeakerQuotes[] = [{
      speaker: 'Ann Lee',
      quotes: [
        q('a limp rag doll that could not lift its head', a),
        q(`Word ${long}`, a),
        q(short, a),
        q('They are going to be stopped before they reach the bridge.', a),
        q('But the council has not said when the work will start.', a),
        q('[The bridge] has been closed for three weeks now, and nobody knows why.', a),
        q("It's very scary to watch the old bridge move in the wind.", a),
      ],
    }];
    const { quotes, leftOut } = boundQuotes(groups, [], articles);
    // "It's very scary" is how people talk: the story says what "it" is.
    expect(texts(quotes)).toEqual(['[The bridge] has been closed for three weeks now, and nobody knows why.', "It's very scary to watch the old bridge move in the wind."]);
    expect(leftOut.quotes).toBe(5);
  });

  it('holds its bounds and its count on any mix of speakers and quotes', () => {
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const vocabulary = ['bridge', 'council', 'repairs', 'Portmead', 'traffic', 'summer', '2024', 'engineers', 'closed', 'harbour', 'money', 'we', 'will', 'the'];
    for (let run = 0; run < 50; run++) {
      const groups: SpeakerQuotes[] = Array.from({ length: 1 + next(9) }, (_, s) => ({
        speaker: `Speaker ${String.fromCharCode(65 + s)}`,
        quotes: Array.from({ length: 1 + next(15) }, () => {
          const text = Array.from({ length: 3 + next(30) }, () => vocabulary[next(vocabulary.length)]).join(' ');
          return q(text.charAt(0).toUpperCase() + text.slice(1) + '.', ...articles.filter(() => next(2) === 0));
        }),
      }));
      const summary = ['The council closed the bridge for repairs in the summer.'];
      const { quotes, leftOut } = boundQuotes(groups, summary, articles);
      expect(quotes.length).toBeLessThanOrEqual(MAX_SPEAKERS);
      for (const g of quotes) expect(g.quotes.length).toBeLessThanOrEqual(MAX_QUOTES_PER_SPEAKER);
      const total = groups.reduce((n, g) => n + g.quotes.length, 0);
      expect(leftOut.quotes).toBeLessThanOrEqual(total - texts(quotes).length);
      expect(new Set(texts(quotes).map((t) => t.toLowerCase())).size).toBe(texts(quotes).length);
      expect(boundQuotes(groups, summary, articles)).toEqual({ quotes, leftOut });
    }
  });
});

describe('who said what in a summarized story', () => {
  it('shows no quote a summary sentence or key point already says', () => {
    const remark = 'The supports cannot carry traffic safely until they are replaced next year.';
    const x = makeArticle('x.txt', `Bridge closed\n\nThe harbour bridge closed on Monday for repairs. Engineer Ann Lee said: "${remark}"`, { publisher: 'Portmead Post' });
    const y = makeArticle('y.txt', `Bridge shut\n\nThe harbour bridge shut on Monday for repairs. "${remark}" said Ann Lee.`, { publisher: 'Harbour Radio' });
    const withQuotes = [x, y].map((art) => ({ ...art, quotes: [
      { text: remark, speaker: 'Ann Lee', articleId: art.id },
      { text: 'Drivers should use the ring road until the summer, when the works end.', speaker: 'Ann Lee', articleId: art.id },
    ] }));
    const story = summarizeStory(withQuotes, { summaryWords: 120, topicSummaryWords: 160 });
    const page = [story.title, ...story.summarySentences.map((s) => s.text), ...story.keyPoints.map((k) => k.text)].join('\n');
    for (const shown of texts(story.quotes)) expect(page).not.toContain(shown);
    expect(texts(story.quotes)).toContain('Drivers should use the ring road until the summer, when the works end.');
  });
});

describe('quotesLeftOutLabel', () => {
  const base = { quotes: [{ speaker: 'Ann Lee', quotes: [q('We will reopen the bridge as soon as we can.', a)] }] };
  it('says plainly how many quotes, from how many speakers, are not shown', () => {
    expect(quotesLeftOutLabel({ ...base, quotesLeftOut: { quotes: 23, speakers: ['Ann Lee', 'Bo Park', 'Cy Dunn', 'Di Moss'] } } as never)).toBe('and 23 more quotes from 4 speakers in the sources');
    expect(quotesLeftOutLabel({ ...base, quotesLeftOut: { quotes: 1, speakers: ['Bo Park'] } } as never)).toBe('and 1 more quote from Bo Park in the sources');
    expect(quotesLeftOutLabel({ ...base, quotesLeftOut: { quotes: 0, speakers: [] } } as never)).toBeNull();
    expect(quotesLeftOutLabel({ quotes: [], quotesLeftOut: { quotes: 3, speakers: ['Bo Park'] } } as never)).toBeNull();
  });
});
