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
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { allowedLanHosts, bridgeResponsePolicy, describeAllowance, refuseBridgeRequest, sendRefusal } from '../src/lib/bridgeSafety.ts';

const { values } = parseArgs({ options: { lan: { type: 'boolean', default: false }, port: { type: 'string' }, dist: { type: 'string', default: 'dist' } } });
const distDir = resolve(values.dist);
const port = Number(values.port ?? process.env['PORT'] ?? 4321);
const listenHost = values.lan ? '0.0.0.0' : '127.0.0.1';

/** Only a header can forbid framing; the rest of the policy is the page's own <meta>. */
const headerOnlyDirectives = "frame-ancestors 'none'";

/** Each prerendered page's URL path and the policy in its <meta>, read once at start. */
function pagePolicies(clientDir: string): Map<string, string> {
  const policies = new Map<string, string>();
  for (const entry of readdirSync(clientDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(readFileSync(file, 'utf8'))?.[1];
    if (!policy) continue;
    const path = `/${relative(clientDir, file).split(sep).join('/')}`;
    policies.set(path.replace(/index\.html$/, ''), policy.replaceAll('&#39;', "'").replaceAll('&quot;', '"'));
  }
  return policies;
}

function policyFor(policies: Map<string, string>, url: string): string | undefined {
  const path = decodeURIComponent(new URL(url, 'http://course').pathname);
  return policies.get(path) ?? policies.get(`${path}/`) ?? policies.get(`${path}.html`);
}

// Keep the adapter from starting its own listener; this file listens instead.
process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
const { handler } = (await import(join(distDir, 'server', 'entry.mjs'))) as { handler: (request: IncomingMessage, response: ServerResponse) => void };
const policies = pagePolicies(join(distDir, 'client'));

const server = createServer((request, response) => {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'same-origin');
  if (request.url?.startsWith('/api/')) {
    const refusal = refuseBridgeRequest({ headers: request.headers, remoteAddress: request.socket.remoteAddress, localPort: request.socket.localPort });
    if (refusal) return sendRefusal(response, refusal);
    response.setHeader('Content-Security-Policy', bridgeResponsePolicy);
  } else {
    let policy: string | undefined;
    try {
      policy = policyFor(policies, request.url ?? '/');
    } catch {
      policy = undefined; // a malformed path: the adapter answers it with 400
    }
    if (policy) response.setHeader('Content-Security-Policy', `${policy}; ${headerOnlyDirectives}`);
  }
  handler(request, response);
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
