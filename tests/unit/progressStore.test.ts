import { describe, expect, it } from 'vitest';
import { maxImportBytes, progressToExport, progressVersion, quizKey, taskKey } from '../../src/lib/progress';
import { ProgressStore, backupKey, backupsKept, progressKey, resetBackupKey, type KeyValueStorage } from '../../src/lib/progressStore';

const lesson = 'module-08/04-cutting-edge-models';
const fixedNow = () => new Date('2026-11-26T10:00:00.000Z');

/** A fake localStorage. Two tabs share one origin's values, each with its own view that may refuse writes. */
class MemoryStorage implements KeyValueStorage {
  failWrites = false;
  constructor(readonly values = new Map<string, string>()) {}
  get length() {
    return this.values.size;
  }
  key(index: number) {
    return [...this.values.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('quota', 'QuotaExceededError');
    this.values.set(key, value);
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
}

const done = (day: number) => ({ done: true, at: `2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z`, by: 'learner' as const });

describe('ProgressStore', () => {
  it('writes every change at once and reads it back in a new store', () => {
    const storage = new MemoryStorage();
    new ProgressStore(storage, fixedNow).setTask(lesson, 'compare-slm-llm', true);
    const reopened = new ProgressStore(storage, fixedNow);
    expect(reopened.progress.tasks[taskKey(lesson, 'compare-slm-llm')]).toEqual({ done: true, at: '2026-11-26T10:00:00.000Z', by: 'learner' });
    expect(reopened.notices).toEqual([]);
  });

  it('sets corrupt data aside under a backup key, starts clean and says so', () => {
    const storage = new MemoryStorage();
    storage.values.set(progressKey, '{not json');
    const store = new ProgressStore(storage, fixedNow);
    expect(store.progress.tasks).toEqual({});
    const backup = 'edge-course:progress-backup-2026-11-26T10:00:00.000Z';
    expect(store.notices).toEqual([{ kind: 'recovered-corrupt', backupKey: backup }]);
    expect(storage.values.get(backup)).toBe('{not json');
    expect(storage.values.get(progressKey)).toBe(JSON.stringify(store.progress));
  });

  it('migrates an old format, keeping the original under a backup key', () => {
    const storage = new MemoryStorage();
    const oldest = JSON.stringify({ version: 1, savedAt: '2026-10-01T00:00:00.000Z', lessons: { [lesson]: ['chainlit-two-models'] } });
    storage.values.set(progressKey, oldest);
    const store = new ProgressStore(storage, fixedNow);
    expect(store.progress.tasks[taskKey(lesson, 'chainlit-two-models')]?.done).toBe(true);
    expect(store.notices).toMatchObject([{ kind: 'migrated', fromVersion: 1 }]);
    expect(JSON.parse(storage.values.get(progressKey)!).version).toBe(progressVersion);
    expect([...storage.values.values()]).toContain(oldest);
  });

  it('works in memory when storage is missing or throws, and says progress will not be kept', () => {
    const deny = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const throwing: KeyValueStorage = { getItem: deny, setItem: deny, removeItem: deny, key: deny, length: 0 };
    for (const storage of [undefined, throwing]) {
      const store = new ProgressStore(storage, fixedNow);
      store.setTask(lesson, 'a', true);
      expect(store.progress.tasks[taskKey(lesson, 'a')]?.done).toBe(true);
      expect(store.persistent).toBe(false);
      expect(store.notices).toEqual([{ kind: 'memory-only' }]);
    }
  });

  it('keeps a change storage refused on the page, says it is not saved, and saves it at the next change', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage, fixedNow);
    storage.failWrites = true;
    store.setTask(lesson, 'a', true);
    expect(store.progress.tasks[taskKey(lesson, 'a')]?.done).toBe(true);
    expect(store.notices).toEqual([{ kind: 'unsaved' }]);
    expect(store.persistent).toBe(true);
    expect(storage.values.get(progressKey)).toBeUndefined();

    storage.failWrites = false;
    store.setTask(lesson, 'b', true);
    expect(store.notices).toEqual([]);
    const saved = new ProgressStore(storage, fixedNow).progress.tasks;
    expect([saved[taskKey(lesson, 'a')]?.done, saved[taskKey(lesson, 'b')]?.done]).toEqual([true, true]);
  });

  it('lets a demo tick a task, marked as automatic, without overriding a learner’s tick', () => {
    const store = new ProgressStore(new MemoryStorage(), fixedNow);
    store.markDoneByDemo(lesson, 'compare-slm-llm');
    expect(store.progress.tasks[taskKey(lesson, 'compare-slm-llm')]?.by).toBe('demo');
    store.setTask(lesson, 'chainlit-two-models', true);
    store.markDoneByDemo(lesson, 'chainlit-two-models');
    expect(store.progress.tasks[taskKey(lesson, 'chainlit-two-models')]?.by).toBe('learner');
  });

  it('imports by merging and changes nothing when the file is bad', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage, fixedNow);
    store.setTask(lesson, 'a', true);
    const before = storage.values.get(progressKey);
    expect(store.importText('{"hello": "world"}')).toEqual({ ok: false, error: 'not-progress' });
    expect(storage.values.get(progressKey)).toBe(before);

    const file = progressToExport({ version: 2, tasks: { [taskKey(lesson, 'b')]: { done: true, at: '2026-11-01T00:00:00.000Z', by: 'learner' } } }, fixedNow());
    expect(store.importText(file).ok).toBe(true);
    expect(Object.keys(store.progress.tasks).sort()).toEqual([taskKey(lesson, 'a'), taskKey(lesson, 'b')]);
  });

  it('follows changes another tab wrote, and tells its listeners', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage, fixedNow);
    const seen: number[] = [];
    store.subscribe((progress) => seen.push(Object.keys(progress.tasks).length));
    const otherTab = new ProgressStore(storage, fixedNow);
    otherTab.setTask(lesson, 'a', true);
    store.takeExternalChange();
    storage.values.set(progressKey, 'garbage');
    store.takeExternalChange();
    storage.values.delete(progressKey);
    store.takeExternalChange();
    expect(seen).toEqual([1, 0]);
  });

  it('a tab whose copy is behind never writes over a tick another tab made', () => {
    const storage = new MemoryStorage();
    const behind = new ProgressStore(storage, fixedNow);
    new ProgressStore(storage, fixedNow).setTask(lesson, 'a', true);
    behind.recordVisit({ lesson, locale: 'en' });
    expect(new ProgressStore(storage, fixedNow).progress.tasks[taskKey(lesson, 'a')]?.done).toBe(true);
    expect(behind.progress.tasks[taskKey(lesson, 'a')]?.done).toBe(true);
  });

  it('a late notice of another tab\'s older write does not bring back a tick just removed', () => {
    const storage = new MemoryStorage();
    const here = new ProgressStore(storage, fixedNow);
    const there = new ProgressStore(storage, fixedNow);
    there.setTask(lesson, 'a', true);
    here.takeExternalChange();
    here.setTask(lesson, 'a', false);
    here.takeExternalChange(); // the event for the other tab's write arrives only now
    expect(here.progress.tasks[taskKey(lesson, 'a')]?.done).toBe(false);
  });

  it('says an import that could not be written was not saved, instead of imported', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage, fixedNow);
    storage.failWrites = true;
    const file = progressToExport({ version: 2, tasks: { [taskKey(lesson, 'b')]: done(1) } }, fixedNow());
    expect(store.importText(file)).toEqual({ ok: true, outcome: 'not-written' });
    expect(store.progress.tasks[taskKey(lesson, 'b')]?.done).toBe(true);
    storage.failWrites = false;
    expect(store.importText(file)).toEqual({ ok: true, outcome: 'written' });
  });

  it('refuses an import file larger than an export can be, and changes nothing', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage, fixedNow);
    store.setTask(lesson, 'a', true);
    const before = storage.values.get(progressKey);
    const padded = progressToExport({ version: 2, tasks: {} }, fixedNow()).replace('{', `{"padding": "${'x'.repeat(maxImportBytes)}",`);
    expect(store.importText(padded)).toEqual({ ok: false, error: 'too-large' });
    expect(storage.values.get(progressKey)).toBe(before);
  });
});

