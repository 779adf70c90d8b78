import { describe, expect, it } from 'vitest';
import { AT_NOON, fields, parsed } from '../harness/contract-parse';

/**
 * Patrols' and incidents' forms as the contract states them (shared/contract/patrol.ts), each limit on both sides.
 * tests/core/duty/patrol.test.ts holds the main process to them with a station; these read the schemas alone (no
 * database), so Stryker can run them for every mutant of the contract file.
 */
const NOW = AT_NOON.now;
const HOUR = 3_600_000;
const round = (extra: Record<string, unknown>) => ({ code: 'CP-01', finding: 'normal', ...extra });
const followUp = (extra: Record<string, unknown> = {}) => ({ task: '修理灭火器', ownerId: 2, dueAt: NOW + HOUR, ...extra });

describe('a patrol round (patrol.record)', () => {
  it('the scanned code is trimmed and needed: 1 to 40 characters, none or spaces only refused at code', () => {
    expect(parsed<{ code: string }>('patrol.record', round({ code: '  CP-01 \n' })).code).toBe('CP-01');
    expect(fields('patrol.record', round({ code: 'C' }))).toEqual({});
    expect(fields('patrol.record', round({ code: 'C'.repeat(40) }))).toEqual({});
    expect(fields('patrol.record', round({ code: 'C'.repeat(41) }))).toEqual({ code: 'v.tooLong' });
    expect(fields('patrol.record', round({ code: '' }))).toEqual({ code: 'v.required' });
    expect(fields('patrol.record', round({ code: '   ' }))).toEqual({ code: 'v.required' });
  });

  it('an issue needs its category; a normal round has none; a follow-up task comes only with an issue', () => {
    expect(fields('patrol.record', round({ finding: 'issue', category: 'fire_hazard' }))).toEqual({});
    expect(fields('patrol.record', round({ finding: 'issue' }))).toEqual({ category: 'v.required' });
    expect(fields('patrol.record', round({ finding: 'normal' }))).toEqual({});
    expect(fields('patrol.record', round({ finding: 'normal', category: 'hygiene' }))).toEqual({ category: 'v.categoryNormal' });
    expect(fields('patrol.record', round({ finding: 'normal', followUp: followUp() }))).toEqual({ 'followUp.task': 'v.followUpNeedsIssue' });
    expect(fields('patrol.record', round({ finding: 'issue', category: 'facility', followUp: followUp() }))).toEqual({});
    // A normal round with both a category and a follow-up is refused at both fields.
    expect(fields('patrol.record', round({ finding: 'normal', category: 'fight', followUp: followUp() }))).toEqual({
      category: 'v.categoryNormal',
      'followUp.task': 'v.followUpNeedsIssue',
    });
  });

  it('a round and its follow-up reach the handler whole: when, who walked it, the note trimmed, the task and its deadline', () => {
    const input = round({ at: NOW - HOUR, walkedBy: 3, finding: 'issue', category: 'illness', note: ' 发烧 ', followUp: followUp({ task: ' 送医 ' }) });
    expect(parsed('patrol.record', input)).toEqual({ code: 'CP-01', at: NOW - HOUR, walkedBy: 3, finding: 'issue', category: 'illness', note: '发烧', followUp: { task: '送医', ownerId: 2, dueAt: NOW + HOUR } });
  });

  it('the note holds 500 characters, the follow-up task 200 and is needed; a deadline is a whole number of ms', () => {
    const issue = (extra: Record<string, unknown>) => round({ finding: 'issue', category: 'hygiene', ...extra });
    expect(fields('patrol.record', issue({ note: '记'.repeat(500) }))).toEqual({});
    expect(fields('patrol.record', issue({ note: '记'.repeat(501) }))).toEqual({ note: 'v.tooLong' });
    expect(fields('patrol.record', issue({ followUp: followUp({ task: '做'.repeat(200) }) }))).toEqual({});
    expect(fields('patrol.record', issue({ followUp: followUp({ task: '做'.repeat(201) }) }))).toEqual({ 'followUp.task': 'v.tooLong' });
    expect(fields('patrol.record', issue({ followUp: followUp({ task: '  ' }) }))).toEqual({ 'followUp.task': 'v.required' });
    expect(Object.keys(fields('patrol.record', issue({ followUp: followUp({ dueAt: NOW + 0.5 }) }))) ).toEqual(['followUp.dueAt']);
    expect(Object.keys(fields('patrol.record', issue({ followUp: followUp({ ownerId: 0 }) }))) ).toEqual(['followUp.ownerId']);
  });

  it('a finding is normal or issue, and a category one of the finding categories', () => {
    expect(Object.keys(fields('patrol.record', round({ finding: 'fine' })))).toEqual(['finding']);
    expect(Object.keys(fields('patrol.record', round({ finding: 'issue', category: 'visitor' })))).toEqual(['category']);
  });
});

