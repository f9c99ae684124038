// Wire agencies credited as the text's source: cleaner credits, credit lines, datelines, bylines and sign-offs.
import {
  AGENCIES,
  BYLINE_AGENCY_RE,
  CREDIT_LINE_RE,
  CREDIT_SPLIT_RE,
  DATELINE_AGENCY_RE,
  DATELINE_MAX_OFFSET,
  GENERIC_CREDIT_RE,
  SIGNOFF_RE,
} from './patterns.js';
import { cleanName } from '../text/names.js';

function aliasKey(text: string): string {
  return text.toLowerCase().replace(/[.\s]+/g, ' ').trim();
}

const AGENCY_BY_ALIAS = new Map<string, string>();
for (const agency of AGENCIES) {
  for (const alias of [agency.name, ...agency.aliases]) AGENCY_BY_ALIAS.set(aliasKey(alias), agency.name);
}

/** The agency one credit names exactly ("AAP", "Associated Press"), or null ("agencies", "our correspondent"). */
export function matchAgency(text: string): string | null {
  const clean = cleanName(text).replace(/^[\s([—–-]+|[\s)\].,:;—–-]+$/g, '');
  if (!clean || GENERIC_CREDIT_RE.test(clean)) return null;
  return AGENCY_BY_ALIAS.get(aliasKey(clean)) ?? null;
}

/** Agencies named in one credit string: "Source: AAP", "Reuters and AFP", "TRTWorld and agencies" (none). */
export function agenciesInCredit(credit: string): string[] {
  const body = CREDIT_LINE_RE.exec(credit)?.[1] ?? BYLINE_AGENCY_RE.exec(credit)?.[0] ?? credit;
  const unprefixed = body.replace(/^\s*by\s+/i, '');
  const found: string[] = [];
  for (const part of unprefixed.split(CREDIT_SPLIT_RE)) {
    const agency = matchAgency(part);
    if (agency) found.push(agency);
  }
  return found;
}

/** Agencies in a dateline at the head of the first paragraph: "WASHINGTON (Reuters) -", "(AP) —". */
function agenciesInDateline(paragraph: string): string[] {
  const head = paragraph.slice(0, DATELINE_MAX_OFFSET + 40);
  const found: string[] = [];
  for (const match of head.matchAll(DATELINE_AGENCY_RE)) {
    if ((match.index ?? 0) > DATELINE_MAX_OFFSET) break;
    found.push(...(match[1] ?? '').split(CREDIT_SPLIT_RE).map(matchAgency).filter((a): a is string => a !== null));
  }
  return found;
}

/** A body line that is only a credit: "Source: AAP", "— AFP", "(Reuters)", "By Jane Doe, Reuters". */
function agenciesInLine(line: string): string[] {
  if (CREDIT_LINE_RE.test(line) || BYLINE_AGENCY_RE.test(line)) return agenciesInCredit(line);
  const signoff = SIGNOFF_RE.exec(line)?.[1];
  return signoff ? agenciesInCredit(signoff) : [];
}

/**
 * Wire agencies credited for the text, canonical and sorted. A mention in a sentence ("told Reuters") is not a
 * credit; photo credits never reach here (the cleaner drops them), and raw lines are read only whole.
 */
export function extractAgencies(
  credits: readonly string[],
  paragraphs: readonly string[],
  byline: string | null,
  rawText: string,
): string[] {
  const found = new Set<string>();
  for (const credit of credits) for (const agency of agenciesInCredit(credit)) found.add(agency);
  if (byline) for (const agency of agenciesInCredit(byline)) found.add(agency);
  const first = paragraphs[0];
  if (first) for (const agency of agenciesInDateline(first)) found.add(agency);
  const last = paragraphs[paragraphs.length - 1];
  if (last && last.length < 80) for (const agency of agenciesInLine(last)) found.add(agency);
  // Credit lines the cleaner may have dropped without reporting them ("Source: AAP" on its own line).
  for (const line of rawText.split('\n')) {
    if (line.length > 100 || !CREDIT_LINE_RE.test(line)) continue;
    for (const agency of agenciesInCredit(line)) found.add(agency);
  }
  return [...found].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
}
