import { describe, expect, it } from 'vitest';
import type { PlannedPart } from '../../src/lib/lessonParts';
import { clockValue, formatClock, parseClock, scheduleDay, type AgendaRow, type AgendaSession, type DayPlan } from '../../src/lib/schedule';

const part = (heading: string, minutes: number): PlannedPart => ({ heading, id: heading.toLowerCase(), minutes });
const models: AgendaSession = { slug: 'models', minutes: 30, parts: [part('Intro', 10), part('Demo', 15), part('Wrap-up', 5)] };
const setup: AgendaSession = { slug: 'setup', minutes: 20, parts: [] };
const labs: AgendaSession = { slug: 'labs', minutes: 90, parts: [part('Lab 1', 45), part('Lab 2', 45)] };

const at = (clock: string) => parseClock(clock)!;
const day = (plan: Partial<DayPlan> & Pick<DayPlan, 'sessions'>): DayPlan => ({ start: at('09:00'), breakMinutes: 0, ...plan });

/** A row as a line of a printed agenda: "09:00–09:10 part Intro". */
function line(row: AgendaRow): string {
  const what = row.kind === 'part' ? ` ${row.part.heading}` : row.kind === 'session' ? ` ${row.session.slug}` : '';
  return `${clockValue(row.start)}–${clockValue(row.end)} ${row.kind}${what}${row.late ? ' (late)' : ''}`;
}
const timetable = (plan: DayPlan) => scheduleDay(plan).rows.map(line);

describe('scheduleDay', () => {
  it('runs a session part after part from the day’s start', () => {
    expect(timetable(day({ sessions: [models] }))).toEqual([
      '09:00–09:30 session models',
      '09:00–09:10 part Intro',
      '09:10–09:25 part Demo',
      '09:25–09:30 part Wrap-up',
    ]);
  });

  it('schedules a lesson that plans no parts as one block of its duration', () => {
    expect(timetable(day({ sessions: [setup] }))).toEqual(['09:00–09:20 session setup']);
  });

  it('puts the break between two sessions, never before the first or after the last', () => {
    expect(timetable(day({ sessions: [setup, models], breakMinutes: 15 }))).toEqual([
      '09:00–09:20 session setup',
      '09:20–09:35 break',
      '09:35–10:05 session models',
      '09:35–09:45 part Intro',
      '09:45–10:00 part Demo',
      '10:00–10:05 part Wrap-up',
    ]);
  });

  it('adds no break row for a 0-minute break', () => {
    expect(timetable(day({ sessions: [setup, setup] }))).toEqual(['09:00–09:20 session setup', '09:20–09:40 session setup']);
  });

  it('sums the day: its end, and its teaching minutes without breaks', () => {
    const schedule = scheduleDay(day({ sessions: [setup, models, labs], breakMinutes: 10 }));
    expect(clockValue(schedule.end)).toBe('11:40');
    expect(schedule.teachingMinutes).toBe(140);
    expect(schedule.overrunMinutes).toBe(0);
  });

  it('ends an empty day where it starts', () => {
    const schedule = scheduleDay(day({ start: at('13:30'), sessions: [] }));
    expect(schedule).toMatchObject({ start: at('13:30'), end: at('13:30'), rows: [], teachingMinutes: 0 });
  });
});

describe('scheduleDay, day after day', () => {
  it('starts every day at its own time, not where the day before ended', () => {
    const days = [day({ start: at('09:00'), sessions: [labs] }), day({ start: at('13:30'), sessions: [models] })].map(scheduleDay);
    expect(days.map(({ start, end }) => `${clockValue(start)}–${clockValue(end)}`)).toEqual(['09:00–10:30', '13:30–14:00']);
    expect(days[1]!.rows.map(line)[1]).toBe('13:30–13:40 part Intro');
  });
});

