// Libraries loaded on first use, not at start-up: a rebuild that finds its articles and summaries in the
// cache never parses a date or an HTML page, and need not pay their load (chrono-node alone is a fifth of a
// second). Loaded through require, which is synchronous, so the callers stay synchronous; one copy each.
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import type * as Linkedom from 'linkedom';
import type * as ReadabilityModule from '@mozilla/readability';

const require = createRequire(import.meta.url);

let chronoModule: typeof Chrono | null = null;
let linkedomModule: typeof Linkedom | null = null;
let readabilityModule: typeof ReadabilityModule | null = null;

export function chrono(): typeof Chrono {
  return (chronoModule ??= require('chrono-node') as typeof Chrono);
}

export function linkedom(): typeof Linkedom {
  return (linkedomModule ??= require('linkedom') as typeof Linkedom);
}

export function readability(): typeof ReadabilityModule {
  return (readabilityModule ??= require('@mozilla/readability') as typeof ReadabilityModule);
}
