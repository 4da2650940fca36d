/**
 * What the agenda's timetables say, as plain data: the page renders it at build time (the default plan, for
 * readers without scripts) and the planner's script renders it again for the instructor's plan, so both
 * show the same words and times.
 */
import { dayPlans, type AgendaPlan } from '../../lib/agendaPlan';
import type { Translate } from '../../lib/i18n';
import { clockValue, formatClock, minutesPerDay, scheduleDay, type AgendaRow, type AgendaSession, type DayPlan, type DaySchedule } from '../../lib/schedule';
import type { TimetableKey } from './scheduleStrings';

/** A session of the course as the agenda lists it. */
export interface CourseSession extends AgendaSession {
  /** Where it sits in the course, in the reader's language: "Module 8 · Session 4". */
  place: string;
  title: string;
  href: string;
  /** The language of its title and headings when it is not the page's (a lesson not translated yet). */
  lang?: string | undefined;
}

/** One row of a timetable, ready to show. */
export interface TimetableRow {
  kind: AgendaRow['kind'];
  /** `HH:MM`, for `<time datetime>`. */
  start: string;
  end: string;
  startText: string;
  endText: string;
  label: string;
  place?: string | undefined;
  href?: string | undefined;
  lang?: string | undefined;
  length: string;
  late: boolean;
}

/** One day's timetable, ready to show: its heading, span, notes (over-run, lunch, what is missing) and rows. */
export interface DayTimetable {
  day: number;
  heading: string;
  caption: string;
  span?: string | undefined;
  notes: string[];
  rows: TimetableRow[];
}

/** Every day's timetable, and the sessions left out of all of them ("" when none is). */
export interface AgendaTimetables {
  days: DayTimetable[];
  unscheduled: string;
}

function lengthOf(minutes: number, t: Translate<TimetableKey>, locale: string): string {
  return t('lesson.duration', { minutes: new Intl.NumberFormat(locale).format(minutes) });
}

function rowOf(row: AgendaRow<CourseSession>, t: Translate<TimetableKey>, locale: string): TimetableRow {
  const minutes = row.kind === 'session' ? row.session.minutes : row.kind === 'part' ? row.part.minutes : row.end - row.start;
  const times = { start: clockValue(row.start), end: clockValue(row.end), startText: formatClock(row.start, locale), endText: formatClock(row.end, locale) };
  const shown = { ...times, kind: row.kind, late: row.late, length: lengthOf(minutes, t, locale) };
  if (row.kind === 'session') return { ...shown, label: row.session.title, place: row.session.place, href: row.session.href, lang: row.session.lang };
  if (row.kind === 'part') return { ...shown, label: row.part.heading, href: `${row.session.href}#${row.part.id}`, lang: row.session.lang };
  return { ...shown, label: t(row.kind === 'break' ? 'agenda.breakRow' : 'agenda.lunchRow') };
}

function notesOf(plan: DayPlan<CourseSession>, schedule: DaySchedule<CourseSession>, t: Translate<TimetableKey>, locale: string): string[] {
  const overrun = lengthOf(schedule.overrunMinutes, t, locale);
  const notes: string[] = [];
  if (plan.sessions.length === 0) notes.push(t('agenda.noSessions'));
  if (schedule.overrunMinutes > 0)
    notes.push(
      schedule.limit === minutesPerDay
        ? t('agenda.pastMidnight', { duration: overrun })
        : t('agenda.overrun', { duration: overrun, end: formatClock(schedule.limit, locale) }),
    );
  if (schedule.lunchMissed && plan.lunch) notes.push(t(`agenda.lunch.${schedule.lunchMissed}`, { time: formatClock(plan.lunch.at, locale) }));
  return notes;
}

/** The timetables of a plan for the course's sessions, in the words and clock of `locale`. */
export function agendaTimetables(plan: AgendaPlan, sessions: readonly CourseSession[], t: Translate<TimetableKey>, locale: string): AgendaTimetables {
  const days = dayPlans(plan, sessions).map((dayPlan, index): DayTimetable => {
    const day = index + 1;
    const named = { day, heading: t('agenda.day', { day }), caption: t('agenda.caption', { day }) };
    if (!dayPlan) return { ...named, notes: [t('agenda.needsStart')], rows: [] };
    const schedule = scheduleDay(dayPlan);
    const span = t('agenda.daySpan', {
      start: formatClock(schedule.start, locale),
      end: formatClock(schedule.end, locale),
      duration: lengthOf(schedule.teachingMinutes, t, locale),
    });
    return {
      ...named,
      span: dayPlan.sessions.length > 0 ? span : undefined,
      notes: notesOf(dayPlan, schedule, t, locale),
      rows: schedule.rows.map((row) => rowOf(row, t, locale)),
    };
  });
  const left = sessions.filter((session) => plan.sessionDays[session.slug] === 0).map((session) => session.title);
  return { days, unscheduled: left.length > 0 ? t('agenda.unscheduled', { sessions: new Intl.ListFormat(locale).format(left) }) : '' };
}
