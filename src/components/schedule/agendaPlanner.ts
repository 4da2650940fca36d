/**
 * The behaviour of <agenda-planner>: the instructor's plan from the browser into the form, and each change
 * into the timetables and back into the browser. Days are added by copying the first day's fieldset, so the
 * markup of a day is written once, in AgendaPlanner.astro.
 */
import {
  agendaKey, maxDays, pauseMinutes, readAgendaPlan, storedAgendaPlan, withDayAdded, withDayRemoved, type AgendaPlan, type DaySettings,
} from '../../lib/agendaPlan';
import { translateFrom, type Translate } from '../../lib/i18n';
import { safeStorage } from '../../lib/safeStorage';
import { part, parts } from '../dom';
import { readStrings } from '../strings';
import type { AgendaPlannerKey } from './scheduleStrings';
import { agendaTimetables, type CourseSession, type DayTimetable, type TimetableRow } from './timetable';

const settingFields = ['start', 'end', 'breakMinutes', 'lunchAt', 'lunchMinutes'] as const satisfies readonly (keyof DaySettings)[];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]>, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

function timeCell(value: string, text: string): HTMLTableCellElement {
  return element('td', {}, element('time', { dateTime: value }, text));
}

class AgendaPlanner extends HTMLElement {
  private t: Translate<AgendaPlannerKey> = translateFrom<AgendaPlannerKey>({});
  private locale = 'en';
  private sessions: CourseSession[] = [];
  private plan: AgendaPlan = { days: [], sessionDays: {} };

  connectedCallback() {
    this.t = readStrings(this);
    this.locale = this.dataset['locale'] ?? 'en';
    this.sessions = JSON.parse(this.dataset['sessions'] ?? '[]') as CourseSession[];
    const { plan, unreadable } = readAgendaPlan(safeStorage.get(agendaKey), this.sessions.map((session) => session.slug));
    for (const control of parts<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>(this, 'input, select, button')) control.disabled = false;
    const form = part(this, 'form');
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', () => this.change(this.planFromForm()));
    form.addEventListener('click', (event) => this.pressed(event.target));
    this.plan = plan;
    this.showPlan();
    this.say(unreadable ? this.t('agenda.unreadable') : '');
  }

  private days(): HTMLFieldSetElement[] {
    return parts<HTMLFieldSetElement>(this, '.agenda-day-settings');
  }

  private pressed(target: EventTarget | null) {
    const button = target instanceof Element ? target.closest('button') : null;
    if (button?.matches('.agenda-add-day')) {
      this.change(withDayAdded(this.planFromForm()), true);
      part<HTMLInputElement>(this.days().at(-1)!, '[name="start"]').focus();
    } else if (button?.matches('.agenda-remove-day')) {
      const day = this.days().indexOf(button.closest('fieldset')!) + 1;
      this.change(withDayRemoved(this.planFromForm(), day), true);
      part<HTMLInputElement>(this.days()[Math.max(0, day - 2)]!, '[name="start"]').focus();
    }
  }

  private planFromForm(): AgendaPlan {
    const days = this.days().map((fieldset): DaySettings => {
      const value = (field: (typeof settingFields)[number]) => part<HTMLInputElement>(fieldset, `[name="${field}"]`).value;
      return {
        start: value('start'),
        end: value('end'),
        breakMinutes: pauseMinutes(value('breakMinutes')),
        lunchAt: value('lunchAt'),
        lunchMinutes: pauseMinutes(value('lunchMinutes')),
      };
    });
    const choices = parts(this, '.agenda-session-day').map((choice) => [choice.dataset['slug']!, Number(part(choice, 'select').value)]);
    return { days, sessionDays: Object.fromEntries(choices) };
  }

  /** Takes a new plan: keeps it, shows its timetables, and the form too when days were added or removed. */
  private change(plan: AgendaPlan, daysChanged = false) {
    this.plan = plan;
    if (daysChanged) this.showPlan();
    else this.showTimetables();
    this.say(safeStorage.set(agendaKey, storedAgendaPlan(plan)) ? '' : this.t('agenda.notSaved'));
  }

