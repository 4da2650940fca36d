/**
 * The bridge's guard in `astro dev`, where scripts/serve-course.ts does not run: the same checks
 * (`refuseBridgeRequest`) on every /api request, against the port the dev server really listens on —
 * so `astro dev --host`, or a dev server that moved to another port, keeps the bridge to this computer.
 */
import type { AstroIntegration } from 'astro';
import { allowedLanHosts, describeAllowance, refuseBridgeRequest, sendRefusal } from './bridgeSafety.ts';

/** An integration that guards /api in the dev server and prints what the bridge forwards to. */
export function devBridgeGuard(): AstroIntegration {
  return {
    name: 'course-dev-bridge-guard',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        for (const line of describeAllowance(allowedLanHosts(process.env['COURSE_BRIDGE_ALLOW']))) logger.info(line);
        server.middlewares.use((request, response, next) => {
          if (!request.url?.startsWith('/api/')) return next();
          const refusal = refuseBridgeRequest({ headers: request.headers, remoteAddress: request.socket.remoteAddress, localPort: request.socket.localPort });
          if (refusal) sendRefusal(response, refusal);
          else next();
        });
      },
    },
  };
}
