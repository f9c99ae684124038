// Write stage: the digest as Markdown pages with YAML front matter, plus content/_data/digest.json.
import fs from 'node:fs';
import path from 'node:path';
import type { Digest } from '../model.js';

// TEMPORARY STAND-IN (replaced by the write stage): digest.json only.
export function writeContent(digest: Digest, contentDir: string): void {
  fs.mkdirSync(path.join(contentDir, '_data'), { recursive: true });
  fs.writeFileSync(path.join(contentDir, '_data', 'digest.json'), JSON.stringify(digest, null, 2) + '\n');
}
