import { describe, expect, it } from 'vitest';
import {
  dayPlans, defaultAgendaPlan, maxDays, pauseMinutes, readAgendaPlan, storedAgendaPlan, withDayAdded, withDayRemoved, type AgendaPlan,
} from '../../src/lib/agendaPlan';
import type { AgendaSession } from '../../src/lib/schedule';

const slugs = ['m08/04', 'm99/01', 'm99/02'];
const sessions: AgendaSession[] = slugs.map((slug) => ({ slug, minutes: 5, parts: [] }));
const twoDays: AgendaPlan = {
  days: [
    { start: '09:00', end: '17:00', breakMinutes: 15, lunchAt: '12:30', lunchMinutes: 60 },
    { start: '13:30', end: '', breakMinutes: 10, lunchAt: '', lunchMinutes: 60 },
  ],
  sessionDays: { 'm08/04': 1, 'm99/01': 2, 'm99/02': 0 },
};

describe('the default plan', () => {
  it('is one day from 09:00 to 17:00 with every session on it', () => {
    const plan = defaultAgendaPlan(slugs);
    expect(plan.days).toEqual([{ start: '09:00', end: '17:00', breakMinutes: 15, lunchAt: '', lunchMinutes: 60 }]);
    expect(plan.sessionDays).toEqual({ 'm08/04': 1, 'm99/01': 1, 'm99/02': 1 });
  });
});

describe('adding and removing days', () => {
  it('adds a day set like the last one, moving no session', () => {
    const plan = withDayAdded(twoDays);
    expect(plan.days).toHaveLength(3);
    expect(plan.days[2]).toEqual(twoDays.days[1]);
    expect(plan.sessionDays).toEqual(twoDays.sessionDays);
  });

  it('adds no day past the most a plan may have', () => {
    let plan = defaultAgendaPlan(slugs);
    for (let day = 0; day < maxDays + 2; day++) plan = withDayAdded(plan);
    expect(plan.days).toHaveLength(maxDays);
  });

  it('moves a removed day’s sessions to the day before, and later days’ sessions down one; unscheduled stay so', () => {
    const threeDays = { ...withDayAdded(twoDays), sessionDays: { 'm08/04': 1, 'm99/01': 2, 'm99/02': 3 } };
    expect(withDayRemoved(threeDays, 2).sessionDays).toEqual({ 'm08/04': 1, 'm99/01': 1, 'm99/02': 2 });
    expect(withDayRemoved(threeDays, 1).sessionDays).toEqual({ 'm08/04': 1, 'm99/01': 1, 'm99/02': 2 });
    expect(withDayRemoved(twoDays, 2).sessionDays).toEqual({ 'm08/04': 1, 'm99/01': 1, 'm99/02': 0 });
    expect(withDayRemoved(twoDays, 1).days).toEqual([twoDays.days[1]]);
  });

  it('never removes the last day left', () => {
    const plan = defaultAgendaPlan(slugs);
    expect(withDayRemoved(plan, 1)).toBe(plan);
  });
});

describe('reading the stored plan', () => {
  it('gives back what was stored', () => {
    expect(readAgendaPlan(storedAgendaPlan(twoDays), slugs)).toEqual({ plan: twoDays, unreadable: false });
  });

  it('gives the default plan when nothing is stored, without calling it unreadable', () => {
    expect(readAgendaPlan(null, slugs)).toEqual({ plan: defaultAgendaPlan(slugs), unreadable: false });
  });

  it('puts a session the stored plan does not know on its last day, and drops one the course no longer has', () => {
    const stored = storedAgendaPlan({ ...twoDays, sessionDays: { 'm08/04': 1, gone: 2 } });
    expect(readAgendaPlan(stored, slugs).plan.sessionDays).toEqual({ 'm08/04': 1, 'm99/01': 2, 'm99/02': 2 });
  });

  it.each([
    ['not JSON', '{"days": ['],
    ['JSON but not a plan', '"hello"'],
    ['another version', JSON.stringify({ ...JSON.parse(storedAgendaPlan(twoDays)), version: 2 })],
    ['no days', storedAgendaPlan({ ...twoDays, days: [] })],
    ['a time that is not one', storedAgendaPlan({ ...twoDays, days: [{ ...twoDays.days[0]!, start: '25:00' }] })],
    ['a break too long', storedAgendaPlan({ ...twoDays, days: [{ ...twoDays.days[0]!, breakMinutes: 999 }] })],
    ['a session on a day the plan lacks', storedAgendaPlan({ ...twoDays, sessionDays: { 'm08/04': 3 } })],
    ['too many days', storedAgendaPlan({ ...twoDays, days: Array.from({ length: maxDays + 1 }, () => twoDays.days[0]!) })],
  ])('gives the default plan, marked unreadable, for %s', (_case, stored) => {
    expect(readAgendaPlan(stored, slugs)).toEqual({ plan: defaultAgendaPlan(slugs), unreadable: true });
  });
});

describe('minutes typed in a field', () => {
  it('are whole minutes from 0 to 240; empty or not a number is 0', () => {
    expect(pauseMinutes('15')).toBe(15);
    expect(pauseMinutes('7.6')).toBe(8);
    expect(pauseMinutes('-5')).toBe(0);
    expect(pauseMinutes('1000')).toBe(240);
    expect(pauseMinutes('')).toBe(0);
    expect(pauseMinutes('abc')).toBe(0);
  });
});

describe('the days to schedule', () => {
  it('turn the settings into clock minutes, each day with its own sessions in course order', () => {
    const [first, second] = dayPlans(twoDays, sessions);
    expect(first).toEqual({ start: 540, end: 1020, breakMinutes: 15, lunch: { at: 750, minutes: 60 }, sessions: [sessions[0]] });
    expect(second).toEqual({ start: 810, end: undefined, breakMinutes: 10, lunch: undefined, sessions: [sessions[1]] });
  });

  it('leave out a day without a start time, and a lunch without minutes', () => {
    const plan: AgendaPlan = { ...twoDays, days: [{ ...twoDays.days[0]!, start: '' }, { ...twoDays.days[0]!, lunchMinutes: 0 }] };
    const [first, second] = dayPlans(plan, sessions);
    expect(first).toBeUndefined();
    expect(second?.lunch).toBeUndefined();
  });
});
