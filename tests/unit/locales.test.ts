import { describe, expect, it } from 'vitest';
import { bestLocale, languageName, localeOrSource, pathInLocale, textDirection } from '../../src/lib/locales';

describe('textDirection', () => {
  it('knows right-to-left scripts and defaults to left-to-right', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('he')).toBe('rtl');
    expect(textDirection('fa-IR')).toBe('rtl');
    expect(textDirection('bg')).toBe('ltr');
    expect(textDirection('en')).toBe('ltr');
  });

  it('treats a malformed tag as left-to-right instead of throwing', () => {
    expect(textDirection('not a locale!')).toBe('ltr');
  });
});

describe('bestLocale', () => {
  const available = ['en', 'bg', 'ar', 'pt-BR'];

  it('takes the first preference the course has', () => {
    expect(bestLocale(['fr-FR', 'bg-BG', 'en'], available)).toBe('bg');
  });

  it('matches an exact regional tag before a base language', () => {
    expect(bestLocale(['pt-BR'], available)).toBe('pt-BR');
    expect(bestLocale(['ar-EG'], available)).toBe('ar');
  });

  it('is case-insensitive', () => {
    expect(bestLocale(['BG'], available)).toBe('bg');
  });

  const upstream = ['en', 'bg', 'ar', 'ja', 'fa', 'no', 'tr', 'pt-BR', 'pt-PT', 'zh-CN', 'zh-TW', 'zh-HK', 'zh-MO'];

  it('matches regions and scripts as a reader expects', () => {
    expect(bestLocale(['zh-Hant-TW'], upstream)).toBe('zh-TW');
    expect(bestLocale(['zh-Hant'], upstream)).toBe('zh-TW');
    expect(bestLocale(['zh-HK'], upstream)).toBe('zh-HK');
    expect(bestLocale(['zh-Hans-SG'], upstream)).toBe('zh-CN');
    expect(bestLocale(['zh'], upstream)).toBe('zh-CN');
    expect(bestLocale(['fa-IR'], upstream)).toBe('fa');
    expect(bestLocale(['nb-NO'], upstream)).toBe('no');
    expect(bestLocale(['nn'], upstream)).toBe('no');
    expect(bestLocale(['pt'], upstream)).toBe('pt-BR');
    expect(bestLocale(['pt-PT'], upstream)).toBe('pt-PT');
    expect(bestLocale(['pt-AO'], upstream)).toBe('pt-PT');
    expect(bestLocale(['ja-JP', 'en'], upstream)).toBe('ja');
  });

  it('takes Macau to Hong Kong’s Chinese when the course has no zh-MO', () => {
    expect(bestLocale(['zh-MO'], ['en', 'zh-CN', 'zh-TW', 'zh-HK'])).toBe('zh-HK');
  });

  it('serves a reader of one script in another only when nothing closer exists', () => {
    expect(bestLocale(['zh-TW'], ['en', 'zh-CN'])).toBe('zh-CN');
  });

  it('skips a malformed preference', () => {
    expect(bestLocale(['not a tag!', 'bg'], available)).toBe('bg');
  });

  it('falls back to English when nothing matches or the browser gives no languages', () => {
    expect(bestLocale(['ja', 'ko'], available)).toBe('en');
    expect(bestLocale([], available)).toBe('en');
  });
});

describe('languageName', () => {
  it('names a language in its own language, capitalised', () => {
    expect(languageName('bg')).toBe('Български');
    expect(languageName('ar')).toBe('العربية');
    expect(languageName('en')).toBe('English');
  });

  it('names a language in another language', () => {
    expect(languageName('bg', 'en')).toBe('Bulgarian');
  });
});

describe('localeOrSource', () => {
  it('keeps a course locale and replaces anything else with English', () => {
    expect(localeOrSource('ar')).toBe('ar');
    expect(localeOrSource('xx')).toBe('en');
    expect(localeOrSource(undefined)).toBe('en');
  });
});

describe('pathInLocale', () => {
  it('drops the locale and the slashes around a page path', () => {
    expect(pathInLocale('/bg/module-08/04-cutting-edge-models/')).toBe('module-08/04-cutting-edge-models');
    expect(pathInLocale('/ar/')).toBe('');
    expect(pathInLocale('/other/page')).toBe('other/page');
  });
});
