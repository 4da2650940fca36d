/**
 * The course as the class dashboard counts it, read at build time: each lesson's parts (its `##`
 * sections, keyed by position so every translation marks the same part), checklist tasks and knowledge
 * checks, with their words in the dashboard's language. The keys alone are the service's layout.
 */
import { getCourse } from './course';
import type { ClassLayout } from './classroomSummary';
import { partKey } from './classroomProtocol';
import { quizTexts, taskLabels } from './lessonLabels';
import { sectionsWithIds } from './lessonParts';
import type { Locale } from './locales';
import { quizKey, taskKey } from './progress';

/** A lesson as the dashboard shows it. */
export interface DashboardLesson {
  slug: string;
  title: string;
  parts: { key: string; heading: string; id: string }[];
  tasks: { key: string; label: string }[];
  quizzes: { key: string; question: string; options: { id: string; text: string; correct: boolean }[] }[];
}

/** A part's key from its position in the lesson (1-based), the same in every language. */
export function partKeyAt(lessonSlug: string, position: number): string {
  return partKey(lessonSlug, `part-${position}`);
}

/** Every lesson, in course order, in `locale`'s words (the English source where it has no translation). */
export async function dashboardLessons(locale: Locale): Promise<DashboardLesson[]> {
  const course = await getCourse();
  return course.map((lesson) => {
    const { entry } = lesson.inLocale[locale];
    const body = entry.body ?? '';
    const labels = taskLabels(body);
    const quizzes = new Map(quizTexts(body).map((quiz) => [quiz.id, quiz]));
    return {
      slug: lesson.slug,
      title: entry.data.title,
      parts: sectionsWithIds(body).map((section, index) => ({ key: partKeyAt(lesson.slug, index + 1), heading: section.heading, id: section.id })),
      tasks: lesson.taskIds.map((id) => ({ key: taskKey(lesson.slug, id), label: labels[id] ?? id })),
      quizzes: lesson.quizIds.map((id) => {
        const quiz = quizzes.get(id);
        return { key: quizKey(lesson.slug, id), question: quiz?.question ?? id, options: quiz?.options ?? [] };
      }),
    };
  });
}

/** The keys the service counts and exports. */
export function layoutOf(lessons: readonly DashboardLesson[]): ClassLayout {
  return {
    parts: lessons.flatMap((lesson) => lesson.parts.map((part) => part.key)),
    tasks: lessons.flatMap((lesson) => lesson.tasks.map((task) => task.key)),
    quizzes: lessons.flatMap((lesson) => lesson.quizzes.map((quiz) => ({ key: quiz.key, options: quiz.options.map((option) => option.id) }))),
  };
}
