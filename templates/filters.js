// Nunjucks filters for the layouts: small, pure, and never marking anything as safe HTML.

const HTTP_URL_RE = /^https?:\/\/[^\s/?#]+/i;

/** The URL when it is a plain http(s) URL, else an empty string (never `javascript:` or `data:`). */
export function httpUrl(value) {
  return typeof value === 'string' && HTTP_URL_RE.test(value.trim()) ? value.trim() : '';
}

/** `https://example.org/site` + `/stories/x/` without a doubled slash; empty when the base is not http(s). */
export function absoluteUrl(pageUrl, base) {
  const root = httpUrl(base);
  return root === '' ? '' : root.replace(/\/+$/, '') + pageUrl;
}

export const FILTERS = { httpUrl, absoluteUrl };
