/**
 * The classroom service's API on Node's http server: attendees join with the class's code and send what
 * they share; the instructor's dashboard reads the class and hears every change as server-sent events;
 * "End class" hands back the export and deletes the class. Every request passes `routeClassroomRequest`
 * first; bodies are capped, writes rate-limited per attendee, wrong codes per address.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { readStream } from './bytes.ts';
import { routedPath } from './bridgeSafety.ts';
import { bearerToken, routeClassroomRequest, RateLimiter, sameSecret, type AttendeeRoute, type InstructorRoute } from './classroomGuard.ts';
import { checkJoin, checkSnapshot, cleanLine, maxClassroomBodyBytes, maxNameLength, parseBody, type ClassroomErrorCode, type ClassroomEvent } from './classroomProtocol.ts';
import { viewOf, type AttendeeRecord, type ClassRecord, type ClassroomStore } from './classroomStore.ts';
import { classExportCsv, classExportJson, type ClassLayout } from './classroomSummary.ts';

/** The most attendees one class takes. */
const maxAttendees = 500;
/** An attendee's writes: this many at once, refilled at `writesPerSecond`. */
const writeBurst = 20;
const writesPerSecond = 5;
/** Wrong join codes an address may try: this many at once, one more every six seconds. */
const wrongCodeBurst = 10;
const wrongCodesPerSecond = 1 / 6;
/** A comment line keeps idle event streams open through proxies and sleeping laptops' Wi-Fi. */
const keepAliveMs = 15_000;

/** What the service is given: its database, the course's layout for the export, and where attendees reach it. */
export interface ClassroomServiceOptions {
  store: ClassroomStore;
  layout: ClassLayout;
  /** The addresses attendees can open (`http://192.168.1.20:4400`), for the dashboard's join card. */
  joinOrigins: readonly string[];
  now?: () => Date;
}

type Json = Record<string, unknown> | unknown[];

/** The service: `handle` answers a request or passes a page request to `pages`. */
export class ClassroomService {
  private readonly store: ClassroomStore;
  private readonly layout: ClassLayout;
  private readonly joinOrigins: readonly string[];
  private readonly now: () => Date;
  private current: ClassRecord | undefined;
  private readonly listeners = new Set<ServerResponse>();
  private readonly writes = new RateLimiter(writeBurst, writesPerSecond);
  private readonly wrongCodes = new RateLimiter(wrongCodeBurst, wrongCodesPerSecond);
  private readonly keepAlive: NodeJS.Timeout;

  constructor(options: ClassroomServiceOptions) {
    this.store = options.store;
    this.layout = options.layout;
    this.joinOrigins = options.joinOrigins;
    this.now = options.now ?? (() => new Date());
    this.current = this.store.openClass();
    this.keepAlive = setInterval(() => this.listeners.forEach((listener) => listener.write(': keep-alive\n\n')), keepAliveMs);
    this.keepAlive.unref();
  }

  /** The class under way, starting one when there is none. */
  ensureClass(): ClassRecord {
    this.current ??= this.store.startClass(this.now());
    return this.current;
  }

  /** Answers one request: the classroom API itself, a refusal, or (a page) whatever `pages` does. Never throws. */
  handle(request: IncomingMessage, response: ServerResponse, pages: (request: IncomingMessage, response: ServerResponse) => void): void {
    try {
      // Routed on the path as a router would decode it, so no spelling of /api gets past the guard.
      const path = routedPath(request.url ?? '/');
      if (path === undefined) return this.send(response, 400, { error: 'bad-request' }, {}, true);
      const routing = routeClassroomRequest({ method: request.method ?? 'GET', path, headers: request.headers, remoteAddress: request.socket.remoteAddress, localPort: request.socket.localPort }, this.current?.instructorToken ?? '');
      if (routing.kind === 'page') return pages(request, response);
      if (routing.kind === 'refused') return this.send(response, routing.status, { error: routing.status === 404 ? 'not-found' : 'refused', message: routing.message }, {}, true);
      if (routing.kind === 'preflight') {
        response.writeHead(204, routing.cors);
        return void response.end();
      }
      const work = routing.kind === 'attendee' ? this.attendee(routing.route, request, response, routing.cors) : this.instructor(routing.route, request, response);
      work.catch((error: unknown) => this.failed(response, error));
    } catch (error) {
      this.failed(response, error);
    }
  }

