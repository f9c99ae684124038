import fs from 'node:fs';
import { parseHTML } from 'linkedom';
const { document } = parseHTML(fs.readFileSync(process.argv[2], 'utf8'));
const main = document.querySelector('main') ?? document.body;
const out = [];
for (const el of main.querySelectorAll('h1,h2,h3,p,li,blockquote,dt,dd')) { const t = el.textContent.replace(/\s+/g, ' ').trim(); if (t) out.push((/^H/.test(el.tagName) ? '## ' : '') + t); }
console.log(out.join('\n').slice(0, +(process.argv[3] ?? 4000)));
