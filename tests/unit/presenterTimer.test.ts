import { describe, expect, it } from 'vitest';
import {
  applyPresenterAction, formatClock, goToPart, initialPresenterState, nextPart, parsePresenterState, pauseClock,
  presenterKeyAction, presenterView, previousPart, startClock, toggleClock,
} from '../../src/lib/presenterTimer';
import type { PlannedPart } from '../../src/lib/lessonParts';

const parts: PlannedPart[] = [
  { id: 'overview', heading: 'Overview', minutes: 2 },
  { id: 'part-1', heading: 'Part 1', minutes: 10 },
  { id: 'part-2', heading: 'Part 2', minutes: 5 },
];
const second = 1000;
const minute = 60 * second;
const t0 = Date.UTC(2026, 10, 3, 9, 0);

describe('the presenter clock', () => {
  it('counts a running part up and its planned time down, from timestamps alone', () => {
    const state = startClock(initialPresenterState(parts.length), t0);
    const view = presenterView(state, parts, t0 + 90 * second);
    expect(view).toMatchObject({ partIndex: 0, running: true, elapsedMs: 90 * second, remainingMs: 30 * second, sessionElapsedMs: 90 * second, sessionPlannedMs: 17 * minute });
  });

  it('runs over: the remaining time goes negative', () => {
    const state = startClock(initialPresenterState(parts.length), t0);
    expect(presenterView(state, parts, t0 + 2 * minute + 15 * second).remainingMs).toBe(-15 * second);
  });

  it('stands still while paused and resumes where it stopped', () => {
    let state = startClock(initialPresenterState(parts.length), t0);
    state = pauseClock(state, t0 + 30 * second);
    expect(presenterView(state, parts, t0 + 10 * minute)).toMatchObject({ running: false, elapsedMs: 30 * second });
    state = startClock(state, t0 + 10 * minute);
    expect(presenterView(state, parts, t0 + 10 * minute + 5 * second).elapsedMs).toBe(35 * second);
  });

  it('starts and pauses with one toggle; starting a running clock changes nothing', () => {
    const running = toggleClock(initialPresenterState(parts.length), t0);
    expect(startClock(running, t0 + minute)).toBe(running);
    expect(toggleClock(running, t0 + minute)).toMatchObject({ runningSince: null, spentMs: [minute, 0, 0] });
  });

  it('moves to the next part keeping each part’s own time, and keeps running', () => {
    let state = startClock(initialPresenterState(parts.length), t0);
    state = nextPart(state, t0 + 3 * minute);
    expect(presenterView(state, parts, t0 + 4 * minute)).toMatchObject({ partIndex: 1, running: true, elapsedMs: minute, remainingMs: 9 * minute, sessionElapsedMs: 4 * minute });
    state = previousPart(state, t0 + 5 * minute);
    expect(presenterView(state, parts, t0 + 5 * minute)).toMatchObject({ partIndex: 0, elapsedMs: 3 * minute, remainingMs: -minute });
  });

  it('stays within the lesson at either end', () => {
    const first = initialPresenterState(parts.length);
    expect(previousPart(first, t0)).toBe(first);
    const last = goToPart(first, 99, t0);
    expect(presenterView(last, parts, t0)).toMatchObject({ partIndex: 2, isLast: true, isFirst: false });
    expect(nextPart(last, t0)).toBe(last);
  });

  it('applies the actions keys ask for', () => {
    const state = initialPresenterState(parts.length);
    expect(applyPresenterAction(state, 'next', t0).partIndex).toBe(1);
    expect(applyPresenterAction(state, 'toggle', t0).runningSince).toBe(t0);
    expect(applyPresenterAction(state, 'previous', t0)).toBe(state);
  });
});

describe('a stored clock read back', () => {
  it('survives a round trip through storage, so a reload keeps it', () => {
    const state = nextPart(startClock(initialPresenterState(parts.length), t0), t0 + minute);
    expect(parsePresenterState(JSON.stringify(state), parts.length)).toEqual(state);
  });

  it('starts fresh from anything unreadable', () => {
    const fresh = initialPresenterState(3);
    for (const text of [null, '', 'not json', '[]', '{"version":2}', '{"version":1,"partIndex":0,"spentMs":[-1],"runningSince":null}', '{"version":1,"partIndex":0,"spentMs":[],"runningSince":"soon"}'])
      expect(parsePresenterState(text, 3)).toEqual(fresh);
  });

  it('fits a lesson that gained or lost parts since', () => {
    const stored = JSON.stringify({ version: 1, partIndex: 4, spentMs: [1, 2, 3, 4, 5], runningSince: null });
    expect(parsePresenterState(stored, 3)).toEqual({ version: 1, partIndex: 2, spentMs: [1, 2, 3], runningSince: null });
    expect(parsePresenterState(JSON.stringify({ version: 1, partIndex: 0, spentMs: [7], runningSince: null }), 2).spentMs).toEqual([7, 0]);
  });
});

describe('presenter keys', () => {
  it('reads Page Down / Page Up as next and previous, and Space as start or pause', () => {
    expect(['PageDown', 'PageUp', ' '].map((key) => presenterKeyAction(key, 'ltr'))).toEqual(['next', 'previous', 'toggle']);
    expect(presenterKeyAction('PageDown', 'rtl')).toBe('next');
  });

  it('follows the reading direction with the arrows: in right-to-left text ← is next', () => {
    expect([presenterKeyAction('ArrowRight', 'ltr'), presenterKeyAction('ArrowLeft', 'ltr')]).toEqual(['next', 'previous']);
    expect([presenterKeyAction('ArrowLeft', 'rtl'), presenterKeyAction('ArrowRight', 'rtl')]).toEqual(['next', 'previous']);
    expect(presenterKeyAction('Enter', 'ltr')).toBeUndefined();
  });
});

describe('formatClock', () => {
  it('shows minutes and seconds, and hours only when there are some', () => {
    expect(formatClock(9 * minute + 5 * second, 'en')).toBe('9:05');
    expect(formatClock(62 * minute + 3 * second, 'en')).toBe('1:02:03');
    expect(formatClock(-75 * second, 'en')).toBe('1:15');
  });

  it('rounds time spent down and time left up, so a countdown starts full and ends at 0:00', () => {
    expect(formatClock(59_001, 'en')).toBe('0:59');
    expect(formatClock(59_001, 'en', 'ceil')).toBe('1:00');
    expect(formatClock(0, 'en', 'ceil')).toBe('0:00');
  });

  it('writes the reader’s digits', () => {
    expect(formatClock(9 * minute + 5 * second, 'ar-EG')).toBe('٩:٠٥');
  });
});
