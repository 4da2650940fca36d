/**
 * The classroom service's front door. It listens on the LAN on purpose, so it decides first what a request
 * may reach: the course's pages (read-only, for attendees who open the course from the instructor's
 * machine); the attendee API (from those pages, or from an attendee's own `npm start` copy on their
 * localhost, which needs CORS); the instructor API (from this computer addressed as itself, or with the
 * instructor's token). The course bridge (/api) is never served here, and anything else is refused.
 */
import { timingSafeEqual } from 'node:crypto';
import { isBridgePath, isLoopbackAddress, isLoopbackHost, isOwnFetchSite, isOwnHost, isOwnOrigin } from './bridgeSafety.ts';
import { classroomApi } from './classroomProtocol.ts';

/** The attendee API's routes. */
export type AttendeeRoute = 'class' | 'join' | 'me';
/** The instructor API's routes. */
export type InstructorRoute = 'state' | 'events' | 'help' | 'end' | 'start';

/** Where a request goes, or why it goes nowhere. */
export type ClassroomRouting =
  | { kind: 'page' }
  | { kind: 'preflight'; cors: Record<string, string> }
  | { kind: 'attendee'; route: AttendeeRoute; cors: Record<string, string> }
  | { kind: 'instructor'; route: InstructorRoute }
  | { kind: 'refused'; status: number; message: string };

/** What the guard reads of a request. */
export interface IncomingClassroomRequest {
  method: string;
  /** The path as the router sees it (`routedPath`), without the query. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  remoteAddress: string | undefined;
  localPort: number | undefined;
}

const attendeeMethods: Record<AttendeeRoute, readonly string[]> = { class: ['GET'], join: ['POST'], me: ['GET', 'PUT', 'DELETE'] };
const instructorMethods: Record<InstructorRoute, readonly string[]> = { state: ['GET'], events: ['GET'], help: ['POST'], end: ['POST'], start: ['POST'] };

function header(request: IncomingClassroomRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' ? value : null;
}

/** An attendee's own copy of the course runs on their localhost: its origin may call the attendee API. */
function isAttendeeCopyOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}

function corsFor(origin: string | null): Record<string, string> {
  if (origin === null) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

/** The token an Authorization header carries (`Bearer …`), if any. */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  return /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
}

/** Whether two secrets are the same, in time that does not depend on where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return expected !== '' && a.length === b.length && timingSafeEqual(a, b);
}

/** Whether the Authorization header carries the instructor's token. */
export function hasInstructorToken(authorization: string | null, instructorToken: string): boolean {
  const given = bearerToken(authorization);
  return given !== undefined && sameSecret(given, instructorToken);
}

/** The instructor's own browser on this computer: loopback client, addressed as this machine, from this origin (by Origin and Sec-Fetch-Site). */
function isInstructorsComputer(request: IncomingClassroomRequest): boolean {
  const host = header(request, 'host');
  return isLoopbackAddress(request.remoteAddress) && isOwnHost(host, request.localPort ?? -1) && isOwnOrigin(header(request, 'origin'), host) && isOwnFetchSite(header(request, 'sec-fetch-site'));
}

/** Decides where a request to the classroom service goes. */
export function routeClassroomRequest(request: IncomingClassroomRequest, instructorToken: string): ClassroomRouting {
  const { method, path } = request;
  if (isBridgePath(path)) return { kind: 'refused', status: 404, message: 'The course bridge is not served to the classroom: each attendee’s bridge is on their own computer.' };
  if (!path.startsWith(`${classroomApi}/`)) {
    return method === 'GET' || method === 'HEAD' ? { kind: 'page' } : { kind: 'refused', status: 405, message: 'The course pages are read-only.' };
  }
  const route = path.slice(classroomApi.length + 1);
  if (route.startsWith('instructor/')) {
    const name = route.slice('instructor/'.length) as InstructorRoute;
    if (!Object.hasOwn(instructorMethods, name)) return { kind: 'refused', status: 404, message: 'No such classroom route.' };
    if (!isInstructorsComputer(request) && !hasInstructorToken(header(request, 'authorization'), instructorToken))
      return { kind: 'refused', status: 403, message: 'The class dashboard answers the instructor’s computer, or a device holding the instructor’s token.' };
    if (!instructorMethods[name].includes(method)) return { kind: 'refused', status: 405, message: `${method} is not served at ${path}.` };
    return { kind: 'instructor', route: name };
  }
  const name = route as AttendeeRoute;
  if (!Object.hasOwn(attendeeMethods, name)) return { kind: 'refused', status: 404, message: 'No such classroom route.' };
  const origin = header(request, 'origin');
  const sameOrigin = isOwnOrigin(origin, header(request, 'host'));
  if (!sameOrigin && !isAttendeeCopyOrigin(origin!)) return { kind: 'refused', status: 403, message: 'The classroom answers the course’s own pages only.' };
  const cors = sameOrigin ? {} : corsFor(origin);
  if (method === 'OPTIONS') return { kind: 'preflight', cors };
  if (!attendeeMethods[name].includes(method)) return { kind: 'refused', status: 405, message: `${method} is not served at ${path}.` };
  return { kind: 'attendee', route: name, cors };
}

/** A token bucket per key: `capacity` at once, refilled at `perSecond`; keys idle long enough to be full are forgotten. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly capacity: number;
  private readonly perSecond: number;

  constructor(capacity: number, perSecond: number) {
    this.capacity = capacity;
    this.perSecond = perSecond;
  }

  /** Whether `key` has a token left at `nowMs`, taking none. */
  has(key: string, nowMs: number): boolean {
    const bucket = this.buckets.get(key);
    return !bucket || bucket.tokens + ((nowMs - bucket.at) / 1000) * this.perSecond >= 1;
  }

  /** Takes one token for `key` at `nowMs`; false when the key has none left. */
  take(key: string, nowMs: number): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: nowMs };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((nowMs - bucket.at) / 1000) * this.perSecond);
    bucket.at = nowMs;
    if (this.buckets.size > 10_000) this.forgetFull(nowMs);
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      return false;
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    return true;
  }

  private forgetFull(nowMs: number) {
    for (const [key, bucket] of this.buckets) if (bucket.tokens + ((nowMs - bucket.at) / 1000) * this.perSecond >= this.capacity) this.buckets.delete(key);
  }
}
