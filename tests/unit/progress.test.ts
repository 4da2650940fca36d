import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  exportFormat,
  lessonProgress,
  maxImportBytes,
  lessonQuizProgress,
  mergeProgress,
  newerProgressFromJson,
  progressFromExport,
  progressFromJson,
  progressToExport,
  progressVersion,
  quizKey,
  quizzesAnswered,
  setQuizAnswer,
  setTask,
  taskKey,
  tasksDone,
  type Progress,
} from '../../src/lib/progress';

const lesson = 'module-08/04-cutting-edge-models';
const at = (day: number) => new Date(Date.UTC(2026, 10, day));
const ticked = (done: boolean, day: number, by: 'learner' | 'demo' = 'learner') => ({ done, at: at(day).toISOString(), by });
/** Progress in the current format with these tasks (and anything else given). */
const progressOf = (tasks: Progress['tasks'], rest: Partial<Progress> = {}): Progress => ({ ...emptyProgress(), tasks, ...rest });
const newerVersion = progressVersion + 1;

describe('reading stored progress', () => {
  it('migrates the oldest format (version 1: done ids per lesson) to the current one', () => {
    const oldest = JSON.stringify({ version: 1, savedAt: '2026-10-01T08:00:00.000Z', lessons: { [lesson]: ['compare-slm-llm', 'open-webui-connected'] } });
    const result = progressFromJson(oldest);
    expect(result).toEqual({
      ok: true,
      migratedFrom: 1,
      progress: {
        version: progressVersion,
        lastVisit: undefined,
        quizzes: {},
        tasks: {
          [taskKey(lesson, 'compare-slm-llm')]: { done: true, at: '2026-10-01T08:00:00.000Z', by: 'learner' },
          [taskKey(lesson, 'open-webui-connected')]: { done: true, at: '2026-10-01T08:00:00.000Z', by: 'learner' },
        },
      },
    });
  });

  it('reads the current format as it is', () => {
    const progress = setTask(emptyProgress(), taskKey(lesson, 'compare-slm-llm'), true, 'demo', at(3));
    expect(progressFromJson(JSON.stringify(progress))).toEqual({ ok: true, progress: { ...progress, lastVisit: undefined } });
  });

  it.each([
    ['text that is not JSON', '{"version": 2, tasks', 'not-json'],
    ['JSON that is not progress', '[1, 2, 3]', 'not-progress'],
    ['a version from the future', '{"version": 99, "tasks": {}}', 'newer-version'],
    ['a task with a wrong field', `{"version": 2, "tasks": {"${lesson}#a": {"done": "yes", "at": "2026-01-01T00:00:00Z", "by": "learner"}}}`, 'invalid'],
    ['a task key without a lesson', '{"version": 2, "tasks": {"a": {"done": true, "at": "2026-01-01T00:00:00Z", "by": "learner"}}}', 'invalid'],
    ['an unknown author', `{"version": 2, "tasks": {"${lesson}#a": {"done": true, "at": "2026-01-01T00:00:00Z", "by": "robot"}}}`, 'invalid'],
    ['a bad last visit', '{"version": 2, "tasks": {}, "lastVisit": {"lesson": 3}}', 'invalid'],
  ])('rejects %s', (_, text, error) => {
    expect(progressFromJson(text)).toEqual({ ok: false, error });
  });
});

describe('reading a newer version’s record', () => {
  it('keeps the record as it is and shows the ticks that still have today’s shape', () => {
    const record = { version: newerVersion, tasks: { [taskKey(lesson, 'a')]: { ...ticked(true, 2), note: 'new field' } }, streak: 4 };
    expect(newerProgressFromJson(JSON.stringify(record))).toEqual({
      version: newerVersion,
      record,
      view: { ...progressOf({ [taskKey(lesson, 'a')]: ticked(true, 2) }), lastVisit: undefined },
    });
  });

  it('shows nothing of a record whose shape changed, and is not used for this version or older', () => {
    expect(newerProgressFromJson(`{"version": ${newerVersion}, "tasks": [["a", true]]}`)?.view).toEqual(emptyProgress());
    expect(newerProgressFromJson(JSON.stringify(emptyProgress()))).toBeUndefined();
    expect(newerProgressFromJson('{"version": 1, "lessons": {}}')).toBeUndefined();
    expect(newerProgressFromJson('{oops')).toBeUndefined();
  });
});

