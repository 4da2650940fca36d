/**
 * The bridge's guard inside the app itself, for any way of running the built server other than `npm start`
 * (`node dist/server/entry.mjs`, `astro preview`), which listen wherever HOST says: the same checks as
 * scripts/serve-course.ts and the dev server's guard. The app cannot see which port a connection came in
 * on, so the Host header's own port stands in; what matters holds without it: a loopback client, a
 * loopback name (no rebinding), and the course's own pages (no other site, no other localhost port).
 * Prerendered lessons never pass through here; they are plain files.
 */
import { defineMiddleware } from 'astro:middleware';
import { bridgeRefusal, bridgeResponsePolicy, isBridgePath, refuseBridgeRequest, routedPath } from './lib/bridgeSafety';

/** The port a Host header names (80 when it names none), or -1 when it is no host at all. */
function portNamedBy(host: string | null): number {
  try {
    return Number(new URL(`http://${host ?? ''}`).port || 80);
  } catch {
    return -1;
  }
}

/** Refuses a bridge request that scripts/serve-course.ts would refuse; lets every other request through. */
export const onRequest = defineMiddleware((context, next) => {
  const path = routedPath(new URL(context.request.url).pathname);
  if (path !== undefined && !isBridgePath(path)) return next();
  const { headers } = context.request;
  const refusal = path === undefined
    ? { status: 400, message: 'This address does not decode.' }
    : refuseBridgeRequest({ headers: Object.fromEntries(headers), remoteAddress: context.clientAddress, localPort: portNamedBy(headers.get('host')) });
  if (!refusal) return next();
  return bridgeRefusal(refusal.status, refusal.message, { 'Content-Security-Policy': bridgeResponsePolicy, Connection: 'close' });
});
