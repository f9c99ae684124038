// Rule: share buttons, menu labels, reading times, bare dates and IDs: controls and metadata, not prose.
import { AUTHOR_BIO_RE, BYLINE_RE, END_MARKER_RE, FURNITURE_LINE_RE, LINK_TEASER_RE, METADATA_LINE_RE, SLIDE_NUMBER_RE } from '../patterns.js';
import { isTaxonomyLine } from './end-marker.js';
import { drop, wordCount, type CleanRule } from '../state.js';
import { isEndMarker, isLabelLine } from '../vocabulary.js';

/** Bylines and link teasers are short; a longer line starting "By …" is a sentence. */
const BYLINE_MAX_WORDS = 10;
const TEASER_MAX_WORDS = 25;
/** A line of labels ("Teilen mit: Facebook Twitter") is short; a longer one is a sentence that uses such words. */
const LABELS_MAX_WORDS = 8;

/**
 * Script and style text a dump kept from the page's source: JavaScript ("function(e,t,n){var r=n(123);…") or CSS
 * ("button { height: 35px; }"). Two such tokens and a dense share of code symbols make a line code, not prose.
 */
const SCRIPT_TOKEN_RE = /function\s*\(|=>\s*[{(]|\b(?:var|let|const)\s+[\w$]+\s*=|\)\s*\{|\}\s*[),;]|;\s*[\w$.]+\s*=[^=]|!important|\{\s*[\w-]+\s*:\s*[^;{}]+;/g;
const CODE_SYMBOL_RE = /[{}[\]();=<>\\|$]/g;
const SCRIPT_MIN_TOKENS = 2;
const SCRIPT_MIN_SYMBOL_SHARE = 0.06;
export function isScriptText(text: string): boolean {
  return (text.match(SCRIPT_TOKEN_RE) ?? []).length >= SCRIPT_MIN_TOKENS && (text.match(CODE_SYMBOL_RE) ?? []).length / text.length >= SCRIPT_MIN_SYMBOL_SHARE;
}

/** "Tags:" or "Kommentare" is a label, but where it ends the article the end-marker rule must see it live. */
const isEndOfArticle = (text: string): boolean => END_MARKER_RE.test(text) || isEndMarker(text);

export const furnitureRule: CleanRule = {
  name: 'furniture',
  description: 'Drops control labels ("Share"), page metadata ("2 min read", "Media ID: 5535"), bylines, "Related: …" links, author boxes and script or style code.',
  apply(state) {
    for (const line of state.lines) {
      if (line.role === 'dropped') continue;
      if (FURNITURE_LINE_RE.test(line.text) || (wordCount(line.text) <= LABELS_MAX_WORDS && isLabelLine(line.text) && !isEndOfArticle(line.text))) drop(line, 'furniture', 'a control or menu label');
      else if (METADATA_LINE_RE.test(line.text)) drop(line, 'furniture', 'page metadata (date, reading time, id)');
      else if (SLIDE_NUMBER_RE.test(line.text)) drop(line, 'furniture', "a slideshow's counter");
      else if (isTaxonomyLine(line.text)) drop(line, 'furniture', "the article's tags or categories");
      else if (wordCount(line.text) <= BYLINE_MAX_WORDS && BYLINE_RE.test(line.text)) drop(line, 'furniture', 'a byline');
      else if (wordCount(line.text) <= TEASER_MAX_WORDS && LINK_TEASER_RE.test(line.text)) drop(line, 'furniture', 'a link to another article');
      else if (AUTHOR_BIO_RE.test(line.text)) drop(line, 'furniture', "the author's biography");
      else if (isScriptText(line.text)) drop(line, 'furniture', 'script or style code from the page');
    }
  },
};
