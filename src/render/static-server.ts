// The file server behind `roundup serve`: the built site's files, read-only, on one address, with live reload.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Longer request paths get 414: no page of the site has one near this (ids are bounded). */
export const MAX_PATH_LENGTH = 2048;
/** Server-sent events that tell an open page the site was rebuilt (not a file of the site: `.roundup` is no page). */
export const RELOAD_PATH = '/.roundup/reload';
/** Put before `</body>` of each HTML page as it is served (the files themselves are left as built). */
const RELOAD_SCRIPT = `<script type="module">new EventSource(${JSON.stringify(RELOAD_PATH)}).onmessage = () => location.reload();</script>`;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Where a request path leads: the site-relative segments of a file or folder, or the status refusing it. */
export type RequestTarget = { readonly segments: readonly string[]; readonly folder: boolean; readonly pathname: string } | { readonly status: 400 | 414 };

/**
 * Reads the path of a request (`/stories/x/?q=1`) as segments under the site, decoded one at a time, so that
 * an encoded slash or dot (`/..%2f..%2fetc/passwd`, `%2e%2e`) stays inside its segment and is refused there:
 * a segment that decodes to `.`, `..`, or holds `/`, `\` or NUL is a 400, as is bad percent-encoding; a path
 * over MAX_PATH_LENGTH is a 414. Nothing here touches the disk.
 */
export function resolveRequestPath(url: string): RequestTarget {
  if (url.length > MAX_PATH_LENGTH) return { status: 414 };
  const pathname = url.split(/[?#]/, 1)[0] ?? '';
  if (!pathname.startsWith('/')) return { status: 400 };
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { status: 400 };
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return { status: 400 };
    segments.push(segment);
  }
  return { segments, folder: pathname.endsWith('/'), pathname };
}

export interface StaticServer {
  /** `http://127.0.0.1:8080/`: the address it listens on, as a browser would be given it. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Tells every open page to reload. */
  readonly reload: () => void;
  readonly close: () => Promise<void>;
}

function send(res: http.ServerResponse, status: number, type: string, body: Buffer | string, head: boolean, extra: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { 'content-type': type, 'content-length': String(bytes.length), 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', ...extra });
  res.end(head ? undefined : bytes);
}

/** The regular file at `file`, or null (missing, a folder, a link, a device: nothing but plain files is served). */
function readRegular(file: string): Buffer | null {
  try {
    return fs.lstatSync(file).isFile() ? fs.readFileSync(file) : null;
  } catch {
    return null;
  }
}

/** Answers one request from the files under `root`; never throws (a failure is a 500). */
function answer(root: string, req: http.IncomingMessage, res: http.ServerResponse, clients: Set<http.ServerResponse>): void {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', false, { allow: 'GET, HEAD' });
  const target = resolveRequestPath(req.url ?? '');
  if ('status' in target) return send(res, target.status, 'text/plain; charset=utf-8', target.status === 414 ? 'URI too long\n' : 'Bad request\n', head);
  if (target.pathname === RELOAD_PATH && !head) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(': connected\n\n');
    clients.add(res);
    res.on('close', () => clients.delete(res));
    return;
  }
  const full = path.join(root, ...target.segments);
  const rel = path.relative(root, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return send(res, 400, 'text/plain; charset=utf-8', 'Bad request\n', head);
  let isFolder = false;
  try {
    isFolder = fs.lstatSync(full).isDirectory();
  } catch {
    // missing: a 404 below
  }
  // A folder's page is its index.html, at the address with the slash (so its relative links resolve as built).
  if (isFolder && !target.folder) return send(res, 301, 'text/plain; charset=utf-8', 'Moved\n', head, { location: `${target.pathname}/` });
  const file = isFolder ? path.join(full, 'index.html') : full;
  const body = target.folder && !isFolder ? null : readRegular(file);
  const notFound = body === null;
  const served = body ?? readRegular(path.join(root, '404.html')) ?? Buffer.from('Not found\n');
  const type = notFound ? (served.length && served.includes('<html') ? CONTENT_TYPES['.html']! : 'text/plain; charset=utf-8') : (CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
  const withReload = type === CONTENT_TYPES['.html'] ? Buffer.from(served.toString('utf8').replace(/<\/body>/i, `${RELOAD_SCRIPT}</body>`)) : served;
  send(res, notFound ? 404 : 200, type, withReload, head);
}

/**
 * Serves the files under `root` (looked up on each request, so a site swapped in by a rename is served at
 * once) on `host`:`port` (port 0: any free one). Only GET and HEAD; folders by their index.html; everything
 * else a 404 with the site's 404 page. A malformed request gets its 4xx and the server goes on.
 */
export function serveStatic(root: string, host: string, port: number): Promise<StaticServer> {
  const clients = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    try {
      answer(root, req, res, clients);
    } catch {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error\n', false);
      else res.destroy();
    }
  });
  // A request line or header Node cannot parse: answer 400 (431 for headers too large) and drop the connection.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shown}:${address.port}/`,
        host: address.address,
        port: address.port,
        reload: () => {
          for (const client of clients) client.write('data: reload\n\n');
        },
        close: () =>
          new Promise<void>((done) => {
            for (const client of clients) client.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
