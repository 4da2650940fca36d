/**
 * The UI strings a component's script reads. Its room's `…Strings.ts` lists the keys (gathered by tag in
 * stringSets.ts); pageBehaviours.ts fetches them for the page's language into `data-strings` before the
 * script runs, which reads them through a translate function typed by that same list, so a misspelt or
 * unlisted key fails the type check.
 */
import { translateFrom, type Translate, type UiKey } from '../lib/i18n';

/** The strings `element` was handed, as a translate function over the keys its component lists, in the page's language. */
export function readStrings<K extends UiKey>(element: HTMLElement): Translate<K> {
  const locale = element.closest<HTMLElement>('[lang]')?.lang || 'en';
  return translateFrom<K>(JSON.parse(element.dataset['strings'] ?? '{}') as Partial<Record<K, string>>, locale);
}
