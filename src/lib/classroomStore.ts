/**
 * The classroom's memory: one SQLite file (Node's built-in `node:sqlite`) on the instructor's machine. A
 * class has a join code, a token for the instructor's own devices and a change counter; its attendees have
 * a hashed token, a name or none, what they share and their latest snapshot; their requests for help form
 * the queue. Every read and write names its class, so two classes never see each other's data; leaving
 * deletes an attendee's rows and ending a class deletes all of it. The schema is versioned (`user_version`)
 * and moved forward by `classroomMigrations`, one transaction each, so a restart or an upgrade loses nothing.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import type { AttendeeView, ClassroomState, HelpRequest, ResolvedRequest, SharedState, Shares } from './classroomProtocol.ts';

/** One step of the schema: the SQL that moves a database from the version before it to its own. */
type Migration = string;

/** The schema's history, oldest first; a database's `user_version` counts the steps it has had. Append, never edit. */
export const classroomMigrations: readonly Migration[] = [
  `CREATE TABLE classes (
     id TEXT PRIMARY KEY,
     code TEXT NOT NULL UNIQUE,
     instructor_token TEXT NOT NULL,
     started_at TEXT NOT NULL,
     seq INTEGER NOT NULL DEFAULT 0,
     seats INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE attendees (
     id TEXT PRIMARY KEY,
     class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
     seat INTEGER NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     name TEXT,
     shares TEXT NOT NULL,
     state TEXT NOT NULL DEFAULT '{}',
     joined_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX attendees_by_class ON attendees(class_id);
   CREATE TABLE help (
     attendee_id TEXT NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
     part TEXT NOT NULL,
     asked INTEGER NOT NULL,
     note TEXT NOT NULL,
     asked_at TEXT NOT NULL,
     pinned INTEGER NOT NULL DEFAULT 0,
     resolved_at TEXT,
     PRIMARY KEY (attendee_id, part)
   );`,
];

/** A class as the service holds it. */
export interface ClassRecord {
  id: string;
  code: string;
  instructorToken: string;
  startedAt: string;
}

/** An attendee as the service holds them: what the dashboard sees, and their class (their token only as a hash, elsewhere). */
export interface AttendeeRecord extends AttendeeView {
  classId: string;
}

/** The letters of a join code: no 0/O, 1/I/L, so it can be read aloud and typed from a projector. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Characters in a join code: about 887 million codes, against a few wrong guesses a minute. */
const codeLength = 6;