  private failed(response: ServerResponse, error: unknown) {
    console.error('classroom:', error);
    if (!response.headersSent) this.send(response, 500, { error: 'bad-request', message: 'The classroom service failed on this request.' }, {}, true);
    else response.end();
  }

  /** Ends every open event stream, so the server can close. */
  close(): void {
    clearInterval(this.keepAlive);
    this.closeStreams();
  }

  /** Ends the dashboards' streams: they reconnect, are authorised again (a new class has a new token) and read the class afresh. */
  private closeStreams(): void {
    for (const listener of this.listeners) listener.end();
    this.listeners.clear();
  }

  private send(response: ServerResponse, status: number, body: Json | undefined, headers: Record<string, string> = {}, close = false): void {
    const common = { 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'", 'X-Content-Type-Options': 'nosniff', ...headers };
    if (close) Object.assign(common, { Connection: 'close' });
    if (body === undefined) {
      response.writeHead(status, common);
      return void response.end();
    }
    response.writeHead(status, { ...common, 'Content-Type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  }

  private fail(response: ServerResponse, status: number, error: ClassroomErrorCode, cors: Record<string, string> = {}): void {
    this.send(response, status, { error }, cors);
  }

  private async body(request: IncomingMessage): Promise<unknown | 'too-large' | 'not-json'> {
    const bytes = await readStream(Readable.toWeb(request) as ReadableStream<Uint8Array>, { maxBytes: maxClassroomBodyBytes, drainUpTo: 1024 * 1024 });
    if (bytes === 'too-large') return 'too-large';
    const parsed = parseBody(new TextDecoder().decode(bytes));
    return parsed.ok ? parsed.value : 'not-json';
  }

  private attendeeFrom(request: IncomingMessage): AttendeeRecord | undefined {
    const token = bearerToken(request.headers.authorization);
    return token && this.current ? this.store.attendeeByToken(this.current.id, token) : undefined;
  }

  private broadcast(event: ClassroomEvent): void {
    const frame = `id: ${event.seq}\ndata: ${JSON.stringify(event)}\n\n`;
    for (const listener of this.listeners) listener.write(frame);
  }

  private async attendee(route: AttendeeRoute, request: IncomingMessage, response: ServerResponse, cors: Record<string, string>): Promise<void> {
    if (route === 'class') return this.send(response, 200, { open: this.current !== undefined }, cors);
    const body = request.method === 'POST' || request.method === 'PUT' ? await this.body(request) : undefined;
    if (body === 'too-large') return this.fail(response, 413, 'too-large', cors);
    // Read after the body: the class may have ended, or the attendee left, while it arrived.
    const klass = this.current;
    if (route === 'join') {
      if (!klass) return this.fail(response, 409, 'no-class', cors);
      const address = request.socket.remoteAddress ?? '?';
      if (!this.wrongCodes.has(address, this.now().getTime())) return this.fail(response, 429, 'too-many', cors); // even with the right code: no guessing at speed
      const join = checkJoin(body);
      if (!join.ok) return this.fail(response, 400, 'bad-request', cors);
      if (!sameSecret(join.value.code, klass.code)) {
        this.wrongCodes.take(address, this.now().getTime());
        return this.fail(response, 403, 'wrong-code', cors);
      }
      if (this.store.attendeeCount(klass.id) >= maxAttendees) return this.fail(response, 409, 'class-full', cors);
      const { attendee, token } = this.store.join(klass.id, join.value, this.now());
      this.broadcast({ kind: 'attendee', seq: this.store.nextSeq(klass.id), attendee: viewOf(attendee), help: this.store.helpQueue(klass.id) });
      return this.send(response, 201, { token, attendee: viewOf(attendee) }, cors);
    }
    const attendee = this.attendeeFrom(request);
    if (!attendee || !klass) return this.fail(response, 401, 'not-in-class', cors);
    if (request.method === 'GET') return this.send(response, 200, { attendee: viewOf(attendee), resolved: this.store.resolvedRequests(attendee.id) }, cors);
    if (request.method === 'DELETE') {
      this.store.leave(attendee.id);
      this.broadcast({ kind: 'left', seq: this.store.nextSeq(klass.id), attendeeId: attendee.id, help: this.store.helpQueue(klass.id) });
      return this.send(response, 204, undefined, cors);
    }
    if (!this.writes.take(attendee.id, this.now().getTime())) return this.fail(response, 429, 'too-many', cors);
    const snapshot = checkSnapshot(body, attendee.shares);
    if (!snapshot.ok) return this.fail(response, 400, 'bad-request', cors);
    const updated = this.store.updateState(attendee, snapshot.value, this.now());
    const seq = this.store.nextSeq(klass.id);
    this.broadcast({ kind: 'attendee', seq, attendee: viewOf(updated), help: this.store.helpQueue(klass.id) });
    return this.send(response, 200, { seq, resolved: this.store.resolvedRequests(attendee.id) }, cors);
  }

  private async instructor(route: InstructorRoute, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (route === 'events') return this.listen(request, response);
    const body = request.method === 'POST' ? await this.body(request) : undefined;
    if (body === 'too-large') return this.fail(response, 413, 'too-large');
    if (route === 'start' && !this.current) {
      this.ensureClass();
      this.closeStreams();
    }
    const klass = this.current;
    if (!klass) return route === 'state' ? this.send(response, 200, { open: false }) : this.fail(response, 409, 'no-class');
    if (route === 'state' || route === 'start') return this.send(response, 200, { open: true, instructorToken: klass.instructorToken, joinOrigins: this.joinOrigins, state: this.store.classState(klass) });
    if (route === 'help') {
      const { attendeeId, part, action } = (body ?? {}) as Record<string, unknown>;
      if (typeof attendeeId !== 'string' || typeof part !== 'string' || !['resolve', 'pin', 'unpin'].includes(action as string)) return this.fail(response, 400, 'bad-request');
      const done = action === 'resolve' ? this.store.resolveHelp(klass.id, attendeeId, part, this.now()) : this.store.pinHelp(klass.id, attendeeId, part, action === 'pin');
      if (!done) return this.fail(response, 404, 'not-found');
      this.broadcast({ kind: 'help', seq: this.store.nextSeq(klass.id), help: this.store.helpQueue(klass.id) });
      return this.send(response, 200, { help: this.store.helpQueue(klass.id) });
    }
    // End class: the export first, then nothing of the class is kept.
    const anonymous = typeof (body as Record<string, unknown> | undefined)?.['anonymous'] === 'string' ? cleanLine((body as Record<string, string>)['anonymous']!).slice(0, maxNameLength) : '';
    const state = this.store.classState(klass);
    const endedAt = this.now();
    const exported = { json: classExportJson(state, this.layout, endedAt), csv: classExportCsv(state, anonymous || 'anonymous') };
    this.store.endClass(klass.id);
    this.current = undefined;
    this.broadcast({ kind: 'ended', seq: state.seq + 1 });
    this.closeStreams(); // a device holding this class's token hears nothing of the next one
    return this.send(response, 200, exported);
  }

  private listen(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'X-Accel-Buffering': 'no' });
    response.write(`retry: 1000\n: ${this.current ? 'class open' : 'no class'}\n\n`);
    this.listeners.add(response);
    request.on('close', () => this.listeners.delete(response));
  }
}
