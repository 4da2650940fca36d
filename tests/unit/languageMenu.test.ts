import { describe, expect, it } from 'vitest';
import { languageEntries, matchingEntries } from '../../src/lib/languageMenu';

const codes = ['en', 'de', 'fa', 'ja', 'no', 'pt-BR', 'zh-TW'];
const entries = languageEntries(codes, 'en', 'module-08/04-cutting-edge-models/', new Set(['en', 'de', 'ja']));

describe('the language menu', () => {
  it('names each language in itself, and in the page’s language when that differs', () => {
    const german = entries.find((entry) => entry.code === 'de')!;
    expect(german).toMatchObject({ ownName: 'Deutsch', localName: 'German', href: '/de/module-08/04-cutting-edge-models/', dir: 'ltr', translated: true });
    expect(entries.find((entry) => entry.code === 'en')!.localName).toBeUndefined();
    expect(entries.find((entry) => entry.code === 'fa')).toMatchObject({ ownName: 'فارسی', dir: 'rtl', translated: false });
    expect(entries.find((entry) => entry.code === 'no')!.ownName).toBe('Norsk bokmål');
  });

  it('finds a language by its own name, its name in the page’s language or its code, ignoring case and accents', () => {
    expect(matchingEntries(entries, 'deut').map((entry) => entry.code)).toEqual(['de']);
    expect(matchingEntries(entries, 'GERMAN').map((entry) => entry.code)).toEqual(['de']);
    expect(matchingEntries(entries, 'portugues').map((entry) => entry.code)).toEqual(['pt-BR']);
    expect(matchingEntries(entries, 'zh-tw').map((entry) => entry.code)).toEqual(['zh-TW']);
    expect(matchingEntries(entries, '日本').map((entry) => entry.code)).toEqual(['ja']);
    expect(matchingEntries(entries, '  ')).toHaveLength(codes.length);
    expect(matchingEntries(entries, 'klingon')).toEqual([]);
  });
});
