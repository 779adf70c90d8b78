import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckpointStatus } from '../../shared/contract/patrol';
import type { CoverageGap, OnDutyNow, RosterCheck, RosterView } from '../../shared/contract/roster';
import { DEFAULT_DUTY_SETTINGS } from '../../shared/contract/duty-settings';
import { addDays } from '../../shared/domain/duty';
import { stationDay } from '../../shared/domain/time';
import { mondayOf } from '../../renderer/src/features/roster/days';
import { renderApp } from './fake-main';

const at = (d: number, hh: number) => Date.UTC(2026, 11, d, hh - 8); // December 2026 on the Shanghai clock

const gappy: RosterCheck = {
  from: '2026-11-30',
  to: '2026-12-06',
  gaps: [
    ...[3, 4, 5].map((hour): CoverageGap => ({ day: '2026-12-03', hour, shift: null, post: 'front_desk', need: 1, have: 0, at: at(3, hour) })),
    { day: '2026-12-04', hour: null, shift: null, post: 'leader', need: 1, have: 0, at: at(4, 0) },
  ],
  conflicts: [{ kind: 'rest', staff: { id: 4, name: '孙伟' }, days: ['2026-12-01', '2026-12-02'], assignmentIds: [1, 2], detail: '360' }],
};

function view(check: RosterCheck): RosterView {
  return {
    from: check.from, to: check.to, published: [], publications: [], changes: [], check,
    assignments: [{ id: 1, day: '2026-12-01', shift: 'day', post: 'leader', staff: { id: 9, name: '周队长' }, startsAt: at(1, 8), endsAt: at(1, 20), night: false, addedBy: null, removedBy: null }],
  };
}