describe('ProgressStore while writes fail', () => {
  it('keeps following another tab, replays its own unsaved change on top, and saves it when that tab’s write frees space', () => {
    const shared = new Map<string, string>();
    const full = new MemoryStorage(shared);
    const here = new ProgressStore(full, fixedNow);
    const there = new ProgressStore(new MemoryStorage(shared), fixedNow);
    full.failWrites = true;
    here.setTask(lesson, 'mine', true);

    there.setTask(lesson, 'theirs', true);
    here.takeExternalChange(); // still full: both ticks show, the notice stays
    expect(Object.keys(here.progress.tasks).sort()).toEqual([taskKey(lesson, 'mine'), taskKey(lesson, 'theirs')]);
    expect(here.notices).toEqual([{ kind: 'unsaved' }]);
    expect(JSON.parse(shared.get(progressKey)!).tasks).not.toHaveProperty(taskKey(lesson, 'mine'));

    full.failWrites = false;
    there.setTask(lesson, 'theirs-too', true);
    here.takeExternalChange();
    expect(here.notices).toEqual([]);
    expect(Object.keys(JSON.parse(shared.get(progressKey)!).tasks).sort()).toEqual(
      [taskKey(lesson, 'mine'), taskKey(lesson, 'theirs'), taskKey(lesson, 'theirs-too')].sort(),
    );
  });

  it('never writes over unreadable data it could not set aside first, and sets it aside once it can', () => {
    const storage = new MemoryStorage();
    storage.values.set(progressKey, '{not json');
    storage.failWrites = true;
    const store = new ProgressStore(storage, fixedNow);
    store.setTask(lesson, 'a', true);
    expect(storage.values.get(progressKey)).toBe('{not json');
    expect(store.notices).toEqual([{ kind: 'unsaved' }]);

    storage.failWrites = false;
    store.setTask(lesson, 'b', true);
    const backup = `${backupKey}-2026-11-26T10:00:00.000Z`;
    expect(storage.values.get(backup)).toBe('{not json');
    expect(store.notices).toEqual([{ kind: 'recovered-corrupt', backupKey: backup }]);
    expect(Object.keys(JSON.parse(storage.values.get(progressKey)!).tasks)).toHaveLength(2);
  });
});

