#!/usr/bin/env node
// Benchmark: reading a generated saved page of N MB (default 30) as HTML versus the same text as .txt,
// through ingest's parseInput (decode, parse, Readability, block text), stated as a ratio. Reading is
// linear in the page: the ratio stays flat as N grows (it was quadratic: 4 MB of HTML took 214 s).
//   node scripts/bench-ingest.mjs [--mb 30] [--json]      (npm run bench runs it first)
import path from 'node:path';

const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : d; };
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { parseInput } = await import(path.join(root, 'dist', 'ingest', 'index.js'));
const mb = Number(arg('--mb', '30'));

/** Paragraphs of a plausible report, distinct so that no stage can fold them, until `bytes` of text. */
function paragraphs(bytes) {
  const out = [];
  for (let i = 0, n = 0; n < bytes; i++) {
    const p = `Report ${i} says inspectors checked span ${i % 97} of the bridge on day ${i % 31}, and the council said repairs would start within ${i % 12} weeks.`;
    out.push(p);
    n += p.length + 2;
  }
  return out;
}

const paras = paragraphs(mb * 1e6);
const html = Buffer.from(`<!doctype html><html lang="en"><head><title>Bridge report</title><meta property="og:site_name" content="The Courier"></head><body><nav><a href="/">Home</a></nav><article><h1>Bridge report</h1>${paras.map((p) => `<p>${p}</p>`).join('\n')}</article><footer>© The Courier</footer></body></html>`);
const text = Buffer.from(`Bridge report\n\n${paras.join('\n\n')}\n`);

function time(label, file, format, bytes) {
  const started = performance.now();
  const parsed = parseInput(file, format, bytes);
  const seconds = (performance.now() - started) / 1000;
  if (!parsed.ok) throw new Error(`${label}: ${parsed.diagnostic.message}`);
  const kept = parsed.raw.text.split('\n\n').length;
  console.log(`  ${label.padEnd(22)} ${(bytes.length / 1e6).toFixed(1).padStart(6)} MB  ${seconds.toFixed(2).padStart(7)} s  ${kept} paragraphs`);
  return { megabytes: Number((bytes.length / 1e6).toFixed(1)), seconds: Number(seconds.toFixed(2)), paragraphs: kept };
}

console.log(`reading a ${mb} MB page (ingest)`);
const asText = time('same text as .txt', 'page.txt', 'text', text);
const asHtml = time('saved page as .html', 'page.html', 'html', html);
const ratio = Number((asHtml.seconds / asText.seconds).toFixed(1));
console.log(`  HTML / text: ${ratio}x`);
const result = { megabytes: mb, html: asHtml, text: asText, htmlOverText: ratio };
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