describe('a checkpoint (patrol.checkpointSave)', () => {
  const checkpoint = (extra: Record<string, unknown>) => ({ code: 'CP-01', name: '一楼宿舍', kind: 'dormitory', ...extra });

  it('its code is 2 to 20 letters, digits or hyphens, trimmed: one character, 21, a space or other signs are refused at code', () => {
    expect(parsed<{ code: string }>('patrol.checkpointSave', checkpoint({ code: ' ab-9 ' })).code).toBe('ab-9');
    expect(fields('patrol.checkpointSave', checkpoint({ code: 'A1' }))).toEqual({});
    expect(fields('patrol.checkpointSave', checkpoint({ code: 'A'.repeat(20) }))).toEqual({});
    expect(fields('patrol.checkpointSave', checkpoint({ code: 'A' }))).toEqual({ code: 'v.checkpointCode' });
    expect(fields('patrol.checkpointSave', checkpoint({ code: 'A'.repeat(21) }))).toEqual({ code: 'v.checkpointCode' });
    for (const code of ['x-CP-01', '01', '--', 'Ab-Cd-09']) expect(fields('patrol.checkpointSave', checkpoint({ code }))).toEqual({});
    // Anchored at both ends: a valid code with a sign before or after it is still refused.
    for (const code of ['A 1', 'A_1', 'A.1', '宿舍', '#CP-01', 'CP-01#']) expect(fields('patrol.checkpointSave', checkpoint({ code }))).toEqual({ code: 'v.checkpointCode' });
  });

  it('a new checkpoint sorts at 0 and is active; its sort runs 0 to 999; its zone may be none', () => {
    expect(parsed('patrol.checkpointSave', checkpoint({}))).toEqual({ code: 'CP-01', name: '一楼宿舍', kind: 'dormitory', sort: 0, active: true });
    expect(parsed('patrol.checkpointSave', checkpoint({ id: 4, zoneId: null, sort: 999, active: false }))).toEqual({ id: 4, code: 'CP-01', name: '一楼宿舍', kind: 'dormitory', zoneId: null, sort: 999, active: false });
    expect(Object.keys(fields('patrol.checkpointSave', checkpoint({ sort: 1000 })))).toEqual(['sort']);
    expect(Object.keys(fields('patrol.checkpointSave', checkpoint({ sort: -1 })))).toEqual(['sort']);
    expect([-1, 1000, 2.5].map((sort) => fields('patrol.checkpointSave', checkpoint({ sort })))).toEqual([{ sort: 'v.range' }, { sort: 'v.range' }, { sort: 'v.wholeNumber' }]);
    expect(Object.keys(fields('patrol.checkpointSave', checkpoint({ sort: 1.5 })))).toEqual(['sort']);
  });

  it('its name is needed and holds 40 characters; its kind is one of the checkpoint kinds', () => {
    expect(fields('patrol.checkpointSave', checkpoint({ name: '名'.repeat(40) }))).toEqual({});
    expect(fields('patrol.checkpointSave', checkpoint({ name: '名'.repeat(41) }))).toEqual({ name: 'v.tooLong' });
    expect(fields('patrol.checkpointSave', checkpoint({ name: ' ' }))).toEqual({ name: 'v.required' });
    expect(Object.keys(fields('patrol.checkpointSave', checkpoint({ kind: 'roof' })))).toEqual(['kind']);
  });
});

describe('an incident (incident.record)', () => {
  const incident = (extra: Record<string, unknown>) => ({ at: NOW - HOUR, category: 'fight', description: '两人争执', action: '已劝开', ...extra });

  it('it links no stay by default and at most 20: 20 pass, 21 are refused at stayIds', () => {
    expect(parsed<{ stayIds: number[] }>('incident.record', incident({})).stayIds).toEqual([]);
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(fields('incident.record', incident({ stayIds: ids(20) }))).toEqual({});
    expect(fields('incident.record', incident({ stayIds: ids(21) }))).toEqual({ stayIds: 'v.tooMany' });
  });

  it('what happened and what was done are each needed and hold 1000 characters', () => {
    expect(fields('incident.record', incident({ description: '述'.repeat(1000), action: '处'.repeat(1000) }))).toEqual({});
    expect(fields('incident.record', incident({ description: '述'.repeat(1001) }))).toEqual({ description: 'v.tooLong' });
    expect(fields('incident.record', incident({ action: '处'.repeat(1001) }))).toEqual({ action: 'v.tooLong' });
    expect(fields('incident.record', incident({ description: '', action: ' ' }))).toEqual({ description: 'v.required', action: 'v.required' });
  });

  it('an incident in the future is refused at its time; a correction and a follow-up reach the handler', () => {
    expect(fields('incident.record', incident({ at: NOW + 2 * HOUR }))).toEqual({ at: 'v.future' });
    expect(parsed('incident.record', incident({ stayIds: [7], correctsId: 5, followUp: followUp() }))).toEqual({ ...incident({ stayIds: [7], correctsId: 5 }), followUp: followUp() });
  });
});

describe('the patrol log, follow-ups and the incident list', () => {
  it('closing a follow-up needs a note of at most 300 characters', () => {
    expect(fields('patrol.closeFollowUp', { id: 1, note: '已修好' })).toEqual({});
    expect(fields('patrol.closeFollowUp', { id: 1, note: '注'.repeat(300) })).toEqual({});
    expect(fields('patrol.closeFollowUp', { id: 1, note: '注'.repeat(301) })).toEqual({ note: 'v.tooLong' });
    expect(fields('patrol.closeFollowUp', { id: 1, note: '  ' })).toEqual({ note: 'v.required' });
  });

  it('the log and the incident list read at most 31 days, forwards', () => {
    for (const name of ['patrol.log', 'incident.list'] as const) {
      expect(fields(name, { from: '2026-07-01', to: '2026-07-31' })).toEqual({});
      expect(fields(name, { from: '2026-07-01', to: '2026-08-01' })).toEqual({ to: 'v.rangeTooLong' });
      expect(fields(name, { from: '2026-07-02', to: '2026-07-01' })).toEqual({ to: 'v.rangeReversed' });
    }
  });

  it('the board, the checkpoints and the open follow-ups take no arguments', () => {
    for (const name of ['patrol.checkpoints', 'patrol.status', 'patrol.followUps'] as const) {
      expect(fields(name, {})).toEqual({});
      expect(Object.keys(fields(name, { extra: 1 })).length).toBe(1);
    }
  });
});
