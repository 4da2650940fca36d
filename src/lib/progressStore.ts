/**
 * Keeps the learner's progress in one versioned localStorage entry, and never loses what was saved:
 * - corrupt or older data is set aside under a dated backup key (the few most recent are kept) before
 *   anything is written over it;
 * - data from a newer version of the course is kept as it is and shown read-only;
 * - a write that fails (storage full) keeps the change on the page, says so, and is tried again at the
 *   next change and whenever another tab writes; storage that cannot even be read leaves progress in memory;
 * - a reset first keeps what it removes under one fixed key, so the learner can restore it.
 * Every change is written at once, onto what is stored now (another tab may have written since). The
 * storage is passed in, so this runs the same in tests and in the browser.
 */
import {
  emptyProgress, mergeProgress, newerProgressFromJson, progressFromExport, progressFromJson, progressToExport, quizKey, quizzesAnswered,
  setQuizAnswer, setTask, taskKey, tasksDone, type LastVisit, type NewerProgress, type Progress, type ProgressError, type QuizAnswer, type TickedBy,
} from './progress';

/** The localStorage key the progress lives under. */
export const progressKey = 'edge-course:progress';
/** The prefix of the keys that corrupt or pre-migration progress is set aside under, followed by the time. */
export const backupKey = 'edge-course:progress-backup';
/** How many of those dated backups are kept: writing a new one removes the older ones. */
export const backupsKept = 3;
/** The one key that the progress removed by the last reset is kept under, until the learner restores it. */
export const resetBackupKey = 'edge-course:progress-before-reset';

/** The part of the Web Storage API the store needs. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

/** Things the learner should be told about their saved progress. */
export type StorageNotice =
  | { kind: 'memory-only' }
  | { kind: 'recovered-corrupt'; backupKey: string }
  | { kind: 'migrated'; fromVersion: number; backupKey: string }
  | { kind: 'unsaved' }
  | { kind: 'newer-version'; version: number };

/**
 * What became of a change: written to storage; kept in memory because there is no storage for this visit;
 * kept on the page but not written (storage refused it, it will be tried again); or refused because the
 * stored progress comes from a newer version of the course.
 */
export type ChangeOutcome = 'written' | 'memory-only' | 'not-written' | 'read-only';

/** What came of an import: why the file was refused, or what became of the merge. */
export type ImportResult = { ok: false; error: ProgressError } | { ok: true; outcome: ChangeOutcome };

/** What is in storage now, as the store must treat it. */
type Stored =
  | { kind: 'current'; progress: Progress }
  | { kind: 'older'; progress: Progress; fromVersion: number; raw: string }
  | { kind: 'newer'; newer: NewerProgress }
  | { kind: 'unreadable'; raw: string }
  | { kind: 'unavailable' };

type Change = (progress: Progress) => Progress;
type Listener = (progress: Progress) => void;

/** The learner's progress for the page: read from storage, written back on every change, and announced to subscribers. */
export class ProgressStore {
  private current: Progress = emptyProgress();
  private storage: KeyValueStorage | undefined;
  private listeners = new Set<Listener>();
  /** Changes made on this page since the last successful write, replayed onto what another tab stores. */
  private pending: Change[] = [];
  private unsaved = false;
  private newer: NewerProgress | undefined;
  private resetBackup: Progress | undefined;
  private setAsideNotices: StorageNotice[] = [];

  constructor(storage: KeyValueStorage | undefined, private readonly now: () => Date = () => new Date()) {
    this.storage = storage;
    this.load();
  }

  /** The progress to show: this page's, or what a newer version stored, as far as this one can read it. */
  get progress(): Progress {
    return this.current;
  }

  /** False when progress lives in memory only and will be gone when the page closes. */
  get persistent(): boolean {
    return this.storage !== undefined;
  }

  /** True while the stored progress comes from a newer version of the course: it is shown, never changed. */
  get readOnly(): boolean {
    return this.newer !== undefined;
  }

  /** True while the progress removed by a reset is kept and can be brought back with `restoreReset`. */
  get restorable(): boolean {
    return this.resetBackup !== undefined && !this.readOnly;
  }

