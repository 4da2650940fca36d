import { describe, expect, it } from 'vitest';
import { RateLimiter, hasInstructorToken, routeClassroomRequest, type IncomingClassroomRequest } from '../../src/lib/classroomGuard';
import { checkJoin, checkSnapshot, cleanLine, maxNoteLength, type Shares } from '../../src/lib/classroomProtocol';

const everything: Shares = { tasks: true, preflight: true, quizzes: true, parts: true };
const ticksOnly: Shares = { tasks: true, preflight: false, quizzes: false, parts: false };

describe('what an attendee may send', () => {
  it('joins with a code (case-insensitive), a cleaned name or none, and a choice for every kind', () => {
    expect(checkJoin({ code: ' abc234 ', name: '  Ana\u202e\u0007  María ', shares: everything })).toEqual({ ok: true, value: { code: 'ABC234', name: 'Ana María', shares: everything } });
    expect(checkJoin({ code: 'ABC234', name: null, shares: ticksOnly })).toMatchObject({ ok: true, value: { name: null } });
    expect(checkJoin({ code: 'ABC234', name: '   ', shares: ticksOnly })).toMatchObject({ ok: true, value: { name: null } });
    expect(checkJoin({ code: 'ABC234', name: 'x'.repeat(41), shares: ticksOnly })).toEqual({ ok: false, problem: 'too-long' });
    expect(checkJoin({ code: 'ABC234', name: null, shares: { tasks: true } })).toEqual({ ok: false, problem: 'bad-shape' });
    expect(checkJoin({ code: 'ABC234', name: null, shares: { ...everything, prompts: true } })).toEqual({ ok: false, problem: 'bad-shape' });
    expect(checkJoin({ code: 7, name: null, shares: everything })).toEqual({ ok: false, problem: 'bad-shape' });
  });

  it('accepts the four kinds, well formed', () => {
    const snapshot = {
      tasks: ['module-08/04#compare-slm-llm', 'module-08/04#compare-slm-llm'],
      preflight: { webgpu: 'passed', docker: 'failed' },
      quizzes: { 'module-08/04#port-moves': ['new-port'] },
      parts: { 'module-08/04#part-1': { state: 'done' }, 'module-08/04#part-2': { state: 'stuck', note: ' which\nport? ', asked: 1733000000000 } },
    };
    expect(checkSnapshot(snapshot, everything)).toEqual({
      ok: true,
      value: { ...snapshot, tasks: ['module-08/04#compare-slm-llm'], parts: { ...snapshot.parts, 'module-08/04#part-2': { state: 'stuck', note: 'which port?', asked: 1733000000000 } } },
    });
  });

  it('refuses a kind the attendee did not turn on, and anything that is not one of the four', () => {
    expect(checkSnapshot({ quizzes: {} }, ticksOnly)).toEqual({ ok: false, problem: 'not-shared' });
    expect(checkSnapshot({ tasks: [], prompt: 'my secret question' }, ticksOnly)).toEqual({ ok: false, problem: 'bad-shape' });
    expect(checkSnapshot({ tasks: [], endpoint: 'http://127.0.0.1:5273' }, everything)).toEqual({ ok: false, problem: 'bad-shape' });
  });

  it('refuses malformed values: markup or spaces in ids, unknown checks or states, extra fields, long notes', () => {
    expect(checkSnapshot({ tasks: ['<img src=x onerror=alert(1)>'] }, everything).ok).toBe(false);
    expect(checkSnapshot({ tasks: 'a#b' }, everything).ok).toBe(false);
    expect(checkSnapshot({ tasks: Array.from({ length: 201 }, (_, i) => `l#t${i}`) }, everything).ok).toBe(false);
    expect(checkSnapshot({ preflight: { 'api-key': 'passed' } }, everything).ok).toBe(false);
    expect(checkSnapshot({ preflight: { webgpu: 'great' } }, everything).ok).toBe(false);
    expect(checkSnapshot({ quizzes: { 'l#q': 'a' } }, everything).ok).toBe(false);
    expect(checkSnapshot({ parts: { 'l#p': { state: 'done', note: 'sneaky' } } }, everything).ok).toBe(false);
    expect(checkSnapshot({ parts: { 'l#p': { state: 'stuck', note: 'x' } } }, everything).ok).toBe(false);
    expect(checkSnapshot({ parts: { 'l#p': { state: 'stuck', note: 'x'.repeat(maxNoteLength + 1), asked: 1 } } }, everything)).toEqual({ ok: false, problem: 'too-long' });
    expect(checkSnapshot([], everything).ok).toBe(false);
  });

  it('makes typed text one plain line', () => {
    expect(cleanLine('a\r\nb\t c\u200b\u2028d')).toBe('a b c d');
  });
});

