/**
 * The learner's progress as data: which checklist tasks are done, when, and by whom (the learner, or a
 * demo that proved it), their latest answer to each knowledge-check quiz, plus where they last were. Pure functions to read it from storage or a file
 * (validating and migrating older formats, and reading a newer version's record without changing it),
 * merge two copies, and change it. No browser APIs here.
 */

/** The current format. Bump it and add a step to `migrations` whenever the shape changes. */
export const progressVersion = 3;

/** Who ticked a task: the learner by hand, or a demo that saw the learner do it. */
export type TickedBy = 'learner' | 'demo';

/** The state of one checklist task: done or not, since when, and who said so. */
export interface TaskRecord {
  done: boolean;
  /** ISO 8601 time of the last change. */
  at: string;
  by: TickedBy;
}

/** Where the learner last was: the lesson, the locale they read it in, the section if known, and when. */
export interface LastVisit {
  lesson: string;
  locale: string;
  sectionId?: string | undefined;
  sectionTitle?: string | undefined;
  at: string;
}

/**
 * The learner's latest answer to one quiz: the option ids chosen (ids, not texts, so an answer given in one
 * language shows in every other), whether that answer was right when given, and when.
 */
export interface QuizAnswer {
  chosen: string[];
  correct: boolean;
  /** ISO 8601 time of the answer. */
  at: string;
}

/** Everything saved about the learner, in the current format: their tasks, their quiz answers and their last visit. */
export interface Progress {
  version: typeof progressVersion;
  /** Keyed by `taskKey(lesson, taskId)`. */
  tasks: Record<string, TaskRecord>;
  /** Keyed by `quizKey(lesson, quizId)`. */
  quizzes: Record<string, QuizAnswer>;
  lastVisit?: LastVisit | undefined;
}

/** The header of an exported file, so an unrelated JSON file is told apart from a progress file. */
export const exportFormat = 'edge-ai-workshop-progress';

/** The largest file an import reads. A full course's export is a few KB, so anything bigger is not one. */
export const maxImportBytes = 256 * 1024;

/** Why progress could not be read: not JSON, not progress at all, from a newer version of the course, malformed, or (a file) too large to be an export. */
export type ProgressError = 'not-json' | 'not-progress' | 'newer-version' | 'invalid' | 'too-large';

/** Progress read from storage or a file, with the older version it was migrated from if any; or why it could not be read. */
export type ReadResult = { ok: true; progress: Progress; migratedFrom?: number } | { ok: false; error: ProgressError };

/** Progress with nothing done and no visit: a first-time learner's. */
export function emptyProgress(): Progress {
  return { version: progressVersion, tasks: {}, quizzes: {} };
}

/** A task's key: the lesson's path inside a locale plus the task id, the same in every language. */
export function taskKey(lesson: string, taskId: string): string {
  return `${lesson}#${taskId}`;
}

/** A quiz's key, of the same form as a task's: the lesson's path inside a locale plus the quiz id. */
export function quizKey(lesson: string, quizId: string): string {
  return taskKey(lesson, quizId);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isIsoTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isTaskKey = (key: string) => /^[\w./-]+#[a-z0-9-]+$/.test(key);
const isOptionId = (value: unknown): value is string => typeof value === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value);

function validTask(value: unknown): TaskRecord | undefined {
  if (!isRecord(value) || typeof value['done'] !== 'boolean' || !isIsoTime(value['at'])) return undefined;
  if (value['by'] !== 'learner' && value['by'] !== 'demo') return undefined;
  return { done: value['done'], at: value['at'], by: value['by'] };
}

function validQuizAnswer(value: unknown): QuizAnswer | undefined {
  if (!isRecord(value) || typeof value['correct'] !== 'boolean' || !isIsoTime(value['at'])) return undefined;
  const chosen = value['chosen'];
  if (!Array.isArray(chosen) || chosen.length === 0 || !chosen.every(isOptionId) || new Set(chosen).size !== chosen.length) return undefined;
  return { chosen: [...chosen], correct: value['correct'], at: value['at'] };
}

