import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClassroomEvent, Shares } from '../../src/lib/classroomProtocol';
import { ClassroomService } from '../../src/lib/classroomService';
import { ClassroomStore } from '../../src/lib/classroomStore';
import { classExportFormat } from '../../src/lib/classroomSummary';
import { sseEvents } from '../../src/lib/sseFrames';

const everything: Shares = { tasks: true, preflight: true, quizzes: true, parts: true };
const layout = { parts: ['l#a'], tasks: ['l#t'], quizzes: [{ key: 'l#q', options: ['x', 'y'] }] };

let server: Server;
let service: ClassroomService;
let base: string;
/** The service's clock, moved on by the tests that wait out a limit. */
let clock = Date.UTC(2026, 11, 1, 9);

beforeEach(async () => {
  service = new ClassroomService({ store: new ClassroomStore(':memory:'), layout, joinOrigins: ['http://192.168.1.20:4400'], now: () => new Date(clock) });
  service.ensureClass();
  server = createServer((request, response) => service.handle(request, response, (_request, page) => page.end('a page')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  service.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function state() {
  return (await (await fetch(`${base}/classroom/v1/instructor/state`)).json()) as { open: boolean; state: { code: string; attendees: { name: string | null; state: unknown }[]; help: unknown[] } };
}

/** Sends one request line as written (fetch would tidy the path first) and returns the status line. */
async function rawRequest(line: string): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(`${line}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer.split('\r\n')[0]!));
    socket.on('error', reject);
  });
}

async function join(code: string, name: string | null = 'Ana', shares = everything) {
  return fetch(`${base}/classroom/v1/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, name, shares }) });
}

