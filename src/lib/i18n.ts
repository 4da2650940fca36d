/**
 * UI strings: look-up with per-key fallback. A key missing in a locale falls back to the locale's base
 * language (`pt-BR` → `pt`), then to English, so a half-finished dictionary never shows a raw key.
 */
import { ar } from '../i18n/ar';
import { bg } from '../i18n/bg';
import { bn } from '../i18n/bn';
import { cs } from '../i18n/cs';
import { da } from '../i18n/da';
import { de } from '../i18n/de';
import { el } from '../i18n/el';
import { en, type Dictionary, type UiKey } from '../i18n/en';
import { es } from '../i18n/es';
import { et } from '../i18n/et';
import { fa } from '../i18n/fa';
import { fi } from '../i18n/fi';
import { fr } from '../i18n/fr';
import { he } from '../i18n/he';
import { hi } from '../i18n/hi';
import { hr } from '../i18n/hr';
import { hu } from '../i18n/hu';
import { id } from '../i18n/id';
import { it } from '../i18n/it';
import { ja } from '../i18n/ja';
import { km } from '../i18n/km';
import { kn } from '../i18n/kn';
import { ko } from '../i18n/ko';
import { lt } from '../i18n/lt';
import { ml } from '../i18n/ml';
import { mr } from '../i18n/mr';
import { ms } from '../i18n/ms';
import { my } from '../i18n/my';
import { ne } from '../i18n/ne';
import { nl } from '../i18n/nl';
import { no } from '../i18n/no';
import { pa } from '../i18n/pa';
import { pcm } from '../i18n/pcm';
import { pl } from '../i18n/pl';
import { ptBR } from '../i18n/pt-BR';
import { ptPT } from '../i18n/pt-PT';
import { ro } from '../i18n/ro';
import { ru } from '../i18n/ru';
import { sk } from '../i18n/sk';
import { sl } from '../i18n/sl';
import { sr } from '../i18n/sr';
import { sv } from '../i18n/sv';
import { sw } from '../i18n/sw';
import { ta } from '../i18n/ta';
import { te } from '../i18n/te';
import { th } from '../i18n/th';
import { tl } from '../i18n/tl';
import { tr } from '../i18n/tr';
import { uk } from '../i18n/uk';
import { ur } from '../i18n/ur';
import { vi } from '../i18n/vi';
import { zhCN } from '../i18n/zh-CN';
import { zhHK } from '../i18n/zh-HK';
import { zhTW } from '../i18n/zh-TW';
import type { Locale } from './locales';

/** A key of the English dictionary, which every other dictionary follows. */
export type { UiKey };

// Typed by Locale so that adding a locale without a dictionary fails the type check. Macau reads Hong Kong's
// Traditional Chinese (CLDR's parent locale for zh-MO), so the two share one dictionary.
const dictionaries: Record<Locale, Partial<Dictionary>> = { en, ar, bg, bn, cs, da, de, el, es, et, fa, fi, fr, he, hi, hr, hu, id, it, ja, km, kn, ko, lt, ml, mr, ms, my, ne, nl, no, pa, pcm, pl, 'pt-BR': ptBR, 'pt-PT': ptPT, ro, ru, sk, sl, sr, sv, sw, ta, te, th, tl, tr, uk, ur, vi, 'zh-CN': zhCN, 'zh-HK': zhHK, 'zh-MO': zhHK, 'zh-TW': zhTW };

function dictionaryOf(locale: string): Partial<Dictionary> | undefined {
  return (dictionaries as Record<string, Partial<Dictionary>>)[locale];
}

/** Values for a string's `{name}` placeholders. */
export type Variables = Record<string, string | number>;

/** One `{name}` or `{name, plural, one {…} other {…}}` placeholder: its variable, and the plural choices if any. */
interface Placeholder {
  name: string;
  choices?: Map<string, string>;
  end: number;
}

