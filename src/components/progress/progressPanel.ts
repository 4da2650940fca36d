/** The behaviour of <course-progress>: the continue link, export, import (merge) and confirmed reset. */
import { translateFrom, type Translate } from '../../lib/i18n';
import type { Progress } from '../../lib/progress';
import { part } from '../dom';
import { readStrings } from '../strings';
import { browserProgress } from './browserProgress';
import type { ProgressPanelKey } from './progressStrings';
import { showStorageNotices } from './storageNotices';

type LessonLinks = Record<string, { title: string; href: string }>;

class CourseProgress extends HTMLElement {
  private t: Translate<ProgressPanelKey> = translateFrom<ProgressPanelKey>({});

  connectedCallback() {
    this.t = readStrings(this);
    const store = browserProgress();
    const message = part<HTMLElement>(this, '.progress-message');
    const say = (text: string) => (message.textContent = text);

    part(this, '.progress-export').addEventListener('click', () => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([store.exportText()], { type: 'application/json' }));
      link.download = `edge-ai-workshop-progress-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      URL.revokeObjectURL(link.href);
    });

    const fileInput = part<HTMLInputElement>(this, '.progress-import');
    fileInput.addEventListener('change', async () => {
      const file = fileInput.files?.[0];
      fileInput.value = '';
      if (!file) return;
      let text: string;
      try {
        text = await file.text();
      } catch {
        say(this.t('progress.error.unreadable'));
        return;
      }
      const result = store.importText(text);
      if (result.ok) {
        const done = Object.values(store.progress.tasks).filter((task) => task.done).length;
        say(this.t('progress.imported', { count: done }));
      } else say(this.t(`progress.error.${result.error}`));
    });

    const dialog = part<HTMLDialogElement>(this, '.reset-dialog');
    part(this, '.progress-reset').addEventListener('click', () => dialog.showModal());
    dialog.addEventListener('close', () => {
      if (dialog.returnValue !== 'reset') return;
      store.reset();
      say(this.t('progress.resetDone'));
    });

    this.render(store.progress);
    store.subscribe((progress) => this.render(progress));
  }

  private render(progress: Progress) {
    const lessons = JSON.parse(this.dataset['lessons'] ?? '{}') as LessonLinks;
    const visit = progress.lastVisit;
    const lesson = visit && lessons[visit.lesson];
    const continueParagraph = part<HTMLElement>(this, '.continue');
    continueParagraph.hidden = !lesson;
    if (visit && lesson) {
      // Section anchors differ between languages: link to one only in the language it was read in.
      const sameLocale = visit.locale === this.dataset['locale'];
      const link = part<HTMLAnchorElement>(this, '.continue-link');
      link.href = sameLocale && visit.sectionId ? `${lesson.href}#${encodeURIComponent(visit.sectionId)}` : lesson.href;
      const where = sameLocale && visit.sectionTitle ? `${lesson.title} — ${visit.sectionTitle}` : lesson.title;
      part(this, '.continue-where').textContent = where;
    }
    showStorageNotices(part(this, '.storage-notice'), browserProgress(), this.t);
  }
}

/** Registers <course-progress> once. */
export function defineCourseProgress(): void {
  if (!customElements.get('course-progress')) customElements.define('course-progress', CourseProgress);
}
