// The publisher by a fallback chain: declared → page metadata → profile → the page title's site-name suffix →
// the copyright line → the URL's host. A wire agency, a service credit, a platform or a tagline is no publisher.
import type { MetaCandidate } from '../model.js';
import { cleanName } from '../text/names.js';
import { matchAgency } from './agencies.js';
import { TITLE_SEPARATOR_RE } from './patterns.js';

/** A site name is short: longer segments are headlines or taglines ("Where Every Fan Has a Voice"). */
const SITE_NAME_MAX_WORDS = 6;
/** What is left of a title once its site name is cut must still read as a headline (words, or CJK characters). */
const HEADLINE_MIN_WORDS = 2;
const HEADLINE_MIN_CHARS = 12;
/** A domain written as a name: "cleveland.com", "Express.co.uk", "ノート100YEN.com". */
const DOMAIN_RE = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|info|news|world|co|io|de|fr|it|es|ru|uk|in|ca|au|br|jp|kr|cn|pl|nl|ch|at|be|se|no|dk|fi|pt|gr|tr|ng|za|ie|nz|us|me|tv|fm|online|media)$/iu;
/**
 * Names that credit no publisher: platforms and blog engines (a blogspot page's application-name is "Blogger"),
 * a news service's credit line ("DH News Service"), generic page words, and the labels of captions and media
 * ("FILE - In this April 17, 2018 file photo, …", "Image copyright Google Image caption …": 4,658 of 92,213 bench
 * articles were credited to "FILE" or "Image").
 */
const NOT_PUBLISHER_RE =
  /^(?:blogger|blogspot|wordpress(?:\.com)?|medium|tumblr|substack|ghost|wix|squarespace|facebook|twitter|x|instagram|youtube|google|home|homepage|start|index|news|blog|online|site|website|web|page|article|articles|hosted|admin|editor|staff|untitled|file|files|image|images|photo|photos|picture|pictures|video|videos|audio|watch|listen|gallery|slideshow|caption|credit|media)$/i;
/** A page number after a title ("Seite 34", "Page 2"). */
const PAGE_NUMBER_RE = /^(?:seite|page|pagina|página|strona|стр\.?|страница)\s*\d+$/iu;
const SERVICE_CREDIT_RE = /\b(?:news\s+service|news\s+desk|news\s+bureau|web\s+desk|online\s+desk|bureau|correspondents?|staff\s+writers?|staff|reporters?)\b/i;
/** A copyright notice: "© 2019 CNBC LLC.", "Copyright 2019. Washington Examiner.", "(c) Phys.org 2003 - 2019". */
/** The mark itself: ©, a circled c, "(c)" (Latin or Cyrillic c). */
const COPYRIGHT_MARK = String.raw`[©ⓒⒸ]|\([cс]\)`;
const COPYRIGHT_RE = new RegExp(String.raw`(?:${COPYRIGHT_MARK}|\bcopyright\b)`, 'iu');
const COPYRIGHT_MARK_RE = new RegExp(COPYRIGHT_MARK, 'iu');
const COPYRIGHT_LEAD_RE = new RegExp(String.raw`^(?:(?:${COPYRIGHT_MARK}|copyright)\s*)+`, 'iu');
/** What follows a holder's name in a notice, where the name ends. */
const COPYRIGHT_END_RE = /\s*(?:[|;]|[.,](?=\s|$)|\ball rights\b|\bpowered by\b|\bis a\b|\ba division\b|\ba part\b|\bunless\b|\bexcept\b|\s[-–—]\s)/iu;
/** Company forms and years around a holder's name: "CNBC LLC", "Snopes Media Group Inc.", "2003 - 2019". */
const CORPORATE_RE = /(?:,?\s+(?:llc|l\.l\.c\.|inc\.?|ltd\.?|limited|pty|plc|corp\.?|corporation|gmbh|ag|s\.?a\.?|b\.?v\.?|co\.)\.?)+\s*$/iu;
const YEARS_RE = /^(?:(?:19|20)\d{2}(?:\s*[-–—]\s*(?:(?:19|20)\d{2}|present))?[\s.,]*)+|(?:[\s,]+(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)\d{2})?)+$/giu;
/** A notice is a short line; a caption with a photographer's © runs on. */
const COPYRIGHT_LINE_MAX_WORDS = 24;

