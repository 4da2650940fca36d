import { describe, expect, it } from 'vitest';
import { progressToExport, taskKey } from '../../src/lib/progress';
import { ProgressStore, progressKey, type KeyValueStorage } from '../../src/lib/progressStore';

const lesson = 'module-08/04-cutting-edge-models';
const fixedNow = () => new Date('2026-11-26T10:00:00.000Z');

class MemoryStorage implements KeyValueStorage {
  values = new Map<string, string>();
  failWrites = false;
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('quota', 'QuotaExceededError');
    this.values.set(key, value);
  }
}

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
    expect(JSON.parse(storage.values.get(progressKey)!).version).toBe(2);
    expect([...storage.values.values()]).toContain(oldest);
  });

  it('works in memory when storage is missing or throws, and says progress will not be kept', () => {
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    for (const storage of [undefined, throwing]) {
      const store = new ProgressStore(storage, fixedNow);
      store.setTask(lesson, 'a', true);
      expect(store.progress.tasks[taskKey(lesson, 'a')]?.done).toBe(true);
      expect(store.persistent).toBe(false);
      expect(store.notices).toEqual([{ kind: 'memory-only' }]);
    }
  });

  it('keeps going in memory when storage fills up mid-visit', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage, fixedNow);
    storage.failWrites = true;
    store.setTask(lesson, 'a', true);
    expect(store.progress.tasks[taskKey(lesson, 'a')]?.done).toBe(true);
    expect(store.notices).toEqual([{ kind: 'memory-only' }]);
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
});
