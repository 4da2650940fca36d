/**
 * An attendee's live link to the class: sends what they share whenever it changes (progress, pre-flight,
 * their marks on parts) and once on every page load, so a restarted classroom is brought up to date. A
 * send that fails is tried again with growing pauses, and when the browser comes back online; nothing is
 * lost meanwhile, since the snapshot is rebuilt from what the browser keeps. When the class has ended (the
 * service no longer knows the token) the membership is dropped and progress stays untouched.
 */
import { membershipFromJson, preflightResultFromJson, sharedState, withoutResolved, type Membership } from '../../lib/classroomMembership';
import { membershipKey, preflightResultKey } from '../../lib/classroomStorageKeys';
import { classroomApi, type AttendeeView, type ClassroomErrorCode, type PartMark, type ResolvedRequest } from '../../lib/classroomProtocol';
import { safeStorage } from '../../lib/safeStorage';
import { browserProgress } from '../progress/browserProgress';

/** Where the link stands: sending, all shared, waiting to retry, refused (sent again at the next change), or the class is over. */
export type ConnectionStatus = 'sending' | 'shared' | 'retrying' | 'refused' | 'ended';

/** How long changes are gathered before one send. */
const gatherMs = 300;
/** The longest pause between retries. */
const maxRetryMs = 10_000;
/** How often a page with an open request for help asks whether the instructor resolved it. */
const helpPollMs = 5000;

/** The membership kept in this browser, if any. */
export function storedMembership(): Membership | undefined {
  return membershipFromJson(safeStorage.get(membershipKey));
}

/** The headers of an attendee's request. */
function attendeeHeaders(membership: Membership): Record<string, string> {
  return { Authorization: `Bearer ${membership.token}`, 'Content-Type': 'application/json' };
}

/** The attendee side of the class on this page. */
export class ClassroomConnection {
  private membership: Membership;
  private status: ConnectionStatus = 'sending';
  private readonly listeners = new Set<(status: ConnectionStatus, resolved: readonly string[]) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private retryMs = 1000;
  private inFlight = false;
  private again = false;
  private resolved: string[] = [];

  constructor(membership: Membership) {
    this.membership = membership;
    browserProgress().subscribe(() => this.schedule());
    addEventListener('storage', (event) => {
      if (event.key === preflightResultKey) this.schedule();
      if (event.key !== membershipKey) return;
      const changed = storedMembership();
      if (!changed) return this.setStatus('ended');
      this.membership = changed;
      this.schedule();
    });
    addEventListener('online', () => this.schedule(0));
    this.schedule(0);
  }

  /** The membership as it stands. */
  get current(): Membership {
    return this.membership;
  }

  /** Calls `listener` with the status now and at every change, and the parts whose help requests were resolved. */
  onStatus(listener: (status: ConnectionStatus, resolved: readonly string[]) => void): void {
    this.listeners.add(listener);
    listener(this.status, this.resolved);
  }

  /** Sends what is shared now, after a change this page made outside progress (a pre-flight run). */
  refresh(): void {
    this.schedule();
  }

  /** Marks a part done or stuck, or clears its mark (`undefined`), and sends it. */
  markPart(key: string, mark: PartMark | undefined): void {
    const parts = { ...this.membership.parts };
    if (mark) parts[key] = mark;
    else delete parts[key];
    this.resolved = this.resolved.filter((part) => part !== key);
    this.save({ ...this.membership, parts });
    this.schedule();
  }

  /** Leaves the class: the service deletes what was shared, this browser forgets the membership; 'unreachable' when the service could not be told. */
  async leave(): Promise<'left' | 'unreachable'> {
    clearTimeout(this.timer);
    clearTimeout(this.pollTimer);
    this.setStatus('ended');
    safeStorage.remove(membershipKey);
    try {
      const response = await fetch(`${this.membership.origin}${classroomApi}/me`, { method: 'DELETE', headers: attendeeHeaders(this.membership) });
      return response.ok || response.status === 401 ? 'left' : 'unreachable';
    } catch {
      return 'unreachable';
    }
  }

  private save(membership: Membership) {
    this.membership = membership;
    safeStorage.set(membershipKey, JSON.stringify(membership));
  }

