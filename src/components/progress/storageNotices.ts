/** Shows, in a container, what the learner must know about where their progress is kept. */
import type { Translate } from '../../lib/i18n';
import type { ProgressStore } from '../../lib/progressStore';
import type { StorageNoticeKey } from './progressStrings';

/** Fills `container` with the store's notices in the reader's language, or hides it when there are none. */
export function showStorageNotices(container: HTMLElement, store: ProgressStore, t: Translate<StorageNoticeKey>): void {
  const messages = store.notices.flatMap((notice) => {
    if (notice.kind === 'memory-only') return [t('storage.memoryOnly')];
    if (notice.kind === 'recovered-corrupt') return [t('storage.recovered', { key: notice.backupKey })];
    return []; // a migration needs no action from the learner
  });
  container.replaceChildren(...messages.map((message) => Object.assign(document.createElement('p'), { textContent: message })));
  container.hidden = messages.length === 0;
}
