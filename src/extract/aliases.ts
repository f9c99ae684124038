// The names Roundup knows by several forms (ENTITY_ALIASES in patterns.ts), and the key names are compared by.
import type { EntityKind } from '../model.js';
import { ENTITY_ALIASES } from './patterns.js';

/** Comparison key: case, dots, hyphens and spacing do not distinguish names ("U.S." = "US", "al Assad" = "al-Assad"). */
export function entityKey(name: string): string {
  return name.toLowerCase().replace(/\./g, '').replace(/[\s\-‐–]+/g, ' ').trim();
}

const ALIAS_BY_KEY = new Map<string, { readonly name: string; readonly kind: EntityKind }>();
for (const entry of ENTITY_ALIASES) {
  for (const form of [entry.name, ...entry.aliases]) ALIAS_BY_KEY.set(entityKey(form), { name: entry.name, kind: entry.kind });
}

/** The known name `name` is a form of ("ISIS" → Islamic State, an organisation), or null. */
export function knownName(name: string): { readonly name: string; readonly kind: EntityKind } | null {
  return ALIAS_BY_KEY.get(entityKey(name)) ?? null;
}
