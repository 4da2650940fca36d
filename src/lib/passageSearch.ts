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

/** Languages whose short words elide before a vowel into the next word ("l’hôte", "dell’utente"), which segmenters keep whole. */
const elidingLanguages = new Set(['fr', 'it', 'ca']);
/** The elided word at the start of a segment: a few letters and an apostrophe ("aujourd'hui", seven letters, stays whole). */
const elidedArticle = /^\p{L}{1,6}'(?=\p{L})/u;

const segmenters = new Map<string, Intl.Segmenter>();

/** The language's word segmenter, made once: making one costs more than segmenting a short question. */
function wordSegmenter(locale: string): Intl.Segmenter | undefined {
  if (typeof Intl.Segmenter !== 'function') return undefined;
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  return segmenter;
}

/**
 * The words of a text in the given language as the index compares them: stemmed, then folded. The stemmer
 * sees the word as written (lower case), since stemmers know their own letters (Arabic's article and
 * teh marbuta among them); folding after it makes what is left meet across spellings.
 */
export function searchWords(text: string, locale: string, { stem, stopwords }: WordForms = plainWordForms): string[] {
  const segmenter = wordSegmenter(locale);
  const words = segmenter
    ? [...segmenter.segment(text)].filter((segment) => segment.isWordLike).map((segment) => segment.segment)
    : (text.match(/[\p{L}\p{N}]+/gu) ?? []);
  const elides = elidingLanguages.has(locale.split('-')[0]!);
  return words
    .map((word) => {
      // A segment can end in the narrow no-break space French sets before ";" and ":"; apostrophes come curly or straight.
      const written = word.normalize('NFC').toLocaleLowerCase(locale).trim().replace(/’/g, "'");
      return elides ? written.replace(elidedArticle, '') : written;
    })
    .filter((word) => word.length > 0 && !stopwords.has(word))
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
