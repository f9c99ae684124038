// Test helper: an Article from a plain text file (first line title, blank-line paragraphs), standing in for clean + extract.
import fs from 'node:fs';
import path from 'node:path';
import { makeArticleId } from '../../src/ids.js';
import type { Article, Entity, Quote } from '../../src/model.js';

export interface ArticleExtras {
  readonly date?: string | null;
  readonly publisher?: string | null;
  readonly entities?: readonly Entity[];
  readonly quotes?: readonly Quote[];
}

export function makeArticle(file: string, text: string, extras: ArticleExtras = {}): Article {
  const lines = text.replace(/\r/g, '').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const title = (lines[first] ?? file).trim();
  const rest = lines.slice(first + 1).join('\n');
  // Seed 004 has one paragraph per line, the others blank-line paragraphs.
  const paragraphs = rest.split(/\n\s*\n|\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const body = paragraphs.join('\n\n');
  return {
    id: makeArticleId(title, file),
    file,
    format: 'text',
    title,
    titleSource: 'headline',
    standfirst: null,
    publisher: extras.publisher ?? null,
    agencies: [],
    url: null,
    date: extras.date ?? null,
    language: 'en',
    text: body,
    paragraphs,
    wordCount: body.split(/\s+/).filter(Boolean).length,
    entities: extras.entities ?? [],
    quotes: extras.quotes ?? [],
    hash: file,
  };
}

export function readArticle(dir: string, file: string, extras: ArticleExtras = {}): Article {
  return makeArticle(file, fs.readFileSync(path.join(dir, file), 'utf8'), extras);
}

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../seeds');
export const GROUP_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/group');

/** The five seeds, keyed by their three-digit prefix ("000".."004"). */
export function readSeeds(): Map<string, Article> {
  const out = new Map<string, Article>();
  for (const file of fs.readdirSync(SEEDS_DIR).sort()) out.set(file.slice(0, 3), readArticle(SEEDS_DIR, file));
  return out;
}
