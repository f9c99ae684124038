// Hard-wrapped paragraphs joined back before the rules judge them (src/clean/wrapped.ts).
import { describe, expect, it } from 'vitest';
import { joinWrappedLines } from '../../src/clean/wrapped.js';
import type { CleanLine } from '../../src/clean/state.js';

/** A page's non-blank lines as the cleaner reads them, numbered as in the file. */
function read(page: string): CleanLine[] {
  return page.split('\n').flatMap((text, i) => (text.trim() ? [{ number: i + 1, original: text, shown: text, text, role: 'body', rule: null, reason: null, cls: null } as CleanLine] : []));
}
const joined = (page: string): string[] => joinWrappedLines(read(page)).map((l) => l.text);

/** A menu printed one item per line, blank lines between, as most page dumps print their lines. */
const MENU = ['Startseite', 'Politik', 'Wirtschaft', 'Kultur', 'Sport', 'Wetter', 'Kontakt', 'Impressum', 'Datenschutz', 'Archiv', 'Newsletter', 'Suche'];
/** `lines` under the menu: the lines with no blank line between them are the only ones so. */
const underMenu = (lines: readonly string[]): string => [...MENU.flatMap((m) => [m, '']), ...lines].join('\n');

describe('joinWrappedLines', () => {
  it('joins a line that goes on in lower case', () => {
    expect(joined('The council voted on Monday to close the old bridge\nfor repairs that will take six months.')).toEqual([
      'The council voted on Monday to close the old bridge for repairs that will take six months.',
    ]);
  });

  it('on a page that parts its paragraphs with blank lines, joins full lines with none between them, into a capital too', () => {
    const page = underMenu([
      'Die Stadt hat am Montag beschlossen, die Brücke zu sperren.',
      '',
      'Ausschlaggebend für die Entscheidung über die alte Brücke',
      'waren die Risse, die bei einer Prüfung im Herbst in zwei',
      'Balken gefunden wurden, und die Warnungen der Ingenieure',
      'aus dem vergangenen Jahr.',
      '',
      'Die Reparatur soll etwa vier Millionen Euro kosten.',
    ]);
    expect(joined(page)).toEqual([
      ...MENU,
      'Die Stadt hat am Montag beschlossen, die Brücke zu sperren.',
      'Ausschlaggebend für die Entscheidung über die alte Brücke waren die Risse, die bei einer Prüfung im Herbst in zwei Balken gefunden wurden, und die Warnungen der Ingenieure aus dem vergangenen Jahr.',
      'Die Reparatur soll etwa vier Millionen Euro kosten.',
    ]);
  });

  it('leaves a teaser headline over its description, a card over its date, and code apart', () => {
    const page = underMenu([
      'Die Stadt hat am Montag beschlossen, die Brücke zu sperren.',
      '',
      'Neue Fähre für den Winter',
      'Die Stadtwerke wollen eine zweite Fähre einsetzen, solange die Brücke gesperrt ist, und suchen dafür Personal.',
      '',
      'data <- data.frame(Probability = c(0.5, 0.7, 0.4))',
      'Groups = c("Group A", "Group B", "Group C"))',
      '',
      'Streit um die Sporthalle der Stadt geht in die nächste Runde',
      'Domingo 01 Mayo, 2022 | 13:43',
      '',
      'Die Reparatur soll etwa vier Millionen Euro kosten.',
    ]);
    expect(joined(page)).toHaveLength(MENU.length + 8);
  });
});
