/**
 * The page's one progress store, on the browser's localStorage, following changes made in other tabs.
 * Demos that prove a checklist task done call `markTaskDone`; the learner can untick such a task.
 */
import { ProgressStore, progressKey } from '../../lib/progressStore';

let store: ProgressStore | undefined;

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // reading the property itself throws when storage is disabled
  }
}

export function courseProgress(): ProgressStore {
  if (!store) {
    const created = new ProgressStore(browserStorage());
    addEventListener('storage', (event) => {
      if (event.key === progressKey || event.key === null) created.takeExternalChange();
    });
    store = created;
  }
  return store;
}

/** Ticks a checklist task on the learner's behalf, marked as done by a demo. */
export function markTaskDone(lesson: string, taskId: string): void {
  courseProgress().markDoneByDemo(lesson, taskId);
}
