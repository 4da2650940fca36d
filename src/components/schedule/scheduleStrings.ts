/** The UI strings the schedule room's scripts read (see components/strings.ts). */
import type { UiKey } from '../../lib/i18n';

/** What a timetable says: its headings, row labels and notes. */
export const timetableKeys = [
  'agenda.day', 'agenda.caption', 'agenda.colStart', 'agenda.colEnd', 'agenda.colWhat', 'agenda.colMinutes', 'agenda.breakRow',
  'agenda.lunchRow', 'agenda.daySpan', 'agenda.late', 'agenda.overrun', 'agenda.pastMidnight', 'agenda.lunch.starts-after',
  'agenda.lunch.no-pause', 'agenda.noSessions', 'agenda.needsStart', 'agenda.unscheduled', 'lesson.duration',
] as const satisfies readonly UiKey[];
/** A key of `timetableKeys`. */
export type TimetableKey = (typeof timetableKeys)[number];

/** What the agenda planner's script says: the timetable, the days' names and whether the plan was kept. */
export const agendaPlannerKeys = ['agenda.notScheduled', 'agenda.unreadable', 'agenda.notSaved', ...timetableKeys] as const satisfies readonly UiKey[];
/** A key of `agendaPlannerKeys`. */
export type AgendaPlannerKey = (typeof agendaPlannerKeys)[number];
