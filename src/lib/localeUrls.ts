/**
 * Links into a locale, its code spelt as the course spells it: `/pt-BR/`, `/zh-CN/`, as the pages are built
 * (Astro's own helpers lower-case the code, which would point at `/pt-br/`, a page that does not exist).
 */
import { getAbsoluteLocaleUrl as absoluteLocaleUrl, getRelativeLocaleUrl as relativeLocaleUrl } from 'astro:i18n';

/** The path of `path` in `locale`: `/pt-BR/module-08/…`. */
export function getRelativeLocaleUrl(locale: string, path?: string): string {
  return relativeLocaleUrl(locale, path, { normalizeLocale: false });
}

/** The full URL of `path` in `locale`, on the configured site. */
export function getAbsoluteLocaleUrl(locale: string, path?: string): string {
  return absoluteLocaleUrl(locale, path, { normalizeLocale: false });
}