export interface PublisherResult {
  readonly name: string;
  readonly source: string;
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Lower-case letters and digits only: how a name is looked for in other text. */
const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * A name that can stand as a publisher: not an agency (that is a credit of the article), a platform, a
 * service credit, a URL, a handle or a tagline.
 */
export function isPublisherName(name: string): boolean {
  const clean = name.trim();
  if (!/\p{L}/u.test(clean)) return false;
  if (/^(?:https?:|www\.)|\/|^@|\s@/i.test(clean) || /\.(?:html?|php|aspx?)$/i.test(clean)) return false;
  if (NOT_PUBLISHER_RE.test(clean) || PAGE_NUMBER_RE.test(clean) || SERVICE_CREDIT_RE.test(clean) || matchAgency(clean) !== null) return false;
  if (wordCount(clean.replace(new RegExp(TITLE_SEPARATOR_RE.source, 'g'), ' ')) > SITE_NAME_MAX_WORDS + 1) return false;
  return !/[.!?]$/.test(clean) || DOMAIN_RE.test(clean.replace(/\.$/, ''));
}

/** Long enough to be a headline once a site name is cut from it. */
function isHeadline(text: string): boolean {
  return wordCount(text) >= HEADLINE_MIN_WORDS || (text.length >= HEADLINE_MIN_CHARS && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text));
}

/**
 * A segment at the edge of a page title that names the site: short, not a continuation of the headline
 * (a segment opening in lower case is one: "Tevez - an Argentine in Brazil"), and either written as a
 * domain or a masthead elsewhere on the page, or absent from the article's text ("Straw" in "Lords wrong on
 * detainees - Straw" is the man the article quotes; "Connecticut Post" is not in its article).
 */
function isSiteSegment(segment: string, body: string, chrome: string): boolean {
  const clean = segment.trim();
  if (!clean || wordCount(clean) > SITE_NAME_MAX_WORDS || !/[\p{L}\p{N}]/u.test(clean)) return false;
  if (DOMAIN_RE.test(clean)) return true;
  // Lower case opens a continuation ("an Argentine in Brazil"), unless the segment is one word ("homify", "watson");
  // a comma makes a phrase ("Axis Text, Main Title & Legend"), not a name.
  if ((/^\p{Ll}/u.test(clean) && /\s/.test(clean)) || /[.!?:,;]$/.test(clean) || clean.includes(', ')) return false;
  const key = squash(clean);
  if (!key) return false;
  if (chrome.includes(key)) return true;
  return !body.includes(key);
}

export interface SplitTitle {
  readonly title: string;
  /** The site's name cut from the title (the outermost segment when several were: "World | News | Express.co.uk"), or null. */
  readonly site: string | null;
}

/**
 * A page title split into headline and site name ("Headline - Connecticut Post", "BBC News - Headline"):
 * segments at either end that name the site are cut while a headline remains. `body` is the article's text,
 * `chrome` the page's other text (menus, footers), each as written.
 */
export function splitSiteName(pageTitle: string, body: string, chrome = ''): SplitTitle {
  const line = pageTitle.replace(/\s+/g, ' ').trim();
  const segments = line.split(TITLE_SEPARATOR_RE);
  const separators = line.match(new RegExp(TITLE_SEPARATOR_RE.source, 'g')) ?? [];
  if (segments.length < 2) return { title: line, site: null };
  const bodyKey = squash(body);
  const chromeKey = squash(chrome);
  const join = (from: number, to: number): string => {
    let out = segments[from] ?? '';
    for (let i = from + 1; i <= to; i++) out += (separators[i - 1] ?? ' ') + (segments[i] ?? '');
    return out.trim();
  };
  let first = 0;
  let last = segments.length - 1;
  let site: string | null = null;
  while (last > first && isSiteSegment(segments[last] ?? '', bodyKey, chromeKey) && isHeadline(join(first, last - 1))) {
    site ??= (segments[last] ?? '').trim();
    last--;
  }
  // A site name first ("BBC News - Headline") only when the last segment is none (a site name there, with too short a
  // headline before it, leaves the title whole: "Ein Albtraum - DER SPIEGEL 52/2018"), and shorter than what stays.
  // A headline that goes on in lower case after the separator is one line ("Die Patientenakte (ePA) – der lange Marsch").
  if (site === null && !isSiteSegment(segments[last] ?? '', bodyKey, chromeKey)) {
    while (last > first && isSiteSegment(segments[first] ?? '', bodyKey, chromeKey) && !/^\p{Ll}/u.test(segments[first + 1] ?? '') && wordCount(segments[first] ?? '') < wordCount(join(first + 1, last)) && isHeadline(join(first + 1, last))) {
      site ??= (segments[first] ?? '').trim();
      first++;
    }
  }
  return { title: join(first, last), site };
}

