import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DUTY_SETTINGS } from '../../shared/contract/duty-settings';
import type { Checkpoint } from '../../shared/contract/patrol';
import { preloadPages, type FeatureEntry } from '../../renderer/src/app/feature';
import { FEATURES } from '../../renderer/src/app/features';
import { renderApp, renderShell } from './fake-main';

// The settings page is a lazy chunk: load it once, so no test's first wait covers its import.
beforeAll(() => preloadPages(FEATURES), 120_000);
beforeEach(() => sessionStorage.clear());

const settings = { ...DEFAULT_DUTY_SETTINGS, stationName: '东城区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 };
const gate: Checkpoint = { id: 1, code: 'CP-GATE', name: '大门', kind: 'entrance', zoneId: null, sort: 10, active: true, activeFrom: 0, retiredAt: null };
const men: Checkpoint = { id: 2, code: 'CP-MEN', name: '男宿区', kind: 'dormitory', zoneId: 3, sort: 20, active: true, activeFrom: 0, retiredAt: null };
const zones = [{ id: 3, code: 'men', name: '男宿区', sex: 'male', minAge: 18, maxAge: null, medical: false, active: true, beds: [] }];
const taken = { ok: false, error: { code: 'CONFLICT', message: 'taken', fields: { code: 'v.checkpointCodeTaken' } } };

const card = (key: string) => screen.findByTestId(`settings-card-${key}`);

describe('the checkpoints card on the settings page', () => {
  it('lists the checkpoints with their code, kind and zone', async () => {
    renderApp('#/admin/settings', 'admin', '王站长', { 'settings.get': settings, 'intake.zones': zones, 'patrol.checkpoints': [gate, { ...men, active: false }] });
    const table = await within(await card('checkpoints')).findByTestId('checkpoints-table');
    await waitFor(() => expect(table.querySelectorAll('tbody tr')).toHaveLength(2));
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].slice(0, 5).map((c) => c.textContent));
    expect(rows).toEqual([
      ['大门 ', 'CP-GATE', '出入口', '', '10'],
      ['男宿区 已停用', 'CP-MEN', '宿舍区', '男宿区', '20'],
    ]);
  });

  it('adds one, showing the main process’s refusal at the code field, and saves it once the code is free', async () => {
    const fake = renderApp('#/admin/settings', 'admin', '王站长', {
      'settings.get': settings,
      'intake.zones': zones,
      'patrol.checkpoints': [gate],
      'patrol.checkpointSave': (i: { code: string }) => (i.code.toUpperCase() === 'CP-GATE' ? taken : { ok: true, value: [gate] }),
    });
    await userEvent.click(await within(await card('checkpoints')).findByTestId('checkpoint-add'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByTestId('checkpoint-name'), '后院');
    await userEvent.type(within(dialog).getByTestId('checkpoint-code'), 'x');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    // The contract's own rule, at the field, before any call.
    expect(await within(dialog).findByText('代码为2–20个英文字母、数字或连字符')).toBeInTheDocument();
    expect(fake.of('patrol.checkpointSave')).toEqual([]);

    await userEvent.clear(within(dialog).getByTestId('checkpoint-code'));
    await userEvent.type(within(dialog).getByTestId('checkpoint-code'), 'cp-gate');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    const codeItem = within(dialog).getByTestId('checkpoint-code').closest('.ant-form-item')!;
    expect(await within(codeItem as HTMLElement).findByText('这个代码已被使用')).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument(); // refused: it stays open

    await userEvent.clear(within(dialog).getByTestId('checkpoint-code'));
    await userEvent.type(within(dialog).getByTestId('checkpoint-code'), 'CP-YARD');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.of('patrol.checkpointSave')).toEqual([
      { code: 'cp-gate', name: '后院', kind: 'dormitory', sort: 20, active: true },
      { code: 'CP-YARD', name: '后院', kind: 'dormitory', sort: 20, active: true },
    ]);
  });

  it('edits one in place: its id, its zone kept, and retiring it', async () => {
    const fake = renderApp('#/admin/settings', 'admin', '王站长', {
      'settings.get': settings, 'intake.zones': zones, 'patrol.checkpoints': [gate, men], 'patrol.checkpointSave': () => ({ ok: true, value: [gate, men] }),
    });
    await userEvent.click(await within(await card('checkpoints')).findByTestId('checkpoint-edit-CP-MEN'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('修改巡查点：男宿区');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /启用/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(fake.of('patrol.checkpointSave')).toEqual([{ id: 2, code: 'CP-MEN', name: '男宿区', kind: 'dormitory', zoneId: 3, sort: 20, active: false }]));
  });
});

