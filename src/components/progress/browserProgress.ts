/**
 * The page's one progress store, on the browser's localStorage, following changes made in other tabs.
 * Demos that prove a checklist task done call `markTaskDone`; the learner can untick such a task.
 */
import { ProgressStore, progressKey, resetBackupKey } from '../../lib/progressStore';
import { localStorageIfAllowed } from '../../lib/safeStorage';

let store: ProgressStore | undefined;

/** The learner's progress in this browser, shared by everything on the page. */
export function browserProgress(): ProgressStore {
  if (!store) {
    const created = new ProgressStore(localStorageIfAllowed());
    addEventListener('storage', (event) => {
      if (event.key === progressKey || event.key === resetBackupKey || event.key === null) created.takeExternalChange();
    });
    store = created;
  }
  return store;
}

/** Ticks a task of the lesson on this page on the learner's behalf, marked as done by a demo; the learner view and the instructor view of a lesson share its ticks. */
export function markTaskDone(taskId: string): void {
  const lesson = document.querySelector<HTMLElement>('article[data-lesson]')?.dataset['lesson'];
  if (lesson) browserProgress().markDoneByDemo(lesson, taskId);
}
