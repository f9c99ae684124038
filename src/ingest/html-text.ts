// Block-aware text of an HTML tree: one line per paragraph, heading, list item or caption.

/** Elements that end a line of text (the rest flow inline). */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Elements whose text is never page text. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD', 'TITLE', 'BUTTON', 'SELECT']);

/**
 * The part of a DOM node the walk reads. Children are followed by `firstChild`/`nextSibling`, never by
 * indexing `childNodes`: linkedom builds a new `childNodes` list on every access, so `childNodes[i]` in a
 * loop made reading quadratic in a node's children (a 1 MB page of paragraphs took 9.7 s, 4 MB 214 s).
 */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly getAttribute?: (name: string) => string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;

/** True for the nodes the walk descends into: elements, documents and fragments (not comments). */
const isContainer = (node: DomNode): boolean => node.nodeType === ELEMENT_NODE || node.nodeType === DOCUMENT_NODE || node.nodeType === FRAGMENT_NODE;

/**
 * Calls `visit` on every node below `root` in document order, and `leave` after a container's children,
 * without recursion (a page nested 100,000 deep must not overflow the stack). `visit` returns false to skip
 * a container's children. Each node is reached once through `firstChild`/`nextSibling`: linear in the tree.
 */
export function walkTree(root: DomNode, visit: (node: DomNode) => boolean, leave: (node: DomNode) => void): void {
  const open: DomNode[] = [];
  let node: DomNode | undefined = root;
  while (node) {
    const entered: boolean = visit(node) && isContainer(node);
    const child: DomNode | null = entered ? node.firstChild : null;
    if (child) {
      open.push(node);
      node = child;
      continue;
    }
    if (entered) leave(node);
    // Back up to the nearest node with a next sibling; every node on `open` was entered.
    while (node && node !== root && !node.nextSibling) {
      node = open.pop();
      if (node) leave(node);
    }
    node = node && node !== root ? (node.nextSibling ?? undefined) : undefined;
  }
}

export interface HtmlLinesOptions {
  /**
   * Leave out every line whose letters are nearly all (LINK_LINE_SHARE) the text of links to the page's own
   * site: inside an article such a line points elsewhere on the site (a related headline, a row of tag links,
   * a table of contents), the link-density signal of boilerpipe and trafilatura. Prose carries links inside
   * its own words; a line that is a link to another site (a source, a product) is kept, as readers cite them.
   * `pageHost` is the page's own host name, when known; relative links are the site's own in any case.
   */
  readonly dropSiteLinkLines?: { readonly pageHost: string | null };
}

/** A line whose letters are at least this share link text is a link, not prose (a sentence around a link is far below). */
export const LINK_LINE_SHARE = 0.9;

const letterCount = (text: string): number => text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;

/** `www.example.com` and `example.com` are one site. */
const siteOf = (host: string): string => host.toLowerCase().replace(/^www\./, '');

/** Whether `href` points into the page's own site: relative (`/news/…`, `#part-2`, `next.html`), or to `pageHost`. */
export function isSiteLink(href: string | null, pageHost: string | null): boolean {
  if (href === null) return false;
  const h = href.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(h) && !/^https?:/i.test(h)) return false; // mailto:, javascript:, tel:
  if (!/^(https?:)?\/\//i.test(h)) return true;
  if (pageHost === null) return false;
  try {
    return siteOf(new URL(h, 'https://page.invalid/').hostname) === siteOf(pageHost);
  } catch {
    return false;
  }
}

/** Walks the tree once, collecting inline text and breaking lines at block elements. */
export function htmlToLines(root: DomNode, options: HtmlLinesOptions = {}): string[] {
  const lines: string[] = [];
  const siteLinks = options.dropSiteLinkLines;
  let current = '';
  let siteLinkLetters = 0;
  /** For each open <a>: whether it points into the site. */
  const openLinks: boolean[] = [];
  const flush = (): void => {
    const line = current.replace(/\s+/g, ' ').trim();
    const isSiteLinkLine = siteLinkLetters > 0 && siteLinkLetters >= LINK_LINE_SHARE * letterCount(line);
    if (line && !isSiteLinkLine) lines.push(line);
    current = '';
    siteLinkLetters = 0;
  };
  const isBlock = (node: DomNode): boolean => node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has(node.nodeName.toUpperCase());
  const isLink = (node: DomNode): boolean => siteLinks !== undefined && node.nodeType === ELEMENT_NODE && node.nodeName.toUpperCase() === 'A';
  walkTree(
    root,
    (node) => {
      if (node.nodeType === TEXT_NODE) {
        const text = node.textContent ?? '';
        current += text;
        if (openLinks.includes(true)) siteLinkLetters += letterCount(text);
        return false;
      }
      if (!isContainer(node) || SKIP_TAGS.has(node.nodeName.toUpperCase())) return false;
      if (isBlock(node)) flush();
      if (isLink(node)) openLinks.push(isSiteLink(node.getAttribute?.('href') ?? null, siteLinks?.pageHost ?? null));
      return true;
    },
    (node) => {
      if (isLink(node)) openLinks.pop();
      if (isBlock(node)) flush();
    },
  );
  flush();
  return lines;
}

/** True when the tree holds any page text (what `htmlToLines` would give a line for), stopping at the first. */
export function hasPageText(root: DomNode): boolean {
  let found = false;
  walkTree(
    root,
    (node) => {
      if (found) return false;
      if (node.nodeType === TEXT_NODE) {
        found = /\S/.test(node.textContent ?? '');
        return false;
      }
      return isContainer(node) && !SKIP_TAGS.has(node.nodeName.toUpperCase());
    },
    () => {},
  );
  return found;
}
