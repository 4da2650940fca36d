/**
 * Word forms for search: each language's words reduced to a shared stem, so "контейнерите" meets
 * "контейнер" and "النماذج" meets "نموذج". The stemmers are @orama/stemmers (Apache-2.0, kept with the
 * Orama search engine): Snowball's algorithms where Snowball has the language (Arabic, German, Spanish,
 * French, Portuguese, Russian, Turkish, and the rest of Europe's) and Porter's for English. For Bulgarian,
 * which Snowball lacks, Savoy's light stemmer (./bulgarianStemmer.ts: article and plural endings).
 * Languages without one (Chinese, Japanese, Korean, Persian) keep whole words: prefix matching stands in.
 * So does Hindi, where the measure decided: Snowball's Hindi stemmer and the Hindi stop-word list each
 * lowered the passage-level hit@3 on the Hindi questions from 50 % to 33 % (`npm run bench -- retrieval`).
 * Stop words (a, the, my, how…) are left out of the index and of questions: in a learner's long question
 * they outnumber the words that matter. Each list is its own chunk, loaded with the index for the reader's
 * language only.
 */

/** Reduces one word (lower case) to its stem. */
export type Stemmer = (word: string) => string;

/** How a language's words are compared: their stems, and the common words (stop words) that say nothing of a passage. */
export interface WordForms {
  stem: Stemmer;
  stopwords: ReadonlySet<string>;
}

type StemmerModule = { stemmer: Stemmer };
type StopwordModule = { stopwords: string[] };

/** The stemmer of each language that has one, by base language code. */
const stemmerModules: Record<string, () => Promise<StemmerModule>> = {
  ar: () => import('@orama/stemmers/arabic'),
  bg: async () => ({ stemmer: (await import('./bulgarianStemmer.ts')).stemBulgarian }),
  da: () => import('@orama/stemmers/danish'),
  de: () => import('@orama/stemmers/german'),
  el: () => import('@orama/stemmers/greek'),
  en: () => import('@orama/stemmers/english'),
  es: () => import('@orama/stemmers/spanish'),
  fi: () => import('@orama/stemmers/finnish'),
  fr: () => import('@orama/stemmers/french'),
  hu: () => import('@orama/stemmers/hungarian'),
  id: () => import('@orama/stemmers/indonesian'),
  it: () => import('@orama/stemmers/italian'),
  lt: () => import('@orama/stemmers/lithuanian'),
  ne: () => import('@orama/stemmers/nepali'),
  nl: () => import('@orama/stemmers/dutch'),
  no: () => import('@orama/stemmers/norwegian'),
  pt: () => import('@orama/stemmers/portuguese'),
  ro: () => import('@orama/stemmers/romanian'),
  ru: () => import('@orama/stemmers/russian'),
  sr: () => import('@orama/stemmers/serbian'),
  sv: () => import('@orama/stemmers/swedish'),
  ta: () => import('@orama/stemmers/tamil'),
  tr: () => import('@orama/stemmers/turkish'),
  uk: () => import('@orama/stemmers/ukrainian'),
};

/** The stop words of each language that has a list (@orama/stopwords, Apache-2.0, the stemmers' companion). */
const stopwordModules: Record<string, () => Promise<StopwordModule>> = {
  ar: () => import('@orama/stopwords/arabic'),
  bg: () => import('@orama/stopwords/bulgarian'),
  da: () => import('@orama/stopwords/danish'),
  de: () => import('@orama/stopwords/german'),
  el: () => import('@orama/stopwords/greek'),
  en: () => import('@orama/stopwords/english'),
  es: () => import('@orama/stopwords/spanish'),
  fi: () => import('@orama/stopwords/finnish'),
  fr: () => import('@orama/stopwords/french'),
  hu: () => import('@orama/stopwords/hungarian'),
  id: () => import('@orama/stopwords/indonesian'),
  it: () => import('@orama/stopwords/italian'),
  ja: () => import('@orama/stopwords/japanese'),
  lt: () => import('@orama/stopwords/lithuanian'),
  ne: () => import('@orama/stopwords/nepali'),
  nl: () => import('@orama/stopwords/dutch'),
  no: () => import('@orama/stopwords/norwegian'),
  pt: () => import('@orama/stopwords/portuguese'),
  ro: () => import('@orama/stopwords/romanian'),
  ru: () => import('@orama/stopwords/russian'),
  sl: () => import('@orama/stopwords/slovenian'),
  sr: () => import('@orama/stopwords/serbian'),
  sv: () => import('@orama/stopwords/swedish'),
  ta: () => import('@orama/stopwords/tamil'),
  tr: () => import('@orama/stopwords/turkish'),
  uk: () => import('@orama/stopwords/ukrainian'),
  zh: () => import('@orama/stopwords/mandarin'),
};

/** Leaves a word as it is: for languages without a stemmer. */
export const wholeWords: Stemmer = (word) => word;

/** Every word compared as written, none left out: the forms before a language's are loaded, and the measure's baseline. */
export const plainWordForms: WordForms = { stem: wholeWords, stopwords: new Set() };

/**
 * The word forms of `locale`, loaded on first use. Words shorter than three letters, and words with digits
 * (versions, ports, model sizes), are kept whole: a stemmer would only blur them.
 */
export async function loadWordForms(locale: string): Promise<WordForms> {
  const language = locale.split('-')[0]!.toLowerCase();
  const [stemmerModule, stopwordModule] = await Promise.all([stemmerModules[language]?.(), stopwordModules[language]?.()]);
  const stemmer = stemmerModule?.stemmer;
  return {
    stem: stemmer ? (word) => (word.length < 3 || /\d/.test(word) ? word : stemmer(word) || word) : wholeWords,
    stopwords: new Set(stopwordModule?.stopwords ?? []),
  };
}
