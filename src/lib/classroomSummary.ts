/**
 * The room at a glance, from what attendees share: per lesson part how many are done, stuck or not there
 * yet; per checklist task how many ticked it; per pre-flight check how many passed; per quiz how many chose
 * each option. Counts are over the attendees who share that kind, so "not yet" never counts someone who
 * chose not to say. Also the export "End class" writes: JSON, and CSV safe to open in a spreadsheet.
 */
import type { AttendeeView, ClassroomState, ShareKind } from './classroomProtocol.ts';
import { preflightChecks, type PreflightCheckId } from './preflightCatalog.ts';

/** What the dashboard counts: the course's parts, tasks and quizzes by key, in course order. */
export interface ClassLayout {
  parts: readonly string[];
  tasks: readonly string[];
  quizzes: readonly { key: string; options: readonly string[] }[];
}

/** Counts for one lesson part. */
export interface PartCounts {
  done: number;
  stuck: number;
  notYet: number;
}

/** The room's counts. */
export interface ClassSummary {
  attendees: number;
  /** How many attendees share each kind. */
  sharing: Record<ShareKind, number>;
  parts: Record<string, PartCounts>;
  tasks: Record<string, { done: number; notYet: number }>;
  preflight: Record<PreflightCheckId, { passed: number; failed: number; notChecked: number }>;
  /** Attendees sharing pre-flight whose every required check passed. */
  ready: number;
  quizzes: Record<string, { answered: number; chosen: Record<string, number> }>;
}

/** Counts the room against the course's layout. */
export function summarizeClass(attendees: readonly AttendeeView[], layout: ClassLayout): ClassSummary {
  const sharing = (kind: ShareKind) => attendees.filter((attendee) => attendee.shares[kind]);
  const partSharers = sharing('parts');
  const taskSharers = sharing('tasks');
  const preflightSharers = sharing('preflight');
  const quizSharers = sharing('quizzes');

  const parts = Object.fromEntries(
    layout.parts.map((key) => {
      const marks = partSharers.map((attendee) => attendee.state.parts?.[key]?.state);
      const done = marks.filter((mark) => mark === 'done').length;
      const stuck = marks.filter((mark) => mark === 'stuck').length;
      return [key, { done, stuck, notYet: partSharers.length - done - stuck }];
    }),
  );
  const tasks = Object.fromEntries(
    layout.tasks.map((key) => {
      const done = taskSharers.filter((attendee) => attendee.state.tasks?.includes(key)).length;
      return [key, { done, notYet: taskSharers.length - done }];
    }),
  );
  const preflight = Object.fromEntries(
    preflightChecks.map(({ id }) => {
      const states = preflightSharers.map((attendee) => attendee.state.preflight?.[id] ?? 'not-checked');
      const passed = states.filter((state) => state === 'passed').length;
      const failed = states.filter((state) => state === 'failed').length;
      return [id, { passed, failed, notChecked: states.length - passed - failed }];
    }),
  ) as ClassSummary['preflight'];
  const required = preflightChecks.filter((check) => check.required);
  const ready = preflightSharers.filter((attendee) => required.every((check) => attendee.state.preflight?.[check.id] === 'passed')).length;
  const quizzes = Object.fromEntries(
    layout.quizzes.map(({ key, options }) => {
      const answers = quizSharers.map((attendee) => attendee.state.quizzes?.[key]).filter((chosen) => chosen !== undefined);
      const chosen = Object.fromEntries(options.map((option) => [option, answers.filter((answer) => answer.includes(option)).length]));
      return [key, { answered: answers.length, chosen }];
    }),
  );
  return {
    attendees: attendees.length,
    sharing: { tasks: taskSharers.length, preflight: preflightSharers.length, quizzes: quizSharers.length, parts: partSharers.length },
    parts,
    tasks,
    preflight,
    ready,
    quizzes,
  };
}

/** The format name an exported class summary carries. */
export const classExportFormat = 'edge-ai-workshop-class';

/** The JSON "End class" saves: the class, its counts and what each attendee shared (names as given, or null). */
export function classExportJson(state: ClassroomState, layout: ClassLayout, endedAt: Date): string {
  return JSON.stringify(
    {
      format: classExportFormat,
      code: state.code,
      startedAt: state.startedAt,
      endedAt: endedAt.toISOString(),
      summary: summarizeClass(state.attendees, layout),
      openHelpRequests: state.help,
      attendees: state.attendees.map(({ seat, name, shares, state: shared, joinedAt, updatedAt }) => ({ seat, name, shares, shared, joinedAt, updatedAt })),
    },
    null,
    2,
  );
}

/** One CSV field: quoted when it must be, and a leading = + - @ defused so a spreadsheet shows a name instead of running it. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV "End class" saves: one row per thing an attendee shared (attendee, kind, item, value); `anonymous` names those without a name. */
export function classExportCsv(state: ClassroomState, anonymous: string): string {
  const rows: (string | number)[][] = [['attendee', 'kind', 'item', 'value']];
  for (const attendee of state.attendees) {
    const who = attendee.name ?? `${anonymous} ${attendee.seat}`;
    const shared = attendee.state;
    rows.push([who, 'joined', '', attendee.joinedAt]);
    for (const task of shared.tasks ?? []) rows.push([who, 'task', task, 'done']);
    for (const [check, verdict] of Object.entries(shared.preflight ?? {})) rows.push([who, 'preflight', check, verdict]);
    for (const [quiz, chosen] of Object.entries(shared.quizzes ?? {})) rows.push([who, 'quiz', quiz, chosen.join(' ')]);
    for (const [part, mark] of Object.entries(shared.parts ?? {})) rows.push([who, 'part', part, mark.state === 'stuck' && mark.note ? `stuck: ${mark.note}` : mark.state]);
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
