/**
 * The built course as a Node request handler: prerendered pages and assets from the Node adapter's
 * entry, each page sent with the Content-Security-Policy its <meta> carries plus what only a header can
 * say (frame-ancestors). Used by `npm start`'s server and by the classroom service.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';

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

/** Loads the build in `distDir`: `astroHandler` answers everything the adapter serves (pages, assets, /api); `pages` adds the security headers first. */
export async function loadCourse(distDir: string): Promise<{ astroHandler: NodeHandler; pages: NodeHandler }> {
  // Keep the adapter from starting its own listener: the caller listens instead.
  process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
  const { handler } = (await import(join(distDir, 'server', 'entry.mjs'))) as { handler: NodeHandler };
  const policies = pagePolicies(join(distDir, 'client'));
  const pages: NodeHandler = (request, response) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'same-origin');
    const policy = policyFor(policies, request.url ?? '/');
    if (policy) response.setHeader('Content-Security-Policy', `${policy}; ${headerOnlyDirectives}`);
    handler(request, response);
  };
  return { astroHandler: handler, pages };
}
