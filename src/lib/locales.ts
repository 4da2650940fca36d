/**
 * The course's locales and what can be derived from a locale code alone: its text direction, its name,
 * and the best match for a visitor's browser languages. Every route, dictionary and test reads this list.
 */

/**
 * Locales with a UI dictionary, in the order the language picker lists them: English, the source, then by
 * code. The codes are the upstream course's (BCP 47: `zh-CN`, `pt-BR`; `no` is Norwegian Bokmål).
 */
export const locales = ['en', 'ar', 'bg', 'bn', 'cs', 'da', 'de', 'el', 'es', 'et', 'fa', 'fi', 'fr', 'he', 'hi', 'hr', 'hu', 'id', 'it', 'ja', 'km', 'kn', 'ko', 'lt', 'ml', 'mr', 'ms', 'my', 'ne', 'nl', 'no', 'pa', 'pcm', 'pl', 'pt-BR', 'pt-PT', 'ro', 'ru', 'sk', 'sl', 'sr', 'sv', 'sw', 'ta', 'te', 'th', 'tl', 'tr', 'uk', 'ur', 'vi', 'zh-CN', 'zh-HK', 'zh-MO', 'zh-TW'] as const;

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

/**
 * The tag whose name readers know: the course's `no` is Norwegian Bokmål (`nb`), not Norwegian in general, and
 * Chinese is named by its script as well as its region ("中文（简体，中国）", "中文（繁體，台灣）").
 */
const namedAs: Record<string, string> = { no: 'nb', 'zh-CN': 'zh-Hans-CN', 'zh-TW': 'zh-Hant-TW', 'zh-HK': 'zh-Hant-HK', 'zh-MO': 'zh-Hant-MO' };

/** A language's name inside a sentence written in `displayLocale`, cased as that language writes it there ("le français", "das Deutsche"). */
export function languageNameInText(locale: string, displayLocale: string = locale): string {
  // Short style: "香港", not "中國香港特別行政區", in a menu of 55.
  return new Intl.DisplayNames([namedAs[displayLocale] ?? displayLocale], { type: 'language', style: 'short' }).of(namedAs[locale] ?? locale) ?? locale;
}

/** A language's name as a label in `displayLocale` (its own name when the two are the same), capitalised as a menu entry is. */
export function languageName(locale: string, displayLocale: string = locale): string {
  const name = languageNameInText(locale, displayLocale);
  return name.charAt(0).toLocaleUpperCase(displayLocale) + name.slice(1);
}

/** Language codes that name the same language for a reader: Norwegian Bokmål is `no` in the course, `nb` in most browsers. */
const sameLanguage: Record<string, string> = { nb: 'no', nn: 'no' };

/** Where CLDR sends a region that has no locale of its own: Macau reads Hong Kong's Chinese, Portuguese outside Brazil reads Portugal's. */
const parentLocale: Record<string, string> = { 'zh-Hant-MO': 'zh-Hant-HK', pt: 'pt-Latn-PT' };

interface LocaleParts {
  language: string;
  script: string;
  region: string;
}

/** A tag's language, script and region, the missing ones filled in as CLDR's likely subtags say (`zh-TW` → zh, Hant, TW). */
function localeParts(tag: string): LocaleParts | undefined {
  try {
    const full = new Intl.Locale(tag).maximize();
    return { language: sameLanguage[full.language] ?? full.language, script: full.script ?? '', region: full.region ?? '' };
  } catch {
    return undefined;
  }
}

/** How well an available locale serves a wanted one: 4 the same tag, 3 the same region too, 2 the same script (the nearest region first), 1 the language only, 0 not at all. */
function closeness(wanted: LocaleParts, wantedTag: string, available: LocaleParts, availableTag: string): number {
  if (wantedTag.toLowerCase() === availableTag.toLowerCase()) return 4;
  if (wanted.language !== available.language) return 0;
  if (wanted.script !== available.script) return 1;
  if (wanted.region === available.region) return 3;
  const parent = parentLocale[`${wanted.language}-${wanted.script}-${wanted.region}`] ?? (wanted.region !== 'BR' ? parentLocale[wanted.language] : undefined);
  return parent === `${available.language}-${available.script}-${available.region}` ? 2.5 : 2;
}

/**
 * The course locale that best serves a visitor whose browser prefers `preferred` (navigator.languages),
 * trying each preference in order and taking the closest locale for the first one the course can serve:
 * the same tag, else the same language, script and region (`zh-Hant-TW` → `zh-TW`, `fa-IR` → `fa`), else
 * the same script (`zh-Hant-MO` → `zh-HK`, `pt-AO` → `pt-PT`), else the same language (`nb` → `no`).
 */
export function bestLocale(preferred: readonly string[], available: readonly string[] = locales): string {
  const candidates = available.flatMap((tag) => {
    const parts = localeParts(tag);
    return parts ? [{ tag, parts }] : [];
  });
  for (const tag of preferred) {
    const wanted = localeParts(tag);
    if (!wanted) continue;
    let best: { tag: string; score: number } | undefined;
    for (const candidate of candidates) {
      const score = closeness(wanted, tag, candidate.parts, candidate.tag);
      if (score > (best?.score ?? 0)) best = { tag: candidate.tag, score };
    }
    if (best) return best.tag;
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
