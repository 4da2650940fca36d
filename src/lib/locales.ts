/**
 * The course's locales and what can be derived from a locale code alone: its text direction, its name,
 * and the best match for a visitor's browser languages. Every route, dictionary and test reads this list.
 */

/** Locales with a UI dictionary, in the order the language picker lists them. English is the source. */
export const locales = ['en', 'bg', 'ar'] as const;

/** A locale code the course has a dictionary and routes for. */
export type Locale = (typeof locales)[number];

/** The language lessons are written in; translations are checked against it. */
export const sourceLocale: Locale = 'en';

/** Whether a string (a route segment, a stored preference) is one of the course's locales. */
export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

// Languages written right to left, for engines whose Intl.Locale lacks text info (Firefox before 2025).
const knownRightToLeft = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'ha', 'he', 'khw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

type LocaleWithTextInfo = Intl.Locale & {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
};

/** The writing direction of a language, from `Intl.Locale` text info where the engine has it. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  try {
    const intlLocale = new Intl.Locale(locale) as LocaleWithTextInfo;
    const direction = intlLocale.getTextInfo?.().direction ?? intlLocale.textInfo?.direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
    return knownRightToLeft.has(intlLocale.language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** A language's name as written in `displayLocale` (its own name when the two are the same). */
export function languageName(locale: string, displayLocale: string = locale): string {
  const name = new Intl.DisplayNames([displayLocale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(displayLocale) + name.slice(1);
}

/**
 * The course locale that best serves a visitor whose browser prefers `preferred` (navigator.languages),
 * trying each preference in order: exact tag first, then its base language (`pt-BR` → `pt`).
 */
export function bestLocale(preferred: readonly string[], available: readonly string[] = locales): string {
  const lower = available.map((code) => code.toLowerCase());
  for (const tag of preferred) {
    const wanted = tag.toLowerCase();
    const exact = lower.indexOf(wanted);
    if (exact >= 0) return available[exact]!;
    const base = lower.indexOf(wanted.split('-')[0]!);
    if (base >= 0) return available[base]!;
  }
  return available.includes(sourceLocale) ? sourceLocale : available[0]!;
}

/** A known locale, or the source locale when `value` is absent or unknown (e.g. `Astro.currentLocale`). */
export function localeOrSource(value: string | undefined): Locale {
  return value !== undefined && isLocale(value) ? value : sourceLocale;
}

/** A page's path inside its locale: `/bg/module-08/04-x/` → `module-08/04-x`. */
export function pathInLocale(pathname: string): string {
  const [first, ...rest] = pathname.split('/').filter(Boolean);
  return (first !== undefined && isLocale(first) ? rest : [first, ...rest]).filter(Boolean).join('/');
}

/** The static paths of a page built once per course locale (`getStaticPaths` of every `[locale]` page but the lessons). */
export function localePagePaths(): { params: { locale: Locale } }[] {
  return locales.map((locale) => ({ params: { locale } }));
}
