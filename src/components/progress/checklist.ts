/** The behaviour of <course-checklist>: checkboxes bound to the course's progress store. */
import { interpolate } from '../../lib/i18n';
import { lessonProgress, taskKey, type Progress } from '../../lib/progress';
import { courseProgress } from './progressClient';
import { showStorageNotices } from './storageNotices';
import { readStrings } from '../dom';

class CourseChecklist extends HTMLElement {
  private strings: Record<string, string> = {};
  private boxes = new Map<string, { input: HTMLInputElement; byDemo: HTMLElement }>();

  connectedCallback() {
    const lesson = this.dataset['lesson'] ?? '';
    this.strings = readStrings(this);
    const store = courseProgress();
    for (const item of this.querySelectorAll<HTMLLIElement>('li[data-task-id]')) {
      const taskId = item.dataset['taskId']!;
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.addEventListener('change', () => store.setTask(lesson, taskId, input.checked));
      const byDemo = document.createElement('span');
      byDemo.className = 'checklist-by-demo';
      byDemo.textContent = this.strings['checklist.byDemo'] ?? '';
      label.append(input, ...item.childNodes);
      item.replaceChildren(label, byDemo);
      item.classList.add('is-interactive');
      this.boxes.set(taskId, { input, byDemo });
    }
    for (const hidden of this.querySelectorAll<HTMLElement>('.checklist-progress, .checklist-manage')) hidden.hidden = false;
    this.render(store.progress);
    store.subscribe((progress) => this.render(progress));
  }

  private render(progress: Progress) {
    const lesson = this.dataset['lesson'] ?? '';
    for (const [taskId, { input, byDemo }] of this.boxes) {
      const record = progress.tasks[taskKey(lesson, taskId)];
      input.checked = record?.done ?? false;
      byDemo.hidden = !(record?.done && record.by === 'demo');
    }
    const { done, total } = lessonProgress(progress, lesson, [...this.boxes.keys()]);
    const bar = this.querySelector('progress')!;
    bar.max = total;
    bar.value = done;
    this.querySelector('.checklist-progress-text')!.textContent = interpolate(this.strings['checklist.progress'] ?? '', { done, total });
    showStorageNotices(this.querySelector('.storage-notice')!, courseProgress(), this.strings);
  }
}

export function defineChecklist(): void {
  if (!customElements.get('course-checklist')) customElements.define('course-checklist', CourseChecklist);
}