const settings = { ...DEFAULT_DUTY_SETTINGS, stationName: '东城区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 };
const refusedForGaps = { ok: false, error: { code: 'CONFLICT', message: 'gaps', fields: { 'override.reason': 'v.coverageGaps' } } };

beforeEach(() => sessionStorage.clear());

describe('the roster calendar', () => {
  it('lists the coverage check beside it: a run of hours as one gap, a daily minimum, and each conflict', async () => {
    renderApp('#/roster', 'duty_leader', '周队长', { 'roster.get': view(gappy), 'settings.get': settings });
    const panel = await screen.findByTestId('coverage-panel');
    await waitFor(() => expect(within(panel).getByTestId('coverage-gaps')).toBeInTheDocument());
    const gaps = [...within(panel).getByTestId('coverage-gaps').querySelectorAll('li')].map((li) => li.textContent);
    expect(gaps).toEqual(['12-03 03:00–06:00 前台接待 0/1 人', '12-04 全天 带班领导 0/1 人']);
    expect(panel).toHaveTextContent('孙伟（12-01、12-02）两班之间只休息 360 分钟');
    expect(screen.getByTestId('cell-2026-12-01-day')).toHaveTextContent('带班 周队长');
  });

  it('refuses to publish over a gap until a duty leader states a reason, then publishes with the override', async () => {
    const fake = renderApp('#/roster', 'duty_leader', '周队长', {
      'roster.get': view(gappy),
      'settings.get': settings,
      'roster.staff': [{ id: 9, userId: 1, name: '周队长', job: null, posts: ['leader'], postsFromRoles: true, active: true, leader: true }],
      'roster.publish': (i: { override?: { reason: string } }) => (i.override ? { ok: true, value: { ids: [1], publicationId: 1, days: [], check: gappy } } : refusedForGaps),
    });
    await userEvent.click(await screen.findByTestId('roster-publish'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('2 处空缺、1 处冲突'); // three hours in a row are one gap
    await userEvent.click(within(dialog).getByRole('button', { name: '发布' }));
    expect(await within(dialog).findByText('排班有空缺或冲突，须由带班领导说明原因后发布')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByTestId('override-reason'), '新人下周到岗，空缺由值班员临时顶岗');
    await userEvent.click(within(dialog).getByRole('button', { name: '发布' }));
    await waitFor(() => expect(fake.of('roster.publish')).toHaveLength(2));
    // The week shown (this week, by the PC's clock), none of it published yet.
    const week = fake.of('roster.get')[0] as { from: string; to: string };
    expect(fake.of('roster.publish')).toEqual([week, { ...week, override: { reason: '新人下周到岗，空缺由值班员临时顶岗' } }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

describe('the roster calendar at a day of its address', () => {
  it('opens the week of ?day= (where a coverage gap’s line leads)', async () => {
    const fake = renderApp('#/roster?day=2027-03-10', 'duty_leader', '周队长', { 'roster.get': view(gappy), 'settings.get': settings });
    await waitFor(() => expect(fake.of('roster.get')[0]).toEqual({ from: '2027-03-08', to: '2027-03-14' }));
  });

  it('opens this week for a ?day= that is no calendar day', async () => {
    const fake = renderApp('#/roster?day=2027-02-30', 'duty_leader', '周队长', { 'roster.get': view(gappy), 'settings.get': settings });
    const monday = mondayOf(stationDay(Date.now(), 'Asia/Shanghai'));
    await waitFor(() => expect(fake.of('roster.get')[0]).toEqual({ from: monday, to: addDays(monday, 6) }));
  });
});

describe('a change to a published roster', () => {
  /** The week asked for (this week, by the PC's clock), its first day published with the leader on its day shift. */
  const published = (i: { from: string; to: string }) => {
    const v = view({ ...gappy, gaps: [], conflicts: [] });
    const value: RosterView = { ...v, ...i, published: [{ day: i.from, publicationId: 1 }], assignments: v.assignments.map((a) => ({ ...a, day: i.from })) };
    return { ok: true, value };
  };
  const staff = [
    { id: 9, userId: 1, name: '周队长', job: null, posts: ['leader', 'duty'], postsFromRoles: true, active: true, leader: true },
    { id: 10, userId: 5, name: '陈副站长', job: null, posts: ['leader', 'duty'], postsFromRoles: true, active: true, leader: true },
  ];

  it('is recorded as a replacement with its reason, approved by the leader signed in', async () => {
    const fake = renderApp('#/roster', 'duty_leader', '周队长', {
      'roster.get': published,
      'settings.get': settings,
      'roster.staff': staff,
      'roster.replace': () => ({ ok: true, value: { ids: [2], check: gappy } }),
    });
    await userEvent.click(await screen.findByText('带班 周队长'));
    await userEvent.click(await screen.findByText('顶班（未到岗）'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByText('批准的带班领导')).toBeNull(); // a leader signed in approves by being signed in
    await userEvent.click(within(dialog).getByRole('combobox'));
    await waitFor(() => expect(document.querySelector('.ant-select-item-option')).not.toBeNull());
    await userEvent.click([...document.querySelectorAll('.ant-select-item-option')].find((o) => o.textContent === '陈副站长')!);
    await userEvent.type(within(dialog).getByRole('textbox'), '周队长临时外出开会');
    await userEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    await waitFor(() => expect(fake.of('roster.replace')).toEqual([{ assignmentId: 1, staffId: 10, reason: '周队长临时外出开会' }]));
  });

  it('asks anyone else for a duty leader’s name and password', async () => {
    const others = staff.map((s) => ({ ...s, userId: s.userId + 10 })); // the signed-in admin (user 1) is none of them
    renderApp('#/roster', 'admin', '王站长', { 'roster.get': published, 'settings.get': settings, 'roster.staff': others });
    await userEvent.click(await screen.findByText('带班 周队长'));
    await userEvent.click(await screen.findByText('病假'));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('批准的带班领导')).toBeInTheDocument();
    expect(within(dialog).getByText('带班领导密码')).toBeInTheDocument();
  });

  it('takes sick leave on date pickers as station-calendar days, refusing an end before the start at the end’s field', async () => {
    const fake = renderApp('#/roster', 'duty_leader', '周队长', {
      'roster.get': published,
      'settings.get': settings,
      'roster.staff': staff,
      'roster.sickLeave': () => ({ ok: true, value: { ids: [], check: gappy } }),
    });
    await userEvent.click(await screen.findByText('带班 周队长'));
    await userEvent.click(await screen.findByText('病假'));
    const dialog = await screen.findByRole('dialog');
    const week = fake.of('roster.get')[0] as { from: string; to: string };
    const [from, to] = [dialog.querySelector<HTMLInputElement>('input#from')!, dialog.querySelector<HTMLInputElement>('input#to')!];
    expect(from).toHaveValue(week.from); // the day of the shift clicked
    const pick = async (input: HTMLInputElement, day: string) => {
      await userEvent.click(input);
      await userEvent.clear(input);
      await userEvent.type(input, `${day}{Enter}`);
    };
    await pick(to, addDays(week.from, -1));
    await userEvent.type(within(dialog).getByRole('textbox', { name: '原因' }), '发烧');
    await userEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    const toItem = to.closest('.ant-form-item') as HTMLElement;
    expect(await within(toItem).findByText('结束日期不能早于开始日期')).toBeInTheDocument();
    expect(fake.of('roster.sickLeave')).toEqual([]);

    await pick(to, addDays(week.from, 2));
    await userEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    await waitFor(() => expect(fake.of('roster.sickLeave')).toEqual([{ staffId: 9, from: week.from, to: addDays(week.from, 2), reason: '发烧' }]));
  });
});

describe('the patrol screen', () => {
  const board: CheckpointStatus[] = [{ checkpoint: { id: 1, code: 'CP-MEN', name: '男宿区' }, lastRound: null, slot: { from: at(2, 2), dueAt: at(2, 3), done: false }, missed: 2 }];

  it('keeps the focus in the code field: a scanner types the code and Enter, and the next scan goes to the same field', async () => {
    const fake = renderApp('#/roster/patrol', 'front_desk', '李洁', {
      'patrol.status': board,
      'patrol.log': { from: '2026-12-02', to: '2026-12-02', rounds: [], missed: [], due: 0 },
      'patrol.followUps': [],
      'roster.staff': [],
      'patrol.record': (i: { code: string }) =>
        i.code === 'CP-MEN'
          ? { ok: true, value: { id: 1, checkpoint: board[0]!.checkpoint, at: at(2, 2), walkedBy: { id: 1, name: '李洁' }, finding: 'normal', category: null, note: null, recordedBy: { id: 1, name: '李洁' }, recordedAt: at(2, 2), followUps: [] } }
          : { ok: false, error: { code: 'VALIDATION', message: 'no', fields: { code: 'v.checkpointUnknown' } } },
    });
    const field = await screen.findByTestId('scan-code');
    await waitFor(() => expect(field).toHaveFocus());
    await userEvent.keyboard('CP-MEN{Enter}');
    expect(await screen.findByTestId('patrol-last')).toHaveTextContent('已登记：男宿区');
    expect(fake.of('patrol.record')).toEqual([{ code: 'CP-MEN', finding: 'normal' }]);
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
    await userEvent.keyboard('XX-9{Enter}');
    expect(await screen.findByText('没有这个巡查点代码')).toBeInTheDocument();
    expect(field).toHaveFocus();
  });

  it('takes an issue chosen by hand, and puts the focus back in the code field for the next scan', async () => {
    const fake = renderApp('#/roster/patrol', 'front_desk', '李洁', {
      'patrol.status': board,
      'patrol.log': { from: '2026-12-02', to: '2026-12-02', rounds: [], missed: [], due: 0 },
      'patrol.followUps': [],
      'roster.staff': [],
      'patrol.record': () => ({ ok: true, value: { id: 2, checkpoint: board[0]!.checkpoint, at: at(2, 2), walkedBy: { id: 1, name: '李洁' }, finding: 'issue', category: 'hygiene', note: null, recordedBy: { id: 1, name: '李洁' }, recordedAt: at(2, 2), followUps: [] } }),
    });
    const field = await screen.findByTestId('scan-code');
    await userEvent.type(field, 'CP-MEN');
    await userEvent.click(screen.getByText('发现问题'));
    await userEvent.click(screen.getByRole('combobox', { name: '问题类别' }));
    await waitFor(() => expect(document.querySelector('.ant-select-item-option')).not.toBeNull());
    await userEvent.click([...document.querySelectorAll('.ant-select-item-option')].find((o) => o.textContent === '卫生')!);
    await userEvent.click(screen.getByRole('button', { name: /^登\s?记$/ }));
    expect(await screen.findByTestId('patrol-last')).toHaveTextContent('发现问题');
    expect(fake.of('patrol.record')).toEqual([{ code: 'CP-MEN', finding: 'issue', category: 'hygiene' }]);
    expect(field).toHaveFocus();
    expect(screen.queryByRole('combobox', { name: '问题类别' })).toBeNull(); // back to "normal" for the next scan
  });
});

describe('“on duty now”, the roster’s frame widget', () => {
  const now: OnDutyNow = {
    now: at(2, 9),
    shift: { day: '2026-12-02', code: 'day', name: '白班', from: at(2, 8), to: at(2, 20) },
    leaders: [{ id: 9, name: '周队长' }],
    onDuty: [{ post: 'front_desk', staff: [{ id: 1, name: '李洁' }] }],
    nextHandoverAt: at(2, 20),
  };

  it('stands above every page: the shift, the leader on duty and the next handover', async () => {
    renderApp('#/', 'front_desk', '李洁', { 'roster.onDuty': now });
    const bar = await screen.findByTestId('on-duty-now');
    expect(bar).toHaveTextContent('白班 08:00–20:00');
    expect(bar).toHaveTextContent('周队长');
    expect(bar).toHaveTextContent('下次交接班 20:00');
  });

  it('says so when no leader is rostered', async () => {
    renderApp('#/intake', 'front_desk', '李洁', { 'roster.onDuty': { ...now, leaders: [] } });
    expect(await screen.findByTestId('on-duty-now')).toHaveTextContent('带班领导 未排班');
  });
});
