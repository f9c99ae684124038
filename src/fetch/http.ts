// A polite HTTP client on Node's fetch: its own User-Agent, a timeout, at most two requests per host, retries with backoff, capped redirects and bodies.

/** How the client behaves; `HTTP_DEFAULTS` holds the values a run uses (tests shorten the waits). */
export interface HttpSettings {
  /** Sent with every request: names Roundup and the site it builds, so a publisher can see who asks. */
  readonly userAgent: string;
  /** For a whole request, body included: a host that answers slowly is given up on, not waited for. */
  readonly timeoutMs: number;
  /** Requests open at once to one host name, whatever the port (the etiquette of feed readers and crawlers: one or two). */
  readonly perHost: number;
  /** Retries after a 429, a 5xx or a dropped connection (not after a timeout: a slow host stays slow). */
  readonly retries: number;
  /** The first retry's wait when the server names none; doubled for each further retry. */
  readonly backoffMs: number;
  /** A Retry-After longer than this is a failure for this run rather than a wait. */
  readonly maxRetryAfterMs: number;
  /** Redirects followed for one request (browsers allow 20; a feed or article needs one or two). */
  readonly maxRedirects: number;
}

export const HTTP_DEFAULTS: Omit<HttpSettings, 'userAgent'> = {
  timeoutMs: 20_000,
  perHost: 2,
  retries: 2,
  backoffMs: 1_000,
  maxRetryAfterMs: 60_000,
  maxRedirects: 5,
};

/** The largest feed read (real news feeds are well under 1 MB; a podcast archive may reach a few). */
export const MAX_FEED_BYTES = 10 * 1024 * 1024;
/** The largest page saved: ingest reads an 8 MB saved page in about 5 s (scripts/bench-ingest.mjs). */
export const MAX_PAGE_BYTES = 10 * 1024 * 1024;

