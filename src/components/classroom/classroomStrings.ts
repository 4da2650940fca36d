/** The UI strings the classroom room's scripts read (see components/strings.ts). */
import type { UiKey } from '../../lib/i18n';
import { shareKinds } from '../../lib/classroomProtocol';

/** Why a classroom request failed, in words. */
const errorKeys = [
  'classroom.error.wrong-code',
  'classroom.error.no-class',
  'classroom.error.too-many',
  'classroom.error.class-full',
  'classroom.error.bad-request',
  'classroom.error.too-large',
  'classroom.error.not-in-class',
  'classroom.error.not-found',
  'classroom.error.refused',
  'classroom.error.unreachable',
] as const satisfies readonly UiKey[];

/** Where the link to the class stands. */
const statusKeys = ['classroom.status.sending', 'classroom.status.shared', 'classroom.status.retrying', 'classroom.status.refused', 'classroom.status.ended'] as const satisfies readonly UiKey[];

/** The short names of what an attendee shares. */
const kindKeys = shareKinds.map((kind) => `classroom.kind.${kind}` as const) satisfies readonly UiKey[];

/** What the join page's script says. */
export const classroomJoinKeys = [
  ...errorKeys,
  ...statusKeys,
  ...kindKeys,
  'classroom.error.not-an-address',
  'classroom.error.mixed-content',
  'classroom.error.port',
  'classroom.error.noCode',
  'classroom.error.noName',
  'classroom.join.joining',
  'classroom.join.submit',
  'classroom.joined.as',
  'classroom.joined.anonymous',
  'classroom.joined.sharing',
  'classroom.joined.sharingNothing',
  'classroom.joined.left',
  'classroom.joined.leftOffline',
] as const satisfies readonly UiKey[];
/** A key of `classroomJoinKeys`. */
export type ClassroomJoinKey = (typeof classroomJoinKeys)[number];

/** What a part's "Done" / "I'm stuck" buttons say. */
export const partSignalKeys = [
  ...statusKeys, 'classroom.signal.group', 'classroom.signal.done', 'classroom.signal.stuck', 'classroom.signal.unstuck', 'classroom.signal.resolved',
  'classroom.signal.note', 'classroom.signal.send', 'classroom.signal.cancel',
] as const satisfies readonly UiKey[];
/** A key of `partSignalKeys`. */
export type PartSignalKey = (typeof partSignalKeys)[number];

/** What the dashboard's script says. */
export const dashboardKeys = [
  ...kindKeys,
  'classroom.dashboard.connecting',
  'classroom.dashboard.live',
  'classroom.dashboard.reconnecting',
  'classroom.dashboard.unavailable',
  'classroom.dashboard.refused',
  'classroom.dashboard.noClass',
  'classroom.dashboard.qrLabel',
  'classroom.dashboard.copied',
  'classroom.dashboard.copyFailed',
  'classroom.dashboard.room',
  'classroom.dashboard.sharing',
  'classroom.dashboard.helpWho',
  'classroom.dashboard.helpCount',
  'classroom.dashboard.anonymous',
  'classroom.dashboard.waiting',
  'classroom.dashboard.resolve',
  'classroom.dashboard.pin',
  'classroom.dashboard.unpin',
  'classroom.dashboard.pinned',
  'classroom.dashboard.ready',
  'classroom.dashboard.answered',
  'classroom.dashboard.chosenBy',
  'classroom.dashboard.attendeeShares',
  'classroom.dashboard.endConfirm',
  'classroom.dashboard.ended',
  'classroom.dashboard.endFailed',
] as const satisfies readonly UiKey[];
/** A key of `dashboardKeys`. */
export type DashboardKey = (typeof dashboardKeys)[number];
