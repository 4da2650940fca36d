/**
 * The presenter's clock for an instructor-led session: which part of the lesson is on, how long each part
 * has taken against the minutes planned for it, and whether it runs over. The state holds timestamps, not
 * ticks, so any window that reads it (the instructor's laptop, the projector) computes the same times from
 * the same clock, and a reload loses nothing. Pure: every function takes `now` (ms since the epoch).
 */
import type { Translate } from './i18n';
import type { PlannedPart } from './lessonParts';

/** What is stored and shared between windows: the current part, the time spent on each part, and when the clock started running, if it runs. */
export interface PresenterState {
  version: 1;
  partIndex: number;
  /** Milliseconds spent on each part before the current run (index = part). */
  spentMs: number[];
  /** When the clock started running on the current part; null while paused. */
  runningSince: number | null;
}

/** The clock as a presenter sees it at one moment. */
export interface PresenterView {
  partIndex: number;
  part: PlannedPart | undefined;
  partCount: number;
  running: boolean;
  /** Time spent on the current part. */
  elapsedMs: number;
  /** Planned time left for the current part; negative once it runs over. */
  remainingMs: number;
  /** Time spent on every part together, and the time planned for all of them. */
  sessionElapsedMs: number;
  sessionPlannedMs: number;
  isFirst: boolean;
  isLast: boolean;
}

/** What a key press asks of the presenter's clock. */
export type PresenterAction = 'next' | 'previous' | 'toggle';

const minuteMs = 60_000;

/** The storage key under which the presenter's clock for one lesson is kept (every language shares it). */
export function presenterStorageKey(lessonSlug: string): string {
  return `edge-ai-workshop:presenter:v1:${lessonSlug}`;
}

/** Whether any part has planned minutes: without any, there is nothing to time. */
export function hasPlannedMinutes(parts: readonly PlannedPart[]): boolean {
  return parts.some(({ minutes }) => minutes > 0);
}

/** A clock on the first part, paused, with nothing spent. */
export function initialPresenterState(partCount: number): PresenterState {
  return { version: 1, partIndex: 0, spentMs: Array<number>(partCount).fill(0), runningSince: null };
}

function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/**
 * A stored state read back, checked and fitted to `partCount` parts (a lesson may have gained or lost a
 * part since): anything unreadable starts a fresh clock rather than breaking the page.
 */
export function parsePresenterState(text: string | null, partCount: number): PresenterState {
  const fresh = initialPresenterState(partCount);
  if (!text) return fresh;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fresh;
  }
  if (typeof value !== 'object' || value === null) return fresh;
  const { version, partIndex, spentMs, runningSince } = value as Record<string, unknown>;
  if (version !== 1 || !Number.isInteger(partIndex) || !Array.isArray(spentMs) || !spentMs.every(isNonNegativeNumber)) return fresh;
  if (runningSince !== null && !isNonNegativeNumber(runningSince)) return fresh;
  return {
    version: 1,
    partIndex: Math.min(Math.max(partIndex as number, 0), Math.max(partCount - 1, 0)),
    spentMs: fresh.spentMs.map((_zero, index) => (spentMs[index] as number | undefined) ?? 0),
    runningSince,
  };
}

function runMs(state: PresenterState, now: number): number {
  return state.runningSince === null ? 0 : Math.max(now - state.runningSince, 0);
}

/** The state with the current run folded into the current part's time, so the clock can stop or move. */
function settled(state: PresenterState, now: number): PresenterState {
  const spentMs = state.spentMs.map((spent, index) => (index === state.partIndex ? spent + runMs(state, now) : spent));
  return { ...state, spentMs, runningSince: state.runningSince === null ? null : now };
}

/** The clock running from `now` (unchanged if it already runs). */
export function startClock(state: PresenterState, now: number): PresenterState {
  return state.runningSince === null ? { ...state, runningSince: now } : state;
}

/** The clock paused at `now`, keeping the time spent so far. */
export function pauseClock(state: PresenterState, now: number): PresenterState {
  return { ...settled(state, now), runningSince: null };
}

/** Start when paused, pause when running. */
export function toggleClock(state: PresenterState, now: number): PresenterState {
  return state.runningSince === null ? startClock(state, now) : pauseClock(state, now);
}

/** The clock moved to part `index` (kept within the lesson), still running if it ran; each part keeps its own time. */
export function goToPart(state: PresenterState, index: number, now: number): PresenterState {
  const partIndex = Math.min(Math.max(index, 0), Math.max(state.spentMs.length - 1, 0));
  return partIndex === state.partIndex ? state : { ...settled(state, now), partIndex };
}

