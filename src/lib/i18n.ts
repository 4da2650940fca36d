/**
 * UI strings: look-up with per-key fallback. A key missing in a locale falls back to the locale's base
 * language (`pt-BR` → `pt`), then to English, so a half-finished dictionary never shows a raw key.
 */
import { ar } from '../i18n/ar';
import { bg } from '../i18n/bg';
import { en, type Dictionary, type UiKey } from '../i18n/en';
import type { Locale } from './locales';

/** A key of the English dictionary, which every other dictionary follows. */
export type { UiKey };

// Typed by Locale so that adding a locale without a dictionary fails the type check.
const dictionaries: Record<Locale, Partial<Dictionary>> = { en, bg, ar };

function dictionaryOf(locale: string): Partial<Dictionary> | undefined {
  return (dictionaries as Record<string, Partial<Dictionary>>)[locale];
}

/** Values for a string's `{name}` placeholders. */
export type Variables = Record<string, string | number>;

/** Replaces `{name}` placeholders; an unknown placeholder is left visible so a bad key is easy to spot. */
export function interpolate(template: string, variables: Variables = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in variables ? String(variables[name]) : placeholder,
  );
}

function lookUp(locale: string, key: UiKey): string {
  const base = locale.split('-')[0]!;
  return dictionaryOf(locale)?.[key] ?? dictionaryOf(base)?.[key] ?? en[key];
}

/** Looks up a string by key and fills its placeholders; typed by the keys it may be asked for. */
export type Translate<K extends UiKey = UiKey> = (key: K, variables?: Variables) => string;

/** A translate function bound to one locale: `t('nav.next')`, `t('lesson.module', { module: 8 })`. */
export function useTranslations(locale: string): Translate {
  return (key, variables) => interpolate(lookUp(locale, key), variables);
}

/** A translate function over the strings a component handed its client script (see `pickStrings`). */
export function translateFrom<K extends UiKey>(strings: Partial<Record<K, string>>): Translate<K> {
  return (key, variables) => interpolate(strings[key] ?? key, variables);
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
