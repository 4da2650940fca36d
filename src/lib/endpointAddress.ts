/**
 * The address of a model server as a learner types it, turned into the plain origin every endpoint demo
 * uses: `127.0.0.1:5273` gets its `http://`, a trailing `/v1` or slash goes. The origin may go into a
 * command the learner copies (Open WebUI's `docker run`), and the URL parser keeps `$( )`, backticks, `&`
 * and `"` in host names (`new URL('http://a$(id)b:5273').host`), so the host must be an IPv4 address, a
 * bracketed IPv6 address or DNS labels of letters, digits and hyphens; anything else is refused with a
 * reason the learner can act on.
 */

/** What can be wrong with a typed address, each with its own message (`address.<problem>`). */
export const addressProblems = ['not-an-address', 'not-http', 'has-credentials', 'has-path', 'unsafe-host'] as const;
/** One of `addressProblems`. */
export type AddressProblem = (typeof addressProblems)[number];

/** A usable endpoint address: its origin (scheme, host, port) and its port, given or the scheme's default. */
export interface EndpointAddress {
  origin: string;
  port: string;
}

/** An address refused, and why. */
export interface AddressRefusal {
  problem: AddressProblem;
}

const ipv4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const bracketedIpv6 = /^\[[0-9a-f:]+\]$/;
const dnsLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const defaultPorts: Record<string, string> = { 'http:': '80', 'https:': '443' };

function isPlainHost(hostname: string): boolean {
  return ipv4.test(hostname) || bracketedIpv6.test(hostname) || (hostname.length <= 253 && hostname.split('.').every((label) => dnsLabel.test(label)));
}

/** What keeps a parsed URL's origin out of a command, if anything: its scheme, credentials or host (the parser has already lower-cased and punycoded it). */
export function originProblem(url: URL): AddressProblem | undefined {
  if (!Object.hasOwn(defaultPorts, url.protocol)) return 'not-http';
  if (url.username || url.password) return 'has-credentials';
  return isPlainHost(url.hostname) ? undefined : 'unsafe-host';
}

/** The typed `text` as an endpoint's origin, `http://` added when it names no scheme and a trailing `/v1` dropped; or why it is not one. */
export function endpointAddress(text: string): EndpointAddress | AddressRefusal {
  const trimmed = text.trim().replace(/(?:\/+v1)?\/*$/i, '');
  // Browsers' URL parsers differ on spaces in a host (Chromium accepts some): none belongs in an address.
  if (trimmed === '' || /\s/.test(trimmed)) return { problem: 'not-an-address' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    return { problem: 'not-an-address' };
  }
  const problem = originProblem(url) ?? (url.pathname !== '/' || url.search || url.hash ? 'has-path' : undefined);
  return problem ? { problem } : { origin: url.origin, port: url.port || defaultPorts[url.protocol]! };
}
