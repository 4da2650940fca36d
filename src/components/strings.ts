/**
 * The UI strings a component's script reads. The component's markup picks them (`pickStrings`) from the key
 * list in its room's `…Strings.ts` and hands them over in `data-strings`; the script reads them through a
 * translate function typed by that same list, so a misspelt or unlisted key fails the type check.
 */
import { translateFrom, type Translate, type UiKey } from '../lib/i18n';

/** The strings `element` was handed, as a translate function over the keys its component lists. */
export function readStrings<K extends UiKey>(element: HTMLElement): Translate<K> {
  return translateFrom<K>(JSON.parse(element.dataset['strings'] ?? '{}') as Partial<Record<K, string>>);
}
