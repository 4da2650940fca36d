/**
 * The course's service worker, bundled by scripts/build-service-worker.ts with the build's offline plan
 * (src/lib/offlineManifest.ts). It precaches the shell at install; a language's pages once a page in it
 * asks (`keep-locale`); large built files when a demo first fetches them. A new version installs beside
 * the old one and waits until the reader chooses to reload (`SKIP_WAITING`), so pages never mix versions
 * and are never stale for good. `/api/` and other sites pass straight to the network.
 */
import { copyResponse } from 'workbox-core';
import { PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkOnly } from 'workbox-strategies';
import { isQuotaError } from '../lib/browserModels';
import { localeOfPath, requestHandling, type OfflinePlan } from '../lib/offlineManifest';
import { offlineCacheNames, type OfflineReply, type OfflineRequest } from '../lib/offlineProtocol';

declare const self: ServiceWorkerGlobalScope;
declare const __OFFLINE_PLAN__: OfflinePlan;

const plan = __OFFLINE_PLAN__;
const locales = Object.keys(plan.pages);
/** How a page's address finds its stored file: `/x/` and `/x` are `/x/index.html`; a query (`?q=`) does not matter. */
const precacheLookup = {
  directoryIndex: 'index.html',
  cleanURLs: false,
  ignoreURLParametersMatching: [/.*/],
  urlManipulation: ({ url }: { url: URL }) => (url.pathname.endsWith('/') ? [] : [new URL(`${url.pathname}/index.html`, url)]),
};

const shell = new PrecacheController({ cacheName: offlineCacheNames.shell });
shell.addToCacheList(plan.shell);
const pages = new Map(
  locales.map((locale) => {
    const controller = new PrecacheController({ cacheName: offlineCacheNames.pages(locale) });
    controller.addToCacheList(plan.pages[locale]!);
    return [locale, controller];
  }),
);

/** The locales this browser keeps, remembered in a cache so that a new version precaches them too. */
async function keptLocales(): Promise<string[]> {
  const stored = await (await caches.open(offlineCacheNames.settings)).match('kept-locales');
  const kept: unknown = stored ? await stored.json().catch(() => []) : [];
  return Array.isArray(kept) ? kept.filter((locale): locale is string => pages.has(locale)) : [];
}

async function rememberKept(kept: readonly string[]): Promise<void> {
  await (await caches.open(offlineCacheNames.settings)).put('kept-locales', Response.json([...new Set(kept)]));
}

/**
 * Stores a language's files that are not stored yet, under the keys its precache route looks up. (Workbox
 * stores precache entries only during an install event; this also runs when a page asks, and on activation.)
 * A redirected answer (a host that sends `…/index.html` to `…/`) is stored as a plain copy, which a page
 * load accepts.
 */
async function precacheLocale(locale: string): Promise<void> {
  const controller = pages.get(locale)!;
  const cache = await caches.open(offlineCacheNames.pages(locale));
  for (const url of controller.getCachedURLs()) {
    const key = controller.getCacheKeyForURL(url)!;
    if (await cache.match(key)) continue;
    const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    await cache.put(key, response.redirected ? await copyResponse(response) : response);
  }
}

/** Stores every kept language that can be; one that cannot (a full disk, a file gone) does not stop the others or the update. */
async function precacheKeptLocales(): Promise<void> {
  for (const locale of await keptLocales()) await precacheLocale(locale).catch(() => undefined);
}

/** Bytes the worker's caches hold, from each stored answer's Content-Length (its body only where that is missing). */
async function storedBytes(): Promise<number> {
  let total = 0;
  for (const name of await caches.keys()) {
    if (!offlineCacheNames.isOwn(name)) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      total += Number(response?.headers.get('content-length')) || ((await response?.blob())?.size ?? 0);
    }
  }
  return total;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await shell.install(event);
      await precacheKeptLocales();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await shell.activate(event);
      for (const locale of await keptLocales()) await pages.get(locale)!.activate(event);
      // A language asked for while this version waited is stored now.
      await precacheKeptLocales();
      // Built files of an older build (their names carry a hash) are never asked for again; models stay.
      const runtime = await caches.open(offlineCacheNames.runtime);
      for (const request of await runtime.keys()) {
        const path = new URL(request.url).pathname;
        if (path.startsWith('/_astro/') && !plan.late.includes(path)) await runtime.delete(request);
      }
      for (const name of offlineCacheNames.retired) await caches.delete(name);
      // The first visit's page is controlled at once, so it works offline without a reload.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const request = event.data as OfflineRequest;
  const reply = (message: OfflineReply) => event.ports[0]?.postMessage(message);
  const work = async (): Promise<void> => {
    if (request?.type === 'SKIP_WAITING') return void (await self.skipWaiting());
    if (request?.type === 'keep-locale' && pages.has(request.locale)) {
      // A newer version is waiting: it stores the language when it takes over, under its own revisions.
      if (!self.registration.installing && !self.registration.waiting) await precacheLocale(request.locale);
      await rememberKept([...(await keptLocales()), request.locale]);
      return reply({ type: 'status', kept: await keptLocales(), bytes: await storedBytes() });
    }
    if (request?.type === 'forget') {
      for (const name of await caches.keys()) if (offlineCacheNames.isOwn(name)) await caches.delete(name);
      return reply({ type: 'status', kept: [], bytes: 0 });
    }
  };
  event.waitUntil(work().catch((error: unknown) => reply({ type: 'failed', reason: isQuotaError(error) ? 'quota' : 'other' })));
});

const precacheRouteOf = (controller: PrecacheController) => new PrecacheRoute(controller, precacheLookup);
registerRoute(precacheRouteOf(shell));
for (const controller of pages.values()) registerRoute(precacheRouteOf(controller));
registerRoute(
  ({ url, request }) => requestHandling(url, self.location.origin, request.method, plan) === 'late',
  // The same cache the demos download the runtime into (inferenceRuntime.ts), so it is stored once.
  new CacheFirst({ cacheName: offlineCacheNames.runtime }),
);
// Other pages of the site come from the network, so that offline they fall to the handler below.
registerRoute(
  ({ url, request }) => request.mode === 'navigate' && requestHandling(url, self.location.origin, request.method, plan) === 'precached',
  new NetworkOnly(),
);

// Offline, a page that is not stored gets its language's offline page (or the first kept language's).
setCatchHandler(async ({ request, url }) => {
  if (request.mode !== 'navigate') return Response.error();
  const kept = await keptLocales();
  const locale = [localeOfPath(url.pathname, locales), ...kept].find((candidate) => candidate && kept.includes(candidate));
  const page = locale ? await pages.get(locale)!.matchPrecache(`/${locale}/offline/index.html`) : undefined;
  return page ?? Response.error();
});
