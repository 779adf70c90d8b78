import { expect, screen, test } from './fixtures';

test('a new user loads a demo station from the first-run screen and sees a living station', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByTestId('load-demo').click();
  await expect(page.getByText(/示范站点已载入：\d+ 人，\d+ 次到站。所有示范账号的密码都是 Demo-pass-1。/)).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('用户名').fill('liming');
  await page.getByLabel('密码', { exact: true }).fill('Demo-pass-1');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.locator('.app-logo-station')).toHaveText('示范区救助管理站');
  await page.getByRole('menuitem', { name: '接待登记' }).click();
  const residents = page.locator('.ant-statistic').first();
  await expect(residents).not.toContainText(/^在站人数0$/);
  await expect(page.getByTestId('board-arrivals').or(page.getByTestId('board-incomplete')).first()).toBeVisible();
  await screen(page, '50-demo-board');
  await page.getByRole('button', { name: '床位' }).click();
  await screen(page, '51-demo-beds');
});