/** The holder a copyright notice names, without years and company forms; null when it names none. */
export function copyrightHolder(line: string): string | null {
  const at = line.search(COPYRIGHT_RE);
  if (at < 0 || wordCount(line) > COPYRIGHT_LINE_MAX_WORDS) return null;
  // The word alone is a notice only with a mark, a year or "by" ("Copyright 2019 …", "Copyright Tichys Einblick 2019");
  // without, in a footer's links, it names a law or a page ("Digital Millennium Copyright Act", "Copyright Policy").
  const notice = line.slice(at);
  if (/^copyright/i.test(notice) && !COPYRIGHT_MARK_RE.test(notice) && !/\b(?:1[89]|20)\d\d\b|^copyright\s+by\b/i.test(notice)) return null;
  // A name before the mark ("Wccftech © 2019 NewAge ADS, LLC.") is the site's own.
  const before = line.slice(0, at).replace(/[\s|·•-]+$/, '').trim();
  if (before && wordCount(before) <= 4 && /^\p{Lu}|^\p{N}/u.test(before) && !/\brights?\b|\breserved\b/i.test(before) && isPublisherName(before)) return cleanName(before);
  let rest = notice.replace(COPYRIGHT_LEAD_RE, '').replace(/^(?:ооо|оао|зао|пао|ао)\s+/iu, '').replace(/^[«"“]+|[»"”]+$/gu, '');
  rest = rest.replace(YEARS_RE, '').replace(/^by\s+/i, '').trim();
  const end = rest.search(COPYRIGHT_END_RE);
  let name = (end >= 0 ? rest.slice(0, end) : rest).trim();
  name = name.replace(YEARS_RE, '').replace(CORPORATE_RE, '').replace(YEARS_RE, '').trim();
  if (!name || /^(?:all rights|all contents?|reserved|the author|authors?|photo|image|getty|shutterstock)|\b(?:designed|powered|developed|hosted|site)\s+by\b/i.test(name)) return null;
  // A holding company is the owner, not the masthead ("NYP Holdings" for the New York Post): better none.
  if (/\b(?:holdings?|enterprises|ventures)\b/i.test(name)) return null;
  return isPublisherName(name) ? cleanName(name) : null;
}

/** The page's copyright holder, from the last notice (the footer's; a caption's © sits higher up). */
export function copyrightPublisher(lines: readonly string[]): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const holder = copyrightHolder(lines[i] ?? '');
    if (holder) return holder;
  }
  return null;
}

/** The URL's host as the publisher of last resort, shown as the host ("ctpost.com"); null without a URL. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^www\d?\./i, '').toLowerCase();
    return host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

export interface PublisherInput {
  readonly declared: string | null;
  readonly candidates: readonly MetaCandidate[];
  readonly profile: string | null;
  /** The site name cut from the page title. */
  readonly titleSite: string | null;
  readonly copyright: string | null;
  readonly url: string | null;
}

/** The chain; also the wire agencies met on the way (a JSON-LD publisher "Associated Press" credits the article to AP). */
export function choosePublisher(input: PublisherInput): { publisher: PublisherResult | null; agencies: string[] } {
  const agencies: string[] = [];
  const ok = (name: string | null): string | null => {
    const clean = name ? cleanName(name).trim() : '';
    if (!clean) return null;
    const agency = matchAgency(clean);
    if (agency) {
      agencies.push(agency);
      return null;
    }
    return isPublisherName(clean) ? clean : null;
  };
  const chain: [string | null, string][] = [
    ...input.candidates.filter((c) => c.field === 'publisher').map((c): [string, string] => [c.value, c.source]),
    [input.declared, 'declared'],
    [input.profile, 'publisher profile'],
    [input.titleSite, 'page title suffix'],
    [input.copyright, 'copyright line'],
  ];
  for (const [value, source] of chain) {
    const name = ok(value);
    if (name) return { publisher: { name, source }, agencies };
  }
  const host = hostOf(input.url);
  return { publisher: host ? { name: host, source: 'url host' } : null, agencies };
}