/** Reads the placeholder that opens at `start` (a `{`), or undefined when the text there is no placeholder. */
function readPlaceholder(template: string, start: number): Placeholder | undefined {
  const head = /^\{(\w+)(?:\}|,\s*plural\s*,)/.exec(template.slice(start));
  if (!head) return undefined;
  if (head[0].endsWith('}')) return { name: head[1]!, end: start + head[0].length };
  const choices = new Map<string, string>();
  let at = start + head[0].length;
  for (;;) {
    const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(template.slice(at));
    if (!selector) break;
    let depth = 1;
    let index = at + selector[0].length;
    for (; index < template.length && depth > 0; index++) depth += template[index] === '{' ? 1 : template[index] === '}' ? -1 : 0;
    if (depth > 0) return undefined;
    choices.set(selector[1]!, template.slice(at + selector[0].length, index - 1));
    at = index;
  }
  const close = /^\s*\}/.exec(template.slice(at));
  return close && choices.has('other') ? { name: head[1]!, choices, end: at + close[0].length } : undefined;
}

/** The choice of a plural placeholder for `count`: an exact `=N` first, then the language's plural category. */
function pluralChoice(choices: Map<string, string>, count: number, locale: string): string {
  return choices.get(`=${count}`) ?? choices.get(new Intl.PluralRules(locale).select(count)) ?? choices.get('other')!;
}

/**
 * Fills `{name}` placeholders, numbers written as `locale` writes them (Persian digits in `fa`), and
 * `{count, plural, one {# file} other {# files}}` by the language's plural rules (`#` is the number).
 * A placeholder without a value is left as it is, so a bad key is easy to spot and a template can be
 * handed on whole to a script that fills it later.
 */
export function interpolate(template: string, variables: Variables = {}, locale = 'en'): string {
  // No grouping: a port (11434) or a year is a number too, and must not read "11,434".
  const numbers = new Intl.NumberFormat(locale, { useGrouping: false });
  const written = (value: string | number) => (typeof value === 'number' ? numbers.format(value) : value);
  let result = '';
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{', at);
    if (open < 0) break;
    const placeholder = readPlaceholder(template, open);
    const value = placeholder ? variables[placeholder.name] : undefined;
    if (!placeholder || value === undefined) {
      result += template.slice(at, open + 1);
      at = open + 1;
      continue;
    }
    result += template.slice(at, open);
    result += placeholder.choices
      ? interpolate(pluralChoice(placeholder.choices, Number(value), locale).replaceAll('#', written(value) as string), variables, locale)
      : written(value);
    at = placeholder.end;
  }
  return result + template.slice(at);
}

/** The names of the variables a string's placeholders use (plain and plural), for checking translations. */
export function placeholderNames(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(/\{(\w+)(?:\}|,\s*plural\s*,)/g)) names.add(match[1]!);
  return [...names].sort();
}

function lookUp(locale: string, key: UiKey): string {
  const base = locale.split('-')[0]!;
  return dictionaryOf(locale)?.[key] ?? dictionaryOf(base)?.[key] ?? en[key];
}

/** Looks up a string by key and fills its placeholders; typed by the keys it may be asked for. */
export type Translate<K extends UiKey = UiKey> = (key: K, variables?: Variables) => string;

/** A translate function bound to one locale: `t('nav.next')`, `t('lesson.module', { module: 8 })`. */
export function useTranslations(locale: string): Translate {
  return (key, variables) => interpolate(lookUp(locale, key), variables, locale);
}

/** A translate function over the strings a component handed its client script (see `pickStrings`), in `locale`. */
export function translateFrom<K extends UiKey>(strings: Partial<Record<K, string>>, locale = 'en'): Translate<K> {
  return (key, variables) => interpolate(strings[key] ?? key, variables, locale);
}

/** Keys of the English dictionary that `locale` does not define: what a translator still has to do. */
export function missingKeys(locale: string): UiKey[] {
  const dictionary = dictionaryOf(locale) ?? {};
  return (Object.keys(en) as UiKey[]).filter((key) => !dictionary[key]);
}

/** Every string of one locale, fallbacks applied: handed to client scripts that need a few of them. */
export function pickStrings<K extends UiKey>(locale: string, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, lookUp(locale, key)])) as Record<K, string>;
}
