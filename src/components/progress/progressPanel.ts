/** The behaviour of <course-progress>: the continue link, export, import (merge) and confirmed reset. */
import { interpolate } from '../../lib/i18n';
import type { Progress } from '../../lib/progress';
import { courseProgress } from '../live/progressClient';
import { showStorageNotices } from '../live/storageNotices';
import { readStrings } from '../dom';

type LessonLinks = Record<string, { title: string; href: string }>;

class CourseProgress extends HTMLElement {
  private strings: Record<string, string> = {};

  connectedCallback() {
    this.strings = readStrings(this);
    const store = courseProgress();
    const message = this.querySelector<HTMLElement>('.progress-message')!;
    const say = (text: string) => (message.textContent = text);

    this.querySelector('.progress-export')!.addEventListener('click', () => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([store.exportText()], { type: 'application/json' }));
      link.download = `edge-ai-workshop-progress-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      URL.revokeObjectURL(link.href);
    });

    const fileInput = this.querySelector<HTMLInputElement>('.progress-import')!;
    fileInput.addEventListener('change', async () => {
      const file = fileInput.files?.[0];
      fileInput.value = '';
      if (!file) return;
      let text: string;
      try {
        text = await file.text();
      } catch {
        say(this.strings['progress.error.unreadable'] ?? '');
        return;
      }
      const result = store.importText(text);
      if (result.ok) {
        const done = Object.values(store.progress.tasks).filter((task) => task.done).length;
        say(interpolate(this.strings['progress.imported'] ?? '', { count: done }));
      } else say(this.strings[`progress.error.${result.error}`] ?? '');
    });

    const dialog = this.querySelector<HTMLDialogElement>('.reset-dialog')!;
    this.querySelector('.progress-reset')!.addEventListener('click', () => dialog.showModal());
    dialog.addEventListener('close', () => {
      if (dialog.returnValue !== 'reset') return;
      store.reset();
      say(this.strings['progress.resetDone'] ?? '');
    });

    this.render(store.progress);
    store.subscribe((progress) => this.render(progress));
  }

  private render(progress: Progress) {
    const lessons = JSON.parse(this.dataset['lessons'] ?? '{}') as LessonLinks;
    const visit = progress.lastVisit;
    const lesson = visit && lessons[visit.lesson];
    const continueParagraph = this.querySelector<HTMLElement>('.continue')!;
    continueParagraph.hidden = !lesson;
    if (visit && lesson) {
      // Section anchors differ between languages: link to one only in the language it was read in.
      const sameLocale = visit.locale === this.dataset['locale'];
      const link = this.querySelector<HTMLAnchorElement>('.continue-link')!;
      link.href = sameLocale && visit.sectionId ? `${lesson.href}#${encodeURIComponent(visit.sectionId)}` : lesson.href;
      const where = sameLocale && visit.sectionTitle ? `${lesson.title} — ${visit.sectionTitle}` : lesson.title;
      this.querySelector('.continue-where')!.textContent = where;
    }
    showStorageNotices(this.querySelector('.storage-notice')!, courseProgress(), this.strings);
  }
}

export function defineCourseProgress(): void {
  if (!customElements.get('course-progress')) customElements.define('course-progress', CourseProgress);
}