const send = (token: string, body: unknown) => fetch(`${base}/classroom/v1/me`, { method: 'PUT', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

/** Reads the dashboard's event stream until `count` events came. */
async function listen(count: number): Promise<{ events: ClassroomEvent[]; ready: Promise<void> }> {
  const events: ClassroomEvent[] = [];
  const response = await fetch(`${base}/classroom/v1/instructor/events`);
  const ready = (async () => {
    for await (const data of sseEvents(response.body!)) {
      events.push(JSON.parse(data) as ClassroomEvent);
      if (events.length === count) break;
    }
  })();
  return { events, ready };
}

describe('the classroom service', () => {
  it('joins with the right code only, and slows down guessing', async () => {
    const { state: klass } = await state();
    expect((await join('WRONG1')).status).toBe(403);
    expect(await (await join('WRONG2')).json()).toEqual({ error: 'wrong-code' });
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await join(`WRONG${i}`)).status);
    expect(statuses.at(-1)).toBe(429);
    // Out of tries, even the right code waits: guessing cannot go faster than the limit.
    expect((await join(klass.code)).status).toBe(429);
    clock += 60_000;
    const joined = await join(klass.code.toLowerCase());
    expect(joined.status).toBe(201);
    expect((await joined.json()) as object).toMatchObject({ token: expect.any(String), attendee: { name: 'Ana' } });
  });

  it('tells the dashboard of each change as it is stored, in order', async () => {
    const { state: klass } = await state();
    const { events, ready } = await listen(3);
    const { token } = (await (await join(klass.code)).json()) as { token: string };
    const first = (await (await send(token, { tasks: ['l#t'] })).json()) as { seq: number };
    const second = (await (await send(token, { tasks: ['l#t'], parts: { 'l#a': { state: 'stuck', note: '<b>help</b>', asked: 1 } } })).json()) as { seq: number };
    await ready;
    expect(events.map((event) => event.kind)).toEqual(['attendee', 'attendee', 'attendee']);
    expect(events.map((event) => event.seq)).toEqual([first.seq - 1, first.seq, second.seq]);
    expect(events[2]).toMatchObject({ help: [{ part: 'l#a', note: '<b>help</b>' }] });
  });

  it('refuses what an attendee did not agree to share, bodies over the cap, and writes faster than the limit', async () => {
    const { state: klass } = await state();
    const { token } = (await (await join(klass.code, null, { tasks: true, preflight: false, quizzes: false, parts: false })).json()) as { token: string };
    expect((await send(token, { quizzes: { 'l#q': ['x'] } })).status).toBe(400);
    expect((await send(token, { tasks: Array.from({ length: 200 }, (_, i) => `${i}`.padEnd(119, 'x')) })).status).toBe(413);
    const statuses = await Promise.all(Array.from({ length: 30 }, () => send(token, { tasks: [] }).then((response) => response.status)));
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect((await send('not-a-token', { tasks: [] })).status).toBe(401);
  });

  it('answers a resolved request for help on the attendee’s next write', async () => {
    const { state: klass } = await state();
    const { token, attendee } = (await (await join(klass.code)).json()) as { token: string; attendee: { id: string } };
    await send(token, { parts: { 'l#a': { state: 'stuck', note: '', asked: 5 } } });
    const resolve = await fetch(`${base}/classroom/v1/instructor/help`, { method: 'POST', body: JSON.stringify({ attendeeId: attendee.id, part: 'l#a', action: 'resolve' }) });
    expect(await resolve.json()).toEqual({ help: [] });
    expect(await (await send(token, { parts: { 'l#a': { state: 'stuck', note: '', asked: 5 } } })).json()).toMatchObject({ resolved: [{ part: 'l#a', asked: 5 }] });
  });

  it('deletes an attendee who leaves', async () => {
    const { state: klass } = await state();
    const { token } = (await (await join(klass.code)).json()) as { token: string };
    await send(token, { tasks: ['l#t'] });
    expect((await fetch(`${base}/classroom/v1/me`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } })).status).toBe(204);
    expect((await send(token, { tasks: [] })).status).toBe(401);
    expect((await state()).state.attendees).toEqual([]);
  });

  it('ends a class with its export, then keeps nothing', async () => {
    const { state: klass } = await state();
    const { token } = (await (await join(klass.code, '=HYPERLINK("x")')).json()) as { token: string };
    await send(token, { tasks: ['l#t'], quizzes: { 'l#q': ['y'] } });
    const ended = (await (await fetch(`${base}/classroom/v1/instructor/end`, { method: 'POST', body: JSON.stringify({ anonymous: 'Anonymous' }) })).json()) as { json: string; csv: string };
    expect(JSON.parse(ended.json)).toMatchObject({ format: classExportFormat, code: klass.code, summary: { attendees: 1, tasks: { 'l#t': { done: 1, notYet: 0 } }, quizzes: { 'l#q': { answered: 1, chosen: { x: 0, y: 1 } } } } });
    expect(ended.csv).toContain(`"'=HYPERLINK(""x"")",task,l#t,done`);
    expect(await state()).toEqual({ open: false });
    expect((await send(token, { tasks: [] })).status).toBe(401);
    expect((await join(klass.code)).status).toBe(409);
  });

  it('serves pages, and never the bridge, however its path is spelt', async () => {
    expect(await (await fetch(`${base}/en/`)).text()).toBe('a page');
    for (const path of ['/api/endpoints', '/%61pi/preflight', '/%2561pi/endpoints', '/en/%2e%2e/api/endpoints', '/API/endpoints']) expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    expect(await rawRequest('GET //api/bridge/v1/models HTTP/1.1')).toMatch(/^HTTP\/1\.1 404/);
  });

  it('survives odd paths: one a URL parser rejects goes to the pages, one that does not decode gets 400', async () => {
    expect(await rawRequest('GET //[ HTTP/1.1')).toMatch(/^HTTP\/1\.1 200/);
    expect(await rawRequest('GET /%E0%A4%A HTTP/1.1')).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${base}/en/`)).status).toBe(200);
  });

  it('closes the dashboards’ streams when the class ends, so an old token hears nothing of the next class', async () => {
    const stream = await fetch(`${base}/classroom/v1/instructor/events`);
    const reader = stream.body!.getReader();
    await reader.read(); // the stream's opening comment
    await fetch(`${base}/classroom/v1/instructor/end`, { method: 'POST', body: '{}' });
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});
