// Which names earn a page: reach across stories and publishers, function words per language, common words by their case.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model.js';
import {
  ENTITY_PAGE_MIN_STORIES, ENTITY_PAGE_MIN_STORIES_UNATTRIBUTED, countWordCases, isCommonWordName, isFunctionWordName, reachEarnsPage, wordsOfNames,
} from '../../src/write/pages/entity-names.js';
import { loadFixtureDigest } from './fixtures.js';

const articleSaying = (text: string): Article => ({ ...(loadFixtureDigest().articles[0] as Article), text, paragraphs: text.split('\n\n') });

describe('reach', () => {
  it('asks several stories from two publishers, or twice the stories where publishers are unknown', () => {
    expect(reachEarnsPage({ stories: ENTITY_PAGE_MIN_STORIES, publishers: 2, unattributed: false })).toBe(true);
    expect(reachEarnsPage({ stories: ENTITY_PAGE_MIN_STORIES - 1, publishers: 5, unattributed: false })).toBe(false);
    // One publisher, all known: its own furniture or beat, at any count.
    expect(reachEarnsPage({ stories: 500, publishers: 1, unattributed: false })).toBe(false);
    expect(reachEarnsPage({ stories: ENTITY_PAGE_MIN_STORIES, publishers: 0, unattributed: true })).toBe(false);
    expect(reachEarnsPage({ stories: ENTITY_PAGE_MIN_STORIES, publishers: 1, unattributed: true })).toBe(false);
    expect(reachEarnsPage({ stories: ENTITY_PAGE_MIN_STORIES_UNATTRIBUTED, publishers: 0, unattributed: true })).toBe(true);
    expect(reachEarnsPage({ stories: ENTITY_PAGE_MIN_STORIES_UNATTRIBUTED, publishers: 1, unattributed: true })).toBe(true);
  });
});

describe('function words', () => {
  const cases = countWordCases([articleSaying('Der Bürgermeister der Stadt sagte, die Brücke sei in Gefahr.\n\nMicrosoft und Netscape.')], wordsOfNames(['Der', 'Die', 'In', 'Microsoft', 'Netscape']));

  it('are the stop words of the articles\' languages (stopwords-iso) and extract\'s NON_ENTITY_WORDS', () => {
    expect(isFunctionWordName('Die', ['de'], cases)).toBe(true);
    expect(isFunctionWordName('Der', ['de'], cases)).toBe(true);
    expect(isFunctionWordName('In', ['en'], cases)).toBe(true);
    expect(isFunctionWordName('The Who', ['en'], cases)).toBe(true);
    expect(isFunctionWordName('Friday', ['en'], cases)).toBe(true);
    // Another language's list does not apply: "Die" is no English stop word.
    expect(isFunctionWordName('Die', ['en'], cases)).toBe(false);
    expect(isFunctionWordName('New York', ['en'], cases)).toBe(false);
    expect(isFunctionWordName('', ['en'], cases)).toBe(true);
  });

  it('leave out a listed word the run writes only capitalised, and acronyms', () => {
    // stopwords-iso's English list holds "microsoft" and "us".
    expect(isFunctionWordName('Microsoft', ['en'], cases)).toBe(false);
    expect(isFunctionWordName('Microsoft', ['en'], new Map())).toBe(true);
    expect(isFunctionWordName('US', ['en'], cases)).toBe(false);
    expect(isFunctionWordName('AP', ['en'], cases)).toBe(true);
  });
});

describe('common words', () => {
  it('are single words the run writes in lower case at least as often as capitalised', () => {
    const articles = [articleSaying('Mother said her mother and his mother agreed. Police said the police would look. Trump spoke; Trump left.')];
    const cases = countWordCases(articles, wordsOfNames(['Mother', 'Police', 'Trump', 'Rose Hall']));
    expect(cases.get('mother')).toEqual({ lower: 2, capitalised: 1 });
    expect(isCommonWordName('Mother', cases)).toBe(true);
    expect(isCommonWordName('Police', cases)).toBe(true);
    expect(isCommonWordName('Trump', cases)).toBe(false);
    // Several words, or a word never seen in the text, are left to the other checks.
    expect(isCommonWordName('Rose Hall', cases)).toBe(false);
    expect(isCommonWordName('Nowhere', cases)).toBe(false);
  });
});