describe('dated backups', () => {
  it(`keeps only the ${backupsKept} most recent when a new one is written`, () => {
    const storage = new MemoryStorage();
    const older = ['2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'];
    for (const time of older) storage.values.set(`${backupKey}-${time}`, 'old');
    storage.values.set(resetBackupKey, JSON.stringify({ version: 2, tasks: { [taskKey(lesson, 'a')]: done(1) } }));
    storage.values.set(progressKey, 'garbage');
    new ProgressStore(storage, fixedNow);
    const backups = [...storage.values.keys()].filter((key) => key.startsWith(`${backupKey}-`)).sort();
    expect(backups).toEqual([`${backupKey}-2026-03-01T00:00:00.000Z`, `${backupKey}-2026-04-01T00:00:00.000Z`, `${backupKey}-2026-11-26T10:00:00.000Z`]);
    expect(storage.values.has(resetBackupKey)).toBe(true); // the reset backup is not one of them
  });
});

describe('reset and restore', () => {
  it('keeps what a reset removed under one key, and restoring merges it back and drops the backup', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage, fixedNow);
    store.setTask(lesson, 'a', true);
    expect(store.restorable).toBe(false);
    expect(store.reset()).toBe('written');
    expect(store.progress.tasks).toEqual({});
    expect(store.restorable).toBe(true);
    expect(JSON.parse(storage.values.get(resetBackupKey)!).tasks).toHaveProperty(taskKey(lesson, 'a'));

    store.setTask(lesson, 'b', true); // ticked after the reset: kept by the restore
    expect(store.restoreReset()).toBe('written');
    expect(Object.keys(store.progress.tasks).sort()).toEqual([taskKey(lesson, 'a'), taskKey(lesson, 'b')]);
    expect(store.restorable).toBe(false);
    expect(storage.values.has(resetBackupKey)).toBe(false);
    expect(store.restoreReset()).toBe('nothing-to-restore');
  });

  it('a second reset of nothing keeps the backup of the first', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage, fixedNow);
    store.setTask(lesson, 'a', true);
    store.reset();
    const backup = storage.values.get(resetBackupKey);
    store.reset();
    expect(storage.values.get(resetBackupKey)).toBe(backup);
    store.restoreReset();
    expect(store.progress.tasks[taskKey(lesson, 'a')]?.done).toBe(true);
  });

  it('resets nothing when the backup cannot be written', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage, fixedNow);
    store.setTask(lesson, 'a', true);
    storage.failWrites = true;
    expect(store.reset()).toBe('no-backup');
    expect(store.progress.tasks[taskKey(lesson, 'a')]?.done).toBe(true);
    expect(JSON.parse(storage.values.get(progressKey)!).tasks).toHaveProperty(taskKey(lesson, 'a'));
  });

  it('another tab sees the backup appear and go', () => {
    const shared = new Map<string, string>();
    const here = new ProgressStore(new MemoryStorage(shared), fixedNow);
    const there = new ProgressStore(new MemoryStorage(shared), fixedNow);
    here.setTask(lesson, 'a', true);
    here.reset();
    there.takeExternalChange();
    expect(there.restorable).toBe(true);
    there.restoreReset();
    here.takeExternalChange();
    expect(here.restorable).toBe(false);
    expect(here.progress.tasks[taskKey(lesson, 'a')]?.done).toBe(true);
  });

  it('works for the visit when there is no storage', () => {
    const store = new ProgressStore(undefined, fixedNow);
    store.setTask(lesson, 'a', true);
    expect(store.reset()).toBe('memory-only');
    expect(store.restoreReset()).toBe('memory-only');
    expect(store.progress.tasks[taskKey(lesson, 'a')]?.done).toBe(true);
    expect(store.restorable).toBe(false);
  });
});

