/**
 * What travels between an attendee's page and the classroom service, and the checks the service applies
 * to it before anything is stored. An attendee shares only the kinds they turned on when joining: their
 * checklist ticks, their pre-flight summary, their quiz answers and their "Done" / "I'm stuck" marks on
 * lesson parts. Never prompts, answers, files, keys or endpoints: the shapes below have no room for them,
 * and anything else is refused.
 */
import { preflightCheckIds, preflightStates, type PreflightCheckId, type PreflightState } from './preflightCatalog.ts';

/** The prefix of the classroom service's API. */
export const classroomApi = '/classroom/v1';

/** An error the service answers with, which an attendee's page turns into a message in its language. */
export type ClassroomErrorCode = 'no-class' | 'wrong-code' | 'too-many' | 'class-full' | 'not-in-class' | 'bad-request' | 'too-large' | 'not-found' | 'refused';

/** The kinds of thing an attendee may share, each off until they turn it on. */
export const shareKinds = ['tasks', 'preflight', 'quizzes', 'parts'] as const;
/** One of `shareKinds`. */
export type ShareKind = (typeof shareKinds)[number];
/** Which kinds an attendee shares. */
export type Shares = Record<ShareKind, boolean>;

/** The longest display name kept, in characters. */
export const maxNameLength = 40;
/** The longest "I'm stuck" note kept, in characters: one line. */
export const maxNoteLength = 140;
/** The largest request body the service reads, in bytes: a whole course's ticks and answers fit many times over. */
export const maxClassroomBodyBytes = 16 * 1024;
/** The most entries of one kind in a snapshot. */
export const maxEntries = 200;
/** Lesson, task, quiz, option and part ids: the course's own are short kebab-case paths. */
const idPattern = /^[a-z0-9][a-z0-9/#._-]{0,119}$/;

/** An attendee's mark on one lesson part: done, or stuck with an optional note; `asked` tells one request for help from the next. */
export type PartMark = { state: 'done' } | { state: 'stuck'; note: string; asked: number };

/** Everything an attendee shares at one moment; a kind they don't share is absent. */
export interface SharedState {
  /** `taskKey`s of the ticked checklist tasks. */
  tasks?: string[];
  /** The state of each pre-flight check they ran. */
  preflight?: Partial<Record<PreflightCheckId, PreflightState>>;
  /** `quizKey` → the option ids chosen. */
  quizzes?: Record<string, string[]>;
  /** `partKey` → their mark. */
  parts?: Record<string, PartMark>;
}

/** What a join asks for: the class's code, a display name (null: anonymous) and what will be shared. */
export interface JoinRequest {
  code: string;
  name: string | null;
  shares: Shares;
}

/** A part's key in a snapshot: the lesson's slug and the part's heading id. */
export function partKey(lesson: string, partId: string): string {
  return `${lesson}#${partId}`;
}

/** Why a request body was refused. */
export type ProtocolProblem = 'not-json' | 'bad-shape' | 'not-shared' | 'too-long';

/** A validated value, or why it was refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: ProtocolProblem };

/** Whether a parsed JSON value is an object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text a person typed, made one clean line: control and formatting characters that could disguise it are dropped, spaces collapsed. */
export function cleanLine(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const bad = <T>(problem: ProtocolProblem): Checked<T> => ({ ok: false, problem });

/** Reads a JSON body, refusing what does not parse. */
export function parseBody(text: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return bad('not-json');
  }
}

/** Checks a join request: a code, a name or null (cleaned, at most `maxNameLength`), and a yes or no for every kind. */
export function checkJoin(body: unknown): Checked<JoinRequest> {
  if (!isRecord(body) || typeof body['code'] !== 'string' || !isRecord(body['shares'])) return bad('bad-shape');
  const shares = body['shares'];
  if (Object.keys(shares).some((kind) => !(shareKinds as readonly string[]).includes(kind))) return bad('bad-shape');
  if (!shareKinds.every((kind) => typeof shares[kind] === 'boolean')) return bad('bad-shape');
  const rawName = body['name'];
  if (rawName !== null && typeof rawName !== 'string') return bad('bad-shape');
  const name = rawName === null ? null : cleanLine(rawName) || null;
  if (name !== null && [...name].length > maxNameLength) return bad('too-long');
  return { ok: true, value: { code: body['code'].trim().toUpperCase(), name, shares: shares as Shares } };
}

/** Whether a value is an id the service accepts (lesson, task, quiz, option and part ids). */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && idPattern.test(value);
}

