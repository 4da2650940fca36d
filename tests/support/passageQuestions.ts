/**
 * The passage-level question sets, each asked against its language's lesson, cut into passages as the RAG
 * chat cuts it. Shared by the unit test and `npm run bench`. Two sets per language:
 * - `first` (tests/fixtures/passage-questions/<locale>.json): written before the ranking work, and seen while it was done;
 * - `held-out` (tests/fixtures/passage-questions-held-out/<locale>.json): written afterwards by writers who saw
 *   neither the first set, nor the glossaries, nor the search code, so nothing was fitted to it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { markdownPassages, type Passage } from '../../src/lib/passages.ts';
import { locales, type Locale } from '../../src/lib/locales.ts';
import type { MeasuredQuestion } from '../../src/lib/rankingMeasure.ts';
import type { GlossaryEntry } from '../../src/lib/passageSearch.ts';

/** Which of a language's two question sets. */
export type QuestionSetKind = 'first' | 'held-out';

const folders: Record<QuestionSetKind, string> = { first: 'passage-questions', 'held-out': 'passage-questions-held-out' };

/** One language's question set and the passages of the lesson it asks about. */
export interface PassageQuestionSet {
  locale: Locale;
  lesson: string;
  questions: MeasuredQuestion[];
  passages: Passage[];
  /** The language's glossary (src/data/glossary/<locale>.json), empty where it has none. */
  glossary: GlossaryEntry[];
}

/** Every course locale that has a question set of this kind and a translation of its lesson. */
export function passageQuestionSets(kind: QuestionSetKind): PassageQuestionSet[] {
  return locales.flatMap((locale) => {
    const file = `tests/fixtures/${folders[kind]}/${locale}.json`;
    if (!existsSync(file)) return [];
    const { lesson, questions } = JSON.parse(readFileSync(file, 'utf8')) as { lesson: string; questions: MeasuredQuestion[] };
    const lessonFile = `src/content/sessions/${locale}/${lesson}.mdx`;
    if (!existsSync(lessonFile)) return [];
    const passages = markdownPassages(readFileSync(lessonFile, 'utf8'), { id: lesson, title: lesson });
    const glossaryFile = `src/data/glossary/${locale}.json`;
    const glossary = existsSync(glossaryFile) ? (JSON.parse(readFileSync(glossaryFile, 'utf8')) as { entries: GlossaryEntry[] }).entries : [];
    return [{ locale, lesson, questions, passages, glossary }];
  });
}
