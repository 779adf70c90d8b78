import type { Page } from '@playwright/test';
import type { HandoverList } from '../../shared/contract/handover';
import type { StaffEntry } from '../../shared/contract/roster';
import { DESK_PASSWORD, expect, hostCall, pickOption, screen, seedStation, test, type Host } from './fixtures';

/** The duty leader's screen is a laptop's: the flow runs at 1366×768. */
test.use({ viewport: { width: 1366, height: 768 } });

const LEADER_PASSWORD = 'Leader-pass-26';

async function signIn(page: Page, host: Host, username: string, password: string) {
  await page.goto(host.url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/**
 * A duty leader (周队长) rostered as leader on duty for the shift being handed over, with 李洁 at the front desk; a
 * walk-in, a patrol round with a finding and a follow-up, so the handover has something in it. The shift is the one
 * due now on the real clock (as intake's e2e does): at 08:00 that is the night-to-day handover.
 */
async function dutyDay(host: Host) {
  const seeded = await seedStation(host);
  await hostCall(host, 'accounts.create', { username: 'zhoudz', displayName: '周队长', roles: ['duty_leader'], password: 'Temp-pass-1', passwordConfirm: 'Temp-pass-1' }, seeded.admin);
  const leader = (await hostCall<{ sessionId: string }>(host, 'auth.login', { username: 'zhoudz', password: 'Temp-pass-1' })).sessionId;
  await hostCall(host, 'auth.changePassword', { currentPassword: 'Temp-pass-1', newPassword: LEADER_PASSWORD, newPasswordConfirm: LEADER_PASSWORD }, leader);
  const staff = await hostCall<StaffEntry[]>(host, 'roster.staff', {}, leader);
  const staffId = (name: string) => staff.find((s) => s.name === name)!.id;
  const due = (await hostCall<HandoverList>(host, 'handover.list', {}, seeded.desk)).due!;
  const slot = { day: due.shift.day, shift: due.shift.code };
  // Within the shift handed over (it may have ended: at noon the one due is last night's).
  const during = (before: number) => Math.min(Date.now() - 60_000, due.shift.to - before);
  await hostCall(host, 'roster.assign', { ...slot, post: 'leader', staffId: staffId('周队长') }, leader);
  await hostCall(host, 'roster.assign', { ...slot, post: 'front_desk', staffId: staffId('李洁') }, leader);
  await hostCall(host, 'intake.register', { person: { name: '王建国', sex: 'male', estimatedAge: 58 }, channel: 'walk_in', arrivedAt: during(2 * 3_600_000) }, seeded.desk);
  await hostCall(host, 'patrol.record', {
    code: 'CP-KITCHEN', at: during(30 * 60_000), finding: 'issue', category: 'facility', note: '水龙头漏水',
    followUp: { task: '报修厨房水龙头', ownerId: staffId('李洁'), dueAt: Date.now() + 24 * 3_600_000 },
  }, seeded.desk);
  return { ...seeded, leader, due };
}

test('the handover: the outgoing clerk composes, the incoming acknowledges, the leader signs; the print shows it, verify passes', async ({ page, host }) => {
  const { due } = await dutyDay(host);
  await signIn(page, host, 'lijie', DESK_PASSWORD);
  await expect(page.getByTestId('on-duty-now')).toContainText('带班领导');

  await page.getByRole('menuitem', { name: '交接班' }).click();
  await expect(page.getByTestId('handover-due')).toContainText(due.shift.name);
  await screen(page, 'duty-1-handover-due');
  await page.getByTestId('handover-open').click();
  await expect(page.getByTestId('handover-state')).toHaveText('交班人填写中');
  await expect(page.getByTestId('section-intake.census')).toContainText('在站');
  await expect(page.getByTestId('section-duty.findings')).toContainText('厨房');
  await expect(page.getByTestId('section-duty.followUps')).toContainText('报修厨房水龙头');
  // A line opens its record's screen, through the entity links its feature registered (the handover knows no routes).
  await expect(page.getByTestId('section-duty.followUps').getByRole('link', { name: '报修厨房水龙头' })).toHaveAttribute('href', '#/roster/patrol');
  await page.getByTestId('handover-notes').fill('王建国夜间血压偏高，早饭后请复测；厨房水龙头已报修。');
  await screen(page, 'duty-2-handover-compose');
  await page.getByTestId('handover-submit').click();
  await expect(page.getByTestId('handover-state')).toHaveText('待接班确认');

  // The incoming clerk, at the same desk, picks her own name and types her own password.
  await page.getByTestId('handover-ack').click();
  const ack = page.getByRole('dialog');
  await pickOption(page, ack.locator('.ant-select').first(), '赵敏');
  await ack.getByTestId('ack-password').fill(DESK_PASSWORD);
  await screen(page, 'duty-3-handover-acknowledge');
  await ack.getByRole('button', { name: '确认接班' }).click();
  await expect(ack).toBeHidden();
  await expect(page.getByTestId('handover-state')).toHaveText('待带班领导签名');
  await expect(page.getByTestId('handover-people')).toContainText('赵敏');
  const handoverUrl = page.url();

  // The leader on duty signs at their own sign-in.
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, host, 'zhoudz', LEADER_PASSWORD);
  await page.goto(handoverUrl);
  await page.getByTestId('handover-sign').click();
  const sign = page.getByRole('dialog');
  await expect(sign.getByTestId('sign-reason')).toHaveCount(0); // the leader on duty gives no reason
  await sign.getByTestId('sign-password').fill(LEADER_PASSWORD);
  await sign.getByRole('button', { name: '签名封存' }).click();
  await expect(sign).toBeHidden();
  await expect(page.getByTestId('handover-state')).toHaveText('已签名封存');
  const signature = page.getByTestId('handover-signature');
  await expect(signature).toContainText('周队长 已签名');
  const fingerprint = (await signature.locator('code').textContent())!;
  expect(fingerprint).toMatch(/^[0-9a-f]{8}$/);

  await page.getByTestId('handover-verify').click();
  await expect(page.getByTestId('verify-result')).toContainText('核验通过');
  await screen(page, 'duty-4-handover-signed');

  await page.getByTestId('handover-print').click();
  await expect(page.getByRole('heading', { name: '交接班登记表' })).toBeVisible();
  const leaderRow = page.getByRole('row').filter({ hasText: fingerprint });
  await expect(leaderRow).toContainText('带班领导');
  await expect(leaderRow).toContainText('周队长');
  await expect(page.getByRole('row').filter({ hasText: '接班人' })).toContainText('赵敏');
  await expect(page.getByRole('row').filter({ hasText: '交班人' })).toContainText('李洁');
  await expect(page.getByTestId('print-button')).toBeEnabled();
  await screen(page, 'duty-5-handover-print');
});

test('a month’s roster with a gap is refused until a duty leader overrides it with a reason', async ({ page, host }) => {
  await dutyDay(host);
  await signIn(page, host, 'zhoudz', LEADER_PASSWORD);
  await page.getByRole('menuitem', { name: '排班值守' }).click();
  await expect(page.getByTestId('coverage-panel')).toBeVisible();
  await screen(page, 'duty-6-roster-week');

  await page.getByText('月', { exact: true }).click();
  await page.getByRole('button', { name: '下一页' }).click();
  const month = (await page.getByTestId('roster-range').textContent())!;
  await expect(page.getByTestId('coverage-panel')).toContainText('空缺');
  await page.getByTestId('roster-publish').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('须由带班领导说明原因后才能发布');
  await dialog.getByRole('button', { name: '发布' }).click();
  await expect(dialog.getByText('排班有空缺或冲突，须由带班领导说明原因后发布')).toBeVisible();
  await screen(page, 'duty-7-roster-publish-refused');
  await dialog.getByTestId('override-reason').fill('新招值班员下月中旬到岗，空缺由站内人员临时顶岗');
  await dialog.getByRole('button', { name: '发布' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('roster-changes')).toContainText('新招值班员下月中旬到岗');
  await expect(page.getByTestId('roster-publish')).toHaveCount(0);
  await screen(page, 'duty-8-roster-month-published');

  await page.getByRole('tab', { name: '值班巡查' }).click();
  await expect(page.getByTestId('scan-code')).toBeFocused();
  await page.keyboard.type('CP-GATE');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('patrol-last')).toContainText('大门');
  await expect(page.getByTestId('scan-code')).toBeFocused();
  await screen(page, 'duty-9-patrol');

  await page.goto(`${host.url.split('#')[0]}#/print/roster/${month}`);
  await expect(page.getByRole('heading', { name: '排班表' })).toBeVisible();
  await screen(page, 'duty-10-roster-print');
});

test('the admin renames a checkpoint and its barcode code, and lengthens the patrol grace, on the settings page', async ({ page, host }) => {
  const { admin } = await seedStation(host);
  await signIn(page, host, 'admin', 'Admin-pass-1');
  await page.goto(`${host.url.split('#')[0]}#/admin/settings`);
  const checkpoints = page.getByTestId('settings-card-checkpoints');
  await checkpoints.getByTestId('checkpoint-edit-CP-GATE').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('checkpoint-name').fill('南大门');
  await dialog.getByTestId('checkpoint-code').fill('CP-KITCHEN');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.locator('.ant-form-item', { has: page.getByTestId('checkpoint-code') })).toContainText('这个代码已被使用');
  await screen(page, 'duty-11-checkpoint-code-taken');
  await dialog.getByTestId('checkpoint-code').fill('CP-SOUTH');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(checkpoints.getByRole('row').filter({ hasText: 'CP-SOUTH' })).toContainText('南大门');

  const duty = page.getByTestId('settings-card-duty-settings');
  await duty.getByTestId('duty-patrolGraceMinutes').fill('20');
  await duty.getByTestId('duty-settings-save').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await screen(page, 'duty-12-settings-duty-and-checkpoints');

  const saved = await hostCall<{ patrolGraceMinutes: number; minRestHours: number }>(host, 'settings.get', {}, admin);
  expect(saved).toMatchObject({ patrolGraceMinutes: 20, minRestHours: 8 });
  const list = await hostCall<{ code: string; name: string }[]>(host, 'patrol.checkpoints', {}, admin);
  expect(list.find((c) => c.code === 'CP-SOUTH')?.name).toBe('南大门');
  expect(list.some((c) => c.code === 'CP-GATE')).toBe(false);
});
