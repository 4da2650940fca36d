import { describe, expect, it } from 'vitest';
import { interpolate, missingKeys, pickStrings, placeholderNames, useTranslations } from '../../src/lib/i18n';
import { en, type UiKey } from '../../src/i18n/en';
import { locales } from '../../src/lib/locales';

describe('UI dictionaries', () => {
  it.each(locales)('%s defines every key of the English dictionary', (locale) => {
    expect(missingKeys(locale)).toEqual([]);
  });

  it.each(locales)('%s uses exactly the placeholders of each English string, and its plural forms are its language’s', (locale) => {
    const t = pickStrings(locale, Object.keys(en) as UiKey[]);
    const categories = new Set([...new Intl.PluralRules(locale).resolvedOptions().pluralCategories]);
    const problems: string[] = [];
    for (const [key, english] of Object.entries(en) as [UiKey, string][]) {
      const translated = t[key];
      if (placeholderNames(translated).join() !== placeholderNames(english).join()) problems.push(`${key}: {${placeholderNames(translated).join('}, {')}} where English has {${placeholderNames(english).join('}, {')}}`);
      for (const [, selector] of translated.matchAll(/[\s{,](zero|one|two|few|many)\s*\{/g))
        if (!categories.has(selector as Intl.LDMLPluralRule)) problems.push(`${key}: "${selector}" is not a plural form of ${locale}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('useTranslations', () => {
  it('returns the string in the locale, with variables filled in', () => {
    expect(useTranslations('bg')('lesson.module', { module: 8 })).toBe('Модул 8');
    expect(useTranslations('ar')('nav.next')).toBe('التالي');
  });

  it('falls back from a region to its language, then to English', () => {
    expect(useTranslations('bg-BG')('nav.next')).toBe('Следващ');
    expect(useTranslations('xx')('nav.next')).toBe('Next');
  });

  it('reports every key of an unknown locale as missing', () => {
    expect(missingKeys('xx')).toContain('nav.next');
  });
});

describe('interpolate', () => {
  it('leaves unknown placeholders visible', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  const models = '{count, plural, =0 {no models} one {# model} other {# models}}';
  it('chooses a plural form by the language’s rules, an exact =N first', () => {
    expect(interpolate(models, { count: 0 })).toBe('no models');
    expect(interpolate(models, { count: 1 })).toBe('1 model');
    expect(interpolate(models, { count: 12 })).toBe('12 models');
    const files = '{n, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}';
    expect([1, 3, 5, 21, 1.5].map((n) => interpolate(files, { n }, 'ru'))).toEqual(['1 файл', '3 файла', '5 файлов', '21 файл', '1,5 файла']);
    const arabic = '{n, plural, zero {لا نماذج} one {نموذج واحد} two {نموذجان} few {# نماذج} many {# نموذجًا} other {# نموذج}}';
    expect([0, 1, 2, 3, 11, 100].map((n) => interpolate(arabic, { n }, 'ar'))).toEqual(['لا نماذج', 'نموذج واحد', 'نموذجان', '3 نماذج', '11 نموذجًا', '100 نموذج']);
  });

  it('writes numbers as the language does, without grouping (ports, years)', () => {
    expect(interpolate('{n} of {total}', { n: 3, total: 12 }, 'fa')).toBe('۳ of ۱۲');
    expect(interpolate('port {port}', { port: 11434 }, 'en')).toBe('port 11434');
    expect(interpolate('{count, plural, other {# فایل}}', { count: 7 }, 'fa')).toBe('۷ فایل');
  });

  it('fills placeholders inside a plural form, and keeps a template whole when its count is not given', () => {
    expect(interpolate('{count, plural, one {# model at {url}} other {# models at {url}}}', { count: 2, url: 'http://x' })).toBe('2 models at http://x');
    expect(interpolate(models, {})).toBe(models);
  });

  it('names every variable a string uses, plural ones included', () => {
    expect(placeholderNames('{kind} at {url}: {count, plural, one {# model} other {# models}}')).toEqual(['count', 'kind', 'url']);
  });
});

describe('pickStrings', () => {
  it('picks the named strings with fallbacks applied', () => {
    expect(pickStrings('bg', ['code.copy', 'code.copied'])).toEqual({ 'code.copy': 'Копирай', 'code.copied': 'Копирано' });
  });
});
