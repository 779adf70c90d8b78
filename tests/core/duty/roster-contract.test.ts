import { describe, expect, it } from 'vitest';
import { fields, parsed } from '../harness/contract-parse';

/**
 * Rosters' forms as the contract states them (shared/contract/roster.ts), each limit on both sides.
 * tests/core/duty/roster.test.ts and roster-changes.test.ts hold the main process to them with a station; these read the
 * schemas alone (no database), so Stryker can run them for every mutant of the contract file.
 */
const change = { reason: '临时调班', approval: { userId: 2 } };

describe('ranges of roster days', () => {
  it('the roster and its check read at most 62 days, forwards: 62 pass, 63 are refused at to, a reversed range too', () => {
    for (const name of ['roster.get', 'roster.check'] as const) {
      expect(fields(name, { from: '2026-07-01', to: '2026-07-01' })).toEqual({});
      expect(fields(name, { from: '2026-07-01', to: '2026-08-31' })).toEqual({});
      expect(fields(name, { from: '2026-07-01', to: '2026-09-01' })).toEqual({ to: 'v.rangeTooLong' });
      expect(fields(name, { from: '2026-07-02', to: '2026-07-01' })).toEqual({ to: 'v.rangeReversed' });
    }
  });

  it('a day that is not a date is refused at its own field only, not again as a range', () => {
    expect(fields('roster.get', { from: '2026-07-32', to: '2026-07-01' })).toEqual({ from: 'v.date' });
    expect(fields('roster.get', { from: '2026-07-01', to: '2026-02-30' })).toEqual({ to: 'v.date' });
  });

  it('publishing covers at most 62 days, forwards; an override needs its reason (300 characters) and may name a leader', () => {
    expect(fields('roster.publish', { from: '2026-07-01', to: '2026-08-31' })).toEqual({});
    expect(fields('roster.publish', { from: '2026-07-01', to: '2026-09-01' })).toEqual({ to: 'v.rangeTooLong' });
    expect(fields('roster.publish', { from: '2026-07-02', to: '2026-07-01' })).toEqual({ to: 'v.rangeReversed' });
    const override = (o: Record<string, unknown>) => fields('roster.publish', { from: '2026-07-01', to: '2026-07-07', override: o });
    expect(override({ reason: '理'.repeat(300), leader: { userId: 2, password: 'pw' } })).toEqual({});
    expect(override({ reason: '理'.repeat(301) })).toEqual({ 'override.reason': 'v.tooLong' });
    expect(override({ reason: ' ' })).toEqual({ 'override.reason': 'v.required' });
    expect(parsed('roster.publish', { from: '2026-07-01', to: '2026-07-07', override: { reason: ' 缺人 ', leader: { userId: 2 } } })).toEqual({
      from: '2026-07-01',
      to: '2026-07-07',
      override: { reason: '缺人', leader: { userId: 2 } },
    });
  });

  it('sick leave covers at most 62 days, forwards, with a reason', () => {
    const sick = (extra: Record<string, unknown>) => fields('roster.sickLeave', { staffId: 3, from: '2026-07-01', to: '2026-07-03', ...change, ...extra });
    expect(sick({})).toEqual({});
    expect(sick({ to: '2026-08-31' })).toEqual({});
    expect(sick({ to: '2026-09-01' })).toEqual({ to: 'v.rangeTooLong' });
    expect(sick({ from: '2026-07-04' })).toEqual({ to: 'v.rangeReversed' });
    expect(sick({ reason: '' })).toEqual({ reason: 'v.required' });
  });
});

describe('the staff directory (roster.staffSave)', () => {
  it('new staff need a name and at least one post; an edit may change one field alone', () => {
    expect(fields('roster.staffSave', { name: '保安甲', posts: ['duty'] })).toEqual({});
    expect(fields('roster.staffSave', { posts: ['duty'] })).toEqual({ name: 'v.required' });
    expect(fields('roster.staffSave', { name: '保安甲' })).toEqual({ posts: 'v.required' });
    expect(fields('roster.staffSave', { name: '保安甲', posts: [] })).toEqual({ posts: 'v.required' });
    expect(fields('roster.staffSave', { name: '保安甲', posts: null })).toEqual({ posts: 'v.required' });
    expect(fields('roster.staffSave', {})).toEqual({ name: 'v.required', posts: 'v.required' });
    expect(fields('roster.staffSave', { id: 5, active: false })).toEqual({});
    expect(fields('roster.staffSave', { id: 5, posts: null })).toEqual({});
    expect(fields('roster.staffSave', { id: 5, posts: [] })).toEqual({});
  });

  it('a name and a job hold 40 characters; posts are the roster posts, each of them at most once in count', () => {
    expect(fields('roster.staffSave', { id: 5, name: '名'.repeat(40), job: '职'.repeat(40) })).toEqual({});
    expect(fields('roster.staffSave', { id: 5, name: '名'.repeat(41) })).toEqual({ name: 'v.tooLong' });
    expect(fields('roster.staffSave', { id: 5, job: '职'.repeat(41) })).toEqual({ job: 'v.tooLong' });
    const all = ['front_desk', 'duty', 'leader', 'kitchen', 'storekeeper', 'driver'];
    expect(fields('roster.staffSave', { id: 5, posts: all })).toEqual({});
    expect(Object.keys(fields('roster.staffSave', { id: 5, posts: [...all, 'duty'] }))).toEqual(['posts']);
    expect(Object.keys(fields('roster.staffSave', { id: 5, posts: ['pilot'] }))).toEqual(['posts.0']);
  });
});

describe('changes after publishing', () => {
  it('a swap needs two different assignments: the same one twice is refused at b', () => {
    expect(fields('roster.swap', { a: 1, b: 2, ...change })).toEqual({});
    expect(fields('roster.swap', { a: 1, b: 1, ...change })).toEqual({ b: 'v.swapSame' });
  });

  it('each change needs its reason, up to 300 characters; a leader approving at this desk types a password of at most 128', () => {
    const cover = (extra: Record<string, unknown>) => fields('roster.cover', { day: '2026-07-01', shift: 'night', post: 'duty', staffId: 3, ...change, ...extra });
    expect(cover({ reason: '因'.repeat(300) })).toEqual({});
    expect(cover({ reason: '因'.repeat(301) })).toEqual({ reason: 'v.tooLong' });
    expect(cover({ reason: '  ' })).toEqual({ reason: 'v.required' });
    expect(cover({ approval: { userId: 2, password: 'p'.repeat(128) } })).toEqual({});
    expect(cover({ approval: { userId: 2, password: 'p'.repeat(129) } })).toEqual({ 'approval.password': 'v.tooLong' });
    expect(cover({ approval: { userId: 2, password: '' } })).toEqual({ 'approval.password': 'v.required' });
    expect(cover({ shift: 'Night' })).toEqual({ shift: 'v.shiftCode' });
  });

  it('a replacement reaches the handler with its start, and the start is a whole number of ms', () => {
    const input = { assignmentId: 4, staffId: 3, from: 1_785_000_000_000, ...change };
    expect(parsed('roster.replace', input)).toEqual(input);
    expect(Object.keys(fields('roster.replace', { ...input, from: 1.5 }))).toEqual(['from']);
  });
});