describe('export files', () => {
  it('round-trip through export and import', () => {
    const progress: Progress = { ...setTask(emptyProgress(), taskKey(lesson, 'a'), true, 'learner', at(2)), lastVisit: undefined };
    const text = progressToExport(progress, at(4));
    expect(JSON.parse(text)).toMatchObject({ format: exportFormat, exportedAt: at(4).toISOString(), version: progressVersion });
    expect(progressFromExport(text)).toEqual({ ok: true, progress });
  });

  it('refuses a JSON file that does not say it is a progress export', () => {
    expect(progressFromExport(JSON.stringify(emptyProgress()))).toEqual({ ok: false, error: 'not-progress' });
  });

  it('refuses a file larger than the import limit, counted in bytes, before parsing it', () => {
    const fits = progressToExport(emptyProgress(), at(4));
    expect(progressFromExport(fits.padEnd(maxImportBytes, ' ')).ok).toBe(true);
    expect(progressFromExport(fits.padEnd(maxImportBytes + 1, ' '))).toEqual({ ok: false, error: 'too-large' });
    // Two bytes a letter in UTF-8: fewer characters than the limit, more bytes.
    expect(progressFromExport(fits.padEnd(maxImportBytes / 2 + fits.length, 'ж'))).toEqual({ ok: false, error: 'too-large' });
  });

  it('exports a newer version’s record as it is', () => {
    const record = { version: newerVersion, tasks: {}, streak: 4 };
    expect(JSON.parse(progressToExport(record, at(4)))).toEqual({ format: exportFormat, exportedAt: at(4).toISOString(), ...record });
  });
});

describe('mergeProgress', () => {
  const key = taskKey(lesson, 'a');
  const other = taskKey(lesson, 'b');

  it('never removes a tick, even when the imported copy unticked it later', () => {
    const mine = progressOf({ [key]: ticked(true, 1) });
    const older = progressOf({ [key]: ticked(false, 5) });
    expect(mergeProgress(mine, older).tasks[key]).toEqual(ticked(true, 1));
  });

  it('adds ticks the learner made elsewhere and keeps their own', () => {
    const mine = progressOf({ [key]: ticked(false, 2) });
    const imported = progressOf({ [key]: ticked(true, 1, 'demo'), [other]: ticked(true, 1) });
    expect(mergeProgress(mine, imported).tasks).toEqual({ [key]: ticked(true, 1, 'demo'), [other]: ticked(true, 1) });
  });

  it('keeps the more recent last visit', () => {
    const visit = (day: number) => ({ lesson, locale: 'en', at: at(day).toISOString() });
    expect(mergeProgress(progressOf({}, { lastVisit: visit(3) }), progressOf({}, { lastVisit: visit(1) })).lastVisit).toEqual(visit(3));
    expect(mergeProgress(progressOf({}), progressOf({}, { lastVisit: visit(1) })).lastVisit).toEqual(visit(1));
  });
});

describe('tasksDone', () => {
  it('counts done tasks in every lesson', () => {
    expect(tasksDone(progressOf({ [taskKey(lesson, 'a')]: ticked(true, 1), [taskKey(lesson, 'b')]: ticked(false, 1), [taskKey('other/lesson', 'a')]: ticked(true, 1) }))).toBe(2);
  });
});

describe('lessonProgress', () => {
  it('counts only done tasks of that lesson', () => {
    const progress = progressOf({ [taskKey(lesson, 'a')]: ticked(true, 1), [taskKey(lesson, 'b')]: ticked(false, 1), [taskKey('other/lesson', 'a')]: ticked(true, 1) });
    expect(lessonProgress(progress, lesson, ['a', 'b', 'c'])).toEqual({ done: 1, total: 3 });
  });
});

