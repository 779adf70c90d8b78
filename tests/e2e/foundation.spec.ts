import { expect, screen, test } from './fixtures';
import type { Page } from '@playwright/test';

const ADMIN_PW = 'Zhan-zhang-2026';
const TEMP_PW = 'Linshi-mima-1';
const OWN_PW = 'Lijie-own-pw-9';

async function login(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Calls a procedure from inside the page with the page's own token and session, as a tampered client would. */
function rawCall(page: Page, procedure: string, input: unknown) {
  return page.evaluate(
    async ([procedure, input]) => {
      const res = await fetch(`/rpc/${procedure}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-stationdesk-token': sessionStorage.getItem('stationdesk.launchToken') ?? '',
          'x-stationdesk-session': sessionStorage.getItem('stationdesk.session') ?? '',
        },
        body: JSON.stringify(input),
      });
      return (await res.json()) as { ok: boolean; error?: { code: string } };
    },
    [procedure, input] as const,
  );
}

test('first run → admin → front-desk user → refused admin action → audit trail verifies', async ({ page, host }) => {
  // First run: the Chinese setup screen, with errors at the fields when it is sent empty.
  await page.goto(host.url);
  await expect(page.getByText('首次使用：建立本站')).toBeVisible();
  await expect(page).not.toHaveURL(/token=/); // the launch token is taken out of the address bar
  await screen(page, '01-setup');
  await page.getByRole('button', { name: '建立本站' }).click();
  await expect(page.getByText('此项必填').first()).toBeVisible();
  await page.getByLabel('救助站名称').fill('东城区救助管理站');
  await page.getByLabel('登录用户名').fill('admin');
  await page.getByLabel('姓名').fill('王站长');
  await page.getByLabel('密码', { exact: true }).fill(ADMIN_PW);
  await page.getByLabel('再次输入密码').fill('something-else-1');
  await page.getByRole('button', { name: '建立本站' }).click();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  await screen(page, '01b-setup-field-errors');
  await page.getByLabel('再次输入密码').fill(ADMIN_PW);
  await page.getByRole('button', { name: '建立本站' }).click();

  // Log in as the admin.
  await expect(page.getByText('本站已建立，请用刚才的账号登录。')).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('用户名或密码不正确').first()).toBeVisible();
  await screen(page, '02-login-wrong-password');
  await login(page, 'admin', ADMIN_PW);
  await expect(page.getByTestId('current-user')).toContainText('王站长');
  await expect(page.getByText('王站长，您好')).toBeVisible();
  await screen(page, '03-home-admin');

  // Modules not built yet say so plainly.
  await page.getByRole('menuitem', { name: '统计上报' }).click();
  await expect(page.getByText('本模块尚未建成')).toBeVisible();
  await screen(page, '03b-not-built');

  // Create a front-desk user.
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill('lijie');
  await dialog.getByLabel('姓名').fill('李洁');
  await dialog.getByRole('checkbox', { name: '接待员' }).check();
  await dialog.getByLabel('临时密码').fill(TEMP_PW);
  await dialog.getByLabel('再次输入').fill(TEMP_PW);
  await screen(page, '04a-create-user');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /lijie/ });
  await expect(row).toContainText('李洁');
  await expect(row).toContainText('接待员');
  await expect(row).toContainText('待改密码');
  await screen(page, '04-users');

  // Log out; log in as the new user, who must first choose their own password.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill('');
  await login(page, 'lijie', TEMP_PW);
  await expect(page.getByText('设置新密码 · 李洁')).toBeVisible();
  await screen(page, '05-change-password');
  await page.getByLabel('当前密码').fill(TEMP_PW);
  await page.getByLabel('新密码', { exact: true }).fill(OWN_PW);
  await page.getByLabel('再次输入新密码').fill(OWN_PW);
  await page.getByRole('button', { name: '设置新密码' }).click();
  await expect(page.getByTestId('current-user')).toContainText('李洁');
  await expect(page.getByRole('menuitem', { name: '系统管理' })).toHaveCount(0);
  await screen(page, '06-home-front-desk');

  // An admin action is refused by the main process, not only hidden: through the page and as a raw call.
  await page.evaluate(() => (window.location.hash = '#/admin/users'));
  await expect(page.getByTestId('load-error')).toContainText('您的角色没有此项权限');
  await screen(page, '07-forbidden');
  const refused = await rawCall(page, 'accounts.create', {
    username: 'intruder',
    displayName: '冒充',
    roles: ['admin'],
    password: 'Intruder-pass-1',
    passwordConfirm: 'Intruder-pass-1',
  });
  expect(refused.error?.code).toBe('FORBIDDEN');

  // The lock button covers the screen until the password is given.
  await page.getByRole('button', { name: '锁屏' }).click();
  await expect(page.getByText('屏幕已锁定')).toBeVisible();
  expect((await rawCall(page, 'settings.get', {})).error?.code).toBe('LOCKED');
  await screen(page, '08-lock');
  await page.getByLabel('密码', { exact: true }).fill(OWN_PW);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByText('屏幕已锁定')).toBeHidden();

  // Back as the admin: the audit trail shows both users' actions and verifies.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill('');
  await login(page, 'admin', ADMIN_PW);
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  const table = page.locator('.ant-table-tbody');
  await expect(table).toContainText('新建用户');
  await expect(table.getByRole('row', { name: /李洁.*修改密码/ })).toHaveCount(1);
  await expect(table.getByRole('row', { name: /王站长.*新建用户/ })).toHaveCount(1);
  await expect(table).not.toContainText('冒充');
  await page.getByRole('button', { name: '校验日志链' }).click();
  await expect(page.getByTestId('audit-verification')).toContainText('日志链完整');
  await screen(page, '09-audit-verified');

  // Filter by who: only 李洁's rows remain.
  await page.getByTestId('audit-actor').click();
  await page.locator('.ant-select-item-option', { hasText: '李洁' }).click();
  await expect(table.getByRole('row').first()).toContainText('李洁');
  await expect(table).not.toContainText('王站长');
  await screen(page, '10-audit-filtered');
});

test('the whole app switches to English', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('First run: set up this station')).toBeVisible();
  await page.getByLabel('Station name').fill('Dongcheng Relief Station');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Full name').fill('Wang');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Set up station' }).click();
  await expect(page.getByText('At least 8 characters', { exact: true })).toBeVisible();
  await screen(page, '11-setup-english');
});
