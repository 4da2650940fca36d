/** Shows, in a container, what the learner must know about where their progress is kept. */
import { interpolate } from '../../lib/i18n';
import type { ProgressStore } from '../../lib/progressStore';

export function showStorageNotices(container: HTMLElement, store: ProgressStore, strings: Record<string, string>): void {
  const messages = store.notices.flatMap((notice) => {
    if (notice.kind === 'memory-only') return [strings['storage.memoryOnly'] ?? ''];
    if (notice.kind === 'recovered-corrupt') return [interpolate(strings['storage.recovered'] ?? '', { key: notice.backupKey })];
    return []; // a migration needs no action from the learner
  });
  container.replaceChildren(
    ...messages.map((message) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = message;
      return paragraph;
    }),
  );
  container.hidden = messages.length === 0;
}