  private setStatus(status: ConnectionStatus) {
    this.status = status;
    for (const listener of this.listeners) listener(status, this.resolved);
  }

  private schedule(delay = gatherMs) {
    if (this.ended) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.send(), delay);
  }

  private get ended(): boolean {
    return this.status === 'ended';
  }

  private async send(): Promise<void> {
    if (this.ended) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    this.setStatus('sending');
    const state = sharedState(this.membership, browserProgress().progress, preflightResultFromJson(safeStorage.get(preflightResultKey)));
    try {
      const response = await fetch(`${this.membership.origin}${classroomApi}/me`, { method: 'PUT', headers: attendeeHeaders(this.membership), body: JSON.stringify(state) });
      if (response.status === 401) return this.end();
      // Refused as it is (400, 413): sending it again would change nothing; the next change is sent.
      if (response.status === 400 || response.status === 413) return this.setStatus('refused');
      if (!response.ok) throw new Error(`classroom answered ${response.status}`);
      const { resolved } = (await response.json()) as { resolved: ResolvedRequest[] };
      this.acknowledge(resolved);
      this.retryMs = 1000;
      this.setStatus('shared');
      this.pollWhileStuck();
    } catch {
      if (this.ended) return;
      this.setStatus('retrying');
      this.schedule(this.retryMs);
      this.retryMs = Math.min(maxRetryMs, this.retryMs * 2);
    } finally {
      this.inFlight = false;
      if (this.again) {
        this.again = false;
        this.schedule(0);
      }
    }
  }

  /** While a request for help is open, asks now and then whether the instructor resolved it. */
  private pollWhileStuck() {
    clearTimeout(this.pollTimer);
    if (!Object.values(this.membership.parts).some((mark) => mark.state === 'stuck')) return;
    this.pollTimer = setTimeout(async () => {
      if (this.ended) return;
      const held = await heldByInstructor(this.membership);
      if (held === 'not-in-class') return this.end();
      if (typeof held !== 'string') this.acknowledge(held.resolved);
      this.pollWhileStuck(); // unreachable now: the next poll or send tries again
    }, helpPollMs);
  }

  /** The class is over for this attendee: the membership goes, progress stays. */
  private end() {
    clearTimeout(this.pollTimer);
    safeStorage.remove(membershipKey);
    this.setStatus('ended');
  }

  /** Stuck marks the instructor resolved are cleared here (not one asked again since), and the next send says so. */
  private acknowledge(resolved: readonly ResolvedRequest[]) {
    const parts = withoutResolved(this.membership.parts, resolved);
    const cleared = Object.keys(this.membership.parts).filter((key) => !(key in parts));
    if (cleared.length === 0) return;
    this.resolved = [...new Set([...this.resolved, ...cleared])];
    this.save({ ...this.membership, parts });
    this.setStatus(this.status);
    this.schedule();
  }
}

/** What a classroom request failed with: the service's own error code, or that nothing answered. */
export type ClassroomFailure = ClassroomErrorCode | 'unreachable';

/** The service's error code in a failed response, or `bad-request` when it gave none. */
export async function failureOf(response: Response): Promise<ClassroomFailure> {
  try {
    const { error } = (await response.json()) as { error?: ClassroomErrorCode };
    return error ?? 'bad-request';
  } catch {
    return 'bad-request';
  }
}

/** What the instructor holds about this attendee, and which of their requests for help were resolved, as the service has it. */
export async function heldByInstructor(membership: Membership): Promise<{ attendee: AttendeeView; resolved: ResolvedRequest[] } | ClassroomFailure> {
  try {
    const response = await fetch(`${membership.origin}${classroomApi}/me`, { headers: attendeeHeaders(membership) });
    if (!response.ok) return await failureOf(response);
    return (await response.json()) as { attendee: AttendeeView; resolved: ResolvedRequest[] };
  } catch {
    return 'unreachable';
  }
}

let connection: ClassroomConnection | undefined;

/** The page's one connection to the class, when this browser has joined one (a new one after leaving and joining again). */
export function classroomConnection(): ClassroomConnection | undefined {
  const membership = storedMembership();
  if (!membership) return undefined;
  if (connection?.current.token !== membership.token) connection = new ClassroomConnection(membership);
  return connection;
}
