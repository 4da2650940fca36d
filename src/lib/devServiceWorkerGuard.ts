/**
 * `astro dev` and `npm start` share an address (localhost:4321), so a reader's browser may hold the built
 * course's service worker when the dev server starts, and it would go on serving the built pages from its
 * cache. The dev server answers `/sw.js` with a worker that removes itself and its caches and reloads its
 * pages, which then come from the dev server; the dev pages register no worker (see offlineStatus.ts).
 */
import type { AstroIntegration } from 'astro';
import { offlineCacheNames } from './offlineProtocol.ts';

/** The worker the dev server serves instead of the course's: it unregisters at once. */
const selfRemovingWorker = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) if (name.startsWith(${JSON.stringify(offlineCacheNames.prefix)})) await caches.delete(name);
  await self.registration.unregister();
  for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
})()));
`;

/** An integration that serves the self-removing worker at /sw.js in the dev server. */
export function devServiceWorkerGuard(): AstroIntegration {
  return {
    name: 'course-dev-service-worker-guard',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          if (request.url?.split('?')[0] !== '/sw.js') return next();
          response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
          response.end(selfRemovingWorker);
        });
      },
    },
  };
}
