// Publisher profiles: what is known about one site, as data (src/publishers/*.json), added to the generic rules.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';

export interface PublisherProfile {
  /** Publisher name as shown to readers. */
  readonly name: string;
  /** Where the profile came from (for errors and `explain`). */
  readonly source: string;
  /** The profile applies when any of these matches any line of the page. */
  readonly detect: readonly RegExp[];
  /** Lines dropped wherever they appear. */
  readonly dropLines: readonly RegExp[];
  /** A line matching one of these, after the article has started, ends the article: it and the rest are dropped. */
  readonly dropFrom: readonly RegExp[];
  /** Removed from the end of the headline ("| Site Name Archive"). */
  readonly titleSuffix: readonly RegExp[];
}

interface ProfileFile {
  name?: unknown;
  detect?: unknown;
  dropLines?: unknown;
  dropFrom?: unknown;
  titleSuffix?: unknown;
}

const BUILT_IN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'publishers');

function regexList(file: string, key: string, value: unknown): RegExp[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new UserError(`${file}: "${key}" must be a list of regular expressions (strings)`);
  return (value as string[]).map((source) => {
    try {
      return new RegExp(source, 'iu');
    } catch (error) {
      throw new UserError(`${file}: "${key}" has an invalid regular expression ${JSON.stringify(source)}`, { cause: error });
    }
  });
}

export function parseProfile(file: string, json: unknown): PublisherProfile {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new UserError(`${file}: a publisher profile must be a JSON object`);
  const p = json as ProfileFile;
  const known = ['$comment', 'name', 'detect', 'dropLines', 'dropFrom', 'titleSuffix'];
  for (const key of Object.keys(p)) if (!known.includes(key)) throw new UserError(`${file}: "${key}" is not a profile field (known: ${known.join(', ')})`);
  if (typeof p.name !== 'string' || !p.name.trim()) throw new UserError(`${file}: "name" must be a non-empty string`);
  const detect = regexList(file, 'detect', p.detect);
  if (!detect.length) throw new UserError(`${file}: "detect" must list at least one pattern`);
  return {
    name: p.name.trim(),
    source: file,
    detect,
    dropLines: regexList(file, 'dropLines', p.dropLines),
    dropFrom: regexList(file, 'dropFrom', p.dropFrom),
    titleSuffix: regexList(file, 'titleSuffix', p.titleSuffix),
  };
}

/** Built-in profiles plus those in `extraDirs`, sorted by file name so the order never depends on the disk. */
export function loadProfiles(extraDirs: readonly string[] = []): PublisherProfile[] {
  const profiles: PublisherProfile[] = [];
  for (const dir of [BUILT_IN_DIR, ...extraDirs]) {
    let names: string[];
    try {
      names = fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
    } catch (error) {
      throw new UserError(`${dir}: cannot read the publisher profiles folder`, { cause: error });
    }
    for (const name of names) {
      const file = path.join(dir, name);
      let json: unknown;
      try {
        json = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        throw new UserError(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
      }
      profiles.push(parseProfile(file, json));
    }
  }
  return profiles;
}
