// Character classes shared by every stage: what is cut from names and titles, and what isolates text of unknown direction.

/**
 * Characters that show nothing: soft hyphen, combining grapheme joiner, Hangul and Mongolian fillers, Khmer
 * inherent vowels, zero-width space, word joiner and the invisible operators, the deprecated format controls,
 * the byte-order mark, interlinear annotation marks and tag characters. In a name they only make a second,
 * identical-looking page (`SBS\u200b News` beside `SBS News`, issue 19).
 */
export const INVISIBLE_RE = /[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0001}\u{e0020}-\u{e007f}]/gu;

/**
 * Bidirectional controls: the marks (LRM, RLM, ALM) and the embeddings, overrides and isolates with their
 * terminators. A U+202E in a title reversed the text after it in `<title>`, feeds and OPML (issue 19).
 */
export const BIDI_CONTROL_RE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Control characters other than tab and line ends (which whitespace handling turns into spaces). */
export const CONTROL_RE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/gu;

/** Zero-width non-joiner and joiner: they shape Arabic, Persian and Indic words and join emoji sequences. */
export const JOINER_RE = /[\u200c\u200d]/u;

/**
 * A neighbour that gives a joiner its meaning: a mark, an emoji, or a letter of a script other than Latin,
 * Greek and Cyrillic (which never need one; there a joiner is as invisible as a zero-width space).
 */
export const JOINING_NEIGHBOUR_RE = /^(?:[\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}]|(?![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{L})$/u;

/** Embedding and override openers (LRE, RLE, LRO, RLO): each is closed by a PDF. */
export const BIDI_EMBEDDING_RE = /^[\u202a-\u202b\u202d-\u202e]$/u;
/** Isolate openers (LRI, RLI, FSI): each is closed by a PDI. */
export const BIDI_ISOLATE_RE = /^[\u2066-\u2068]$/u;
export const PDF = '\u202c';
export const PDI = '\u2069';
/** First strong isolate: the text inside takes the direction of its first strong letter, and leaves the text around it alone (as `<bdi>` does). */
export const FSI = '\u2068';

/**
 * A dateline opening a lead sentence ("SAN FRANCISCO (Reuters) -", "Seoul (CNN)", "(CNN)", "WOODLAND HILLS >>"): where the
 * report was filed, not title material.
 */
export const LEAD_DATELINE_RE = /^(?:(?:[\p{Lu}][\p{L}.,' ]{0,40}\s*)?\((?:AP|Reuters|CNN|AFP|UPI|[\p{Lu}][\p{L}.]{1,15}(?:\.com)?)\)\s*(?:[-—–]+\s*)?|[\p{Lu}][\p{Lu} .,']{2,40}(?:\s*(?:—|–|-|>>|»)\s*))/u;