  /** What the learner must know about where their progress is kept, now. */
  get notices(): StorageNotice[] {
    return [
      ...(this.storage ? [] : [{ kind: 'memory-only' } as const]),
      ...this.setAsideNotices,
      ...(this.unsaved ? [{ kind: 'unsaved' } as const] : []),
      ...(this.newer ? [{ kind: 'newer-version', version: this.newer.version } as const] : []),
    ];
  }

  /** Calls `listener` with the progress after every change; returns the function that stops it. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ticks or unticks a task, as the learner (or `by`) did it now. */
  setTask(lesson: string, taskId: string, done: boolean, by: TickedBy = 'learner'): void {
    const at = this.now();
    this.change((progress) => setTask(progress, taskKey(lesson, taskId), done, by, at));
  }

  /** Ticks a task for the learner when a demo proved it done; a task already done is left as it is. */
  markDoneByDemo(lesson: string, taskId: string): void {
    const key = taskKey(lesson, taskId);
    const at = this.now();
    this.change((progress) => (progress.tasks[key]?.done ? progress : setTask(progress, key, true, 'demo', at)));
  }

  /** Keeps the learner's answer to a quiz, given now, in place of any earlier one; says what became of it. */
  answerQuiz(lesson: string, quizId: string, answer: Omit<QuizAnswer, 'at'>): ChangeOutcome {
    const at = this.now();
    return this.change((progress) => setQuizAnswer(progress, quizKey(lesson, quizId), answer, at));
  }

  /** Remembers where the learner is now, for "continue where you left off". */
  recordVisit(visit: Omit<LastVisit, 'at'>): void {
    const at = this.now().toISOString();
    this.change((progress) => ({ ...progress, lastVisit: { ...visit, at } }));
  }

  /** Merges an exported file into the progress; on any error in the file nothing changes. */
  importText(text: string): ImportResult {
    const result = progressFromExport(text);
    if (!result.ok) return result;
    return { ok: true, outcome: this.change((progress) => mergeProgress(progress, result.progress)) };
  }

  /** The progress as an exported file; a newer version's record is exported as it is stored. */
  exportText(): string {
    return progressToExport(this.newer?.record ?? this.current, this.now());
  }

  /**
   * Removes every tick, quiz answer and the last visit, after keeping what had ticks or answers under
   * `resetBackupKey` (an empty progress keeps the previous backup). 'no-backup': that copy could not be
   * written, so nothing was reset.
   */
  reset(): ChangeOutcome | 'no-backup' {
    this.refresh();
    const worthKeeping = tasksDone(this.current) + quizzesAnswered(this.current) > 0;
    if (!this.newer && worthKeeping && !this.keepForRestore(this.current)) return 'no-backup';
    return this.change(() => emptyProgress());
  }

  /**
   * Brings back the progress the last reset removed, merged with what was ticked or answered since (a tick
   * is never removed, and an answer given since is the later one; see `mergeProgress`), then drops the
   * backup once that is saved.
   */
  restoreReset(): ChangeOutcome | 'nothing-to-restore' {
    this.refresh(); // another tab may have restored it already
    const backup = this.resetBackup;
    if (!backup) {
      this.notify();
      return 'nothing-to-restore';
    }
    return this.change((progress) => mergeProgress(progress, backup), () => this.dropResetBackup());
  }

  /**
   * Takes in a change another tab wrote (on a `storage` event for `progressKey` or `resetBackupKey`). It
   * reads the stored value rather than the event's: events can arrive after this tab's own newer write, and
   * replaying one would show a tick the learner has just removed. This page's unsaved changes are replayed
   * on top and written again: the other tab's write may have freed the space.
   */
  takeExternalChange(): void {
    const stored = this.refresh();
    if (stored.kind === 'unavailable' || stored.kind === 'unreadable') return;
    if (!this.newer && this.unsaved) this.save(stored);
    this.notify();
  }

  private load(): void {
    const stored = this.refresh();
    if (stored.kind === 'unavailable') this.storage = undefined;
    else if (stored.kind === 'older' || stored.kind === 'unreadable') this.save(stored);
  }

