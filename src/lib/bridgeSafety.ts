/**
 * The local bridge's safety rules. It runs on the learner's machine and can reach their model server, so a
 * request is served only when it comes from this computer (the client's address is loopback), names this
 * server as its Host on the port it was received on (a DNS-rebinding page cannot), and is not sent by
 * another site's page (`Sec-Fetch-Site`, and `Origin` when present). It forwards only the model-server
 * paths and methods the course uses, and only to loopback — or to a LAN endpoint the person running the
 * course named in COURSE_BRIDGE_ALLOW (an instructor's shared endpoint).
 */

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Whether a URL's hostname names this computer. */
export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname);
}

/** Whether a socket's remote address is this computer: 127.0.0.0/8 or ::1, also IPv4-mapped. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.toLowerCase().replace(/^::ffff:/, '');
  return plain === '::1' || /^127(\.\d{1,3}){3}$/.test(plain);
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

/**
 * Whether `Sec-Fetch-Site` allows the request: absent (not a browser, or one too old to send it), the
 * page's own origin, or typed by the learner. `same-site` is refused too: another port of localhost is
 * same-site, and any program may serve a page there.
 */
export function isOwnFetchSite(secFetchSite: string | null): boolean {
  return secFetchSite === null || secFetchSite === 'same-origin' || secFetchSite === 'none';
}

/** An endpoint the operator allowed on the LAN: host and port, and whether plain http may carry a key. */
export interface LanEntry {
  /** Lower-case hostname; IPv6 in brackets. */
  host: string;
  port: number;
  /** The entry said `http://`: the operator accepts that a key travels unencrypted to this host. */
  httpExplicit: boolean;
  /** The entry said `https://`: only https is forwarded. */
  httpsOnly: boolean;
}

/** What COURSE_BRIDGE_ALLOW says: the entries it allows, and the ones it could not read, with why. */
export interface LanAllowance {
  entries: LanEntry[];
  problems: string[];
}

/** The port a URL really uses: the URL parser drops 80 and 443, so they are put back. */
function effectivePort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** Reads COURSE_BRIDGE_ALLOW: comma-separated `host:port`, `http://host:port` or `https://host:port`; an entry must name a port. */
export function allowedLanHosts(setting: string | undefined): LanAllowance {
  const allowance: LanAllowance = { entries: [], problems: [] };
  for (const raw of (setting ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)) {
    const scheme = /^(https?):\/\//i.exec(raw)?.[1]?.toLowerCase();
    let url: URL;
    try {
      url = new URL(scheme ? raw : `http://${raw}`);
    } catch {
      allowance.problems.push(`"${raw}" is not a host:port`);
      continue;
    }
    const hasPort = url.port !== '' || /:\d+\/?$/.test(raw);
    if (!hasPort) allowance.problems.push(`"${raw}" names no port (write host:port, e.g. 192.168.1.20:5273)`);
    else if (url.pathname !== '/' || url.search || url.username || url.password) allowance.problems.push(`"${raw}" has more than a host and a port`);
    else allowance.entries.push({ host: url.hostname, port: effectivePort(url), httpExplicit: scheme === 'http', httpsOnly: scheme === 'https' });
  }
  return allowance;
}

/** The LAN entry that allows `url`, if any. */
function lanEntryFor(url: URL, allowance: LanAllowance): LanEntry | undefined {
  return allowance.entries.find(
    (entry) => entry.host === url.hostname && entry.port === effectivePort(url) && !(entry.httpsOnly && url.protocol !== 'https:'),
  );
}

/** Where the bridge may forward: loopback, or a LAN endpoint with the entry that allows it. */
export type TargetVerdict = { allowed: false } | { allowed: true; lan: LanEntry | undefined };

/** Whether the bridge may forward to `target`: http(s) on loopback, or a host and port the operator allowed. */
export function checkTarget(target: string, allowance: LanAllowance = { entries: [], problems: [] }): TargetVerdict {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { allowed: false };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { allowed: false };
  if (url.username || url.password) return { allowed: false };
  if (loopbackHosts.has(url.hostname)) return { allowed: true, lan: undefined };
  const lan = lanEntryFor(url, allowance);
  return lan ? { allowed: true, lan } : { allowed: false };
}

/** Whether the bridge may forward to `target` at all (see `checkTarget`). */
export function isAllowedTarget(target: string, allowance?: LanAllowance): boolean {
  return checkTarget(target, allowance).allowed;
}

/** A key may go to a LAN host over plain http only when the operator's entry says `http://` explicitly. */
export function keyMayTravel(target: URL, lan: LanEntry | undefined): boolean {
  return lan === undefined || target.protocol === 'https:' || lan.httpExplicit;
}

/**
 * The model-server requests the bridge forwards, by method and path: the OpenAI API the demos call, and
 * Foundry Local's own status, catalogue and load routes (gen-1 under /openai and /foundry, gen-2 at the root).
 */
const modelServerRoutes: { method: 'GET' | 'POST'; path: RegExp }[] = [
  { method: 'GET', path: /^\/v1\/models(\/[^/]+)?$/ },
  { method: 'POST', path: /^\/v1\/(chat\/completions|completions|embeddings|responses)$/ },
  { method: 'GET', path: /^\/openai\/(status|models|loadedmodels)$/ },
  { method: 'GET', path: /^\/openai\/(load|unload)\/[^/]+$/ },
  { method: 'POST', path: /^\/openai\/download$/ },
  { method: 'GET', path: /^\/foundry\/list$/ },
  { method: 'GET', path: /^\/status$/ },
  { method: 'GET', path: /^\/models\/loaded$/ },
  { method: 'GET', path: /^\/models\/(load|unload)\/[^/]+$/ },
];

