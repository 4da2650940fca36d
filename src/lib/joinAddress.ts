/**
 * The address attendees open to join a session: a lesson's page on the public course site or on the
 * instructor's own machine (served with `npm start -- --lan`). An instructor may type that machine's
 * network address; it is read leniently (a bare `192.168.1.20:4321` is fine) and checked strictly.
 */

/** The classroom service's usual port: the only one a page on an attendee's own copy of the course may reach (see contentSecurityPolicy.ts). */
export const classroomPort = 4400;

/** Why a typed address cannot be a join address. */
export type JoinAddressProblem = 'not-an-address' | 'not-http';

/** A typed address read as an origin (`http://192.168.1.20:4321`), or why it cannot be one. */
export type TypedOrigin = { ok: true; origin: string } | { ok: false; problem: JoinAddressProblem };

/** Reads what an instructor typed as the origin attendees will reach; a missing scheme means http. Any path typed is dropped. */
export function typedOrigin(text: string): TypedOrigin {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problem: 'not-an-address' };
  const hasScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `http://${trimmed}`);
  } catch {
    return { ok: false, problem: 'not-an-address' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'not-http' };
  // The URL parser percent-encodes what no host name may hold (`not an address` becomes `not%20an%20address`).
  if (!/^(\[[\da-f:.]+\]|[a-z\d.-]+)$/i.test(url.hostname)) return { ok: false, problem: 'not-an-address' };
  return { ok: true, origin: url.origin };
}

/** The full address of a page (`/en/module-08/…/`) on an origin. */
export function joinAddress(origin: string, path: string): string {
  return new URL(path, origin).href;
}

/** Whether an origin names only the machine it is opened on (localhost, 127.x, [::1]): attendees could not open it. */
export function isLoopbackOrigin(origin: string): boolean {
  const { hostname } = new URL(origin);
  return hostname === 'localhost' || hostname.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(hostname) || hostname === '[::1]';
}

/** Why a page cannot reach a classroom: an https page and a plain-http classroom (mixed content), or a port its policy does not admit. */
export type ClassroomReachProblem = 'mixed-content' | 'port';

/**
 * Whether a page at `pageOrigin` can call a classroom at `classroomOrigin`. Its own origin always; else the
 * browser blocks http from an https page, and the page's policy admits plain http only on `classroomPort`.
 */
export function classroomReachProblem(pageOrigin: string, classroomOrigin: string): ClassroomReachProblem | undefined {
  if (pageOrigin === classroomOrigin) return undefined;
  const page = new URL(pageOrigin);
  const classroom = new URL(classroomOrigin);
  if (classroom.protocol === 'https:') return undefined;
  if (page.protocol === 'https:' && !isLoopbackOrigin(classroomOrigin)) return 'mixed-content';
  return classroom.port === String(classroomPort) ? undefined : 'port';
}
