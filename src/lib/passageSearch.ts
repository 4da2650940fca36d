/**
 * Full-text ranking of passages with MiniSearch (BM25+), in any script: words are found with
 * `Intl.Segmenter`, which also splits scripts written without spaces, and folded so that accents, case
 * and Arabic letter variants do not decide a match. Prefix and light fuzzy matching stand in for stemming.
 */
import MiniSearch from 'minisearch';
import type { Passage } from './passages.ts';

/** A passage with its relevance score; scores compare only within one ranking. */
export interface RankedPassage {
  passage: Passage;
  score: number;
}

const arabicDefiniteArticle = /^(?:ال|وال|بال|فال|كال|لل)(?=\p{L}{3})/u;

/** A word as the index compares it: no marks, no case, Arabic alef/yeh/teh-marbuta variants and "al-" folded. */
export function foldWord(word: string, locale: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}|\u0640/gu, '') // combining marks, and Arabic tatweel (a stretching stroke)
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(arabicDefiniteArticle, '')
    .toLocaleLowerCase(locale);
}

/** The words of a text in the given language, folded for search. */
export function searchWords(text: string, locale: string): string[] {
  if (typeof Intl.Segmenter === 'function') {
    const words: string[] = [];
    for (const segment of new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)) {
      if (segment.isWordLike) words.push(foldWord(segment.segment, locale));
    }
    return words;
  }
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => foldWord(word, locale));
}

/** A search index over a fixed set of passages. */
export interface PassageIndex {
  /** The best `limit` passages for a query, best first; an empty list when nothing matches. */
  search(query: string, limit: number): RankedPassage[];
  readonly size: number;
}

/** Indexes passages' section headings and text; a heading match counts double. */
export function createPassageIndex(passages: readonly Passage[], locale: string): PassageIndex {
  const byId = new Map(passages.map((passage) => [passage.id, passage]));
  const index = new MiniSearch<Passage>({
    fields: ['section', 'text'],
    tokenize: (text) => searchWords(text, locale),
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
      return index
        .search(query)
        .slice(0, limit)
        .map((result) => ({ passage: byId.get(String(result.id))!, score: result.score }));
    },
  };
}