describe('the duty settings card on the settings page', () => {
  const dutyCard = async () => {
    const c = await card('duty-settings');
    await waitFor(() => expect(within(c).getByTestId('duty-minRestHours')).toHaveValue('8'));
    return c;
  };

  it('saves a change with the rest of the duty settings, and the station’s own fields the call requires', async () => {
    const fake = renderApp('#/admin/settings', 'admin', '王站长', {
      'settings.get': settings, 'intake.zones': [], 'patrol.checkpoints': [], 'settings.update': (i: object) => ({ ok: true, value: { ...settings, ...i } }),
    });
    const c = await dutyCard();
    await userEvent.clear(within(c).getByTestId('duty-minRestHours'));
    await userEvent.type(within(c).getByTestId('duty-minRestHours'), '10');
    await userEvent.click(within(c).getByTestId('duty-settings-save'));
    await waitFor(() => expect(fake.of('settings.update')).toHaveLength(1));
    expect(fake.of('settings.update')[0]).toEqual({
      stationName: '东城区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10,
      shifts: DEFAULT_DUTY_SETTINGS.shifts, staffing: DEFAULT_DUTY_SETTINGS.staffing, minRestHours: 10, maxNightsInRow: 4,
      patrolBands: DEFAULT_DUTY_SETTINGS.patrolBands, patrolGraceMinutes: 15,
    });
  });

  it('refuses shifts that leave hours of the day uncovered, under the shifts, without a call', async () => {
    const fake = renderApp('#/admin/settings', 'admin', '王站长', { 'settings.get': settings, 'intake.zones': [], 'patrol.checkpoints': [], 'settings.update': () => ({ ok: true, value: settings }) });
    const c = await dutyCard();
    const dayEnd = within(within(c).getByTestId('duty-shift-0')).getByLabelText('结束');
    await userEvent.clear(dayEnd);
    await userEvent.type(dayEnd, '19:00');
    await userEvent.click(within(c).getByTestId('duty-settings-save'));
    expect(await within(c).findByTestId('duty-shifts-error')).toHaveTextContent('班次没有覆盖全天每个小时');
    expect(fake.of('settings.update')).toEqual([]);
  });

  it('puts the main process’s refusal of one band at that band’s field', async () => {
    renderApp('#/admin/settings', 'admin', '王站长', {
      'settings.get': settings, 'intake.zones': [], 'patrol.checkpoints': [],
      'settings.update': () => ({ ok: false, error: { code: 'VALIDATION', message: 'x', fields: { 'patrolBands.1.intervalMinutes': 'v.range' } } }),
    });
    const c = await dutyCard();
    await userEvent.click(within(c).getByTestId('duty-settings-save'));
    expect(await within(within(c).getByTestId('duty-band-1')).findByText('数值超出范围')).toBeInTheDocument();
    expect(within(within(c).getByTestId('duty-band-0')).queryByText('数值超出范围')).toBeNull();
  });
});

describe('a settings card (FeatureEntry.settingsCards)', () => {
  const settingsFeature = FEATURES.find((f) => f.key === 'settings')!;
  const ledger: FeatureEntry = {
    key: 'ledger',
    catalogs: { 'zh-CN': {}, en: {} },
    settingsCards: [
      { key: 'ledger-open', component: () => <p>台账设置</p> },
      { key: 'ledger-stock', permission: 'stock.write', component: () => <p>库管设置</p> },
      { key: 'ledger-admin', permission: 'settings.manage', component: () => <p>盘点周期</p> },
    ],
  };

  it('is shown on the settings page in the registry’s order, and left out for a user without its permission', async () => {
    renderShell('#/admin/settings', 'admin', '王站长', { 'settings.get': settings, 'intake.zones': [] }, [settingsFeature, ledger]);
    expect(await screen.findByText('盘点周期')).toBeInTheDocument();
    const cards = [...document.querySelectorAll('[data-testid^="settings-card-"]')].map((c) => c.getAttribute('data-testid'));
    expect(cards).toEqual(['settings-card-ledger-open', 'settings-card-ledger-admin']); // the admin has no stock.write
    expect(screen.getByText('台账设置')).toBeInTheDocument();
    expect(screen.queryByText('库管设置')).toBeNull();
  });
});
