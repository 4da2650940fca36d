import { describe, expect, it } from 'vitest';
import { membershipFromJson, preflightResultFromJson, sharedState, withoutResolved, type Membership } from '../../src/lib/classroomMembership';
import type { AttendeeView, Shares } from '../../src/lib/classroomProtocol';
import { csvField, summarizeClass } from '../../src/lib/classroomSummary';
import { takeSseEvents } from '../../src/lib/sseFrames';
import { emptyProgress, setQuizAnswer, setTask } from '../../src/lib/progress';

const everything: Shares = { tasks: true, preflight: true, quizzes: true, parts: true };
const nothing: Shares = { tasks: false, preflight: false, quizzes: false, parts: false };
const layout = { parts: ['l#a', 'l#b'], tasks: ['l#t'], quizzes: [{ key: 'l#q', options: ['x', 'y'] }] };

function attendee(id: string, shares: Shares, state: AttendeeView['state']): AttendeeView {
  return { id, seat: Number(id), name: null, shares, state, joinedAt: '', updatedAt: '' };
}

describe('the room at a glance', () => {
  const room = [
    attendee('1', everything, { tasks: ['l#t'], parts: { 'l#a': { state: 'done' } }, quizzes: { 'l#q': ['x', 'y'] }, preflight: { 'wasm-simd': 'passed', storage: 'passed', 'model-server': 'passed', chat: 'passed', python: 'passed', docker: 'passed', node: 'passed' } }),
    attendee('2', everything, { tasks: [], parts: { 'l#a': { state: 'stuck', note: '', asked: 1 } }, quizzes: { 'l#q': ['y'] }, preflight: { docker: 'failed' } }),
    attendee('3', nothing, {}),
  ];

  it('counts over those who share each kind, so "not yet" never includes someone who chose not to say', () => {
    const summary = summarizeClass(room, layout);
    expect(summary.attendees).toBe(3);
    expect(summary.sharing).toEqual({ tasks: 2, preflight: 2, quizzes: 2, parts: 2 });
    expect(summary.parts).toEqual({ 'l#a': { done: 1, stuck: 1, notYet: 0 }, 'l#b': { done: 0, stuck: 0, notYet: 2 } });
    expect(summary.tasks).toEqual({ 'l#t': { done: 1, notYet: 1 } });
    expect(summary.quizzes).toEqual({ 'l#q': { answered: 2, chosen: { x: 1, y: 2 } } });
    expect(summary.preflight.docker).toEqual({ passed: 1, failed: 1, notChecked: 0 });
    expect(summary.preflight.webgpu).toEqual({ passed: 0, failed: 0, notChecked: 2 });
    expect(summary.ready).toBe(1);
  });

  it('writes CSV fields a spreadsheet shows as text', () => {
    expect(csvField('Ana')).toBe('Ana');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField(-2)).toBe('-2');
  });
});

describe('an attendee’s membership', () => {
  const membership: Membership = {
    origin: 'http://192.168.1.20:4400',
    token: 't',
    attendeeId: 'a',
    name: null,
    shares: { ...nothing, tasks: true, parts: true },
    parts: { 'l#a': { state: 'stuck', note: 'n', asked: 3 }, 'l#b': { state: 'done' } },
    joinedAt: '2026-12-01T09:00:00.000Z',
  };

  it('reads back what was stored, and drops an entry that does not hold together', () => {
    expect(membershipFromJson(JSON.stringify(membership))).toEqual(membership);
    expect(membershipFromJson(null)).toBeUndefined();
    expect(membershipFromJson('{"origin":')).toBeUndefined();
    expect(membershipFromJson(JSON.stringify({ ...membership, shares: { tasks: true } }))).toBeUndefined();
    expect(membershipFromJson(JSON.stringify({ ...membership, parts: { 'l#a': { state: 'maybe' } } }))).toBeUndefined();
  });

  it('shares only the kinds turned on: ticks and marks here, never quiz answers or pre-flight', () => {
    let progress = setTask(emptyProgress(), 'l#t', true, 'learner', new Date());
    progress = setTask(progress, 'l#u', false, 'learner', new Date());
    progress = setQuizAnswer(progress, 'l#q', { chosen: ['x'], correct: true }, new Date());
    expect(sharedState(membership, progress, { docker: 'failed' })).toEqual({ tasks: ['l#t'], parts: membership.parts });
    expect(sharedState({ ...membership, shares: everything }, progress, { docker: 'failed' })).toMatchObject({ quizzes: { 'l#q': ['x'] }, preflight: { docker: 'failed' } });
  });

  it('clears the stuck marks the instructor resolved, but not a request asked again since', () => {
    expect(withoutResolved(membership.parts, [{ part: 'l#a', asked: 3 }, { part: 'l#b', asked: 1 }])).toEqual({ 'l#b': { state: 'done' } });
    expect(withoutResolved(membership.parts, [{ part: 'l#a', asked: 2 }])).toEqual(membership.parts);
  });

  it('leaves out entries the service would refuse, rather than have the whole snapshot refused', () => {
    let progress = setTask(emptyProgress(), 'l#t', true, 'learner', new Date());
    progress = setTask(progress, 'Lesson With Spaces#T', true, 'learner', new Date());
    expect(sharedState(membership, progress, {}).tasks).toEqual(['l#t']);
  });

  it('keeps only known pre-flight checks and states', () => {
    expect(preflightResultFromJson('{"docker":"passed","api-key":"passed","node":"great"}')).toEqual({ docker: 'passed' });
    expect(preflightResultFromJson('not json')).toEqual({});
  });
});

describe('reading server-sent events', () => {
  it('takes complete events, keeps a partial one for the next chunk, skips comments and ids', () => {
    expect(takeSseEvents('retry: 1000\n: hello\n\nid: 1\ndata: {"a":1}\n\nid: 2\ndata: {"a"')).toEqual({ events: ['{"a":1}'], rest: 'id: 2\ndata: {"a"' });
    expect(takeSseEvents('data: one\r\ndata: two\r\n\r\n')).toEqual({ events: ['one\ntwo'], rest: '' });
  });
});