function request(overrides: Partial<IncomingClassroomRequest> & { origin?: string; host?: string; authorization?: string }): IncomingClassroomRequest {
  const { origin, host = '127.0.0.1:4400', authorization, ...rest } = overrides;
  return {
    method: 'GET',
    path: '/classroom/v1/instructor/state',
    remoteAddress: '127.0.0.1',
    localPort: 4400,
    headers: { host, ...(origin ? { origin } : {}), ...(authorization ? { authorization } : {}) },
    ...rest,
  };
}

describe('the classroom service’s front door', () => {
  const token = 'instructor-secret-token';

  it('serves the instructor API to this computer addressed as itself', () => {
    expect(routeClassroomRequest(request({}), token)).toEqual({ kind: 'instructor', route: 'state' });
    expect(routeClassroomRequest(request({ method: 'POST', path: '/classroom/v1/instructor/end', origin: 'http://127.0.0.1:4400' }), token)).toEqual({ kind: 'instructor', route: 'end' });
  });

  it('refuses the instructor API from the LAN without the token, from another site, or under a rebound name', () => {
    const lan = request({ remoteAddress: '192.168.1.31', host: '192.168.1.20:4400' });
    expect(routeClassroomRequest(lan, token)).toMatchObject({ kind: 'refused', status: 403 });
    expect(routeClassroomRequest({ ...lan, headers: { ...lan.headers, authorization: 'Bearer wrong' } }, token)).toMatchObject({ kind: 'refused', status: 403 });
    expect(routeClassroomRequest(request({ origin: 'https://evil.example' }), token)).toMatchObject({ kind: 'refused', status: 403 });
    expect(routeClassroomRequest(request({ host: 'rebound.example:4400' }), token)).toMatchObject({ kind: 'refused', status: 403 });
  });

  it('serves the instructor API to a LAN device holding the token', () => {
    const lan = request({ remoteAddress: '192.168.1.31', host: '192.168.1.20:4400', authorization: `Bearer ${token}` });
    expect(routeClassroomRequest(lan, token)).toEqual({ kind: 'instructor', route: 'state' });
    expect(hasInstructorToken(`Bearer ${token}x`, token)).toBe(false);
    expect(hasInstructorToken(token, token)).toBe(false);
  });

  it('serves the attendee API to the course’s own pages and to an attendee’s own copy on localhost, with CORS for the latter', () => {
    const own = request({ method: 'POST', path: '/classroom/v1/join', remoteAddress: '192.168.1.31', host: '192.168.1.20:4400', origin: 'http://192.168.1.20:4400' });
    expect(routeClassroomRequest(own, token)).toEqual({ kind: 'attendee', route: 'join', cors: {} });
    const copy = { ...own, headers: { ...own.headers, origin: 'http://localhost:4321' } };
    expect(routeClassroomRequest(copy, token)).toMatchObject({ kind: 'attendee', route: 'join', cors: { 'Access-Control-Allow-Origin': 'http://localhost:4321' } });
    expect(routeClassroomRequest({ ...copy, method: 'OPTIONS' }, token)).toMatchObject({ kind: 'preflight' });
    const elsewhere = { ...own, headers: { ...own.headers, origin: 'https://evil.example' } };
    expect(routeClassroomRequest(elsewhere, token)).toMatchObject({ kind: 'refused', status: 403 });
  });

  it('never serves the course bridge, refuses unknown routes and methods, and keeps pages read-only', () => {
    expect(routeClassroomRequest(request({ path: '/api/endpoints' }), token)).toMatchObject({ kind: 'refused', status: 404 });
    expect(routeClassroomRequest(request({ path: '/api/bridge/v1/chat/completions', method: 'POST' }), token)).toMatchObject({ kind: 'refused', status: 404 });
    expect(routeClassroomRequest(request({ path: '/classroom/v1/instructor/drop-tables' }), token)).toMatchObject({ kind: 'refused', status: 404 });
    expect(routeClassroomRequest(request({ path: '/classroom/v1/everyone' }), token)).toMatchObject({ kind: 'refused', status: 404 });
    expect(routeClassroomRequest(request({ path: '/classroom/v1/me', method: 'PATCH' }), token)).toMatchObject({ kind: 'refused', status: 405 });
    expect(routeClassroomRequest(request({ path: '/en/', method: 'POST' }), token)).toMatchObject({ kind: 'refused', status: 405 });
    expect(routeClassroomRequest(request({ path: '/en/' }), token)).toEqual({ kind: 'page' });
  });
});

describe('the rate limiter', () => {
  it('allows a burst, then one per refill interval, per key', () => {
    const limiter = new RateLimiter(3, 1);
    expect([1, 2, 3, 4].map(() => limiter.take('a', 0))).toEqual([true, true, true, false]);
    expect(limiter.take('b', 0)).toBe(true);
    expect(limiter.take('a', 500)).toBe(false);
    expect(limiter.take('a', 1000)).toBe(true);
    expect(limiter.take('a', 1000)).toBe(false);
    expect([1, 2, 3, 4].map(() => limiter.take('a', 60_000))).toEqual([true, true, true, false]);
  });
});
