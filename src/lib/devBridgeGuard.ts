/**
 * The bridge's guard in `astro dev`, where scripts/serve-course.ts does not run: the same checks
 * (`refuseBridgeRequest`) on every /api request, against the port the dev server really listens on —
 * so `astro dev --host`, or a dev server that moved to another port, keeps the bridge to this computer.
 */
import type { AstroIntegration } from 'astro';
import { allowedLanHosts, describeAllowance, isBridgePath, refuseBridgeRequest, routedPath, sendRefusal } from './bridgeSafety.ts';

/** An integration that guards /api in the dev server and prints what the bridge forwards to. */
export function devBridgeGuard(): AstroIntegration {
  return {
    name: 'course-dev-bridge-guard',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        for (const line of describeAllowance(allowedLanHosts(process.env['COURSE_BRIDGE_ALLOW']))) logger.info(line);
        server.middlewares.use((request, response, next) => {
          const path = routedPath(request.url ?? '/');
          if (path === undefined) return sendRefusal(response, { status: 400, message: 'This address does not decode.' });
          if (!isBridgePath(path)) return next();
          const refusal = refuseBridgeRequest({ headers: request.headers, remoteAddress: request.socket.remoteAddress, localPort: request.socket.localPort });
          if (refusal) sendRefusal(response, refusal);
          else next();
        });
      },
    },
  };
}