export interface HttpRequest {
  readonly url: string;
  readonly accept: string;
  /** The body is refused (and the download stopped) past this many bytes, decompressed. */
  readonly maxBytes: number;
  /** Conditional GET: the validators of the last response, sent as If-None-Match / If-Modified-Since. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

export type HttpResponse =
  | { readonly ok: true; readonly status: number; readonly url: string; readonly contentType: string | null; readonly etag: string | null; readonly lastModified: string | null; readonly body: Uint8Array }
  | { readonly ok: true; readonly status: 304; readonly url: string; readonly notModified: true }
  | { readonly ok: false; readonly status: number | null; readonly problem: string };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

const MB = 1024 * 1024;
const sizeText = (bytes: number): string => (bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Only http(s) URLs are requested: `file:`, `data:`, `ftp:` and the like are refused. */
export function httpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Milliseconds a Retry-After header asks for (seconds, or an HTTP date), or null when it names none. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** "ECONNREFUSED", "timed out after 20 s", "socket hang up": the reason a request failed, in one line. */
function networkProblem(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `timed out after ${timeoutMs / 1000} s`;
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && !code.startsWith('UND_ERR_')) return code;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`;
    if (!(e.cause instanceof Error)) return e.message.split('\n')[0] ?? e.name;
  }
  return String(error);
}

/** A counting gate per host: at most `limit` holders at once, the rest wait in order. */
class HostGate {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  constructor(private readonly limit: number) {}

  async enter(host: string): Promise<() => void> {
    if ((this.active.get(host) ?? 0) >= this.limit) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(host) ?? [];
        queue.push(resolve);
        this.waiting.set(host, queue);
      });
    } else this.active.set(host, (this.active.get(host) ?? 0) + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.waiting.get(host)?.shift();
      // The slot passes straight to the next waiter; the count drops only when nobody waits.
      if (next) next();
      else this.active.set(host, (this.active.get(host) ?? 1) - 1);
    };
  }
}

/** Reads a body up to `maxBytes`; past that the download is cancelled and null returned. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

export class HttpClient {
  private readonly gate: HostGate;

  constructor(private readonly settings: HttpSettings, private readonly now: () => number = Date.now) {
    this.gate = new HostGate(settings.perHost);
  }

  /** GET with retries (429, 5xx, dropped connections) and redirects; never throws for a network or server problem. */
  async get(request: HttpRequest): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      const result = await this.follow(request);
      if (!('retry' in result)) return result;
      const { response, waitMs } = result.retry;
      if (attempt >= this.settings.retries) return response;
      const wait = waitMs ?? this.settings.backoffMs * 2 ** attempt;
      if (wait > this.settings.maxRetryAfterMs) return { ...response, problem: `${response.problem}; asks to retry after ${Math.ceil(wait / 1000)} s` } as HttpResponse;
      await sleep(wait);
    }
  }

  /** One attempt: the request and its redirects, each hop through the host's gate. */
  private async follow(request: HttpRequest): Promise<HttpResponse | { retry: { response: HttpResponse & { ok: false }; waitMs: number | null } }> {
    const start = httpUrl(request.url);
    if (start === null) return { ok: false, status: null, problem: `not an http(s) URL: ${request.url}` };
    let url: URL = start;
    const seen = new Set<string>();
    for (let hop = 0; ; hop++) {
      seen.add(url.href);
      const headers: Record<string, string> = { 'user-agent': this.settings.userAgent, accept: request.accept };
      // Validators are for the address they came from: a redirect's target gets a plain GET.
      if (hop === 0 && request.etag) headers['if-none-match'] = request.etag;
      if (hop === 0 && request.lastModified) headers['if-modified-since'] = request.lastModified;
      const leave = await this.gate.enter(url.hostname);
      try {
        let response: Response;
        const signal = AbortSignal.timeout(this.settings.timeoutMs);
        try {
          response = await fetch(url, { headers, redirect: 'manual', signal });
        } catch (error) {
          const problem = networkProblem(error, this.settings.timeoutMs);
          const failed = { ok: false as const, status: null, problem };
          return problem.startsWith('timed out') ? failed : { retry: { response: failed, waitMs: null } };
        }
        const status = response.status;
        if (REDIRECT_STATUSES.has(status)) {
          await response.body?.cancel().catch(() => undefined);
          const location = response.headers.get('location');
          if (!location) return { ok: false, status, problem: `HTTP ${status} without a Location` };
          const next: URL | null = URL.canParse(location, url.href) ? httpUrl(new URL(location, url).href) : null;
          if (next === null) return { ok: false, status, problem: `redirected to a non-http(s) URL (${location})` };
          if (seen.has(next.href)) return { ok: false, status, problem: `redirect loop (${next.href} again)` };
          if (hop >= this.settings.maxRedirects) return { ok: false, status, problem: `more than ${this.settings.maxRedirects} redirects` };
          url = next;
          continue;
        }
        if (status === 304) {
          await response.body?.cancel().catch(() => undefined);
          return { ok: true, status: 304, url: url.href, notModified: true };
        }
        if (status < 200 || status > 299) {
          await response.body?.cancel().catch(() => undefined);
          const failed = { ok: false as const, status, problem: `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}` };
          if (RETRY_STATUSES.has(status)) return { retry: { response: failed, waitMs: retryAfterMs(response.headers.get('retry-after'), this.now()) } };
          return failed;
        }
        const declared = Number(response.headers.get('content-length') ?? NaN);
        if (Number.isFinite(declared) && declared > request.maxBytes) {
          await response.body?.cancel().catch(() => undefined);
          return { ok: false, status, problem: `body of ${sizeText(declared)} is over the ${sizeText(request.maxBytes)} limit` };
        }
        let body: Uint8Array | null;
        try {
          body = await readCapped(response, request.maxBytes);
        } catch (error) {
          return { ok: false, status, problem: networkProblem(error, this.settings.timeoutMs) };
        }
        if (body === null) return { ok: false, status, problem: `body over the ${sizeText(request.maxBytes)} limit: download stopped` };
        return {
          ok: true, status, url: url.href, body,
          contentType: response.headers.get('content-type'), etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'),
        };
      } finally {
        leave();
      }
    }
  }
}
