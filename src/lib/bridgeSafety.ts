/**
 * The local bridge's safety rules. It runs on the learner's machine and can reach their model server, so:
 * requests must name this site as their Host (a DNS-rebinding page cannot), must not come from another
 * site's page (a cross-site request carries a foreign Origin), and may only be forwarded to loopback
 * addresses unless the person running the server allowed a LAN address (an instructor's shared endpoint).
 */

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Whether a URL's hostname names this computer. */
export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname);
}

function hostnameOf(hostHeader: string): string {
  return hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0]!;
}

/** The Host header names this server itself: a loopback name on the port it listens on. */
export function isOwnHost(hostHeader: string | null, port: number): boolean {
  if (!hostHeader) return false;
  const hostname = hostnameOf(hostHeader.toLowerCase());
  const portPart = hostHeader.slice(hostname.length);
  return loopbackHosts.has(hostname) && (portPart === `:${port}` || (portPart === '' && port === 80));
}

/** No Origin (same-origin GETs, curl) or this server's own origin. */
export function isOwnOrigin(originHeader: string | null, hostHeader: string | null): boolean {
  if (originHeader === null) return true;
  try {
    return new URL(originHeader).host === hostHeader;
  } catch {
    return false;
  }
}

/** Whether the bridge may forward to `target`: http(s) on loopback, or a host the operator allowed. */
export function isAllowedTarget(target: string, allowedLanHosts: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  return loopbackHosts.has(url.hostname) || allowedLanHosts.includes(url.host) || allowedLanHosts.includes(url.hostname);
}

/** The operator's allowed LAN hosts, from COURSE_BRIDGE_ALLOW (comma-separated `host` or `host:port`). */
export function allowedLanHosts(setting: string | undefined): string[] {
  return (setting ?? '').split(',').map((host) => host.trim()).filter(Boolean);
}

/** The largest request body the bridge forwards: chat requests are a few kilobytes. */
export const maxBodyBytes = 1024 * 1024;

/** An error from the bridge itself, shaped like an OpenAI error so the `openai` SDK reads its message. */
function bridgeError(type: 'bridge_refused' | 'bridge_unreachable', status: number, message: string, headers: HeadersInit = {}): Response {
  return Response.json({ error: { message, type } }, { status, headers });
}

/** The bridge's refusal of a request it does not serve. */
export function bridgeRefusal(status: number, message: string, headers: HeadersInit = {}): Response {
  return bridgeError('bridge_refused', status, message, headers);
}

/** The bridge's answer when nothing answered at the endpoint it forwarded to. */
export function upstreamUnreachable(endpoint: string, error: unknown): Response {
  return bridgeError('bridge_unreachable', 502, `Nothing answered at ${endpoint}: ${String(error)}`);
}

/**
 * The refusal of a body over `maxBodyBytes`. The rest of that body is never read, so the connection
 * closes: a client reusing it would find its next request reset.
 */
export function tooLargeRefusal(): Response {
  return bridgeRefusal(413, 'Request too large for the course bridge (1 MB at most).', { Connection: 'close' });
}
