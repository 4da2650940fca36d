/** The UI strings the progress room's scripts read, one list per component (see components/strings.ts). */
import type { UiKey } from '../../lib/i18n';

/** What a storage notice may say about where progress is kept. */
export const storageNoticeKeys = ['storage.memoryOnly', 'storage.recovered', 'storage.unsaved', 'storage.newerVersion'] as const satisfies readonly UiKey[];
/** A key of `storageNoticeKeys`. */
export type StorageNoticeKey = (typeof storageNoticeKeys)[number];

/** What the checklist's script says. */
export const checklistKeys = ['checklist.progress', 'checklist.byDemo', ...storageNoticeKeys] as const satisfies readonly UiKey[];
/** A key of `checklistKeys`. */
export type ChecklistKey = (typeof checklistKeys)[number];

/** What the progress panel's script says. */
export const progressPanelKeys = [
  'progress.imported', 'progress.resetDone', 'progress.resetRefused', 'progress.restored', 'progress.nothingToRestore', 'progress.notSaved',
  'progress.error.not-json', 'progress.error.not-progress', 'progress.error.newer-version', 'progress.error.invalid',
  'progress.error.too-large', 'progress.error.unreadable', ...storageNoticeKeys,
] as const satisfies readonly UiKey[];
/** A key of `progressPanelKeys`. */
export type ProgressPanelKey = (typeof progressPanelKeys)[number];
