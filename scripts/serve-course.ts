/**
 * `npm start`'s server: the built course (prerendered lessons) and its local bridge (/api), on loopback.
 * It replaces the Node adapter's own listener because that one takes HOST from the environment before the
 * config (tcsh exports HOST; some containers set HOST=0.0.0.0), which would put the bridge on the LAN.
 * Here the address is fixed: 127.0.0.1, unless the person starting it passes --lan (with a warning) — and
 * even then the bridge answers only this computer. Every lesson page is sent with the same
 * Content-Security-Policy its <meta> carries, plus what only a header can say (frame-ancestors).
 *
 *   node scripts/serve-course.ts [--lan] [--port N] [--dist DIR]     (PORT also sets the port; default 4321)
 */
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { allowedLanHosts, bridgeResponsePolicy, describeAllowance, isBridgePath, refuseBridgeRequest, routedPath, sendRefusal } from '../src/lib/bridgeSafety.ts';
import { loadCourse } from './coursePages.ts';

const { values } = parseArgs({ options: { lan: { type: 'boolean', default: false }, port: { type: 'string' }, dist: { type: 'string', default: 'dist' } } });
const port = Number(values.port ?? process.env['PORT'] ?? 4321);
const listenHost = values.lan ? '0.0.0.0' : '127.0.0.1';
const { astroHandler, pages } = await loadCourse(resolve(values.dist));

const server = createServer((request, response) => {
  // Decided on the path as the router will see it: `/%61pi/…` and `//api/…` reach the bridge too.
  const path = routedPath(request.url ?? '/');
  if (path === undefined) return sendRefusal(response, { status: 400, message: 'This address does not decode.' });
  if (!isBridgePath(path)) return pages(request, response);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'same-origin');
  const refusal = refuseBridgeRequest({ headers: request.headers, remoteAddress: request.socket.remoteAddress, localPort: request.socket.localPort });
  if (refusal) return sendRefusal(response, refusal);
  response.setHeader('Content-Security-Policy', bridgeResponsePolicy);
  astroHandler(request, response);
});

server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use. Stop what uses it, or start the course on another port: PORT=4330 npm start` : String(error));
  process.exit(1);
});

server.listen(port, listenHost, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  // One write, so whoever waits for the first line gets the whole start-up report.
  const lines = [`Edge AI Workshop: http://localhost:${actualPort}/`, ...describeAllowance(allowedLanHosts(process.env['COURSE_BRIDGE_ALLOW']))];
  if (values.lan)
    lines.push(
      `--lan: the lessons are served on every network interface (port ${actualPort}); anyone on this network can read them.`,
      'The course bridge (/api) still answers this computer only.',
    );
  console.log(lines.join('\n'));
});
