/**
 * Remembers the lesson and section the learner is reading, for "Continue where you left off". A section
 * counts once its heading has scrolled into the upper part of the window.
 */
import { browserProgress } from './browserProgress';

/** Records the lesson on arrival and each section the learner reaches, in the progress store. */
export function trackLastVisit(article: HTMLElement): void {
  const lesson = article.dataset['lesson'];
  const locale = document.documentElement.lang;
  if (!lesson) return;
  const store = browserProgress();
  let recorded: string | undefined;
  const record = (heading?: HTMLElement) => {
    if (heading && heading.id === recorded) return;
    recorded = heading?.id;
    store.recordVisit({ lesson, locale, sectionId: heading?.id, sectionTitle: heading?.textContent?.trim() });
  };
  record();
  const observer = new IntersectionObserver(
    (entries) => {
      const reached = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target as HTMLElement);
      if (reached.length > 0) record(reached.at(-1));
    },
    { rootMargin: '0px 0px -70% 0px' },
  );
  for (const heading of article.querySelectorAll<HTMLElement>('.lesson-body h2[id]')) observer.observe(heading);
}
