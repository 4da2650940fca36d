/** Remembers the language a reader picks from any link marked `data-locale-choice`, for `/` to honour. */
import { preferenceKeys } from '../../lib/preferences';
import { safeStorage } from '../../lib/safeStorage';

/** Stores the locale of any `data-locale-choice` link clicked under `root` as the reader's preference, so `/` sends them there next time. */
export function rememberLocaleChoices(root: ParentNode): void {
  root.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLElement>('[data-locale-choice]');
    if (link?.dataset['localeChoice']) safeStorage.set(preferenceKeys.locale, link.dataset['localeChoice']);
  });
}
