import { afterEach, describe, expect, it } from 'vitest';
import { BOARD_FIRST_LINES, type BoardLine, type BoardListKey } from '../../../shared/contract/intake';
import { openStation, type TestStation } from '../helpers';

let st: TestStation;
let desk: string;
afterEach(() => st?.close());

/** 03:00 on 20 July 2026 in Shanghai. */
const NIGHT = Date.UTC(2026, 6, 19, 19, 0);

function station() {
  st = openStation();
  st.clock.t = NIGHT + 5 * 60_000;
  desk = st.userWith(['front_desk'], 'desk');
}
/** `n` quick intakes, each awaiting triage, arrived today and with an incomplete record. */
const register = (n: number) =>
  Array.from({ length: n }, (_, i) => st.must('intake.register', { person: { name: `测试${i}`, sex: 'male' }, channel: 'walk_in', arrivedAt: NIGHT + i * 1000 }, desk).stayId);

function everyLine(list: BoardListKey, limit: number): BoardLine[] {
  const lines: BoardLine[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = st.must('intake.boardList', { list, offset, limit }, desk);
    if (page.lines.length === 0) return lines;
    expect(page.lines.length).toBeLessThanOrEqual(limit);
    lines.push(...page.lines);
  }
}

describe('the board’s lists: a count and the first lines, "all" paged', () => {
  it('carries a list whole up to the cap', () => {
    station();
    const stays = register(BOARD_FIRST_LINES);
    const board = st.must('intake.board', {}, desk);
    expect(board.awaitingTriage.count).toBe(BOARD_FIRST_LINES);
    expect(board.awaitingTriage.lines.map((l) => l.stayId)).toEqual(stays);
    expect(board.arrivals.lines.map((l) => l.stayId)).toEqual(stays);
  });

  it('past the cap, carries the first lines and counts them all; "all" pages through every line in the board’s order', () => {
    station();
    const stays = register(BOARD_FIRST_LINES + 5);
    const board = st.must('intake.board', {}, desk);
    for (const key of ['awaitingTriage', 'arrivals', 'incomplete'] as const) {
      expect(board[key].count).toBe(stays.length);
      expect(board[key].lines.map((l) => l.stayId)).toEqual(stays.slice(0, BOARD_FIRST_LINES));
      expect(everyLine(key, 3).map((l) => l.stayId)).toEqual(stays);
      expect(everyLine(key, 100).map((l) => l.stayId)).toEqual(stays);
    }
    expect(board.withoutBed).toEqual({ count: 0, lines: [] });
    // The first page of "all" is the board's own lines.
    expect(st.must('intake.boardList', { list: 'incomplete', offset: 0, limit: BOARD_FIRST_LINES }, desk)).toEqual(board.incomplete);
  });

  it('counts as the alert registry does (one source)', () => {
    station();
    register(BOARD_FIRST_LINES + 2);
    const board = st.must('intake.board', {}, desk);
    const alerts = Object.fromEntries(st.must('alerts.list', {}, desk).map((g) => [g.key, g]));
    for (const key of ['awaitingTriage', 'incomplete'] as const) {
      expect(alerts[`intake.${key}`]!.count).toBe(board[key].count);
      expect(alerts[`intake.${key}`]!.lines.slice(0, BOARD_FIRST_LINES).map((l) => l.id)).toEqual(board[key].lines.map((l) => l.stayId));
    }
  });

  it('refuses a page past its bounds in size', () => {
    station();
    expect(st.call('intake.boardList', { list: 'arrivals', offset: 0, limit: 101 }, desk).ok).toBe(false);
    expect(st.call('intake.boardList', { list: 'arrivals', offset: 0, limit: 100 }, desk).ok).toBe(true);
    expect(st.call('intake.boardList', { list: 'arrivals', offset: -1, limit: 10 }, desk).ok).toBe(false);
    expect(st.call('intake.boardList', { list: 'nope' as never, offset: 0, limit: 10 }, desk).ok).toBe(false);
  });
});

describe('what the board’s lists hold', () => {
  it('a family-search task is on the board as due once its deadline is a day or less away; one further off is not yet', () => {
    station();
    const stayId = st.must('intake.register', { person: { description: '不明身份男子', sex: 'male' }, channel: 'walk_in', arrivedAt: NIGHT }, desk).stayId;
    // The notice is due within 24 hours of arrival; the DNA request and the refresh are days away.
    expect(st.must('intake.board', {}, desk).familySearchDue.lines.map((l) => [l.stayId, l.detail])).toEqual([[stayId, 'notice:due']]);
  });

  it('a record with every identity field filled, or marked unknown or refused, is not incomplete; one left open counts one', () => {
    station();
    const complete = st.must('intake.register', { person: { name: '吴十', sex: 'male', birthDate: '1980-01-01' }, channel: 'walk_in', arrivedAt: NIGHT }, desk);
    const oneOpen = st.must('intake.register', { person: { name: '郑十一', sex: 'male', birthDate: '1980-01-01' }, channel: 'walk_in', arrivedAt: NIGHT }, desk);
    const states = { idNumber: 'unknown', hukouPlace: 'refused', residence: 'unknown', benefits: 'unknown' } as const;
    st.must('people.update', { id: complete.personId, dialect: '四川话', fieldStates: states }, desk);
    st.must('people.update', { id: oneOpen.personId, fieldStates: states }, desk); // the dialect left open
    expect(st.must('intake.board', {}, desk).incomplete).toEqual({ count: 1, lines: [expect.objectContaining({ stayId: oneOpen.stayId, detail: '1' })] });
  });

  it('give each line the reason its stay is on the list: awaiting triage as registered, without a bed as no_bed', () => {
    station();
    const waiting = st.must('intake.register', { person: { name: '待分诊', sex: 'male' }, channel: 'walk_in', arrivedAt: NIGHT }, desk).stayId;
    const admitted = st.must('intake.register', { person: { name: '无床位', sex: 'male' }, channel: 'walk_in', arrivedAt: NIGHT }, desk).stayId;
    st.must('intake.triage', { stayId: admitted, decision: 'admit' }, desk);
    const board = st.must('intake.board', {}, desk);
    expect(board.awaitingTriage.lines.map((l) => [l.stayId, l.detail])).toEqual([[waiting, 'registered']]);
    expect(board.withoutBed.lines.map((l) => [l.stayId, l.detail])).toEqual([[admitted, 'no_bed']]);
  });
});
