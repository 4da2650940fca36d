/**
 * Keeps the learner's progress in one versioned localStorage entry, and keeps working when storage does
 * not: corrupt data is set aside under a backup key and the learner starts clean; storage that is missing,
 * throws or is full leaves progress in memory for the visit. Every change is written at once. The storage
 * is passed in, so this runs the same in tests and in the browser.
 */
import { emptyProgress, mergeProgress, progressFromExport, progressFromJson, progressToExport, setTask, taskKey, type LastVisit, type Progress, type ReadResult, type TickedBy } from './progress';

/** The localStorage key the progress lives under. */
export const progressKey = 'edge-course:progress';
/** The prefix of the keys that corrupt or pre-migration progress is set aside under, followed by the time. */
export const backupKey = 'edge-course:progress-backup';

/** The part of the Web Storage API the store needs. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Things the learner should be told about their saved progress. */
export type StorageNotice =
  | { kind: 'memory-only' }
  | { kind: 'recovered-corrupt'; backupKey: string }
  | { kind: 'migrated'; fromVersion: number; backupKey: string };

type Listener = (progress: Progress) => void;

/** The learner's progress for the page: read once from storage, written back on every change, and announced to subscribers. */
export class ProgressStore {
  private current: Progress = emptyProgress();
  private storage: KeyValueStorage | undefined;
  private listeners = new Set<Listener>();
  readonly notices: StorageNotice[] = [];

  constructor(storage: KeyValueStorage | undefined, private readonly now: () => Date = () => new Date()) {
    this.storage = storage;
    this.load();
  }

  get progress(): Progress {
    return this.current;
  }

  /** False when progress lives in memory only and will be gone when the page closes. */
  get persistent(): boolean {
    return this.storage !== undefined;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setTask(lesson: string, taskId: string, done: boolean, by: TickedBy = 'learner'): void {
    this.change((progress) => setTask(progress, taskKey(lesson, taskId), done, by, this.now()));
  }

  /** Ticks a task for the learner when a demo proved it done; a task already done is left as it is. */
  markDoneByDemo(lesson: string, taskId: string): void {
    const key = taskKey(lesson, taskId);
    this.change((progress) => (progress.tasks[key]?.done ? progress : setTask(progress, key, true, 'demo', this.now())));
  }

  recordVisit(visit: Omit<LastVisit, 'at'>): void {
    this.change((progress) => ({ ...progress, lastVisit: { ...visit, at: this.now().toISOString() } }));
  }

  /** Merges an exported file into the progress; on any error nothing changes. */
  importText(text: string): ReadResult {
    const result = progressFromExport(text);
    if (result.ok) this.change((progress) => mergeProgress(progress, result.progress));
    return result;
  }

  exportText(): string {
    return progressToExport(this.current, this.now());
  }

  reset(): void {
    this.change(emptyProgress);
  }

  /**
   * Takes in a change another tab wrote (on a `storage` event for `progressKey`). It reads the stored
   * value rather than the event's: events can arrive after this tab's own newer write, and replaying
   * one would show a tick the learner has just removed.
   */
  takeExternalChange(): void {
    const stored = this.stored();
    if (stored) {
      this.current = stored;
      this.notify();
    }
  }

  private load(): void {
    let raw: string | null;
    try {
      if (!this.storage) throw new Error('no storage');
      raw = this.storage.getItem(progressKey);
    } catch {
      this.fallBackToMemory();
      return;
    }
    if (raw === null) return;
    const result = progressFromJson(raw);
    if (result.ok && result.migratedFrom === undefined) {
      this.current = result.progress;
      return;
    }
    // Set the old value aside before anything overwrites it; if even that fails, touch nothing.
    const backup = `${backupKey}-${this.now().toISOString()}`;
    if (!this.write(backup, raw)) return;
    if (result.ok) {
      this.notices.push({ kind: 'migrated', fromVersion: result.migratedFrom!, backupKey: backup });
      this.current = result.progress;
    } else this.notices.push({ kind: 'recovered-corrupt', backupKey: backup });
    this.write(progressKey, JSON.stringify(this.current));
  }

  /** Applies a change to what is stored now, so a tab whose copy is behind another's never writes over its ticks. */
  private change(apply: (progress: Progress) => Progress): void {
    this.current = apply(this.stored() ?? this.current);
    this.write(progressKey, JSON.stringify(this.current));
    this.notify();
  }

  /** The progress in storage now; undefined when there is no storage or its value cannot be read. */
  private stored(): Progress | undefined {
    if (!this.storage) return undefined;
    try {
      const raw = this.storage.getItem(progressKey);
      if (raw === null) return emptyProgress();
      const result = progressFromJson(raw);
      return result.ok ? result.progress : undefined;
    } catch {
      return undefined;
    }
  }

  private write(key: string, value: string): boolean {
    if (!this.storage) return false;
    try {
      this.storage.setItem(key, value);
      return true;
    } catch {
      this.fallBackToMemory();
      return false;
    }
  }

  private fallBackToMemory(): void {
    this.storage = undefined;
    if (!this.notices.some((notice) => notice.kind === 'memory-only')) this.notices.push({ kind: 'memory-only' });
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this.current);
  }
}
