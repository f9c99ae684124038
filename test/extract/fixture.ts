// Reads markdown-it style fixture files (name, ".", input, ".", expected, ".") and, with UPDATE=1, rewrites expectations.
import fs from 'node:fs';

export interface FixtureCase {
  readonly name: string;
  readonly input: string;
  readonly expected: string;
  /** Line of the case's name in the file, for failure messages. */
  readonly line: number;
}

const FENCE = '.';

/** Parses `file`: blank lines and `#` comments between cases are ignored; a case is name, fence, input, fence, expected, fence. */
export function readFixture(file: string): FixtureCase[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const cases: FixtureCase[] = [];
  let i = 0;
  const section = (): string => {
    const out: string[] = [];
    while (i < lines.length && lines[i] !== FENCE) out.push(lines[i++] ?? '');
    if (i >= lines.length) throw new Error(`${file}: unterminated section`);
    i++;
    return out.join('\n');
  };
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || line.startsWith('#')) {
      i++;
      continue;
    }
    const start = i + 1;
    i++;
    if (lines[i] !== FENCE) throw new Error(`${file}:${start}: expected "." after the case name`);
    i++;
    const input = section();
    const expected = section();
    cases.push({ name: line, input, expected, line: start });
  }
  return cases;
}

/** True when expectations should be rewritten from current output; refused under CI so a run can never bless itself. */
export function updating(): boolean {
  if (process.env['UPDATE'] !== '1') return false;
  if (process.env['CI']) throw new Error('UPDATE=1 is refused when CI is set');
  return true;
}

/** Rewrites the expected sections of `file` with `actual` (by case index), keeping names, inputs and comments. */
export function writeFixture(file: string, actual: readonly string[]): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out: string[] = [];
  let i = 0;
  let index = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || line.startsWith('#')) {
      out.push(line);
      i++;
      continue;
    }
    out.push(line, FENCE);
    i += 2;
    while (lines[i] !== FENCE) out.push(lines[i++] ?? '');
    out.push(FENCE);
    i++;
    while (lines[i] !== FENCE) i++;
    i++;
    const value = actual[index++];
    if (value === undefined) throw new Error(`${file}: no output for case ${index}`);
    if (value) out.push(value);
    out.push(FENCE);
  }
  fs.writeFileSync(file, out.join('\n'));
}

/**
 * Runs every case of `file` through `run`: asserts the output equals the expectation, or with UPDATE=1 collects the
 * outputs and rewrites the file once all cases ran.
 */
export function fixtureSuite(
  file: string,
  run: (input: string) => string,
  register: {
    it: (name: string, fn: () => void) => void;
    afterAll: (fn: () => void) => void;
    expect: (value: unknown, message?: string) => { toBe: (expected: unknown) => void };
  },
): void {
  const cases = readFixture(file);
  const update = updating();
  const actual: string[] = [];
  cases.forEach((c, k) => {
    register.it(`${c.name} (line ${c.line})`, () => {
      const output = run(c.input);
      actual[k] = output;
      if (!update) register.expect(output, `${file}:${c.line} ${c.name}`).toBe(c.expected);
    });
  });
  if (update) register.afterAll(() => writeFixture(file, actual));
}
