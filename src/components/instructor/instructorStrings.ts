/** The UI strings the instructor room's scripts read, one list per component (see components/strings.ts). */
import type { UiKey } from '../../lib/i18n';

/** What the presenter's clock says, on the laptop and on the projector. */
export const presenterClockKeys = [
  'instructor.position', 'instructor.remaining', 'instructor.overBy', 'instructor.overrun', 'instructor.sessionTime',
  'instructor.start', 'instructor.pause',
] as const satisfies readonly UiKey[];
/** A key of `presenterClockKeys`. */
export type PresenterClockKey = (typeof presenterClockKeys)[number];

/** What the join card's script says. */
export const joinCardKeys = ['join.loopback', 'join.problem.not-an-address', 'join.problem.not-http', 'join.qrLabel'] as const satisfies readonly UiKey[];
/** A key of `joinCardKeys`. */
export type JoinCardKey = (typeof joinCardKeys)[number];
