/**
 * The arithmetic of a workshop agenda. Every day starts at its own time (a multi-day schedule that runs on
 * from day one is the open request sandpaper#425); its sessions follow one another, parts included, with a
 * break between two sessions; lunch comes at the first pause between parts from the time it is set for.
 * A plan over-runs when a day ends after the end the instructor set (or after midnight, when none is set).
 * Times are minutes after midnight; only showing one to a reader needs a locale.
 */
import type { PlannedPart } from './lessonParts.ts';

/** A time of day as minutes after midnight: 09:30 is 570. */
export type ClockMinutes = number;

/** Minutes in a day: a day that ends later than this runs past midnight. */
export const minutesPerDay = 24 * 60;

/** A session as the agenda plans it: its minutes and, when its lesson plans them, its parts' minutes. */
export interface AgendaSession {
  slug: string;
  minutes: number;
  /** Empty when the lesson plans no parts: the session is then one block of `minutes`. */
  parts: readonly PlannedPart[];
}

/** Lunch as the instructor sets it: from a time of day, for some minutes. */
export interface LunchPlan {
  at: ClockMinutes;
  minutes: number;
}

/** One day as the instructor sets it; its sessions come in the order given. */
export interface DayPlan<S extends AgendaSession = AgendaSession> {
  start: ClockMinutes;
  /** When the day must be over; without one, midnight. */
  end?: ClockMinutes | undefined;
  /** The break between two sessions, in minutes (0 for none). */
  breakMinutes: number;
  lunch?: LunchPlan | undefined;
  sessions: readonly S[];
}

/** One row of a day's timetable. `late` marks a row that ends after the day's end. */
export type AgendaRow<S extends AgendaSession = AgendaSession> = { start: ClockMinutes; end: ClockMinutes; late: boolean } & (
  | { kind: 'session'; session: S }
  | { kind: 'part'; session: S; part: PlannedPart }
  | { kind: 'break' }
  | { kind: 'lunch' }
);

/** Why a day set with a lunch has none: it starts after lunch time, or no pause between parts comes from then on. */
export type LunchMissed = 'starts-after' | 'no-pause';

/** A day's timetable: its rows in time order, when it ends, and by how much it runs past its end. */
export interface DaySchedule<S extends AgendaSession = AgendaSession> {
  start: ClockMinutes;
  end: ClockMinutes;
  /** The end the day must keep to: the instructor's, or midnight. */
  limit: ClockMinutes;
  rows: AgendaRow<S>[];
  /** The sessions' own minutes, without breaks or lunch. */
  teachingMinutes: number;
  /** How long the day runs past `limit`; 0 when it keeps to it. */
  overrunMinutes: number;
  lunchMissed?: LunchMissed | undefined;
}

/** A day's timetable, from its own start: a day never runs on from the day before. */
export function scheduleDay<S extends AgendaSession>(day: DayPlan<S>): DaySchedule<S> {
  const limit = day.end ?? minutesPerDay;
  const rows: AgendaRow<S>[] = [];
  let clock = day.start;
  let lunch = day.lunch && day.lunch.at > day.start ? day.lunch : undefined;
  const add = (row: AgendaRow<S>) => {
    rows.push(row);
    clock = row.end;
  };
  // A pause between two parts (breakMinutes between two sessions): lunch, once its time has come, takes its place.
  const pause = (breakMinutes: number) => {
    if (lunch && clock + breakMinutes >= lunch.at) {
      add({ kind: 'lunch', start: clock, end: clock + lunch.minutes, late: false });
      lunch = undefined;
    } else if (breakMinutes > 0) add({ kind: 'break', start: clock, end: clock + breakMinutes, late: false });
  };

  day.sessions.forEach((session, index) => {
    if (index > 0) pause(day.breakMinutes);
    const sessionRow: AgendaRow<S> = { kind: 'session', session, start: clock, end: clock, late: false };
    rows.push(sessionRow);
    if (session.parts.length === 0) clock += session.minutes;
    session.parts.forEach((part, partIndex) => {
      if (partIndex > 0) pause(0);
      add({ kind: 'part', session, part, start: clock, end: clock + part.minutes, late: false });
    });
    sessionRow.end = clock;
  });

  for (const row of rows) row.late = row.end > limit;
  const lunchMissed = !day.lunch ? undefined : day.lunch.at <= day.start ? 'starts-after' : lunch ? 'no-pause' : undefined;
  return {
    start: day.start,
    end: clock,
    limit,
    rows,
    teachingMinutes: day.sessions.reduce((sum, session) => sum + session.minutes, 0),
    overrunMinutes: Math.max(0, clock - limit),
    lunchMissed,
  };
}

const clockPattern = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/** A time of day written as `HH:MM` (as a time input gives it; seconds ignored), or undefined when it is not one. */
export function parseClock(text: string): ClockMinutes | undefined {
  const match = clockPattern.exec(text.trim());
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}

// A time past midnight is read off the next day's clock.
function onTheClock(time: ClockMinutes): ClockMinutes {
  return ((time % minutesPerDay) + minutesPerDay) % minutesPerDay;
}

/** A time of day as `HH:MM`, for a time input or a `<time datetime>`. */
export function clockValue(time: ClockMinutes): string {
  const minutes = onTheClock(time);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A time of day as a reader of `locale` writes it ("9:00 AM", "13:30"), in that locale's digits. */
export function formatClock(time: ClockMinutes, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(1970, 0, 1, 0, onTheClock(time)));
}
