/**
 * The agenda as the instructor sets it, and as the browser keeps it: per day a start, an optional end, the
 * break between sessions and lunch (times as `HH:MM`, as time inputs give them; "" for none), and the day
 * each session is on. A plan always names every session of the course, so adding or removing a day moves
 * only what the instructor moved. A stored value that is not a plan gives the default plan, never an error.
 */
import { parseClock, type AgendaSession, type DayPlan } from './schedule.ts';

/** Where the plan is kept in localStorage. */
export const agendaKey = 'edge-course:agenda';

/** The most days a plan may have. */
export const maxDays = 10;

/** The longest break or lunch, in minutes. */
export const maxPauseMinutes = 240;

const planVersion = 1;

/** One day's settings, as the form holds them. */
export interface DaySettings {
  start: string;
  /** When the day must be over, or "" for no end. */
  end: string;
  breakMinutes: number;
  /** When lunch may start, or "" for no lunch. */
  lunchAt: string;
  lunchMinutes: number;
}

/** The instructor's plan: its days, and the day (from 1) each session is on by slug, 0 when it is not scheduled. */
export interface AgendaPlan {
  days: DaySettings[];
  sessionDays: Record<string, number>;
}

const firstDay: DaySettings = { start: '09:00', end: '17:00', breakMinutes: 15, lunchAt: '', lunchMinutes: 60 };

/** The plan before the instructor changes anything: one day from 09:00 to 17:00 holding every session, 15-minute breaks, no lunch. */
export function defaultAgendaPlan(slugs: readonly string[]): AgendaPlan {
  return { days: [{ ...firstDay }], sessionDays: Object.fromEntries(slugs.map((slug) => [slug, 1])) };
}

/** The plan with one more day at the end, set like the last one and holding no session yet. */
export function withDayAdded(plan: AgendaPlan): AgendaPlan {
  if (plan.days.length >= maxDays) return plan;
  return { ...plan, days: [...plan.days, { ...plan.days.at(-1)! }] };
}

/** The plan without day `day` (from 1); its sessions join the day before it (the first day's join the next). */
export function withDayRemoved(plan: AgendaPlan, day: number): AgendaPlan {
  if (plan.days.length <= 1 || day < 1 || day > plan.days.length) return plan;
  const moved = (onDay: number) => (onDay < day ? onDay : Math.max(1, onDay - 1));
  return {
    days: plan.days.filter((_settings, index) => index !== day - 1),
    sessionDays: Object.fromEntries(Object.entries(plan.sessionDays).map(([slug, onDay]) => [slug, moved(onDay)])),
  };
}

/** A minutes field's value as a whole number of minutes from 0 to `maxPauseMinutes`; empty or not a number is 0. */
export function pauseMinutes(text: string): number {
  const minutes = Math.round(Number(text));
  return Number.isFinite(minutes) ? Math.min(maxPauseMinutes, Math.max(0, minutes)) : 0;
}

/** The plan as stored: versioned JSON. */
export function storedAgendaPlan(plan: AgendaPlan): string {
  return JSON.stringify({ version: planVersion, ...plan });
}

const isTime = (value: unknown): value is string => typeof value === 'string' && parseClock(value) !== undefined;
const isTimeOrNone = (value: unknown): value is string => value === '' || isTime(value);
const isPause = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= maxPauseMinutes;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function daySettingsFrom(value: unknown): DaySettings | undefined {
  if (!isRecord(value)) return undefined;
  const { start, end, breakMinutes, lunchAt, lunchMinutes } = value;
  const valid = isTimeOrNone(start) && isTimeOrNone(end) && isPause(breakMinutes) && isTimeOrNone(lunchAt) && isPause(lunchMinutes);
  return valid ? { start, end, breakMinutes, lunchAt, lunchMinutes } : undefined;
}

/**
 * The plan stored in the browser, for a course of `slugs`: sessions it does not know go to its last day, and
 * sessions the course no longer has are dropped. No stored plan gives the default one; a stored value that
 * is not a plan gives it too, with `unreadable` set so the page can say so.
 */
export function readAgendaPlan(stored: string | null, slugs: readonly string[]): { plan: AgendaPlan; unreadable: boolean } {
  if (stored === null) return { plan: defaultAgendaPlan(slugs), unreadable: false };
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    value = undefined;
  }
  const days = isRecord(value) && value['version'] === planVersion && Array.isArray(value['days']) ? value['days'].map(daySettingsFrom) : [];
  const storedDays = isRecord(value) ? value['sessionDays'] : undefined;
  const isDay = (onDay: unknown): onDay is number => Number.isInteger(onDay) && (onDay as number) >= 0 && (onDay as number) <= days.length;
  if (days.length === 0 || days.length > maxDays || days.includes(undefined) || !isRecord(storedDays) || !Object.values(storedDays).every(isDay))
    return { plan: defaultAgendaPlan(slugs), unreadable: true };
  const dayOf = (slug: string) => (Object.hasOwn(storedDays, slug) ? (storedDays[slug] as number) : days.length);
  return { plan: { days: days as DaySettings[], sessionDays: Object.fromEntries(slugs.map((slug) => [slug, dayOf(slug)])) }, unreadable: false };
}

/**
 * Each day of the plan ready to schedule, with its sessions in the order given (the course's); undefined for
 * a day without a start time. Lunch counts only with a time and some minutes.
 */
export function dayPlans<S extends AgendaSession>(plan: AgendaPlan, sessions: readonly S[]): (DayPlan<S> | undefined)[] {
  return plan.days.map((settings, index) => {
    const start = parseClock(settings.start);
    if (start === undefined) return undefined;
    const lunchAt = parseClock(settings.lunchAt);
    return {
      start,
      end: parseClock(settings.end),
      breakMinutes: settings.breakMinutes,
      lunch: lunchAt !== undefined && settings.lunchMinutes > 0 ? { at: lunchAt, minutes: settings.lunchMinutes } : undefined,
      sessions: sessions.filter((session) => plan.sessionDays[session.slug] === index + 1),
    };
  });
}