function validLastVisit(value: unknown): LastVisit | undefined {
  if (!isRecord(value) || typeof value['lesson'] !== 'string' || typeof value['locale'] !== 'string' || !isIsoTime(value['at'])) return undefined;
  const optionalText = (field: unknown) => (typeof field === 'string' ? field : undefined);
  return {
    lesson: value['lesson'],
    locale: value['locale'],
    sectionId: optionalText(value['sectionId']),
    sectionTitle: optionalText(value['sectionTitle']),
    at: value['at'],
  };
}

/**
 * Older formats, each turned into the next. Version 1 kept one list of done task ids per lesson, with no
 * time or author: `{ version: 1, lessons: { "<lesson>": ["<task id>", …] }, savedAt }`. Version 2 had no
 * quiz answers. (Version 3 added them rather than slip them into version 2: a page of the course from
 * before would read such a record as its own and drop the answers at its next write; it reads version 3
 * as a newer version's instead, and leaves it alone.)
 */
const migrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: (old) => {
    const at = isIsoTime(old['savedAt']) ? old['savedAt'] : new Date(0).toISOString();
    const tasks: Record<string, TaskRecord> = {};
    if (isRecord(old['lessons']))
      for (const [lesson, ids] of Object.entries(old['lessons']))
        if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') tasks[taskKey(lesson, id)] = { done: true, at, by: 'learner' };
    return { version: 2, tasks };
  },
  2: (old) => ({ ...old, version: 3, quizzes: {} }),
};

/** Reads progress from parsed JSON of any known version; anything malformed is rejected, not guessed at. */
export function progressFromData(data: unknown): ReadResult {
  if (!isRecord(data) || typeof data['version'] !== 'number') return { ok: false, error: 'not-progress' };
  const from = data['version'];
  if (from > progressVersion) return { ok: false, error: 'newer-version' };
  let current = data;
  for (let version = from; version < progressVersion; version++) {
    const step = migrations[version];
    if (!step) return { ok: false, error: 'not-progress' };
    current = step(current);
  }
  if (!isRecord(current['tasks'])) return { ok: false, error: 'invalid' };
  const tasks: Record<string, TaskRecord> = {};
  for (const [key, value] of Object.entries(current['tasks'])) {
    const task = validTask(value);
    if (!task || !isTaskKey(key)) return { ok: false, error: 'invalid' };
    tasks[key] = task;
  }
  const quizzes = validQuizzes(current['quizzes']);
  if (!quizzes) return { ok: false, error: 'invalid' };
  if (current['lastVisit'] !== undefined && !validLastVisit(current['lastVisit'])) return { ok: false, error: 'invalid' };
  const progress: Progress = { version: progressVersion, tasks, quizzes, lastVisit: validLastVisit(current['lastVisit']) };
  return from === progressVersion ? { ok: true, progress } : { ok: true, progress, migratedFrom: from };
}

/**
 * The quiz answers of a record, or undefined when any is malformed. A record without the field has none:
 * every version-3 record this course writes has it, but a newer version's record need not, and its ticks
 * should still show.
 */
function validQuizzes(value: unknown): Record<string, QuizAnswer> | undefined {
  if (value === undefined) return {};
  if (!isRecord(value)) return undefined;
  const quizzes: Record<string, QuizAnswer> = {};
  for (const [key, answer] of Object.entries(value)) {
    const valid = validQuizAnswer(answer);
    if (!valid || !isTaskKey(key)) return undefined;
    quizzes[key] = valid;
  }
  return quizzes;
}

/** Reads progress from JSON text (stored or imported). */
export function progressFromJson(text: string): ReadResult {
  const data = parseJson(text);
  return data === notJson ? { ok: false, error: 'not-json' } : progressFromData(data);
}

const notJson = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return notJson;
  }
}

/**
 * Progress saved by a newer version of the course: its version, the record exactly as stored (to keep and
 * export untouched), and what of it this version can show, read-only.
 */
export interface NewerProgress {
  version: number;
  record: Readonly<Record<string, unknown>>;
  /** The record's ticks and last visit where they still have this version's shape; otherwise nothing. */
  view: Progress;
}

