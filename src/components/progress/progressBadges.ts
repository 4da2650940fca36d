/** Fills every progress badge on the page from the progress store, and keeps them current. */
import { interpolate } from '../../lib/i18n';
import { lessonProgress, type Progress } from '../../lib/progress';
import { browserProgress } from './browserProgress';

function render(root: ParentNode, progress: Progress) {
  for (const badge of root.querySelectorAll<HTMLElement>('[data-progress-lesson]')) {
    const taskIds = (badge.dataset['taskIds'] ?? '').split(' ').filter(Boolean);
    const { done, total } = lessonProgress(progress, badge.dataset['progressLesson'] ?? '', taskIds);
    const short = document.createElement('span');
    short.ariaHidden = 'true';
    short.textContent = `${done}/${total}`;
    const full = document.createElement('span');
    full.className = 'visually-hidden';
    full.textContent = interpolate(badge.dataset['label'] ?? '', { done, total });
    badge.replaceChildren(short, full);
    badge.classList.toggle('is-complete', done === total);
  }
}

/** Fills every progress badge under `root` now and whenever progress changes. */
export function showProgressBadges(root: ParentNode): void {
  const store = browserProgress();
  render(root, store.progress);
  store.subscribe((progress) => render(root, progress));
}
