/**
 * Where a lesson's pages live: the learner's at `/<locale>/<module>/<session>/`, the instructor's (the
 * instructor view, its projector window, its join card) under `/<locale>/instructor/<module>/<session>/`;
 * and their static paths, one page per lesson per locale.
 */
import type { GetStaticPaths } from 'astro';
import { getCourse } from '../../lib/course';
import { locales } from '../../lib/locales';

/** Which view of a lesson a page is: the learners' (searchable) or the instructor's (notes and timings, never indexed). */
export type LessonView = 'learner' | 'instructor';

/** The instructor's pages of a lesson, besides the instructor view itself. */
export type InstructorPage = 'projector' | 'join';

/** A lesson's instructor page as a path inside a locale (`instructor/module-08/04-…/projector/`). */
export function instructorPath(lessonSlug: string, page?: InstructorPage): string {
  return `instructor/${lessonSlug}/${page ? `${page}/` : ''}`;
}

/** One page per lesson per locale, each given its neighbours in course order and the whole course for navigation. */
export const lessonPagePaths = (async () => {
  const course = await getCourse();
  return locales.flatMap((locale) =>
    course.map((lesson, index) => {
      const [module, session] = lesson.slug.split('/');
      return {
        params: { locale, module, session },
        props: { locale, lesson, previous: course[index - 1], next: course[index + 1], course },
      };
    }),
  );
}) satisfies GetStaticPaths;