describe('scheduleDay: lunch', () => {
  it('comes at the first pause between parts from its time on, even inside a session', () => {
    expect(timetable(day({ start: at('11:45'), sessions: [labs], lunch: { at: at('12:15'), minutes: 60 } }))).toEqual([
      '11:45–14:15 session labs',
      '11:45–12:30 part Lab 1',
      '12:30–13:30 lunch',
      '13:30–14:15 part Lab 2',
    ]);
  });

  it('takes a pause that falls exactly at its time', () => {
    expect(timetable(day({ start: at('11:45'), sessions: [labs], lunch: { at: at('12:30'), minutes: 30 } }))[2]).toBe('12:30–13:00 lunch');
  });

  it('replaces the break between sessions that would run into lunch time', () => {
    expect(timetable(day({ start: at('12:00'), sessions: [setup, setup], breakMinutes: 15, lunch: { at: at('12:30'), minutes: 45 } }))).toEqual([
      '12:00–12:20 session setup',
      '12:20–13:05 lunch',
      '13:05–13:25 session setup',
    ]);
  });

  it('is taken once only', () => {
    const rows = timetable(day({ start: at('11:00'), sessions: [models, models, models], lunch: { at: at('11:05'), minutes: 30 } }));
    expect(rows.filter((row) => row.includes('lunch'))).toEqual(['11:10–11:40 lunch']);
  });

  it('is missed, and says why, on a day that starts after it or has no pause from then on', () => {
    const startsAfter = scheduleDay(day({ start: at('13:30'), sessions: [models], lunch: { at: at('12:30'), minutes: 60 } }));
    expect(startsAfter.lunchMissed).toBe('starts-after');
    expect(startsAfter.rows.some((row) => row.kind === 'lunch')).toBe(false);
    const noPause = scheduleDay(day({ start: at('11:45'), sessions: [labs], lunch: { at: at('13:00'), minutes: 60 } }));
    expect(noPause.lunchMissed).toBe('no-pause');
    expect(clockValue(noPause.end)).toBe('13:15');
  });

  it('is not missed when the day has none set', () => {
    expect(scheduleDay(day({ sessions: [models] })).lunchMissed).toBeUndefined();
  });
});

describe('scheduleDay: over-runs', () => {
  it('marks a day that ends after the end the instructor set, by how much, and the rows past it', () => {
    const schedule = scheduleDay(day({ start: at('16:00'), end: at('17:00'), sessions: [models, models], breakMinutes: 15 }));
    expect(schedule.overrunMinutes).toBe(15);
    expect(schedule.rows.map(line)).toEqual([
      '16:00–16:30 session models',
      '16:00–16:10 part Intro',
      '16:10–16:25 part Demo',
      '16:25–16:30 part Wrap-up',
      '16:30–16:45 break',
      '16:45–17:15 session models (late)',
      '16:45–16:55 part Intro',
      '16:55–17:10 part Demo (late)',
      '17:10–17:15 part Wrap-up (late)',
    ]);
  });

  it('does not count a day that ends exactly at its end as over-running', () => {
    const schedule = scheduleDay(day({ start: at('16:30'), end: at('17:00'), sessions: [models] }));
    expect(schedule.overrunMinutes).toBe(0);
    expect(schedule.rows.some((row) => row.late)).toBe(false);
  });

  it('lets a day without an end run to midnight, and counts what runs past it', () => {
    const schedule = scheduleDay(day({ start: at('23:00'), sessions: [labs] }));
    expect(schedule.overrunMinutes).toBe(30);
    expect(clockValue(schedule.end)).toBe('00:30');
  });
});

describe('clock times', () => {
  it('reads HH:MM as a time input gives it, seconds ignored, and refuses what is not a time of day', () => {
    expect(parseClock('09:00')).toBe(540);
    expect(parseClock('9:05')).toBe(545);
    expect(parseClock('13:30:00')).toBe(810);
    expect(parseClock('23:59')).toBe(1439);
    for (const wrong of ['', '24:00', '12:60', '9', 'noon', '09:00 PM', '-1:00']) expect(parseClock(wrong)).toBeUndefined();
  });

  it('writes minutes after midnight as HH:MM, on the next day’s clock past midnight', () => {
    expect(clockValue(570)).toBe('09:30');
    expect(clockValue(0)).toBe('00:00');
    expect(clockValue(24 * 60 + 15)).toBe('00:15');
  });

  it('formats a time as the reader’s locale does, with its own digits', () => {
    expect(formatClock(at('13:30'), 'en')).toBe('1:30 PM');
    expect(formatClock(at('13:30'), 'bg')).toBe('13:30');
    expect(formatClock(at('09:05'), 'ar-EG')).toMatch(/^٩:٠٥/);
    expect(formatClock(at('09:05'), 'ar')).toBe(new Intl.DateTimeFormat('ar', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(1970, 0, 1, 9, 5)));
  });
});
