import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  exportFormat,
  lessonProgress,
  maxImportBytes,
  mergeProgress,
  newerProgressFromJson,
  progressFromExport,
  progressFromJson,
  progressToExport,
  setTask,
  taskKey,
  tasksDone,
  type Progress,
} from '../../src/lib/progress';

const lesson = 'module-08/04-cutting-edge-models';
const at = (day: number) => new Date(Date.UTC(2026, 10, day));
const ticked = (done: boolean, day: number, by: 'learner' | 'demo' = 'learner') => ({ done, at: at(day).toISOString(), by });

describe('reading stored progress', () => {
  it('migrates the oldest format (version 1: done ids per lesson) to the current one', () => {
    const oldest = JSON.stringify({ version: 1, savedAt: '2026-10-01T08:00:00.000Z', lessons: { [lesson]: ['compare-slm-llm', 'open-webui-connected'] } });
    const result = progressFromJson(oldest);
    expect(result).toEqual({
      ok: true,
      migratedFrom: 1,
      progress: {
        version: 2,
        lastVisit: undefined,
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
    const record = { version: 3, tasks: { [taskKey(lesson, 'a')]: { ...ticked(true, 2), note: 'new field' } }, streak: 4 };
    expect(newerProgressFromJson(JSON.stringify(record))).toEqual({
      version: 3,
      record,
      view: { version: 2, tasks: { [taskKey(lesson, 'a')]: ticked(true, 2) }, lastVisit: undefined },
    });
  });

  it('shows nothing of a record whose shape changed, and is not used for this version or older', () => {
    expect(newerProgressFromJson('{"version": 3, "tasks": [["a", true]]}')?.view).toEqual(emptyProgress());
    expect(newerProgressFromJson(JSON.stringify(emptyProgress()))).toBeUndefined();
    expect(newerProgressFromJson('{"version": 1, "lessons": {}}')).toBeUndefined();
    expect(newerProgressFromJson('{oops')).toBeUndefined();
  });
});

describe('export files', () => {
  it('round-trip through export and import', () => {
    const progress: Progress = { ...setTask(emptyProgress(), taskKey(lesson, 'a'), true, 'learner', at(2)), lastVisit: undefined };
    const text = progressToExport(progress, at(4));
    expect(JSON.parse(text)).toMatchObject({ format: exportFormat, exportedAt: at(4).toISOString(), version: 2 });
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
    const record = { version: 3, tasks: {}, streak: 4 };
    expect(JSON.parse(progressToExport(record, at(4)))).toEqual({ format: exportFormat, exportedAt: at(4).toISOString(), ...record });
  });
});

describe('mergeProgress', () => {
  const key = taskKey(lesson, 'a');
  const other = taskKey(lesson, 'b');

  it('never removes a tick, even when the imported copy unticked it later', () => {
    const mine: Progress = { version: 2, tasks: { [key]: ticked(true, 1) } };
    const older: Progress = { version: 2, tasks: { [key]: ticked(false, 5) } };
    expect(mergeProgress(mine, older).tasks[key]).toEqual(ticked(true, 1));
  });

  it('adds ticks the learner made elsewhere and keeps their own', () => {
    const mine: Progress = { version: 2, tasks: { [key]: ticked(false, 2) } };
    const imported: Progress = { version: 2, tasks: { [key]: ticked(true, 1, 'demo'), [other]: ticked(true, 1) } };
    expect(mergeProgress(mine, imported).tasks).toEqual({ [key]: ticked(true, 1, 'demo'), [other]: ticked(true, 1) });
  });

  it('keeps the more recent last visit', () => {
    const visit = (day: number) => ({ lesson, locale: 'en', at: at(day).toISOString() });
    expect(mergeProgress({ version: 2, tasks: {}, lastVisit: visit(3) }, { version: 2, tasks: {}, lastVisit: visit(1) }).lastVisit).toEqual(visit(3));
    expect(mergeProgress({ version: 2, tasks: {} }, { version: 2, tasks: {}, lastVisit: visit(1) }).lastVisit).toEqual(visit(1));
  });
});

describe('tasksDone', () => {
  it('counts done tasks in every lesson', () => {
    expect(tasksDone({ version: 2, tasks: { [taskKey(lesson, 'a')]: ticked(true, 1), [taskKey(lesson, 'b')]: ticked(false, 1), [taskKey('other/lesson', 'a')]: ticked(true, 1) } })).toBe(2);
  });
});

describe('lessonProgress', () => {
  it('counts only done tasks of that lesson', () => {
    const progress: Progress = {
      version: 2,
      tasks: { [taskKey(lesson, 'a')]: ticked(true, 1), [taskKey(lesson, 'b')]: ticked(false, 1), [taskKey('other/lesson', 'a')]: ticked(true, 1) },
    };
    expect(lessonProgress(progress, lesson, ['a', 'b', 'c'])).toEqual({ done: 1, total: 3 });
  });
});