describe('quiz answers in the progress record', () => {
  const answer = (chosen: string[], correct: boolean, day: number) => ({ chosen, correct, at: at(day).toISOString() });
  const key = quizKey(lesson, 'port-moves');

  it('migrates version 2 (ticks, no answers) to the current format, keeping the ticks', () => {
    const v2 = { version: 2, tasks: { [taskKey(lesson, 'a')]: ticked(true, 1) }, lastVisit: { lesson, locale: 'bg', at: at(2).toISOString() } };
    expect(progressFromJson(JSON.stringify(v2))).toEqual({ ok: true, migratedFrom: 2, progress: { ...v2, version: progressVersion, quizzes: {} } });
  });

  it('reads answers back as they were stored, and in an export', () => {
    const progress = setQuizAnswer(progressOf({}), key, { chosen: ['new-port'], correct: true }, at(3));
    expect(progress.quizzes).toEqual({ [key]: answer(['new-port'], true, 3) });
    expect(progressFromJson(JSON.stringify(progress))).toEqual({ ok: true, progress: { ...progress, lastVisit: undefined } });
    expect(progressFromExport(progressToExport(progress, at(4)))).toEqual({ ok: true, progress: { ...progress, lastVisit: undefined } });
  });

  it.each([
    ['no option chosen', answer([], false, 1)],
    ['an option chosen twice', answer(['a', 'a'], false, 1)],
    ['an option id that is not kebab-case', answer(['New Port'], true, 1)],
    ['an option text instead of an id', { chosen: [3], correct: true, at: at(1).toISOString() }],
    ['a verdict that is not true or false', { chosen: ['a'], correct: 'yes', at: at(1).toISOString() }],
    ['no time', { chosen: ['a'], correct: true }],
  ])('rejects a record with an answer of %s', (_, bad) => {
    expect(progressFromJson(JSON.stringify({ ...progressOf({}), quizzes: { [key]: bad } }))).toEqual({ ok: false, error: 'invalid' });
  });

  it('rejects answers that are not keyed by lesson and quiz, or not a record of them', () => {
    expect(progressFromJson(JSON.stringify({ ...progressOf({}), quizzes: { 'port-moves': answer(['a'], true, 1) } }))).toEqual({ ok: false, error: 'invalid' });
    expect(progressFromJson(JSON.stringify({ ...progressOf({}), quizzes: [answer(['a'], true, 1)] }))).toEqual({ ok: false, error: 'invalid' });
  });

  it('merges by keeping the later answer to each quiz, right or wrong, from either copy', () => {
    const other = quizKey(lesson, 'alias-or-id');
    const mine = progressOf({}, { quizzes: { [key]: answer(['new-port'], true, 2), [other]: answer(['full-id'], true, 2) } });
    const imported = progressOf({}, { quizzes: { [key]: answer(['firewall'], false, 5), [other]: answer(['wrong-port'], false, 1), [quizKey(lesson, 'network-host')]: answer(['faster'], false, 1) } });
    expect(mergeProgress(mine, imported).quizzes).toEqual({
      [key]: answer(['firewall'], false, 5),
      [other]: answer(['full-id'], true, 2),
      [quizKey(lesson, 'network-host')]: answer(['faster'], false, 1),
    });
    expect(mergeProgress(imported, mine).quizzes).toEqual(mergeProgress(mine, imported).quizzes);
  });

  it('keeps its own answer when both copies answered at the same moment', () => {
    const mine = progressOf({}, { quizzes: { [key]: answer(['new-port'], true, 2) } });
    expect(mergeProgress(mine, progressOf({}, { quizzes: { [key]: answer(['firewall'], false, 2) } })).quizzes[key]).toEqual(answer(['new-port'], true, 2));
  });

  it('counts a lesson’s questions last answered right, and every answer', () => {
    const progress = progressOf({}, {
      quizzes: { [key]: answer(['new-port'], true, 1), [quizKey(lesson, 'alias-or-id')]: answer(['wrong-port'], false, 1), [quizKey('other/lesson', 'q')]: answer(['a'], true, 1) },
    });
    expect(lessonQuizProgress(progress, lesson, ['port-moves', 'alias-or-id', 'network-host'])).toEqual({ correct: 1, total: 3 });
    expect(quizzesAnswered(progress)).toBe(3);
  });
});
