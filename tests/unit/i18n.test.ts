import { describe, expect, it } from 'vitest';
import { interpolate, missingKeys, pickStrings, useTranslations } from '../../src/lib/i18n';
import { locales } from '../../src/lib/locales';

describe('UI dictionaries', () => {
  it.each(locales)('%s defines every key of the English dictionary', (locale) => {
    expect(missingKeys(locale)).toEqual([]);
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
});

describe('pickStrings', () => {
  it('picks the named strings with fallbacks applied', () => {
    expect(pickStrings('bg', ['code.copy', 'code.copied'])).toEqual({ 'code.copy': 'Копирай', 'code.copied': 'Копирано' });
  });
});
