// Declared dates (issue 19, finding 11): a day that exists is kept as written, any other is refused, never rolled over.
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/ingest/index.js';
import { calendarDay, readDeclaredDate } from '../../src/text/dates.js';

const BODY = 'The council voted on Monday to close the harbour bridge for urgent repairs after inspectors found serious damage.';

describe('calendarDay', () => {
  it('knows month lengths and leap years', () => {
    expect(calendarDay(2024, 2, 29)).toBe('2024-02-29');
    expect(calendarDay(2023, 2, 29)).toBeNull();
    expect(calendarDay(1900, 2, 29)).toBeNull();
    expect(calendarDay(2000, 2, 29)).toBe('2000-02-29');
    expect(calendarDay(2024, 4, 31)).toBeNull();
    expect(calendarDay(2024, 13, 1)).toBeNull();
    expect(calendarDay(999, 1, 1)).toBeNull();
    expect(calendarDay(10000, 1, 1)).toBeNull();
  });
});

describe('readDeclaredDate', () => {
  it.each([
    ['2016-04-29', '2016-04-29'],
    ['2016-04-29T23:30:00-05:00', '2016-04-29'],
    ['2024-1-5', '2024-01-05'],
    ['1016-04-18', '1016-04-18'],
    ['April 29, 2016', '2016-04-29'],
    ['Mon, 18 Apr 2016 10:00:00 GMT', '2016-04-18'],
  ])('keeps %j as %j', (value, day) => {
    expect(readDeclaredDate(value)).toEqual({ date: day, rejected: null });
  });

  it.each(['2024-13-45', '2024-02-30', '-0001-01-01', '0999-12-31', '10000-01-01', 'February 30, 2024', '1 Jan 0050'])('refuses %j', (value) => {
    expect(readDeclaredDate(value)).toEqual({ date: null, rejected: value });
  });

  it('reads no date, without refusing, from text that names none', () => {
    expect(readDeclaredDate('yesterday')).toEqual({ date: null, rejected: null });
    expect(readDeclaredDate('  ')).toEqual({ date: null, rejected: null });
    expect(readDeclaredDate(null)).toEqual({ date: null, rejected: null });
  });
});

describe('declared dates at ingest', () => {
  const parse = (file: string, format: 'markdown' | 'html', text: string) => {
    const parsed = parseInput(file, format, Buffer.from(text));
    if (!parsed.ok) throw new Error(parsed.diagnostic.message);
    return { date: parsed.raw.declared.date, warnings: parsed.diagnostics.map((d) => `${d.severity}: ${d.file}: ${d.message}`) };
  };

  it.each([
    ['2024-13-45', 'YAML rolled it over to 2025-02-14'],
    ['2024-02-30', 'YAML rolled it over to 2024-03-01'],
    ['-0001-01-01', 'Date.parse read 2001-01-01'],
    ['"2024-13-45"', 'quoted'],
  ])('front matter date: %s (%s) is no date, with a warning naming the file and the value', (value) => {
    const { date, warnings } = parse('dates/bad.md', 'markdown', `---\ntitle: Bridge\ndate: ${value}\n---\n${BODY}\n`);
    expect(date).toBeNull();
    expect(warnings).toEqual([`warning: dates/bad.md: declared date "${value.replace(/"/g, '')}" is not a real calendar day (year 1000–9999, month 1–12, a day the month has): ignored`]);
  });

  it('keeps a real front matter date, quoted or not, with no warning', () => {
    expect(parse('ok.md', 'markdown', `---\ndate: 2024-02-29\n---\n${BODY}\n`)).toEqual({ date: '2024-02-29', warnings: [] });
    expect(parse('ok.md', 'markdown', `---\ndate: "2016-04-29"  # the print date\n---\n${BODY}\n`)).toEqual({ date: '2016-04-29', warnings: [] });
  });

  it('refuses an impossible HTML metadata date with a warning', () => {
    const html = `<html><head><meta property="article:published_time" content="2024-02-30T10:00:00Z"></head><body><article><p>${BODY}</p><p>${BODY}</p></article></body></html>`;
    const { date, warnings } = parse('page.html', 'html', html);
    expect(date).toBeNull();
    expect(warnings.filter((w) => w.includes('declared date'))).toEqual(['warning: page.html: declared date "2024-02-30T10:00:00Z" is not a real calendar day (year 1000–9999, month 1–12, a day the month has): ignored']);
  });
});