describe('progress from a newer version of the course', () => {
  const newerVersion = progressVersion + 1;
  const newer = JSON.stringify({ version: newerVersion, tasks: { [taskKey(lesson, 'a')]: done(2) }, streak: { days: 4 } });

  it('is kept as it is, shown read-only and exported untouched, never treated as corrupt', () => {
    const storage = new MemoryStorage();
    storage.values.set(progressKey, newer);
    const store = new ProgressStore(storage, fixedNow);
    expect(store.readOnly).toBe(true);
    expect(store.notices).toEqual([{ kind: 'newer-version', version: newerVersion }]);
    expect(store.progress.tasks[taskKey(lesson, 'a')]?.done).toBe(true);

    store.setTask(lesson, 'a', false);
    store.recordVisit({ lesson, locale: 'en' });
    store.markDoneByDemo(lesson, 'b');
    expect(store.reset()).toBe('read-only');
    expect(store.importText(progressToExport({ version: 2, tasks: {} }, fixedNow()))).toEqual({ ok: true, outcome: 'read-only' });
    expect(store.progress.tasks[taskKey(lesson, 'a')]?.done).toBe(true);
    expect([...storage.values.entries()]).toEqual([[progressKey, newer]]);
    expect(JSON.parse(store.exportText())).toMatchObject({ format: 'edge-ai-workshop-progress', version: newerVersion, streak: { days: 4 } });
  });

  it('turns a tab read-only when another tab writes it, and back when this version’s data returns', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage, fixedNow);
    storage.values.set(progressKey, newer);
    store.setTask(lesson, 'b', true); // the change is refused: the newer record stays
    expect(storage.values.get(progressKey)).toBe(newer);
    expect(store.readOnly).toBe(true);
    storage.values.set(progressKey, JSON.stringify({ version: 2, tasks: {} }));
    store.takeExternalChange();
    expect(store.readOnly).toBe(false);
    expect(store.notices).toEqual([]);
  });
});


