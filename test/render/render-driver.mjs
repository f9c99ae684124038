// Test driver: renders CONTENT into OUT with no cache (the compiled render stage, as `roundup build` runs it).
import { renderSite } from '../../dist/render/index.js';

const [contentDir, outDir] = process.argv.slice(2);
await renderSite({ contentDir, outDir, pathPrefix: '/', quiet: true, cacheDir: null });
