/**
 * The behaviour of <course-progress>: the continue link, export, import (merge), confirmed reset and
 * restoring what a reset removed. The reset runs on the confirm button's own click, never on the dialog's
 * `close`: Firefox and Safari keep the last `returnValue` when Escape closes the dialog, so a second,
 * dismissed dialog would otherwise reset again.
 */
import { formatBytes } from '../../lib/formatting';
import { translateFrom, type Translate } from '../../lib/i18n';
import { maxImportBytes, tasksDone, type Progress, type ProgressError } from '../../lib/progress';
import type { ChangeOutcome } from '../../lib/progressStore';
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
    // Rendered disabled, as are import and reset (`render` enables those): a click before this script arrived would do nothing.
    part<HTMLButtonElement>(this, '.progress-export').disabled = false;

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
      if (file.size > maxImportBytes) {
        say(this.errorMessage('too-large'));
        return;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        say(this.t('progress.error.unreadable'));
        return;
      }
      const result = store.importText(text);
      say(result.ok ? this.outcomeMessage(result.outcome, 'progress.imported') : this.errorMessage(result.error));
    });

    const dialog = part<HTMLDialogElement>(this, '.reset-dialog');
    part(this, '.progress-reset').addEventListener('click', () => {
      dialog.returnValue = '';
      dialog.showModal();
    });
    part(dialog, '.reset-confirm').addEventListener('click', () => {
      const outcome = store.reset();
      say(outcome === 'no-backup' ? this.t('progress.resetRefused') : this.outcomeMessage(outcome, 'progress.resetDone'));
    });

    part(this, '.progress-restore').addEventListener('click', () => {
      const outcome = store.restoreReset();
      say(outcome === 'nothing-to-restore' ? this.t('progress.nothingToRestore') : this.outcomeMessage(outcome, 'progress.restored'));
    });

    this.render(store.progress);
    store.subscribe((progress) => this.render(progress));
  }

  /** What to tell the learner after an action: `done` when it was kept, or why it was not. */
  private outcomeMessage(outcome: ChangeOutcome, done: 'progress.imported' | 'progress.resetDone' | 'progress.restored'): string {
    if (outcome === 'not-written') return this.t('progress.notSaved');
    if (outcome === 'read-only') return this.t('storage.newerVersion');
    return this.t(done, { count: tasksDone(browserProgress().progress) });
  }

  private errorMessage(error: ProgressError): string {
    const limit = formatBytes(maxImportBytes, this.dataset['locale'] ?? 'en');
    return this.t(`progress.error.${error}`, { limit });
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
    const store = browserProgress();
    // A newer version's record is never written over: only export stays, and the notice says why.
    for (const control of [part<HTMLInputElement>(this, '.progress-import'), part<HTMLButtonElement>(this, '.progress-reset')]) control.disabled = store.readOnly;
    part(this, '.progress-restore').hidden = !store.restorable;
    showStorageNotices(part(this, '.storage-notice'), store, this.t);
  }
}

/** Registers <course-progress> once. */
export function defineCourseProgress(): void {
  if (!customElements.get('course-progress')) customElements.define('course-progress', CourseProgress);
}
