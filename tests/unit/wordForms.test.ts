import { describe, expect, it } from 'vitest';
import { stemBulgarian } from '../../src/lib/bulgarianStemmer';
import { foldWord, searchWords } from '../../src/lib/passageSearch';
import { loadWordForms } from '../../src/lib/wordForms';

/** The words of `text` as the index of `locale` compares them. */
async function compared(text: string, locale: string): Promise<string[]> {
  return searchWords(text, locale, await loadWordForms(locale));
}

describe('word forms per language', () => {
  it.each([
    ['en', 'containers', 'container'],
    ['en', 'running models', 'run model'],
    ['de', 'Containern', 'Container'],
    ['fr', 'modèles', 'modèle'],
    ['es', 'contenedores', 'contenedor'],
    ['pt-BR', 'modelos', 'modelo'],
    ['ar', 'المستندات', 'مستند'],
    ['ar', 'المحادثات', 'محادثة'],
    ['ar', 'بالنموذج', 'نموذج'],
    ['bg', 'контейнера', 'контейнер'],
    ['bg', 'чатовете', 'чатове'],
    ['bg', 'променливите', 'променлива'],
  ])('%s: "%s" meets "%s"', async (locale, inflected, base) => {
    expect(await compared(inflected, locale)).toEqual(await compared(base, locale));
  });

  it('leaves out a language’s stop words, in questions and passages alike', async () => {
    expect(await compared('Why does my app read the address from the environment?', 'en')).toEqual(await compared('app read address environment', 'en'));
    expect(await compared('Защо моят скрипт чете адреса от средата?', 'bg')).not.toContain('от');
  });

  it('keeps versions, ports and short words whole', async () => {
    expect(await compared('Phi-4 on port 5273, Node 22.13', 'en')).toEqual(['phi', '4', 'port', '5273', 'node', '22.13']);
  });

  it('keeps whole words where a language has no stemmer (Japanese, Hindi), and folds them as before', async () => {
    expect(await compared('मॉडल चलाएँ', 'hi')).toEqual(searchWords('मॉडल चलाएँ', 'hi')); // the measure found Hindi better without one
    expect(await compared('ポート番号', 'ja')).toEqual(searchWords('ポート番号', 'ja'));
  });
});

describe('folding', () => {
  it('drops accents and Arabic and Hebrew points, but keeps the vowel signs that spell Indic and Thai words', () => {
    expect(foldWord('modèle', 'fr')).toBe('modele');
    expect(foldWord('Überblick', 'de')).toBe('uberblick');
    expect(foldWord('مُتَغَيِّر', 'ar')).toBe(foldWord('متغير', 'ar'));
    expect(foldWord('שָׁלוֹם', 'he')).toBe(foldWord('שלום', 'he'));
    expect(foldWord('मॉडल', 'hi')).not.toBe(foldWord('मडल', 'hi'));
    expect(foldWord('โมเดล', 'th')).toBe('โมเดล');
  });
});

describe('Bulgarian light stemmer (Savoy)', () => {
  it.each([
    ['контейнерите', 'контейнер'], // plural + article
    ['моделът', 'модел'], // full article
    ['порта', 'порт'], // short article
    ['езици', 'език'], // -ци → -к
    ['подлози', 'подлог'], // -зи → -г
    ['монаси', 'монах'], // -си → -х
    ['чатовете', 'чат'],
    ['сървърите', 'сървър'],
  ])('%s → %s', (word, stem) => {
    expect(stemBulgarian(word)).toBe(stemBulgarian(stem));
  });

  it('leaves words of three letters or fewer alone', () => {
    expect(stemBulgarian('как')).toBe('как');
  });
});