/** The clock on the next part (the last part stays the last). */
export function nextPart(state: PresenterState, now: number): PresenterState {
  return goToPart(state, state.partIndex + 1, now);
}

/** The clock on the previous part (the first part stays the first). */
export function previousPart(state: PresenterState, now: number): PresenterState {
  return goToPart(state, state.partIndex - 1, now);
}

/** Applies a presenter action at `now`. */
export function applyPresenterAction(state: PresenterState, action: PresenterAction, now: number): PresenterState {
  if (action === 'next') return nextPart(state, now);
  if (action === 'previous') return previousPart(state, now);
  return toggleClock(state, now);
}

/** What the clock shows at `now` for these parts. */
export function presenterView(state: PresenterState, parts: readonly PlannedPart[], now: number): PresenterView {
  const part = parts[state.partIndex];
  const elapsedMs = (state.spentMs[state.partIndex] ?? 0) + runMs(state, now);
  const sessionElapsedMs = state.spentMs.reduce((total, spent) => total + spent, 0) + runMs(state, now);
  return {
    partIndex: state.partIndex,
    part,
    partCount: parts.length,
    running: state.runningSince !== null,
    elapsedMs,
    remainingMs: (part?.minutes ?? 0) * minuteMs - elapsedMs,
    sessionElapsedMs,
    sessionPlannedMs: parts.reduce((total, { minutes }) => total + minutes * minuteMs, 0),
    isFirst: state.partIndex === 0,
    isLast: state.partIndex >= parts.length - 1,
  };
}

/**
 * The action a key asks for. Page Down / Page Up (what presentation clickers send) always mean next and
 * previous; the arrow keys follow the reading direction, so in a right-to-left language ← is next.
 */
export function presenterKeyAction(key: string, direction: 'ltr' | 'rtl'): PresenterAction | undefined {
  const forward = direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const backward = direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  if (key === 'PageDown' || key === forward) return 'next';
  if (key === 'PageUp' || key === backward) return 'previous';
  if (key === ' ') return 'toggle';
  return undefined;
}

/**
 * A duration as a clock reads, in the reader's digits: `9:05`, `1:02:03`; its sign is left to the caller.
 * Time spent rounds down to whole seconds; time left rounds up (`'ceil'`), so a countdown starts at its full
 * time and shows 0:00 only when the time is up.
 */
export function formatClock(ms: number, locale: string, rounding: 'floor' | 'ceil' = 'floor'): string {
  const totalSeconds = Math[rounding](Math.abs(ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const plain = new Intl.NumberFormat(locale, { useGrouping: false });
  const twoDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  return hours > 0
    ? `${plain.format(hours)}:${twoDigits.format(minutes)}:${twoDigits.format(seconds)}`
    : `${plain.format(minutes)}:${twoDigits.format(seconds)}`;
}

/** The words the clock's readout is made of, looked up by the caller in the reader's language. */
export type ReadoutKey = 'instructor.position' | 'instructor.remaining' | 'instructor.overBy' | 'instructor.overrun' | 'instructor.sessionTime';

/** What the clock shows, as text: the same on the laptop, the projector and the page before its script runs. */
export interface ClockReadout {
  position: string;
  heading: string;
  elapsed: string;
  /** "Remaining", or "Over by" once the part runs over. */
  leftLabel: string;
  left: string;
  isOver: boolean;
  /** Said plainly once the part runs over; empty until then. */
  overrun: string;
  session: string;
}

/** The readout of a clock view in `locale`. */
export function clockReadout(view: PresenterView, t: Translate<ReadoutKey>, locale: string): ClockReadout {
  const isOver = view.remainingMs < 0;
  const count = new Intl.NumberFormat(locale);
  return {
    position: t('instructor.position', { number: count.format(view.partIndex + 1), count: count.format(view.partCount) }),
    heading: view.part?.heading ?? '',
    elapsed: formatClock(view.elapsedMs, locale),
    leftLabel: t(isOver ? 'instructor.overBy' : 'instructor.remaining'),
    left: formatClock(view.remainingMs, locale, 'ceil'),
    isOver,
    overrun: isOver ? t('instructor.overrun', { minutes: count.format(view.part?.minutes ?? 0) }) : '',
    session: t('instructor.sessionTime', { elapsed: formatClock(view.sessionElapsedMs, locale), planned: formatClock(view.sessionPlannedMs, locale) }),
  };
}
