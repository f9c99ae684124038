// Every sentence a story page shows stands alone: no opening pronoun or connective, no cut-off sentence, no dateline.
import { describe, expect, it } from 'vitest';
import { summarizeStory } from '../../src/summarize/index.js';
import { isUsableSentence, sentenceUnits } from '../../src/summarize/units.js';
import { makeArticle } from '../group/make-article.js';

const usable = (s: string) => isUsableSentence(s, s.split(/\s+/).length);

describe('sentences a page may show', () => {
  it('refuses an opening pronoun or connective whose referent is in the sentence before', () => {
    for (const s of ['They are going to be stopped by the police on the bridge tonight.', 'But the council said the lanes would open in the spring.', 'He fired shots at the officers before he was arrested.', '"This is not a game," the coach told reporters on Friday.', "I'm having a good time doing it, he told the crowd.", 'Because there is nobody I have more respect for than the reporters.']) {
      expect(usable(s), s).toBe(false);
    }
    for (const s of ['Theresa May said the vote would go ahead on Tuesday evening.', 'Thousands of rail workers walked off the job on Monday morning.']) expect(usable(s), s).toBe(true);
  });

  it('refuses a sentence the page cut off', () => {
    expect(usable('The difference is that Mr. Trump has...')).toBe(false);
    expect(usable('The difference is that Mr. Trump has not said what he will do…')).toBe(false);
  });

  it('drops a dateline from the opening sentence, keeping the rest as a run of the article text', () => {
    const a = makeArticle('a.txt', 'Talks\n\nWASHINGTON (AP) — The president and the speaker met for two hours on Monday to discuss the budget.\n\nWashington: The two leaders agreed to meet again next week to settle the remaining budget questions.');
    const units = sentenceUnits([a]);
    expect(units.map((u) => u.text)).toEqual([
      'The president and the speaker met for two hours on Monday to discuss the budget.',
      'The two leaders agreed to meet again next week to settle the remaining budget questions.',
    ]);
    for (const u of units) expect(a.text).toContain(u.text);
    const c = makeArticle('c.txt', 'Jets\n\nDUBAI, United Arab Emirates — Emirates finalised a deal to buy 30 Boeing jets at the Dubai Air Show on Wednesday.\n\nSANTA FE, N.M. (AP) — A cat missing for five years in Portland has been found in Santa Fe.');
    expect(sentenceUnits([c]).map((u) => u.text)).toEqual([
      'Emirates finalised a deal to buy 30 Boeing jets at the Dubai Air Show on Wednesday.',
      'A cat missing for five years in Portland has been found in Santa Fe.',
    ]);
    const d = makeArticle('d.txt', 'Jackpot\n\n(CNN) -- A few lucky players will wake up a lot richer after the lottery draw on Tuesday night.\n\nDec 17 (Reuters) - A last-minute rush of ticket buying could make the jackpot the biggest prize in history.');
    expect(sentenceUnits([d]).map((u) => u.text)).toEqual([
      'A few lucky players will wake up a lot richer after the lottery draw on Tuesday night.',
      'A last-minute rush of ticket buying could make the jackpot the biggest prize in history.',
    ]);
    const e = makeArticle('e.txt', 'Stabbing\n\nWOODLAND HILLS >> Detectives are investigating the death of a man found at his home on Monday evening.');
    expect(sentenceUnits([e]).map((u) => u.text)).toEqual(['Detectives are investigating the death of a man found at his home on Monday evening.']);
  });

  it('shows such a sentence only in a summary, right after the sentence it leans on; never as a key point or a side', () => {
    const a = makeArticle('a.txt', 'Bridge closes\n\nThe Mill Road bridge will close for repairs on Monday, the council said.\n\nThey are going to be stopped at the barrier by police officers.\n\nIt will reopen in June after the deck is replaced, engineers said.');
    const b = makeArticle('b.txt', 'Mill Road bridge to shut\n\nThe council said the Mill Road bridge will close for repairs on Monday.\n\nBut drivers were warned of long queues on the ring road during the works.');
    const s = summarizeStory([a, b], { summaryWords: 120, topicSummaryWords: 160, nameSupport: new Map() });
    const leaning = /^(?:They|But|It)\b/;
    for (const t of [...s.keyPoints.map((k) => k.text), ...s.disagreements.flatMap((d) => d.claims.map((c) => c.text))]) expect(t).not.toMatch(leaning);
    const summary = s.summarySentences.map((x) => x.text);
    expect(summary.length).toBeGreaterThan(0);
    summary.forEach((t, i) => {
      if (!leaning.test(t)) return;
      const before = summary[i - 1];
      expect(before, t).toBeDefined();
      // The sentence before it in the summary is the one before it in its article.
      const source = [a, b].find((x) => x.text.includes(t))!;
      const sentences = source.paragraphs;
      expect(sentences[sentences.indexOf(t) - 1]).toBe(before);
    });
  });

  it('brings in the sentence it leans on when it carries what the sources share', () => {
    // What both sources report is in a "They…" sentence; the sentences before them differ. Within 25 words the
    // summary is one lead and its dependent sentence, not the two leads that say nothing in common.
    const a = makeArticle('a.txt', 'Bridge\n\nResidents gathered outside the town hall on Friday evening.\n\nThey were told the Mill Road bridge will close for repairs from March until June.');
    const b = makeArticle('b.txt', 'Queues\n\nShoppers queued outside the market on Friday.\n\nThey heard the Mill Road bridge will close for repairs from March until June.');
    const s = summarizeStory([a, b], { summaryWords: 25, topicSummaryWords: 160, nameSupport: new Map() });
    const summary = s.summarySentences.map((x) => x.text);
    expect(summary.some((t) => t.includes('Mill Road bridge'))).toBe(true);
    const at = summary.findIndex((t) => t.includes('Mill Road bridge'));
    const source = [a, b].find((x) => x.text.includes(summary[at]!))!;
    expect(summary[at - 1]).toBe(source.paragraphs[source.paragraphs.indexOf(summary[at]!) - 1]);
  });
});
