// Site search for /search/: runs Pagefind's browser index (written by the build to <site>/pagefind/).
// Only this page loads a script; every other page reads without JavaScript.

/** The site root, path prefix included: this file is <root>/assets/search.js. */
const SITE_ROOT = new URL('../', import.meta.url);
/** Results shown for one query: enough to scan, short enough to read on a phone. */
const MAX_RESULTS = 20;
/** Wait this long after the last keystroke before searching. */
const TYPING_DELAY_MS = 250;

const form = document.getElementById('search-form');
const input = document.getElementById('search-input');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const noJs = document.getElementById('search-nojs');

/** Pagefind's excerpt is HTML with <mark> around hits: keep its text and the marks, nothing else. */
function excerptNodes(html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const nodes = [];
  for (const node of doc.body.firstChild?.childNodes ?? []) {
    if (node.nodeType === Node.TEXT_NODE) nodes.push(document.createTextNode(node.textContent ?? ''));
    else if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent ?? '';
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent ?? ''));
  }
  return nodes;
}

function resultItem(data) {
  const item = document.createElement('li');
  item.className = 'search-result';
  if (data.meta?.kind) {
    const kind = document.createElement('p');
    kind.className = 'kicker';
    kind.textContent = data.meta.kind;
    item.append(kind);
  }
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta?.title || data.url;
  heading.append(link);
  const excerpt = document.createElement('p');
  excerpt.className = 'search-excerpt';
  excerpt.append(...excerptNodes(data.excerpt ?? ''));
  item.append(heading, excerpt);
  return item;
}

async function main() {
  if (!form || !input || !status || !list) return;
  let pagefind;
  try {
    // The site is indexed in shards (one Pagefind bundle each, listed in pagefind/shards.json): the first
    // bundle's script searches, and every other bundle is merged into it.
    const manifest = await (await fetch(new URL('pagefind/shards.json', SITE_ROOT))).json();
    const [first, ...rest] = manifest.bundles;
    pagefind = await import(new URL(`pagefind/${first}/pagefind.js`, SITE_ROOT).href);
    await pagefind.options({ baseUrl: SITE_ROOT.pathname, excerptLength: 30 });
    for (const bundle of rest) await pagefind.mergeIndex(new URL(`pagefind/${bundle}/`, SITE_ROOT).href, { baseUrl: SITE_ROOT.pathname });
    await pagefind.init();
  } catch {
    status.textContent = 'The search index could not be loaded.';
    return;
  }
  noJs?.remove();

  let latest = 0;
  async function run(query, updateAddress) {
    const ticket = ++latest;
    const text = query.trim();
    if (updateAddress) {
      const url = new URL(window.location.href);
      if (text) url.searchParams.set('q', text);
      else url.searchParams.delete('q');
      window.history.replaceState(null, '', url);
    }
    if (!text) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const search = await pagefind.search(text);
    const found = search?.results ?? [];
    const data = await Promise.all(found.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (ticket !== latest) return; // a newer query has started
    list.replaceChildren(...data.map(resultItem));
    const shown = found.length > MAX_RESULTS ? ` (showing the first ${MAX_RESULTS})` : '';
    status.textContent = found.length === 0
      ? `Nothing found for “${text}”.`
      : `${found.length} ${found.length === 1 ? 'result' : 'results'} for “${text}”${shown}.`;
  }

  let timer = 0;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(input.value, true), TYPING_DELAY_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    void run(input.value, true);
  });
  const initial = new URLSearchParams(window.location.search).get('q') ?? '';
  if (initial) {
    input.value = initial;
    await run(initial, false);
  }
}

void main();
