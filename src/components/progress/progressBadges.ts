/** Fills every progress badge on the page from the progress store, and keeps them current. */
import { interpolate } from '../../lib/i18n';
import { lessonProgress, lessonQuizProgress, type Progress } from '../../lib/progress';
import { browserProgress } from './browserProgress';

/** A badge's templates, in the reader's language: tasks done, and questions answered right, in full and short. */
export interface BadgeTemplates {
  locale: string;
  tasks: string;
  quizzes: string;
  quizzesShort: string;
}

/** What a badge says, short (shown) and in full (read out), of the tasks done and questions answered right it counts. */
export function badgeText(tasks: { done: number; total: number }, quizzes: { correct: number; total: number }, templates: BadgeTemplates): { short: string; full: string } {
  const parts = [
    ...(tasks.total > 0 ? [{ short: interpolate('{done}/{total}', tasks, templates.locale), full: interpolate(templates.tasks, tasks, templates.locale) }] : []),
    ...(quizzes.total > 0 ? [{ short: interpolate(templates.quizzesShort, quizzes, templates.locale), full: interpolate(templates.quizzes, quizzes, templates.locale) }] : []),
  ];
  return {
    short: parts.map((part) => part.short).join(' · '),
    full: new Intl.ListFormat(templates.locale, { type: 'unit', style: 'short' }).format(parts.map((part) => part.full)),
  };
}

const idsOf = (list: string | undefined) => (list ?? '').split(' ').filter(Boolean);

function render(root: ParentNode, progress: Progress) {
  for (const badge of root.querySelectorAll<HTMLElement>('[data-progress-lesson]')) {
    const lesson = badge.dataset['progressLesson'] ?? '';
    const tasks = lessonProgress(progress, lesson, idsOf(badge.dataset['taskIds']));
    const quizzes = lessonQuizProgress(progress, lesson, idsOf(badge.dataset['quizIds']));
    const templates = { locale: document.documentElement.lang, tasks: badge.dataset['label'] ?? '', quizzes: badge.dataset['quizLabel'] ?? '', quizzesShort: badge.dataset['quizShort'] ?? '' };
    const text = badgeText(tasks, quizzes, templates);
    const short = document.createElement('span');
    short.ariaHidden = 'true';
    short.textContent = text.short;
    const full = document.createElement('span');
    full.className = 'visually-hidden';
    full.textContent = text.full;
    badge.replaceChildren(short, full);
    badge.classList.toggle('is-complete', tasks.done === tasks.total && quizzes.correct === quizzes.total);
  }
}

/** Fills every progress badge under `root` now and whenever progress changes. */
export function showProgressBadges(root: ParentNode): void {
  const store = browserProgress();
  render(root, store.progress);
  store.subscribe((progress) => render(root, progress));
}
