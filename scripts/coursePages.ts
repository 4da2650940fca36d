/**
 * The built course as Node request handlers, each page sent with the Content-Security-Policy its <meta>
 * carries plus what only a header can say (frame-ancestors): `loadCourse` for `npm start` (the Node
 * adapter's entry: pages, assets and the bridge's on-demand routes), `staticCourse` for the classroom
 * (the prerendered files alone, so no on-demand route can be reached from the LAN, however a path is spelt).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import send from 'send';

/** A Node request handler. */
export type NodeHandler = (request: IncomingMessage, response: ServerResponse) => void;

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
  try {
    const path = decodeURIComponent(new URL(url, 'http://course').pathname);
    return policies.get(path) ?? policies.get(`${path}/`) ?? policies.get(`${path}.html`);
  } catch {
    return undefined; // a malformed path: the adapter answers it with 400
  }
}

/** Wraps a handler so every answer carries the security headers, and each page its policy. */
function withSecurityHeaders(clientDir: string, handler: NodeHandler): NodeHandler {
  const policies = pagePolicies(clientDir);
  return (request, response) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'same-origin');
    const policy = policyFor(policies, request.url ?? '/');
    if (policy) response.setHeader('Content-Security-Policy', `${policy}; ${headerOnlyDirectives}`);
    handler(request, response);
  };
}

/** Loads the build in `distDir`: `astroHandler` answers everything the adapter serves (pages, assets, /api); `pages` adds the security headers first. */
export async function loadCourse(distDir: string): Promise<{ astroHandler: NodeHandler; pages: NodeHandler }> {
  // Keep the adapter from starting its own listener: the caller listens instead.
  process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
  const { handler } = (await import(join(distDir, 'server', 'entry.mjs'))) as { handler: NodeHandler };
  return { astroHandler: handler, pages: withSecurityHeaders(join(distDir, 'client'), handler) };
}

/** The prerendered course in `distDir` as files (`send` resolves paths inside the folder, types and ranges), the 404 page for what is not there. */
export function staticCourse(distDir: string): NodeHandler {
  const clientDir = join(distDir, 'client');
  const notFound = readFileSync(join(clientDir, '404.html'));
  return withSecurityHeaders(clientDir, (request, response) => {
    // `send` takes a path: the query (`?v=<hash>` on models and samples) is not part of the file's name.
    send(request, new URL(request.url ?? '/', 'http://course').pathname, { root: clientDir, index: ['index.html'], dotfiles: 'deny' })
      .on('error', (error: { status?: number }) => {
        response.statusCode = error.status === 404 ? 404 : (error.status ?? 500);
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.end(response.statusCode === 404 ? notFound : '');
      })
      .pipe(response);
  });
}
