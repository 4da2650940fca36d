/**
 * Full-text ranking of passages with MiniSearch (BM25+), in any script: words are found with
 * `Intl.Segmenter`, which also splits scripts written without spaces, folded so that accents, case
 * and Arabic letter variants do not decide a match, then stemmed in the passage's language
 * (./wordForms.ts). Prefix and light fuzzy matching catch what a stemmer leaves apart.
 */
import MiniSearch from 'minisearch';
import type { Passage } from './passages.ts';
import { plainWordForms, type WordForms } from './wordForms.ts';

/** A passage with its relevance score; scores compare only within one ranking. */
export interface RankedPassage {
  passage: Passage;
  score: number;
}

const arabicDefiniteArticle = /^(?:ال|وال|بال|فال|كال|لل)(?=\p{L}{3})/u;

/**
 * Marks that only decorate a letter: accents on Latin, Greek and Cyrillic letters, Arabic harakat and tatweel
 * (a stretching stroke), Hebrew points. Not the vowel signs of Devanagari, Bengali, Tamil, Thai and the rest,
 * which are the word.
 */
const decorativeMarks = /(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]\p{M}*)\p{M}|[\u064B-\u065F\u0670\u0640\u0591-\u05C7]/gu;

/** A word as the index compares it: no accents, no case, Arabic alef/yeh/teh-marbuta variants and "al-" folded. */
export function foldWord(word: string, locale: string): string {
  return word
    .normalize('NFKD')
    .replace(decorativeMarks, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(arabicDefiniteArticle, '')
    .toLocaleLowerCase(locale);
}

/**
 * The words of a text in the given language as the index compares them: stemmed, then folded. The stemmer
 * sees the word as written (lower case), since stemmers know their own letters (Arabic's article and
 * teh marbuta among them); folding after it makes what is left meet across spellings.
 */
export function searchWords(text: string, locale: string, { stem, stopwords }: WordForms = plainWordForms): string[] {
  const words =
    typeof Intl.Segmenter === 'function'
      ? [...new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)].filter((segment) => segment.isWordLike).map((segment) => segment.segment)
      : (text.match(/[\p{L}\p{N}]+/gu) ?? []);
  return words
    .map((word) => word.normalize('NFC').toLocaleLowerCase(locale))
    .filter((word) => !stopwords.has(word))
    .map((word) => foldWord(stem(word), locale));
}

/** One concept of a lesson's glossary: the lesson's own words for it, and words learners use instead. */
export interface GlossaryEntry {
  lesson: readonly string[];
  asked: readonly string[];
}

/** How much a word the glossary added counts against a word of the question itself. */
const expansionWeight = 0.5;

/** A search index over a fixed set of passages. */
export interface PassageIndex {
  /** The best `limit` passages for a query, best first; an empty list when nothing matches. */
  search(query: string, limit: number): RankedPassage[];
  readonly size: number;
}

/**
 * Indexes passages' section headings and text in the language's word forms; a heading match counts double.
 * A question's words found among a glossary entry's `asked` words bring in the entry's lesson words, at
 * half weight: "my 8-gig laptop freezes" also looks for "RAM" and "memory".
 */
export function createPassageIndex(passages: readonly Passage[], locale: string, forms: WordForms = plainWordForms, glossary: readonly GlossaryEntry[] = []): PassageIndex {
  const byId = new Map(passages.map((passage) => [passage.id, passage]));
  const lessonWordsFor = new Map<string, string[]>();
  for (const { lesson, asked } of glossary)
    for (const word of asked.flatMap((text) => searchWords(text, locale, forms))) lessonWordsFor.set(word, [...(lessonWordsFor.get(word) ?? []), ...lesson]);
  const index = new MiniSearch<Passage>({
    fields: ['section', 'text'],
    tokenize: (text) => searchWords(text, locale, forms),
    processTerm: (term) => (term.length > 0 ? term : null),
    searchOptions: {
      boost: { section: 2 },
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 6 ? 0.15 : false),
      combineWith: 'OR',
    },
  });
  index.addAll([...byId.values()]);
  return {
    size: byId.size,
    search(query, limit) {
      const asked = searchWords(query, locale, forms);
      const added = asked.flatMap((word) => lessonWordsFor.get(word) ?? []);
      const own = new Set(asked);
      return index
        .search([query, ...added].join(' '), { boostTerm: (term) => (own.has(term) ? 1 : expansionWeight) })
        .slice(0, limit)
        .map((result) => ({ passage: byId.get(String(result.id))!, score: result.score }));
    },
  };
}
