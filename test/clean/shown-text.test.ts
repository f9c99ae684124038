// Kept text is the source's: the cleaner compares lines without their invisible characters but keeps them
// for the reader (soft hyphens hyphenate German, joiners hold Persian words and emoji sequences together).
import { describe, expect, it } from 'vitest';
import { cleanText, EMPTY_CORPUS } from '../../src/clean/index.js';
import { textKey, words } from '../../src/text/sentences.js';

const ctx = { profiles: [], corpus: EMPTY_CORPUS, disabledRules: [] };
const GERMAN = 'Die Werk\u00adzeug\u00adtypen des Mittel\u00adpaläolithikums werden in der Übersicht mit ihren Laufzeiten behandelt, sagte der Forscher am Montag.';
const PERSIAN = [
  'او گفت که می\u200cخواهد این کار را تا پایان هفته آینده به پایان برساند و سپس به خانه برگردد.',
  'وزیر امور خارجه روز دوشنبه در تهران گفت که مذاکرات با کشورهای همسایه ادامه خواهد داشت و نتیجه آن به زودی اعلام می\u200cشود.',
  'این دیدار در حالی انجام شد که تنش\u200cها در منطقه افزایش یافته است و کارشناسان از احتمال توافق جدید سخن می\u200cگویند.',
];
const EMOJI = 'The family emoji 👨\u200d👩\u200d👧 stays one picture when the sentence is kept as the writer typed it, she said.';

describe('shown text', () => {
  it('keeps soft hyphens and joiners in kept paragraphs', () => {
    expect(cleanText(['\ufeff' + GERMAN, '', EMOJI].join('\n'), ctx).paragraphs).toEqual([GERMAN, EMOJI]);
    expect(cleanText(PERSIAN.join('\n\n'), ctx).paragraphs).toEqual(PERSIAN);
  });
  it('compares and splits words without them', () => {
    expect(words('Werk\u00adzeug und Zeit')).toEqual(['Werkzeug', 'und', 'Zeit']);
    expect(textKey('Mittel\u00adpaläo\u200blithikum')).toBe('mittelpaläolithikum');
  });
  it('keeps a rule\'s rewrite of a line', () => {
    const caption = 'The mayor opens the new bridge in the town centre on Monday morning. Photo: Jane Doe/Reuters';
    const result = cleanText([GERMAN, '', caption].join('\n'), ctx);
    expect(result.paragraphs.some((p) => p.includes('Jane Doe'))).toBe(false);
  });
});
