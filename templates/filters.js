// Nunjucks filters for the layouts: small, pure, and never marking anything as safe HTML.
import { dateToRfc3339 } from '@11ty/eleventy-plugin-rss';

const HTTP_URL_RE = /^https?:\/\/[^\s/?#]+/i;
/** Characters XML 1.0 forbids even as references (C0 controls but tab/LF/CR, U+FFFE/FFFF, lone surrogates). */
const XML_INVALID_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ISO_DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The URL when it is a plain http(s) URL, else an empty string (never `javascript:` or `data:`). */
export function httpUrl(value) {
  return typeof value === 'string' && HTTP_URL_RE.test(value.trim()) ? value.trim() : '';
}

/** `https://example.org/site` + `/stories/x/` without a doubled slash; empty when the base is not http(s). */
export function absoluteUrl(pageUrl, base) {
  const root = httpUrl(base);
  return root === '' ? '' : root.replace(/\/+$/, '') + pageUrl;
}

/** `/roundup/` + `/stories/x/` → `/roundup/stories/x/`. */
export function joinPrefix(prefix, url) {
  return `/${String(prefix ?? '/').replace(/^\/+|\/+$/g, '')}/${url.replace(/^\/+/, '')}`.replace(/^\/\//, '/');
}

/** Text that is well-formed in XML 1.0: forbidden characters dropped (escaping cannot save them). */
export function xmlText(value) {
  return String(value ?? '').replace(XML_INVALID_RE, '');
}

/** `2024-03-04` → `2024-03-04T00:00:00Z` (RFC 3339, what Atom wants), via the RSS plugin. */
export function isoDateTime(day) {
  if (typeof day !== 'string' || !ISO_DAY_RE.test(day)) throw new Error(`isoDateTime: not a YYYY-MM-DD date: ${JSON.stringify(day)}`);
  return dateToRfc3339(new Date(`${day}T00:00:00Z`));
}

/**
 * The filters, bound to how this build is published: `siteUrl` (SITE_URL, when set) wins over the
 * digest's `site.baseUrl`; `pathPrefix()` is read at render time (the CLI's --path-prefix).
 */
export function makeFilters({ siteUrl, pathPrefix }) {
  /** The published site's absolute base (prefix included), or '' when unknown. */
  const siteBase = (base) => httpUrl(siteUrl) || httpUrl(base);
  /** A page's absolute URL when the site's address is known, else its prefixed root-relative path. */
  const siteLink = (url, base) => {
    const root = siteBase(base);
    return root === '' ? joinPrefix(pathPrefix(), url) : absoluteUrl(url, root);
  };
  /** A JSON Feed 1.1 document for `feed` (the write stage's FeedData), links resolved like `siteLink`. */
  const jsonFeed = (feed, base) => {
    const doc = {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: siteLink(feed.url, base),
      feed_url: siteLink(feed.jsonUrl, base),
      description: feed.subtitle,
      language: feed.language,
      authors: [{ name: feed.author }],
      items: feed.entries.map((e) => ({
        id: e.id,
        url: siteLink(e.url, base),
        title: e.title,
        summary: e.summary,
        content_text: e.content,
        ...(e.published ? { date_published: isoDateTime(e.published) } : {}),
        ...(e.authors.length ? { authors: e.authors.map((name) => ({ name })) } : {}),
        ...(e.tags.length ? { tags: e.tags } : {}),
      })),
    };
    // JSON.stringify is the escaping for this context; `<` as \u003c too, so no byte reads as markup.
    return JSON.stringify(doc, null, 2).replace(/</g, '\\u003c') + '\n';
  };
  return {
    httpUrl,
    absoluteUrl: (pageUrl, base) => absoluteUrl(pageUrl, siteBase(base)),
    siteLink,
    xmlText,
    isoDateTime,
    jsonFeed,
  };
}
