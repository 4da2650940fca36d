/**
 * Guards the bridge (/api/*): only this site's own pages, reached under this server's own name, may use it.
 * Prerendered lessons never pass through here; they are plain files.
 */
import { defineMiddleware } from 'astro:middleware';
import { bridgeRefusal as refuse, isOwnHost, isOwnOrigin, maxBodyBytes, tooLargeRefusal } from './lib/bridgeSafety';

/** The port this server listens on, fixed when it starts. */
const ownPort = Number(process.env['PORT'] ?? 4321);

/** Lets requests outside /api/ through untouched; refuses bridge requests with a foreign Host (421) or Origin (403), or a too-large body. */
export const onRequest = defineMiddleware((context, next) => {
  if (!context.url.pathname.startsWith('/api/')) return next();
  const { headers } = context.request;
  const host = headers.get('host');
  if (!isOwnHost(host, ownPort)) return refuse(421, `Requests to the course bridge must be addressed to this machine, not "${host}".`);
  if (!isOwnOrigin(headers.get('origin'), host)) return refuse(403, 'The course bridge only answers the course’s own pages.');
  if (Number(headers.get('content-length') ?? 0) > maxBodyBytes) return tooLargeRefusal();
  return next();
});
