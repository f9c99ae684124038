// Bytes to text: BOM and encoding detection, binary refusal, line-end normalisation.
import chardet from 'chardet';
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

/** How many leading bytes chardet reads: enough for a confident guess, bounded on multi-megabyte files. */
const DETECT_BYTES = 64 * 1024;
/**
 * chardet's confidence (0–100) a non-Western guess needs, and its lead over the best Western (Latin-1 /
 * Windows-1252) guess. Calibrated on one paragraph per encoding (test/ingest/ingest.test.ts): Shift_JIS,
 * EUC-JP, GB18030, Big5, EUC-KR score 100, Windows-1251/KOI8-R 64, ISO-8859-7 60, ISO-8859-2 Polish 53
 * (ISO-8859-1 33); French Latin-1 text scores 50 for both ISO-8859-1 and ISO-8859-2, and must stay Western.
 */
const MIN_DETECT_CONFIDENCE = 50;
const MIN_DETECT_LEAD = 15;
/** Share of U+FFFD in a detected decoding above which the guess is taken as wrong. */
const MAX_REPLACEMENT_SHARE = 0.01;
/** The Western single-byte family: decoded as Windows-1252, the superset browsers use for all of them. */
const WESTERN = new Set(['iso-8859-1', 'windows-1252', 'ascii', 'utf-8']);

/**
 * The encoding of bytes that are not UTF-8: chardet's guess when it is confident and clearly not Western,
 * else Windows-1252 (a superset of Latin-1, what legacy Western pages use).
 */
export function detectLegacyEncoding(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, DETECT_BYTES);
  const matches = chardet.analyse(sample);
  const best = matches[0];
  if (!best) return 'windows-1252';
  const name = best.name.toLowerCase();
  const usable = (n: string): boolean => !WESTERN.has(n) && !n.startsWith('utf-') && iconv.encodingExists(n);
  if (!usable(name)) {
    // Mostly-English text with a few lines of Russian or Greek scores as Western; but read as Windows-1252
    // its non-ASCII words come out made wholly of accented letters ("Ãîðîäñêîé"), which Western text never is.
    const script = matches.find((m) => NON_LATIN_SINGLE_BYTE.has(m.name.toLowerCase()));
    if (script && looksLikeMojibake(iconv.decode(Buffer.from(sample), 'windows-1252'))) return script.name.toLowerCase();
    return 'windows-1252';
  }
  const western = Math.max(0, ...matches.filter((m) => WESTERN.has(m.name.toLowerCase())).map((m) => m.confidence));
  if (best.confidence < MIN_DETECT_CONFIDENCE || best.confidence - western < MIN_DETECT_LEAD) return 'windows-1252';
  return name;
}

/** Single-byte encodings of non-Latin scripts, whose text in Windows-1252 is all accented letters. */
const NON_LATIN_SINGLE_BYTE = new Set(['windows-1251', 'koi8-r', 'iso-8859-5', 'iso-8859-7', 'windows-1253', 'iso-8859-6', 'windows-1256', 'iso-8859-8', 'windows-1255']);
/** Share of non-ASCII words made only of non-ASCII letters above which Windows-1252 text is mojibake. */
const MOJIBAKE_WORD_SHARE = 0.6;

/** True when most words with a non-ASCII letter have no ASCII letter at all (French "été" has one, "Ãîðî" none). */
function looksLikeMojibake(text: string): boolean {
  const words = text.match(/[\p{L}]*[^\x00-\x7F][\p{L}]*/gu)?.filter((w) => w.length >= 3) ?? [];
  if (words.length < 3) return false;
  const whole = words.filter((w) => !/[A-Za-z]/.test(w)).length;
  return whole / words.length > MOJIBAKE_WORD_SHARE;
}

function decodeLegacy(body: Uint8Array): { text: string; encoding: string } {
  const guess = detectLegacyEncoding(body);
  if (guess !== 'windows-1252') {
    const text = iconv.decode(Buffer.from(body), guess);
    const bad = (text.match(/\uFFFD/g) ?? []).length;
    if (bad <= text.length * MAX_REPLACEMENT_SHARE) return { text, encoding: guess };
  }
  // iconv-lite, not TextDecoder: Node 20's 'windows-1252' decoder maps 0x80–0x9F as Latin-1 controls.
  return { text: iconv.decode(Buffer.from(body), 'windows-1252'), encoding: 'windows-1252' };
}

/** CRLF and lone CR become LF; a trailing NUL padding is not text. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 by BOM or by sniffing; bytes that are not
 * valid UTF-8 in the encoding chardet detects (Shift_JIS, GB18030, Windows-1251, …) or else Windows-1252.
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
      ({ text, encoding } = decodeLegacy(body));
    }
  } else {
    text = new TextDecoder(encoding).decode(body);
    if (controlShare(new TextEncoder().encode(text.slice(0, SNIFF_BYTES))) > BINARY_CONTROL_SHARE) return { ok: false, problem: `binary file (not ${encoding} text)` };
  }
  text = normalizeNewlines(text).replace(/\u0000/g, '');
  if (text.trim() === '') return { ok: false, problem: 'no text (only white space)' };
  return { ok: true, text, encoding };
}
