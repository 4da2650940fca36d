/**
 * /api/bridge/* — a pass-through to the learner's chosen endpoint (named in the X-Course-Endpoint header),
 * for servers a page cannot call itself (Foundry Local sends no CORS headers). Forwards only model-server
 * calls, streams the response through as it arrives. The server has already checked who is asking
 * (src/lib/bridgeSafety.ts `refuseBridgeRequest`, run by scripts/serve-course.ts and in dev by astro.config.mjs).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { APIRoute } from 'astro';
import { allowedLanHosts, bridgeRefusal, checkTarget, isModelServerRequest, keyMayTravel, maxBodyBytes, tooLargeRefusal, upstreamUnreachable } from '../../../lib/bridgeSafety';
import { readStream } from '../../../lib/bytes';

/** Rendered on demand: this is the bridge, not a page. */
export const prerender = false;

const upstreamTimeoutMs = 10 * 60 * 1000;
/** LAN endpoints the person running the course allowed, fixed when the server starts. */
const lanAllowance = allowedLanHosts(process.env['COURSE_BRIDGE_ALLOW']);
/** Statuses whose response has no body: a Response built with one would throw. */
const bodylessStatuses = new Set([101, 204, 205, 304]);

/**
 * The request body, never kept past the cap (a chunked body has no Content-Length to check). An oversized
 * one is still read to its end, up to a bound, so the sender gets to read the 413 instead of a broken pipe.
 */
function cappedBody(request: Request): Promise<ArrayBuffer | 'too-large'> {
  return request.body ? readStream(request.body, { maxBytes: maxBodyBytes, drainUpTo: 16 * maxBodyBytes }) : Promise.resolve(new ArrayBuffer(0));
}

const forwardedRequestHeaders = ['content-type', 'authorization', 'accept'];
const forwardedResponseHeaders = ['content-type', 'cache-control'];

/** Sends the request upstream with node:http, which costs about a millisecond less per request than fetch. */
function forward(target: URL, method: string, headers: Record<string, string>, body: ArrayBuffer | null, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(target, { method, headers: body ? { ...headers, 'content-length': String(body.byteLength) } : headers, signal }, resolve);
    outgoing.on('error', reject);
    outgoing.end(body ? Buffer.from(body) : undefined);
  });
}

/** Forwards one model-server call to the chosen endpoint and streams its answer back. */
export const ALL: APIRoute = async ({ request, params }) => {
  const endpoint = request.headers.get('x-course-endpoint') ?? '';
  const verdict = checkTarget(endpoint, lanAllowance);
  if (!verdict.allowed)
    return bridgeRefusal(403, `The bridge only forwards to this machine (loopback); "${endpoint}" is not allowed. To share a LAN endpoint, start the course with COURSE_BRIDGE_ALLOW=host:port.`);
  // Built first, then checked: the URL parser has resolved any `..` by then.
  const target = new URL(`${new URL(endpoint).origin}/${params['path'] ?? ''}${new URL(request.url).search}`);
  if (!isModelServerRequest(request.method, target.pathname))
    return bridgeRefusal(404, `The bridge forwards model-server calls only (/v1/…, Foundry Local's status and models); not ${request.method} ${target.pathname}.`);
  if (request.headers.has('authorization') && !keyMayTravel(target, verdict.lan))
    return bridgeRefusal(403, `Your key would travel unencrypted to ${target.host}. Use https, or allow it with COURSE_BRIDGE_ALLOW=http://${target.host} if this network is yours.`);
  const headers: Record<string, string> = {};
  for (const name of forwardedRequestHeaders) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await cappedBody(request);
  if (body === 'too-large') return tooLargeRefusal();
  let upstream: IncomingMessage;
  try {
    // Sent whole, with a length: faster than a chunked stream for a few kilobytes of chat.
    upstream = await forward(target, request.method, headers, body, AbortSignal.any([request.signal, AbortSignal.timeout(upstreamTimeoutMs)]));
  } catch (error) {
    return upstreamUnreachable(endpoint, error);
  }
  const responseHeaders = new Headers({ 'X-Accel-Buffering': 'no' });
  for (const name of forwardedResponseHeaders) {
    const value = upstream.headers[name];
    if (typeof value === 'string') responseHeaders.set(name, value);
  }
  const status = upstream.statusCode ?? 502;
  if (bodylessStatuses.has(status)) {
    upstream.resume();
    return new Response(null, { status, headers: responseHeaders });
  }
  return new Response(Readable.toWeb(upstream) as ReadableStream<Uint8Array>, { status, headers: responseHeaders });
};