function newCode(): string {
  return Array.from({ length: codeLength }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
}

function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Why the store would not open a file: its schema is newer than this version of the course knows. */
export class NewerSchemaError extends Error {}

interface AttendeeRow {
  id: string;
  class_id: string;
  seat: number;
  name: string | null;
  shares: string;
  state: string;
  joined_at: string;
  updated_at: string;
}

interface HelpRow {
  attendee_id: string;
  part: string;
  note: string;
  asked: number;
  asked_at: string;
  pinned: number;
  resolved_at: string | null;
}

function attendeeFrom(row: AttendeeRow): AttendeeRecord {
  return { id: row.id, classId: row.class_id, seat: row.seat, name: row.name, shares: JSON.parse(row.shares) as Shares, state: JSON.parse(row.state) as SharedState, joinedAt: row.joined_at, updatedAt: row.updated_at };
}

/** The classroom's database. */
export class ClassroomStore {
  private readonly db: DatabaseSync;

  /** Opens (or creates) the file at `path` (`:memory:` for tests) and brings its schema up to date. */
  constructor(path: string, migrations: readonly Migration[] = classroomMigrations) {
    this.db = new DatabaseSync(path);
    this.db.exec('PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000');
    if (path !== ':memory:') this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL');
    this.migrate(migrations);
  }

  /** The schema version of the open file. */
  get schemaVersion(): number {
    return (this.db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  }

  private migrate(migrations: readonly Migration[]) {
    const from = this.schemaVersion;
    if (from > migrations.length) {
      this.db.close();
      throw new NewerSchemaError(`The classroom database has schema version ${from}; this course knows up to ${migrations.length}. Update the course, or start it with another --data folder.`);
    }
    migrations.slice(from).forEach((sql, index) => this.transaction(() => this.db.exec(`${sql}; PRAGMA user_version = ${from + index + 1}`)));
  }

  private transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Closes the file. */
  close(): void {
    this.db.close();
  }

  /** The class under way (the newest started), if any: a restarted server carries on with it. */
  openClass(): ClassRecord | undefined {
    const row = this.db.prepare('SELECT id, code, instructor_token, started_at FROM classes ORDER BY started_at DESC, rowid DESC LIMIT 1').get() as
      | { id: string; code: string; instructor_token: string; started_at: string }
      | undefined;
    return row && { id: row.id, code: row.code, instructorToken: row.instructor_token, startedAt: row.started_at };
  }

  /** Starts a class with a fresh join code and instructor token. */
  startClass(now: Date): ClassRecord {
    const record: ClassRecord = { id: newSecret(), code: newCode(), instructorToken: newSecret(), startedAt: now.toISOString() };
    this.db.prepare('INSERT INTO classes (id, code, instructor_token, started_at) VALUES (?, ?, ?, ?)').run(record.id, record.code, record.instructorToken, record.startedAt);
    return record;
  }

  /** Numbers the class's next change; the counter survives restarts, so the dashboard can order what it hears. */
  nextSeq(classId: string): number {
    return (this.db.prepare('UPDATE classes SET seq = seq + 1 WHERE id = ? RETURNING seq').get(classId) as { seq: number }).seq;
  }

  /** Adds an attendee to a class; their token is returned once and kept only as a hash. */
  join(classId: string, attendee: { name: string | null; shares: Shares }, now: Date): { attendee: AttendeeRecord; token: string } {
    const token = newSecret();
    const id = randomBytes(9).toString('base64url');
    const at = now.toISOString();
    const seat = this.transaction(() => {
      const taken = (this.db.prepare('UPDATE classes SET seats = seats + 1 WHERE id = ? RETURNING seats').get(classId) as { seats: number }).seats;
      this.db
        .prepare('INSERT INTO attendees (id, class_id, seat, token_hash, name, shares, joined_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, classId, taken, tokenHash(token), attendee.name, JSON.stringify(attendee.shares), at, at);
      return taken;
    });
    return { attendee: { id, classId, seat, name: attendee.name, shares: attendee.shares, state: {}, joinedAt: at, updatedAt: at }, token };
  }

  /** How many attendees a class has. */
  attendeeCount(classId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM attendees WHERE class_id = ?').get(classId) as { n: number }).n;
  }

  /** The attendee of this class holding `token`, if any. */
  attendeeByToken(classId: string, token: string): AttendeeRecord | undefined {
    const row = this.db.prepare('SELECT * FROM attendees WHERE class_id = ? AND token_hash = ?').get(classId, tokenHash(token)) as AttendeeRow | undefined;
    return row && attendeeFrom(row);
  }

  /**
   * Keeps an attendee's new snapshot and brings their help requests in line with it: a part newly marked
   * stuck (or asked again) joins the queue, a part no longer stuck leaves it, a request the instructor
   * resolved stays resolved while the attendee's page has not heard yet.
   */
  updateState(attendee: AttendeeRecord, state: SharedState, now: Date): AttendeeRecord {
    const at = now.toISOString();
    this.transaction(() => {
      this.db.prepare('UPDATE attendees SET state = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(state), at, attendee.id);
      const existing = new Map((this.db.prepare('SELECT * FROM help WHERE attendee_id = ?').all(attendee.id) as unknown as HelpRow[]).map((row) => [row.part, row]));
      const stuck = Object.entries(state.parts ?? {}).filter(([, mark]) => mark.state === 'stuck');
      for (const [part, mark] of stuck) {
        if (mark.state !== 'stuck') continue; // narrows the type; the filter above already kept only these
        const row = existing.get(part);
        existing.delete(part);
        if (row?.asked === mark.asked) this.db.prepare('UPDATE help SET note = ? WHERE attendee_id = ? AND part = ?').run(mark.note, attendee.id, part);
        else
          this.db
            .prepare('INSERT OR REPLACE INTO help (attendee_id, part, asked, note, asked_at, pinned, resolved_at) VALUES (?, ?, ?, ?, ?, 0, NULL)')
            .run(attendee.id, part, mark.asked, mark.note, at);
      }
      for (const part of existing.keys()) this.db.prepare('DELETE FROM help WHERE attendee_id = ? AND part = ?').run(attendee.id, part);
    });
    return { ...attendee, state, updatedAt: at };
  }

  /** This attendee's requests for help that the instructor resolved: the part, and which request (`asked`) it was. */
  resolvedRequests(attendeeId: string): ResolvedRequest[] {
    return this.db.prepare('SELECT part, asked FROM help WHERE attendee_id = ? AND resolved_at IS NOT NULL ORDER BY part').all(attendeeId) as unknown as ResolvedRequest[];
  }

  private helpRow(classId: string, attendeeId: string, part: string): boolean {
    return this.db.prepare('SELECT 1 FROM help JOIN attendees ON attendees.id = help.attendee_id WHERE class_id = ? AND attendee_id = ? AND part = ?').get(classId, attendeeId, part) !== undefined;
  }

  /** Marks a request for help resolved; false when this class has no such request. */
  resolveHelp(classId: string, attendeeId: string, part: string, now: Date): boolean {
    if (!this.helpRow(classId, attendeeId, part)) return false;
    this.db.prepare('UPDATE help SET resolved_at = ? WHERE attendee_id = ? AND part = ?').run(now.toISOString(), attendeeId, part);
    return true;
  }

  /** Pins a request for help to the top of the queue, or unpins it; false when this class has no such request. */
  pinHelp(classId: string, attendeeId: string, part: string, pinned: boolean): boolean {
    if (!this.helpRow(classId, attendeeId, part)) return false;
    this.db.prepare('UPDATE help SET pinned = ? WHERE attendee_id = ? AND part = ?').run(pinned ? 1 : 0, attendeeId, part);
    return true;
  }

  /** The open help queue of a class: pinned requests first, then in order of asking. */
  helpQueue(classId: string): HelpRequest[] {
    const rows = this.db
      .prepare(
        `SELECT help.* FROM help JOIN attendees ON attendees.id = help.attendee_id
         WHERE class_id = ? AND resolved_at IS NULL ORDER BY pinned DESC, asked_at, help.rowid`,
      )
      .all(classId) as unknown as HelpRow[];
    return rows.map((row) => ({ attendeeId: row.attendee_id, part: row.part, note: row.note, askedAt: row.asked_at, pinned: row.pinned === 1 }));
  }

  /** Removes an attendee and everything they shared. */
  leave(attendeeId: string): void {
    this.db.prepare('DELETE FROM attendees WHERE id = ?').run(attendeeId);
  }

  /** The whole class, for the dashboard and the export. */
  classState(record: ClassRecord): ClassroomState {
    const rows = this.db.prepare('SELECT * FROM attendees WHERE class_id = ? ORDER BY joined_at, rowid').all(record.id) as unknown as AttendeeRow[];
    const seq = (this.db.prepare('SELECT seq FROM classes WHERE id = ?').get(record.id) as { seq: number } | undefined)?.seq ?? 0;
    return { code: record.code, startedAt: record.startedAt, attendees: rows.map((row) => viewOf(attendeeFrom(row))), help: this.helpQueue(record.id), seq };
  }

  /** Deletes a class and everything its attendees shared. */
  endClass(classId: string): void {
    this.db.prepare('DELETE FROM classes WHERE id = ?').run(classId);
  }
}

/** An attendee as the dashboard may see them (no class id, no token). */
export function viewOf(attendee: AttendeeRecord): AttendeeView {
  return { id: attendee.id, seat: attendee.seat, name: attendee.name, shares: attendee.shares, state: attendee.state, joinedAt: attendee.joinedAt, updatedAt: attendee.updatedAt };
}
