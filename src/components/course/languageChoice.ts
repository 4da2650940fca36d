/** Remembers the language a reader picks from any link marked `data-locale-choice`, for `/` to honour. */
import { preferenceKeys, safeStorage } from '../../lib/preferences';

export function rememberLocaleChoices(root: ParentNode): void {
  root.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLElement>('[data-locale-choice]');
    if (link?.dataset['localeChoice']) safeStorage.set(preferenceKeys.locale, link.dataset['localeChoice']);
  });
}
