/**
 * The behaviour of <part-signals>: shown to an attendee who shares their marks, it sends "Done" or "I'm
 * stuck" (with an optional one-line note) for its lesson part, says whether that reached the class, and
 * clears "stuck" when the instructor resolves the request.
 */
import type { PartMark } from '../../lib/classroomProtocol';
import type { Translate } from '../../lib/i18n';
import { part } from '../dom';
import { readStrings } from '../strings';
import { joinedClassroom } from './classroomPresence';
import type { PartSignalKey } from './classroomStrings';

class PartSignals extends HTMLElement {
  private t!: Translate<PartSignalKey>;
  private key = '';

  /** The buttons and the note form, built here rather than shipped hidden in every lesson part's markup. */
  private build(): void {
    // In the reader's language, even when the lesson around them is shown in English.
    this.lang = document.documentElement.lang;
    this.dir = document.documentElement.dir;
    const element = <T extends keyof HTMLElementTagNameMap>(tag: T, className: string, text = '') =>
      Object.assign(document.createElement(tag), { className, textContent: text });
    const button = (className: string, key: PartSignalKey) => Object.assign(element('button', className, this.t(key)), { type: 'button' });
    const group = element('div', 'signal-buttons');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', this.t('classroom.signal.group'));
    for (const pressable of [button('signal-done', 'classroom.signal.done'), button('signal-stuck', 'classroom.signal.stuck')]) {
      pressable.setAttribute('aria-pressed', 'false');
      group.append(pressable);
    }
    const form = element('form', 'signal-note');
    form.hidden = true;
    const label = form.appendChild(element('label', '', this.t('classroom.signal.note')));
    label.append(Object.assign(document.createElement('input'), { type: 'text', name: 'note', maxLength: 140, autocomplete: 'off' }));
    form.append(Object.assign(element('button', '', this.t('classroom.signal.send')), { type: 'submit' }), button('signal-cancel', 'classroom.signal.cancel'));
    const status = element('p', 'signal-status');
    status.setAttribute('role', 'status');
    this.replaceChildren(group, form, status);
  }

  async connectedCallback() {
    this.t = readStrings<PartSignalKey>(this);
    this.key = this.dataset['part'] ?? '';
    const connection = await joinedClassroom();
    if (!connection?.current.shares.parts) return;
    this.build();
    this.hidden = false;
    const done = part<HTMLButtonElement>(this, '.signal-done');
    const stuck = part<HTMLButtonElement>(this, '.signal-stuck');
    const form = part<HTMLFormElement>(this, '.signal-note');
    const note = part<HTMLInputElement>(form, 'input[name="note"]');
    const status = part(this, '.signal-status');

    const show = () => {
      const mark = connection.current.parts[this.key];
      done.setAttribute('aria-pressed', String(mark?.state === 'done'));
      stuck.setAttribute('aria-pressed', String(mark?.state === 'stuck'));
      stuck.textContent = this.t(mark?.state === 'stuck' ? 'classroom.signal.unstuck' : 'classroom.signal.stuck');
    };
    const mark = (value: PartMark | undefined) => {
      this.dataset['touched'] = 'true';
      connection.markPart(this.key, value);
      show();
    };

    done.addEventListener('click', () => {
      form.hidden = true;
      mark(connection.current.parts[this.key]?.state === 'done' ? undefined : { state: 'done' });
    });
    stuck.addEventListener('click', () => {
      if (connection.current.parts[this.key]?.state === 'stuck') return mark(undefined);
      form.hidden = false;
      note.focus();
    });
    part(form, '.signal-cancel').addEventListener('click', () => {
      form.hidden = true;
      stuck.focus();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      form.hidden = true;
      mark({ state: 'stuck', note: note.value, asked: Date.now() });
      note.value = '';
      stuck.focus();
    });

    connection.onStatus((state, resolved) => {
      show();
      // "Resolved" stays until the attendee marks this part again; otherwise the link's state, once they used the buttons.
      if (state !== 'ended' && resolved.includes(this.key)) status.textContent = this.t('classroom.signal.resolved');
      else if (state === 'ended' || this.dataset['touched']) status.textContent = this.t(`classroom.status.${state}`);
      if (state === 'ended') {
        done.disabled = stuck.disabled = true;
        form.hidden = true;
      }
    });
  }
}

/** Registers <part-signals> once. */
export function definePartSignals(): void {
  if (!customElements.get('part-signals')) customElements.define('part-signals', PartSignals);
}
