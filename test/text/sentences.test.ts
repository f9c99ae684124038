// The shared sentence splitter: abbreviations, initials, quotes and times do not end sentences.
import { describe, expect, it } from 'vitest';
import { splitSentences, withFullStop } from '../../src/text/sentences.js';

describe('splitSentences', () => {
  it.each([
    ['Washington-U.S. President Obama spoke on Wednesday. He said no.', ['Washington-U.S. President Obama spoke on Wednesday.', 'He said no.']],
    ['“Unfortunately, we’ve seen it,” he said. “And this was it.” Then Mr. Smith left.', ['“Unfortunately, we’ve seen it,” he said.', '“And this was it.”', 'Then Mr. Smith left.']],
    ['It was 3.5 per cent. Really? Yes! J. K. Rowling wrote it.', ['It was 3.5 per cent.', 'Really?', 'Yes!', 'J. K. Rowling wrote it.']],
    ['The vote closed at 5:50 p.m. Tuesday in Ohio. Results follow.', ['The vote closed at 5:50 p.m. Tuesday in Ohio.', 'Results follow.']],
    ['Doors open at 9 a.m. EST on Friday. Tickets sold out.', ['Doors open at 9 a.m. EST on Friday.', 'Tickets sold out.']],
    ['The meeting ended at 5 p.m. Police then left.', ['The meeting ended at 5 p.m.', 'Police then left.']],
  ])('%s', (input, expected) => {
    expect(splitSentences(input)).toEqual(expected);
  });
});

describe('withFullStop', () => {
  it('adds a full stop only where there is no ending', () => {
    expect(withFullStop('Leaders discuss the war during a phone call')).toBe('Leaders discuss the war during a phone call.');
    expect(withFullStop('He said so.”')).toBe('He said so.”');
    expect(withFullStop('Really?')).toBe('Really?');
  });
});
