import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Shares } from '../../src/lib/classroomProtocol';
import { ClassroomStore, NewerSchemaError, classroomMigrations } from '../../src/lib/classroomStore';

const everything: Shares = { tasks: true, preflight: true, quizzes: true, parts: true };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));

function fileStore(migrations = classroomMigrations) {
  const path = join(mkdtempSync(join(tmpdir(), 'classroom-')), 'classroom.sqlite');
  return { path, store: new ClassroomStore(path, migrations) };
}

describe('the classroom store', () => {
  it('creates its schema at the latest version, and reopening changes nothing', () => {
    const { path, store } = fileStore();
    expect(store.schemaVersion).toBe(classroomMigrations.length);
    const klass = store.startClass(at(0));
    store.close();
    const again = new ClassroomStore(path);
    expect(again.schemaVersion).toBe(classroomMigrations.length);
    expect(again.openClass()).toEqual(klass);
  });

  it('moves an older file forward with the steps it lacks, keeping its data', () => {
    const { path, store } = fileStore(classroomMigrations.slice(0, 1));
    const klass = store.startClass(at(0));
    store.join(klass.id, { name: 'Ana', shares: everything }, at(1));
    store.close();
    const nextStep = 'ALTER TABLE attendees ADD COLUMN colour TEXT';
    const upgraded = new ClassroomStore(path, [...classroomMigrations, nextStep]);
    expect(upgraded.schemaVersion).toBe(classroomMigrations.length + 1);
    expect(upgraded.classState(klass).attendees.map((attendee) => attendee.name)).toEqual(['Ana']);
  });

  it('refuses a file from a newer version instead of guessing at it', () => {
    const { path, store } = fileStore([...classroomMigrations, 'CREATE TABLE later (x)']);
    store.close();
    expect(() => new ClassroomStore(path)).toThrow(NewerSchemaError);
  });

  it('rolls back a migration that fails, leaving the version where it was', () => {
    const { path, store } = fileStore();
    store.close();
    expect(() => new ClassroomStore(path, [...classroomMigrations, 'CREATE TABLE fine (x); CREATE TABLE broken ('])).toThrow();
    expect(new ClassroomStore(path).schemaVersion).toBe(classroomMigrations.length);
  });

  it('keeps two classes apart: tokens, attendees and help belong to one class', () => {
    const store = new ClassroomStore(':memory:');
    const morning = store.startClass(at(0));
    const afternoon = store.startClass(at(30));
    expect(morning.code).not.toBe(afternoon.code);
    const { attendee, token } = store.join(morning.id, { name: 'Ana', shares: everything }, at(1));
    store.updateState(attendee, { parts: { 'm/l#p': { state: 'stuck', note: 'help', asked: 1 } } }, at(2));
    expect(store.attendeeByToken(morning.id, token)?.id).toBe(attendee.id);
    expect(store.attendeeByToken(afternoon.id, token)).toBeUndefined();
    expect(store.classState(afternoon).attendees).toEqual([]);
    expect(store.helpQueue(afternoon.id)).toEqual([]);
    expect(store.resolveHelp(afternoon.id, attendee.id, 'm/l#p', at(3))).toBe(false);
    expect(store.helpQueue(morning.id)).toHaveLength(1);
  });

  it('queues help in order of asking, pinned first, and keeps a resolved request resolved until the attendee asks again', () => {
    const store = new ClassroomStore(':memory:');
    const klass = store.startClass(at(0));
    const ana = store.join(klass.id, { name: 'Ana', shares: everything }, at(1)).attendee;
    const ben = store.join(klass.id, { name: null, shares: everything }, at(1)).attendee;
    store.updateState(ana, { parts: { 'l#a': { state: 'stuck', note: 'port?', asked: 10 } } }, at(2));
    store.updateState(ben, { parts: { 'l#b': { state: 'stuck', note: '', asked: 20 } } }, at(3));
    expect(store.helpQueue(klass.id).map((request) => request.attendeeId)).toEqual([ana.id, ben.id]);
    store.pinHelp(klass.id, ben.id, 'l#b', true);
    expect(store.helpQueue(klass.id).map((request) => [request.attendeeId, request.pinned])).toEqual([[ben.id, true], [ana.id, false]]);

    store.resolveHelp(klass.id, ana.id, 'l#a', at(4));
    expect(store.resolvedRequests(ana.id)).toEqual([{ part: 'l#a', asked: 10 }]);
    // Her page has not heard yet and sends the same request again: it stays resolved.
    store.updateState(ana, { tasks: [], parts: { 'l#a': { state: 'stuck', note: 'port?', asked: 10 } } }, at(5));
    expect(store.helpQueue(klass.id).map((request) => request.attendeeId)).toEqual([ben.id]);
    // She asks again: a new request, at the end of the queue.
    store.updateState(ana, { parts: { 'l#a': { state: 'stuck', note: 'still', asked: 11 } } }, at(6));
    expect(store.helpQueue(klass.id).map((request) => [request.attendeeId, request.note])).toEqual([[ben.id, ''], [ana.id, 'still']]);
    // Marking the part done takes her out of the queue.
    store.updateState(ana, { parts: { 'l#a': { state: 'done' } } }, at(7));
    expect(store.helpQueue(klass.id).map((request) => request.attendeeId)).toEqual([ben.id]);
  });

  it('deletes everything an attendee shared when they leave, and everything of a class when it ends', () => {
    const { path, store } = fileStore();
    const klass = store.startClass(at(0));
    const { attendee, token } = store.join(klass.id, { name: 'Ana', shares: everything }, at(1));
    const other = store.join(klass.id, { name: 'Ben', shares: everything }, at(1));
    store.updateState(attendee, { tasks: ['l#t'], parts: { 'l#a': { state: 'stuck', note: 'x', asked: 1 } } }, at(2));
    store.leave(attendee.id);
    expect(store.attendeeByToken(klass.id, token)).toBeUndefined();
    expect(store.helpQueue(klass.id)).toEqual([]);
    expect(store.classState(klass).attendees.map((view) => view.name)).toEqual(['Ben']);

    store.updateState(other.attendee, { parts: { 'l#a': { state: 'stuck', note: 'y', asked: 2 } } }, at(3));
    store.endClass(klass.id);
    expect(store.openClass()).toBeUndefined();
    expect(store.attendeeByToken(klass.id, other.token)).toBeUndefined();
    store.close();
    const reopened = new ClassroomStore(path);
    expect(reopened.openClass()).toBeUndefined();
    expect(reopened.classState(klass)).toMatchObject({ attendees: [], help: [] });
  });

  it('numbers changes across restarts, so the dashboard can tell old news from new', () => {
    const { path, store } = fileStore();
    const klass = store.startClass(at(0));
    expect([store.nextSeq(klass.id), store.nextSeq(klass.id)]).toEqual([1, 2]);
    store.close();
    expect(new ClassroomStore(path).nextSeq(klass.id)).toBe(3);
  });

  it('keeps only a hash of attendee tokens', () => {
    const store = new ClassroomStore(':memory:');
    const klass = store.startClass(at(0));
    const { token } = store.join(klass.id, { name: 'Ana', shares: everything }, at(1));
    expect(JSON.stringify(store.classState(klass))).not.toContain(token);
  });
});

describe('seats', () => {
  it('numbers attendees in order of joining and never gives a number twice, so "Anonymous 2" stays the same person', () => {
    const store = new ClassroomStore(':memory:');
    const klass = store.startClass(at(0));
    const seats = ['a', 'b', 'c'].map((name) => store.join(klass.id, { name, shares: everything }, at(1)).attendee);
    expect(seats.map((attendee) => attendee.seat)).toEqual([1, 2, 3]);
    store.leave(seats[2]!.id);
    expect(store.join(klass.id, { name: null, shares: everything }, at(2)).attendee.seat).toBe(4);
    expect(store.classState(klass).attendees.map((attendee) => attendee.seat)).toEqual([1, 2, 4]);
  });
});
