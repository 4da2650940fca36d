/**
 * The behaviour of <course-checklist>: checkboxes bound to the course's progress store. While the stored
 * progress belongs to a newer version of the course the boxes are disabled and described by the notice
 * that says why.
 */
import { translateFrom, type Translate } from '../../lib/i18n';
import { lessonProgress, taskKey, type Progress } from '../../lib/progress';
import { part } from '../dom';
import { readStrings } from '../strings';
import { browserProgress } from './browserProgress';
import type { ChecklistKey } from './progressStrings';
import { showStorageNotices } from './storageNotices';

class CourseChecklist extends HTMLElement {
  private t: Translate<ChecklistKey> = translateFrom<ChecklistKey>({});
  private boxes = new Map<string, { input: HTMLInputElement; byDemo: HTMLElement }>();

  connectedCallback() {
    const lesson = this.dataset['lesson'] ?? '';
    this.t = readStrings(this);
    const store = browserProgress();
    for (const item of this.querySelectorAll<HTMLLIElement>('li[data-task-id]')) {
      const taskId = item.dataset['taskId']!;
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.addEventListener('change', () => store.setTask(lesson, taskId, input.checked));
      const byDemo = document.createElement('span');
      byDemo.className = 'checklist-by-demo';
      byDemo.textContent = this.t('checklist.byDemo');
      label.append(input, ...item.childNodes);
      item.replaceChildren(label, byDemo);
      item.classList.add('is-interactive');
      this.boxes.set(taskId, { input, byDemo });
    }
    this.render(store.progress);
    store.subscribe((progress) => this.render(progress));
  }

  private render(progress: Progress) {
    const lesson = this.dataset['lesson'] ?? '';
    const notice = part(this, '.storage-notice');
    const readOnly = browserProgress().readOnly;
    for (const [taskId, { input, byDemo }] of this.boxes) {
      const record = progress.tasks[taskKey(lesson, taskId)];
      input.checked = record?.done ?? false;
      input.disabled = readOnly;
      if (readOnly) input.setAttribute('aria-describedby', notice.id);
      else input.removeAttribute('aria-describedby');
      byDemo.hidden = !(record?.done && record.by === 'demo');
    }
    const { done, total } = lessonProgress(progress, lesson, [...this.boxes.keys()]);
    const bar = part(this, 'progress');
    bar.max = total;
    bar.value = done;
    part(this, '.checklist-progress-text').textContent = this.t('checklist.progress', { done, total });
    showStorageNotices(notice, browserProgress(), this.t);
  }
}

/** Registers <course-checklist> once. */
export function defineChecklist(): void {
  if (!customElements.get('course-checklist')) customElements.define('course-checklist', CourseChecklist);
}
