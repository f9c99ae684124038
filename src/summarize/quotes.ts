// Quotes by speaker: the story's attributed quotes, one entry per remark however many sources carry it.
import type { Article, SpeakerQuotes } from '../model.js';
import { words } from '../text/sentences.js';

/** Two quotes sharing this much of their words (Jaccard) are the same remark, transcribed a little differently. */
const SAME_QUOTE_JACCARD = 0.7;

function wordSet(text: string): Set<string> {
  return new Set(words(text.toLowerCase()));
}

function sameQuote(a: string, b: string): boolean {
  const na = a.toLowerCase().replace(/\s+/g, ' ').trim();
  const nb = b.toLowerCase().replace(/\s+/g, ' ').trim();
  if (na.includes(nb) || nb.includes(na)) return true;
  const x = wordSet(a);
  const y = wordSet(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const union = x.size + y.size - shared;
  return union > 0 && shared / union >= SAME_QUOTE_JACCARD;
}

/**
 * Canonical speaker per name: a one-word name ("Earnest") becomes the only full name ending in it
 * elsewhere in the story ("Josh Earnest"); an ambiguous surname stays as it is.
 */
function canonicalSpeakers(names: readonly string[]): Map<string, string> {
  const full = [...new Set(names.filter((n) => n.trim().includes(' ')))];
  const out = new Map<string, string>();
  for (const name of new Set(names)) {
    const trimmed = name.trim();
    if (trimmed.includes(' ')) {
      out.set(name, trimmed);
      continue;
    }
    const matches = full.filter((f) => f.split(/\s+/).pop()?.toLowerCase() === trimmed.toLowerCase());
    out.set(name, matches.length === 1 ? matches[0]! : trimmed);
  }
  return out;
}

export function quotesBySpeaker(articles: readonly Article[]): SpeakerQuotes[] {
  const all = articles.flatMap((a) => a.quotes.filter((q) => q.speaker !== null && q.text.trim() !== '').map((q) => ({ ...q, articleId: q.articleId || a.id })));
  const canonical = canonicalSpeakers(all.map((q) => q.speaker!));
  const bySpeaker = new Map<string, { text: string; articleIds: string[] }[]>();
  for (const quote of all) {
    const speaker = canonical.get(quote.speaker!) ?? quote.speaker!;
    const list = bySpeaker.get(speaker) ?? [];
    bySpeaker.set(speaker, list);
    const same = list.find((q) => sameQuote(q.text, quote.text));
    if (!same) list.push({ text: quote.text.trim(), articleIds: [quote.articleId] });
    else {
      if (!same.articleIds.includes(quote.articleId)) same.articleIds.push(quote.articleId);
      // Keep the fuller transcription.
      if (quote.text.trim().length > same.text.length) same.text = quote.text.trim();
    }
  }
  return [...bySpeaker.entries()]
    .map(([speaker, quotes]) => ({ speaker, quotes: quotes.map((q) => ({ text: q.text, articleIds: [...q.articleIds] })) }))
    .sort((a, b) => b.quotes.length - a.quotes.length || a.speaker.localeCompare(b.speaker));
}
