/**
 * Writes the course's service worker, `sw.js`, into a built site (run after `astro build` and Pagefind, by
 * `npm run build` and the test build): Workbox lists the built files with a hash of each one's content,
 * src/lib/offlineManifest.ts splits them into the shell, each language's pages and the late files, and
 * esbuild bundles src/serviceWorker/courseWorker.ts with that plan. A rebuild that changes any file
 * changes sw.js, which is how a reader's browser learns that a new version of the course exists.
 *
 *   node scripts/build-service-worker.ts [dist/client]
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { getManifest } from 'workbox-build';
import { locales } from '../src/lib/locales.ts';
import { offlinePlan } from '../src/lib/offlineManifest.ts';

const siteDir = process.argv[2] ?? 'dist/client';

const { manifestEntries, warnings } = await getManifest({
  globDirectory: siteDir,
  globPatterns: ['**/*.{html,js,mjs,css,json,svg,wasm,pagefind,pf_meta,pf_index,pf_fragment,pf_filter}'],
  // The demos' models are cached by the demos themselves (their own caches, with their own Remove buttons).
  globIgnores: ['sw.js', 'models/**'],
  // Sizes decide what is precached (see offlineManifest.ts), so Workbox's own cut-off must not drop anything.
  maximumFileSizeToCacheInBytes: Number.MAX_SAFE_INTEGER,
});
if (warnings.length > 0) throw new Error(`workbox-build: ${warnings.join('; ')}`);

const files = (manifestEntries ?? []).map((entry) => ({
  url: entry.url,
  revision: entry.revision ?? entry.url,
  size: statSync(join(siteDir, entry.url)).size,
}));
const plan = offlinePlan(files, locales);

await build({
  entryPoints: ['src/serviceWorker/courseWorker.ts'],
  outfile: join(siteDir, 'sw.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  // Workbox logs every step unless it is built for production.
  define: { __OFFLINE_PLAN__: JSON.stringify(plan), 'process.env.NODE_ENV': '"production"' },
  logLevel: 'error',
});

const kilobytes = (urls: { url: string }[]) => files.filter((file) => urls.some(({ url }) => url === `/${file.url}`)).reduce((sum, file) => sum + file.size, 0) / 1024;
const perLocale = Object.entries(plan.pages).map(([locale, pages]) => `${locale} ${pages.length} files (${kilobytes(pages).toFixed(0)} KB)`);
console.log(`sw.js: shell ${plan.shell.length} files (${kilobytes(plan.shell).toFixed(0)} KB); per language ${perLocale.join(', ')}; ${plan.late.length} large files cached when used`);
