/**
 * The presenter's clock for one lesson, kept in localStorage so every window of the instructor's browser
 * shares it: a change in one arrives in the others as a `storage` event (which fires only in the other
 * windows), and a reload reads it back. When storage is blocked, the clock still works in this window.
 */
import { parsePresenterState, presenterStorageKey, type PresenterState } from '../../lib/presenterTimer';
import { safeStorage } from '../../lib/safeStorage';

/** The shared clock of one lesson: read it, change it, hear when it changes (here or in another window). */
export interface PresenterStore {
  read(): PresenterState;
  change(update: (state: PresenterState, now: number) => PresenterState): void;
  subscribe(listener: () => void): void;
}

/** The store of a lesson's clock, for a lesson of `partCount` parts. */
export function presenterStore(lessonSlug: string, partCount: number): PresenterStore {
  const key = presenterStorageKey(lessonSlug);
  const listeners: (() => void)[] = [];
  let inMemory = parsePresenterState(safeStorage.get(key), partCount);
  const notify = () => listeners.forEach((listener) => listener());

  addEventListener('storage', (event) => {
    if (event.key !== key && event.key !== null) return; // null: storage was cleared
    inMemory = parsePresenterState(event.newValue, partCount);
    notify();
  });

  return {
    read: () => inMemory,
    change(update) {
      // Start from what is stored now: another window may have changed it since this one last heard.
      const stored = safeStorage.get(key);
      const current = stored === null ? inMemory : parsePresenterState(stored, partCount);
      inMemory = update(current, Date.now());
      safeStorage.set(key, JSON.stringify(inMemory));
      notify();
    },
    subscribe(listener) {
      listeners.push(listener);
    },
  };
}