describe('quiz answers in the store', () => {
  const key = quizKey(lesson, 'port-moves');

  it('keeps the latest answer, writes it at once and reads it back in a new store', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage, fixedNow);
    expect(store.answerQuiz(lesson, 'port-moves', { chosen: ['firewall'], correct: false })).toBe('written');
    store.answerQuiz(lesson, 'port-moves', { chosen: ['new-port'], correct: true });
    expect(new ProgressStore(storage, fixedNow).progress.quizzes).toEqual({ [key]: { chosen: ['new-port'], correct: true, at: '2026-11-26T10:00:00.000Z' } });
  });

  it('moves stored version-2 ticks to the current format, keeping the original under a backup key', () => {
    const storage = new MemoryStorage();
    const v2 = JSON.stringify({ version: 2, tasks: { [taskKey(lesson, 'a')]: done(1) } });
    storage.values.set(progressKey, v2);
    const store = new ProgressStore(storage, fixedNow);
    expect(store.notices).toEqual([{ kind: 'migrated', fromVersion: 2, backupKey: `${backupKey}-2026-11-26T10:00:00.000Z` }]);
    expect(JSON.parse(storage.values.get(progressKey)!)).toMatchObject({ version: progressVersion, tasks: { [taskKey(lesson, 'a')]: done(1) }, quizzes: {} });
    expect(storage.values.get(`${backupKey}-2026-11-26T10:00:00.000Z`)).toBe(v2);
  });

  it('shows an answer given in another tab', () => {
    const shared = new Map<string, string>();
    const here = new ProgressStore(new MemoryStorage(shared), fixedNow);
    new ProgressStore(new MemoryStorage(shared), fixedNow).answerQuiz(lesson, 'port-moves', { chosen: ['new-port'], correct: true });
    here.takeExternalChange();
    expect(here.progress.quizzes[key]?.chosen).toEqual(['new-port']);
  });

  it('imports answers with the rest: the later answer to a quiz wins', () => {
    const store = new ProgressStore(new MemoryStorage(), fixedNow);
    store.answerQuiz(lesson, 'port-moves', { chosen: ['firewall'], correct: false });
    const file = (at: string) => progressToExport({ version: progressVersion, tasks: {}, quizzes: { [key]: { chosen: ['new-port'], correct: true, at } } }, fixedNow());
    store.importText(file('2026-11-01T00:00:00.000Z')); // older than the answer given here
    expect(store.progress.quizzes[key]?.chosen).toEqual(['firewall']);
    store.importText(file('2026-12-01T00:00:00.000Z'));
    expect(store.progress.quizzes[key]?.chosen).toEqual(['new-port']);
  });

  it('keeps progress that holds only answers for a restore before resetting it', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage, fixedNow);
    store.answerQuiz(lesson, 'port-moves', { chosen: ['new-port'], correct: true });
    expect(store.reset()).toBe('written');
    expect(store.progress.quizzes).toEqual({});
    expect(store.restorable).toBe(true);
    store.restoreReset();
    expect(store.progress.quizzes[key]?.correct).toBe(true);

    storage.failWrites = true;
    expect(store.reset()).toBe('no-backup'); // the answer would be lost for good
    expect(store.progress.quizzes[key]?.correct).toBe(true);
  });

  it('changes no answer while the stored progress comes from a newer version', () => {
    const storage = new MemoryStorage();
    const newer = JSON.stringify({ version: progressVersion + 1, tasks: {} });
    storage.values.set(progressKey, newer);
    expect(new ProgressStore(storage, fixedNow).answerQuiz(lesson, 'port-moves', { chosen: ['new-port'], correct: true })).toBe('read-only');
    expect(storage.values.get(progressKey)).toBe(newer);
  });
});