/** Reads a record that a newer version of the course wrote, or undefined when the text is not one. */
export function newerProgressFromJson(text: string): NewerProgress | undefined {
  const data = parseJson(text);
  if (!isRecord(data) || typeof data['version'] !== 'number' || data['version'] <= progressVersion) return undefined;
  const asCurrent = progressFromData({ ...data, version: progressVersion });
  return { version: data['version'], record: data, view: asCurrent.ok ? asCurrent.progress : emptyProgress() };
}

/** Reads an exported file: it must be small enough and say it is one, then it is read like stored progress. */
export function progressFromExport(text: string): ReadResult {
  if (new TextEncoder().encode(text).byteLength > maxImportBytes) return { ok: false, error: 'too-large' };
  const data = parseJson(text);
  if (data === notJson) return { ok: false, error: 'not-json' };
  const result = progressFromData(data);
  if (!result.ok) return result;
  return (data as Record<string, unknown>)['format'] === exportFormat ? result : { ok: false, error: 'not-progress' };
}

/** Progress (or a newer version's record, as it is) as the JSON of an exported file: marked with `exportFormat` and the export time, indented for reading. */
export function progressToExport(progress: Progress | NewerProgress['record'], exportedAt: Date): string {
  return JSON.stringify({ format: exportFormat, exportedAt: exportedAt.toISOString(), ...progress }, null, 2);
}

/**
 * Merges an imported copy into the current one. A tick is never removed: a task done in either copy is
 * done, keeping the earlier record of it. Of two answers to one quiz the later wins, right or wrong: a
 * tick records something done, which stays done, but an answer records what the learner thinks, and
 * their latest try is what they think now (keeping an older right answer over it would claim an
 * understanding their last try did not show). The most recent last visit wins.
 */
export function mergeProgress(current: Progress, imported: Progress): Progress {
  const tasks = { ...current.tasks };
  for (const [key, record] of Object.entries(imported.tasks)) {
    const mine = tasks[key];
    if (!mine || (!mine.done && record.done)) tasks[key] = record;
  }
  const quizzes = { ...current.quizzes };
  for (const [key, answer] of Object.entries(imported.quizzes)) {
    const mine = quizzes[key];
    if (!mine || Date.parse(answer.at) > Date.parse(mine.at)) quizzes[key] = answer;
  }
  const visits = [current.lastVisit, imported.lastVisit].filter((visit): visit is LastVisit => visit !== undefined);
  const lastVisit = visits.sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
  return { version: progressVersion, tasks, quizzes, lastVisit };
}

/** The progress with one task (by `taskKey`) set done or not done, stamped with who and when; the original is left unchanged. */
export function setTask(progress: Progress, key: string, done: boolean, by: TickedBy, at: Date): Progress {
  return { ...progress, tasks: { ...progress.tasks, [key]: { done, at: at.toISOString(), by } } };
}

/** The progress with the learner's answer to one quiz (by `quizKey`), stamped with when; the original is left unchanged. */
export function setQuizAnswer(progress: Progress, key: string, answer: Omit<QuizAnswer, 'at'>, at: Date): Progress {
  return { ...progress, quizzes: { ...progress.quizzes, [key]: { chosen: [...answer.chosen], correct: answer.correct, at: at.toISOString() } } };
}

/** How many quizzes have an answer, in every lesson. */
export function quizzesAnswered(progress: Progress): number {
  return Object.keys(progress.quizzes).length;
}

/** How many tasks are done, in every lesson. */
export function tasksDone(progress: Progress): number {
  return Object.values(progress.tasks).filter((task) => task.done).length;
}

/** How many of a lesson's tasks are done. */
export function lessonProgress(progress: Progress, lesson: string, taskIds: readonly string[]): { done: number; total: number } {
  const done = taskIds.filter((id) => progress.tasks[taskKey(lesson, id)]?.done).length;
  return { done, total: taskIds.length };
}

/** How many of a lesson's quizzes were last answered right. */
export function lessonQuizProgress(progress: Progress, lesson: string, quizIds: readonly string[]): { correct: number; total: number } {
  const correct = quizIds.filter((id) => progress.quizzes[quizKey(lesson, id)]?.correct).length;
  return { correct, total: quizIds.length };
}
