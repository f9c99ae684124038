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

/** Walks the tree once, collecting inline text and breaking lines at block elements. */
export function htmlToLines(root: DomNode): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const isBlock = (node: DomNode): boolean => node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has(node.nodeName.toUpperCase());
  walkTree(
    root,
    (node) => {
      if (node.nodeType === TEXT_NODE) {
        current += node.textContent ?? '';
        return false;
      }
      if (!isContainer(node) || SKIP_TAGS.has(node.nodeName.toUpperCase())) return false;
      if (isBlock(node)) flush();
      return true;
    },
    (node) => {
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