  /**
   * Reads storage and shows what it holds: a newer version's record read-only, or this version's with this
   * page's unsaved changes replayed on top. Unreadable or unavailable storage leaves this page's copy as it is.
   */
  private refresh(): Stored {
    const stored = this.read();
    this.resetBackup = this.readResetBackup();
    if (stored.kind === 'newer') {
      this.newer = stored.newer;
      this.current = stored.newer.view;
      this.pending = []; // they can never be written over a newer version's record
      this.unsaved = false;
    } else if (stored.kind === 'current' || stored.kind === 'older') {
      this.newer = undefined;
      this.current = this.pending.reduce((progress, apply) => apply(progress), stored.progress);
    }
    return stored;
  }

  private read(): Stored {
    if (!this.storage) return { kind: 'unavailable' };
    let raw: string | null;
    try {
      raw = this.storage.getItem(progressKey);
    } catch {
      return { kind: 'unavailable' };
    }
    if (raw === null) return { kind: 'current', progress: emptyProgress() };
    const newer = newerProgressFromJson(raw);
    if (newer) return { kind: 'newer', newer };
    const result = progressFromJson(raw);
    if (!result.ok) return { kind: 'unreadable', raw };
    if (result.migratedFrom === undefined) return { kind: 'current', progress: result.progress };
    return { kind: 'older', progress: result.progress, fromVersion: result.migratedFrom, raw };
  }

  /** Applies a change to what is stored now, so a tab whose copy is behind another's never writes over its ticks. */
  private change(apply: Change, onSaved?: () => void): ChangeOutcome {
    const stored = this.refresh();
    if (this.newer) {
      this.notify();
      return 'read-only';
    }
    this.current = apply(this.current);
    if (this.storage) this.pending.push(apply);
    const outcome = this.save(stored);
    if (outcome === 'written' || outcome === 'memory-only') onSaved?.();
    this.notify();
    return outcome;
  }

  /** Writes the progress, after setting aside what it would replace if that is older or unreadable. */
  private save(stored: Stored): ChangeOutcome {
    const storage = this.storage;
    if (!storage) return 'memory-only';
    const written = this.setAside(storage, stored) && writeItem(storage, progressKey, JSON.stringify(this.current));
    this.unsaved = !written;
    if (written) this.pending = [];
    return written ? 'written' : 'not-written';
  }

  /** Keeps stored data this version cannot keep as it is under a dated backup key; false if that fails. */
  private setAside(storage: KeyValueStorage, stored: Stored): boolean {
    if (stored.kind !== 'older' && stored.kind !== 'unreadable') return true;
    const key = `${backupKey}-${this.now().toISOString()}`;
    if (!writeItem(storage, key, stored.raw)) return false;
    pruneBackups(storage);
    this.setAsideNotices.push(stored.kind === 'older' ? { kind: 'migrated', fromVersion: stored.fromVersion, backupKey: key } : { kind: 'recovered-corrupt', backupKey: key });
    return true;
  }

  private keepForRestore(progress: Progress): boolean {
    if (this.storage && !writeItem(this.storage, resetBackupKey, JSON.stringify(progress))) return false;
    this.resetBackup = progress;
    return true;
  }

  /** The stored reset backup; in memory-only mode, the one kept for this visit. */
  private readResetBackup(): Progress | undefined {
    if (!this.storage) return this.resetBackup;
    try {
      const raw = this.storage.getItem(resetBackupKey);
      const result = raw === null ? undefined : progressFromJson(raw);
      return result?.ok ? result.progress : undefined;
    } catch {
      return this.resetBackup;
    }
  }

  private dropResetBackup(): void {
    this.resetBackup = undefined;
    try {
      this.storage?.removeItem(resetBackupKey);
    } catch {
      // It stays stored; restoring it again only merges ticks that are already there.
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this.current);
  }
}

/** Writes one value; false when storage refuses it (full, or not allowed). */
function writeItem(storage: KeyValueStorage, key: string, value: string): boolean {
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Removes all but the `backupsKept` most recent dated backups (their ISO times sort as text). */
function pruneBackups(storage: KeyValueStorage): void {
  try {
    const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index));
    const backups = keys.filter((key): key is string => key?.startsWith(`${backupKey}-`) ?? false).sort().reverse();
    for (const old of backups.slice(backupsKept)) storage.removeItem(old);
  } catch {
    // Old backups stay; nothing is lost by keeping them.
  }
}