  private say(message: string) {
    part(this, '.agenda-status').textContent = message;
  }

  private showPlan() {
    const list = part(this, '.agenda-days');
    const fieldsets = this.days();
    while (fieldsets.length < this.plan.days.length) fieldsets.push(list.appendChild(fieldsets[0]!.cloneNode(true) as HTMLFieldSetElement));
    for (const extra of fieldsets.splice(this.plan.days.length)) extra.remove();
    this.plan.days.forEach((settings, index) => {
      const fieldset = fieldsets[index]!;
      part(fieldset, 'legend').textContent = this.t('agenda.day', { day: index + 1 });
      for (const field of settingFields) part<HTMLInputElement>(fieldset, `[name="${field}"]`).value = String(settings[field]);
      part<HTMLButtonElement>(fieldset, '.agenda-remove-day').disabled = this.plan.days.length === 1;
    });
    part<HTMLButtonElement>(this, '.agenda-add-day').disabled = this.plan.days.length >= maxDays;
    const dayNames = this.plan.days.map((_settings, index) => this.t('agenda.day', { day: index + 1 }));
    for (const choice of parts(this, '.agenda-session-day')) {
      const select = part(choice, 'select');
      select.replaceChildren(...dayNames.map((name, index) => new Option(name, String(index + 1))), new Option(this.t('agenda.notScheduled'), '0'));
      select.value = String(this.plan.sessionDays[choice.dataset['slug']!] ?? 0);
    }
    this.showTimetables();
  }

  private showTimetables() {
    const { days, unscheduled } = agendaTimetables(this.plan, this.sessions, this.t, this.locale);
    const left = unscheduled ? [element('p', { className: 'agenda-unscheduled' }, unscheduled)] : [];
    part(this, '.agenda-result').replaceChildren(...days.map((day) => this.dayTimetable(day)), ...left);
  }

  private dayTimetable(day: DayTimetable): HTMLElement {
    const section = element('section', { className: 'agenda-day' }, element('h3', { id: `agenda-day-${day.day}` }, day.heading));
    section.setAttribute('aria-labelledby', `agenda-day-${day.day}`);
    if (day.span) section.append(element('p', { className: 'agenda-span' }, day.span));
    section.append(...day.notes.map((note) => element('p', { className: 'agenda-note' }, note)));
    if (day.rows.length === 0) return section;
    const columns = (['agenda.colStart', 'agenda.colEnd', 'agenda.colWhat', 'agenda.colMinutes'] as const).map((key) => element('th', { scope: 'col' }, this.t(key)));
    section.append(
      element(
        'table',
        { className: 'agenda-table' },
        element('caption', {}, day.caption),
        element('thead', {}, element('tr', {}, ...columns)),
        element('tbody', {}, ...day.rows.map((row) => this.timetableRow(row))),
      ),
    );
    return section;
  }

  private timetableRow(row: TimetableRow): HTMLTableRowElement {
    const what = element('th', { scope: 'row' });
    if (row.place) what.append(element('span', { className: 'agenda-place' }, row.place));
    if (row.href) {
      const link = element('a', { href: row.href }, row.label);
      if (row.lang) link.lang = row.lang;
      what.append(link);
    } else what.append(row.label);
    if (row.late) what.append(element('span', { className: 'agenda-late' }, this.t('agenda.late')));
    const tableRow = element('tr', { className: `agenda-row-${row.kind}` }, timeCell(row.start, row.startText), timeCell(row.end, row.endText), what, element('td', {}, row.length));
    tableRow.dataset['late'] = String(row.late);
    return tableRow;
  }
}

/** Registers <agenda-planner> once. */
export function defineAgendaPlanner(): void {
  if (!customElements.get('agenda-planner')) customElements.define('agenda-planner', AgendaPlanner);
}