/** Checks one part mark: done, or stuck with a one-line note and a request id. */
export function checkPartMark(value: unknown): PartMark | ProtocolProblem {
  if (!isRecord(value)) return 'bad-shape';
  if (value['state'] === 'done' && Object.keys(value).length === 1) return { state: 'done' };
  if (value['state'] !== 'stuck' || typeof value['note'] !== 'string' || !Number.isSafeInteger(value['asked'])) return 'bad-shape';
  const note = cleanLine(value['note']);
  if ([...note].length > maxNoteLength) return 'too-long';
  return { state: 'stuck', note, asked: value['asked'] as number };
}

/** Checks a snapshot against what the attendee shares: only the four known kinds, each well formed, ids only, notes one short line. */
export function checkSnapshot(body: unknown, shares: Shares): Checked<SharedState> {
  if (!isRecord(body)) return bad('bad-shape');
  const state: SharedState = {};
  for (const [kind, value] of Object.entries(body)) {
    if (!(shareKinds as readonly string[]).includes(kind)) return bad('bad-shape');
    if (!shares[kind as ShareKind]) return bad('not-shared');
    if (kind === 'tasks') {
      if (!Array.isArray(value) || value.length > maxEntries || !value.every(isId)) return bad('bad-shape');
      state.tasks = [...new Set(value)];
    } else if (kind === 'preflight') {
      if (!isRecord(value)) return bad('bad-shape');
      const entries = Object.entries(value);
      if (!entries.every(([id, verdict]) => (preflightCheckIds as readonly string[]).includes(id) && (preflightStates as readonly unknown[]).includes(verdict))) return bad('bad-shape');
      state.preflight = Object.fromEntries(entries) as NonNullable<SharedState['preflight']>;
    } else if (kind === 'quizzes') {
      if (!isRecord(value)) return bad('bad-shape');
      const entries = Object.entries(value);
      if (entries.length > maxEntries || !entries.every(([id, chosen]) => isId(id) && Array.isArray(chosen) && chosen.length <= 20 && chosen.every(isId))) return bad('bad-shape');
      state.quizzes = Object.fromEntries(entries) as Record<string, string[]>;
    } else {
      if (!isRecord(value)) return bad('bad-shape');
      const entries = Object.entries(value);
      if (entries.length > maxEntries || !entries.every(([id]) => isId(id))) return bad('bad-shape');
      const parts: Record<string, PartMark> = {};
      for (const [id, mark] of entries) {
        const checked = checkPartMark(mark);
        if (typeof checked === 'string') return bad(checked);
        parts[id] = checked;
      }
      state.parts = parts;
    }
  }
  return { ok: true, value: state };
}

/** An attendee as the dashboard sees them: a display name or null, what they share, their latest snapshot and when it came. */
export interface AttendeeView {
  id: string;
  /** Their number in the class, in order of joining, never reused. */
  seat: number;
  name: string | null;
  shares: Shares;
  state: SharedState;
  joinedAt: string;
  updatedAt: string;
}

/** A request for help the instructor resolved: the part, and which request (`asked`) it was. */
export interface ResolvedRequest {
  part: string;
  asked: number;
}

/** One request for help: who asked, about which part, their note, when, and whether the instructor pinned it. */
export interface HelpRequest {
  attendeeId: string;
  part: string;
  note: string;
  askedAt: string;
  pinned: boolean;
}

/** The whole class for the dashboard: its code, the attendees, the open help queue, and the last change's number. */
export interface ClassroomState {
  code: string;
  startedAt: string;
  attendees: AttendeeView[];
  help: HelpRequest[];
  seq: number;
}

/** What the dashboard's live stream carries: an attendee's new snapshot, an attendee gone, the help queue changed, or the class ended. */
export type ClassroomEvent =
  | { kind: 'attendee'; seq: number; attendee: AttendeeView; help: HelpRequest[] }
  | { kind: 'left'; seq: number; attendeeId: string; help: HelpRequest[] }
  | { kind: 'help'; seq: number; help: HelpRequest[] }
  | { kind: 'ended'; seq: number };
