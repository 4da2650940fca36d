/** Shows, in a container, what the learner must know about where their progress is kept. */
import type { Translate } from '../../lib/i18n';
import type { ProgressStore, StorageNotice } from '../../lib/progressStore';
import type { StorageNoticeKey } from './progressStrings';

/** What one notice says in the reader's language; a migration needs no action from the learner, so it says nothing. */
function noticeText(notice: StorageNotice, t: Translate<StorageNoticeKey>): string | undefined {
  switch (notice.kind) {
    case 'memory-only':
      return t('storage.memoryOnly');
    case 'recovered-corrupt':
      return t('storage.recovered', { key: notice.backupKey });
    case 'unsaved':
      return t('storage.unsaved');
    case 'newer-version':
      return t('storage.newerVersion');
    case 'migrated':
      return undefined;
  }
}

/** Fills `container` with the store's notices in the reader's language, or hides it when there are none. */
export function showStorageNotices(container: HTMLElement, store: ProgressStore, t: Translate<StorageNoticeKey>): void {
  const messages = store.notices.flatMap((notice) => noticeText(notice, t) ?? []);
  container.replaceChildren(...messages.map((message) => Object.assign(document.createElement('p'), { textContent: message })));
  container.hidden = messages.length === 0;
}
