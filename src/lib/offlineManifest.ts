/**
 * What the service worker keeps for reading offline, decided from the built files alone (no DOM, no
 * service-worker API, so the rules are unit-tested): the shell every page needs, each language's pages and
 * search index, kept once a reader has read in that language, and the large files a demo downloads when
 * it starts, cached then rather than up front. `/api/` and other sites are never the worker's business.
 */
import { isBridgePath, routedPath } from './bridgeSafety.ts';

/** A built file as Workbox's manifest names it: a path relative to the site's root and a hash of its content. */
export interface BuiltFile {
  url: string;
  revision: string;
  size: number;
}

/** A file to precache: its absolute URL path and revision. */
export interface PrecacheFile {
  url: string;
  revision: string;
}

/** The course's offline plan, injected into the service worker at build time. */
export interface OfflinePlan {
  /** Every page's needs (styles, scripts, the root page, the 404 page, the search runtime): precached at install. */
  shell: PrecacheFile[];
  /** Per locale: its pages, string files, passages and search index; precached once the reader reads in it. */
  pages: Record<string, PrecacheFile[]>;
  /** Large built files (a demo's runtime, grammars of the chat's highlighter): cached when first fetched. */
  late: string[];
}

/** Built scripts and binaries larger than this are cached when a demo fetches them, never precached (pages always are). */
export const precacheLimitBytes = 100 * 1024;

/** Built files a page never fetches (Pagefind's unused UI bundles), left out of every cache. */
const unusedFile = /^pagefind\/pagefind-(?:component-|modular-)?ui\.|^pagefind\/pagefind-highlight\.js$/;

/** The locale a built file belongs to: its first path segment, or its Pagefind index's language prefix. */
export function localeOfFile(url: string, locales: readonly string[]): string | undefined {
  const segment = /^([^/]+)\//.exec(url)?.[1];
  if (segment && locales.includes(segment)) return segment;
  const index = /^pagefind\/(?:index\/|fragment\/|filter\/|pagefind\.)([a-z]{2,3}(?:-[A-Za-z0-9]+)*)_[0-9a-f]+\./.exec(url)?.[1];
  if (index && locales.includes(index)) return index;
  const wasm = /^pagefind\/wasm\.([^.]+)\.pagefind$/.exec(url)?.[1];
  return wasm && locales.includes(wasm) ? wasm : undefined;
}

/** Splits the built files into the shell, each locale's pages and the late files. */
export function offlinePlan(files: readonly BuiltFile[], locales: readonly string[]): OfflinePlan {
  const plan: OfflinePlan = { shell: [], pages: Object.fromEntries(locales.map((locale) => [locale, []])), late: [] };
  for (const { url, revision, size } of files) {
    if (unusedFile.test(url)) continue;
    const file = { url: `/${url}`, revision };
    if (url.startsWith('_astro/') && size > precacheLimitBytes) plan.late.push(file.url);
    else {
      const locale = localeOfFile(url, locales);
      if (locale) plan.pages[locale]!.push(file);
      else plan.shell.push(file);
    }
  }
  return plan;
}

/** How the service worker treats a request. */
export type RequestHandling = 'network' | 'precached' | 'late';

/**
 * Whether the worker answers `url` (a same-origin GET): `/api/` (the bridge) and other origins always go to
 * the network untouched; large built files are cached when first fetched; the rest is served from the precache.
 */
export function requestHandling(url: URL, origin: string, method: string, plan: Pick<OfflinePlan, 'late'>): RequestHandling {
  if (method !== 'GET' || url.origin !== origin) return 'network';
  const routed = routedPath(url.pathname);
  if (routed === undefined || isBridgePath(routed)) return 'network'; // read as the router reads it: `/%61pi/` is the bridge too
  return plan.late.includes(url.pathname) ? 'late' : 'precached';
}

/** The locale a page's path is in, for the offline fallback: its first segment when it is a course locale. */
export function localeOfPath(pathname: string, locales: readonly string[]): string | undefined {
  const segment = pathname.split('/')[1] ?? '';
  return locales.includes(segment) ? segment : undefined;
}
