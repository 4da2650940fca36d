/**
 * Retrieval quality over the course: for each question in tests/fixtures/retrieval-questions.json, is the
 * section that answers it among the top three passages? Shared by the unit test and `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { markdownPassages, type Passage } from '../../src/lib/passages.ts';
import { createPassageIndex, type PassageIndex } from '../../src/lib/passageSearch.ts';
import { locales, sourceLocale, type Locale } from '../../src/lib/locales.ts';

interface QuestionSet {
  lesson: string;
  questions: ({ answeredIn: string } & Record<Locale, string>)[];
}

export interface LocaleQuality {
  locale: Locale;
  passages: number;
  questions: number;
  hitsAt3: number;
  /** The questions whose section was not in the top three, with what came first instead. */
  misses: { question: string; expected: string; top: string[] }[];
  index: PassageIndex;
  allPassages: Passage[];
  asked: string[];
}

const questionSet = JSON.parse(readFileSync('tests/fixtures/retrieval-questions.json', 'utf8')) as QuestionSet;

function lessonPassages(locale: Locale): Passage[] {
  const source = readFileSync(`src/content/sessions/${locale}/${questionSet.lesson}.mdx`, 'utf8');
  return markdownPassages(source, { id: questionSet.lesson, title: questionSet.lesson });
}

/** Section anchors in order of appearance: translations keep the English sections' order. */
function sectionAnchors(passages: readonly Passage[]): string[] {
  return [...new Set(passages.map((passage) => passage.id.split('#')[1]!.replace(/~\d+$/, '')))];
}

export function retrievalQuality(): LocaleQuality[] {
  const sourceAnchors = sectionAnchors(lessonPassages(sourceLocale));
  return locales.map((locale) => {
    const passages = lessonPassages(locale);
    const anchors = sectionAnchors(passages);
    const index = createPassageIndex(passages, locale);
    const misses: LocaleQuality['misses'] = [];
    for (const question of questionSet.questions) {
      const expected = anchors[sourceAnchors.indexOf(question.answeredIn)]!;
      const top = index.search(question[locale], 3).map(({ passage }) => passage.id.split('#')[1]!.replace(/~\d+$/, ''));
      if (!top.includes(expected)) misses.push({ question: question[locale], expected, top });
    }
    const count = questionSet.questions.length;
    return { locale, passages: passages.length, questions: count, hitsAt3: count - misses.length, misses, index, allPassages: passages, asked: questionSet.questions.map((question) => question[locale]) };
  });
}
