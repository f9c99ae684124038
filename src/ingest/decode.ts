// Bytes to text: BOM and encoding detection, binary refusal, line-end normalisation.
import iconv from 'iconv-lite';

export type Decoded = { readonly ok: true; readonly text: string; readonly encoding: string } | { readonly ok: false; readonly problem: string };

/** Share of control bytes above which a file without a BOM is taken as binary, not text. */
const BINARY_CONTROL_SHARE = 0.02;
/** How many leading bytes are sampled for the UTF-16-without-BOM check. */
const SNIFF_BYTES = 4096;

function controlShare(bytes: Uint8Array): number {
  let control = 0;
  for (const b of bytes) if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  return bytes.length ? control / bytes.length : 0;
}

/** UTF-16 without a BOM shows as every other byte zero in ASCII-heavy text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZero = 0, oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.4 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.4 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

/** CRLF and lone CR become LF; a trailing NUL padding is not text. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 by BOM or by sniffing, else Windows-1252
 * (a superset of Latin-1, what legacy Western pages use) when the bytes are not valid UTF-8.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, problem: 'empty file' };
  let encoding: string;
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) { encoding = 'utf-8'; start = 3; }
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) { encoding = 'utf-16le'; start = 2; }
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) { encoding = 'utf-16be'; start = 2; }
  else encoding = sniffUtf16(bytes) ?? 'utf-8';
  const body = bytes.subarray(start);
  let text: string;
  if (encoding === 'utf-8') {
    if (controlShare(body.subarray(0, SNIFF_BYTES * 4)) > BINARY_CONTROL_SHARE) return { ok: false, problem: 'binary file (not text)' };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      encoding = 'windows-1252';
      // iconv-lite, not TextDecoder: Node 20's 'windows-1252' decoder maps 0x80–0x9F as Latin-1 controls.
      text = iconv.decode(Buffer.from(body), 'windows-1252');
    }
  } else {
    text = new TextDecoder(encoding).decode(body);
    if (controlShare(new TextEncoder().encode(text.slice(0, SNIFF_BYTES))) > BINARY_CONTROL_SHARE) return { ok: false, problem: `binary file (not ${encoding} text)` };
  }
  text = normalizeNewlines(text).replace(/\u0000/g, '');
  if (text.trim() === '') return { ok: false, problem: 'no text (only white space)' };
  return { ok: true, text, encoding };
}