/** Whether `method` on `pathname` (already normalised by the URL parser, so no `..`) is a model-server call. */
export function isModelServerRequest(method: string, pathname: string): boolean {
  return modelServerRoutes.some((route) => route.method === method && route.path.test(pathname));
}

/**
 * The path a request will be routed by, as the router sees it: percent-decoding repeated until nothing
 * changes (the router decodes too, so `/%61pi/…` is `/api/…`), backslashes as slashes, runs of slashes
 * collapsed (`//api` is no host here) and dot segments resolved. Undefined when it does not decode.
 */
export function routedPath(rawUrl: string): string | undefined {
  let path = rawUrl.split(/[?#]/)[0] ?? '';
  for (let round = 0; round < 5; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return undefined;
    }
    if (decoded === path) break;
    path = decoded;
  }
  if (/%[0-9a-f]{2}/i.test(path)) return undefined; // still encoded after five rounds: nobody sends that in good faith
  return new URL(`/${path.replace(/\\/g, '/').replace(/^\/+/, '')}`.replace(/\/{2,}/g, '/'), 'http://course').pathname;
}

/** Whether a routed path (see `routedPath`) is the bridge's: `/api` and below, in any letter case. */
export function isBridgePath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower === '/api' || lower.startsWith('/api/');
}

/** The largest request body the bridge forwards: chat requests are a few kilobytes. */
export const maxBodyBytes = 1024 * 1024;

/** What the guard needs to know about an incoming request to /api/*. */
export interface IncomingBridgeRequest {
  headers: Record<string, string | string[] | undefined>;
  /** The client's address, as the socket reports it. */
  remoteAddress: string | undefined;
  /** The port the connection arrived on: the server's own port, wherever it ended up listening. */
  localPort: number | undefined;
}

/** Why a request to the bridge is refused: the status and the message the learner's page will show. */
export interface BridgeRefusalReason {
  status: number;
  message: string;
}

function header(request: IncomingBridgeRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' ? value : null;
}

/** Checks a request to /api/* before anything else runs: who sent it, to whom, from which page, how big. */
export function refuseBridgeRequest(request: IncomingBridgeRequest): BridgeRefusalReason | undefined {
  if (!isLoopbackAddress(request.remoteAddress)) return { status: 403, message: 'The course bridge only answers this computer.' };
  const host = header(request, 'host');
  if (!isOwnHost(host, request.localPort ?? -1)) return { status: 421, message: `Requests to the course bridge must be addressed to this machine, not "${host}".` };
  if (!isOwnFetchSite(header(request, 'sec-fetch-site')) || !isOwnOrigin(header(request, 'origin'), host))
    return { status: 403, message: 'The course bridge only answers the course’s own pages.' };
  if (Number(header(request, 'content-length') ?? 0) > maxBodyBytes) return { status: 413, message: tooLargeMessage };
  return undefined;
}

const tooLargeMessage = 'Request too large for the course bridge (1 MB at most).';

/** An error from the bridge itself, shaped like an OpenAI error so the `openai` SDK reads its message. */
function bridgeErrorBody(type: 'bridge_refused' | 'bridge_unreachable', message: string): string {
  return JSON.stringify({ error: { message, type } });
}

/** The bridge's JSON is never a document: it may load nothing and be framed by nobody. */
export const bridgeResponsePolicy = "default-src 'none'; frame-ancestors 'none'";

/** Answers a refused request on a Node response (the server's and the dev server's guard); the connection closes. */
export function sendRefusal(response: { writeHead(status: number, headers: Record<string, string>): unknown; end(body: string): unknown }, reason: BridgeRefusalReason): void {
  response.writeHead(reason.status, { 'Content-Type': 'application/json', 'Content-Security-Policy': bridgeResponsePolicy, Connection: 'close' });
  response.end(bridgeErrorBody('bridge_refused', reason.message));
}

/** The bridge's refusal of a request it does not serve. */
export function bridgeRefusal(status: number, message: string, headers: HeadersInit = {}): Response {
  return new Response(bridgeErrorBody('bridge_refused', message), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** The bridge's answer when nothing answered at the endpoint it forwarded to. */
export function upstreamUnreachable(endpoint: string, error: unknown): Response {
  return new Response(bridgeErrorBody('bridge_unreachable', `Nothing answered at ${endpoint}: ${String(error)}`), { status: 502, headers: { 'Content-Type': 'application/json' } });
}

/**
 * The refusal of a body over `maxBodyBytes`. The rest of that body is never read, so the connection
 * closes: a client reusing it would find its next request reset.
 */
export function tooLargeRefusal(): Response {
  return bridgeRefusal(413, tooLargeMessage, { Connection: 'close' });
}

/** A line for the server's start-up log: what the bridge forwards to. */
export function describeAllowance(allowance: LanAllowance): string[] {
  const lines = ['Course bridge: forwards to model servers on this computer (loopback)'];
  for (const entry of allowance.entries)
    lines.push(`  and to ${entry.host}:${entry.port} on the LAN${entry.httpExplicit ? ' (over http, keys included: the entry says http://)' : entry.httpsOnly ? ' (https only)' : ' (keys only over https)'}`);
  for (const problem of allowance.problems) lines.push(`  COURSE_BRIDGE_ALLOW: ignored ${problem}`);
  return lines;
}
