/**
 * Retrieval quality over the course: for each question in tests/fixtures/retrieval-questions.json, is the
 * section that answers it among the top three passages of the whole corpus? Shared by the unit test and
 * `npm run bench`. A question names its lesson (or takes the file's), and its section by English anchor.
 */
import { readFileSync } from 'node:fs';
import { markdownPassages, type Passage } from '../../src/lib/passages.ts';
import { createPassageIndex, type PassageIndex } from '../../src/lib/passageSearch.ts';
import { locales, sourceLocale, type Locale } from '../../src/lib/locales.ts';

interface QuestionSet {
  lesson: string;
  questions: ({ answeredIn: string; lesson?: string } & Record<Locale, string>)[];
}

/** How retrieval did in one locale: questions asked, how many found their section in the top three, and the misses. */
export interface LocaleQuality {
  locale: Locale;
  questions: number;
  hitsAt3: number;
  /** The questions whose section was not in the top three, with what came first instead. */
  misses: { question: string; expected: string; top: string[] }[];
  index: PassageIndex;
  allPassages: Passage[];
  asked: string[];
}

const questionSet = JSON.parse(readFileSync('tests/fixtures/retrieval-questions.json', 'utf8')) as QuestionSet;
const lessonOf = (question: QuestionSet['questions'][number]) => question.lesson ?? questionSet.lesson;
const lessons = [...new Set(questionSet.questions.map(lessonOf))];

function lessonPassages(lesson: string, locale: Locale): Passage[] {
  const source = readFileSync(`src/content/sessions/${locale}/${lesson}.mdx`, 'utf8');
  return markdownPassages(source, { id: lesson, title: lesson });
}

/** `<lesson>#<anchor>` without the part number of a long section's passages. */
const sectionOf = (passage: Passage) => passage.id.replace(/~\d+$/, '');

/** A lesson's section ids in order of appearance: translations keep the English sections' order. */
const sectionIds = (passages: readonly Passage[]) => [...new Set(passages.map(sectionOf))];

/** Asks every question in every locale against that locale's passages of the questions' lessons; reads the files each call. */
export function retrievalQuality(): LocaleQuality[] {
  // The section-level set predates the newer languages: it is asked in the languages it was written in.
  return locales.filter((locale) => questionSet.questions.every((question) => typeof question[locale] === 'string')).map((locale) => {
    const byLesson = new Map(lessons.map((lesson) => [lesson, { source: sectionIds(lessonPassages(lesson, sourceLocale)), passages: lessonPassages(lesson, locale) }]));
    const allPassages = [...byLesson.values()].flatMap(({ passages }) => passages);
    const index = createPassageIndex(allPassages, locale);
    const misses: LocaleQuality['misses'] = [];
    for (const question of questionSet.questions) {
      const lesson = byLesson.get(lessonOf(question))!;
      const expected = sectionIds(lesson.passages)[lesson.source.indexOf(`${lessonOf(question)}#${question.answeredIn}`)]!;
      const top = index.search(question[locale], 3).map(({ passage }) => sectionOf(passage));
      if (!top.includes(expected)) misses.push({ question: question[locale], expected, top });
    }
    const count = questionSet.questions.length;
    return { locale, questions: count, hitsAt3: count - misses.length, misses, index, allPassages, asked: questionSet.questions.map((question) => question[locale]) };
  });
}
