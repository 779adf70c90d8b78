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

  // The office screen, 1366×768 (issue 12): every board line stays inside its card, and the pages fit.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('menuitem', { name: '接待登记' }).click();
  await expect(page.locator('.board-line').first()).toBeVisible();
  const overflowing = await page.locator('.board-line').evaluateAll((lines) =>
    lines.filter((l) => l.scrollWidth > l.clientWidth + 1 || l.getBoundingClientRect().right > l.closest('.ant-card')!.getBoundingClientRect().right + 1).length,
  );
  expect(overflowing).toBe(0);
  // Two cards side by side leave too little room for one line: the detail (a family-search task and its state,
  // what is missing) goes on a second line, whole, instead of being cut short.
  // (A line of "awaiting triage" or "without a bed" has no detail: its empty element is hidden.)
  const details = page.locator('.board-line-detail:not(:empty)');
  await expect(details.first()).toBeVisible();
  const cut = await details.evaluateAll((els) => els.filter((e) => e.textContent && e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
  expect(cut).toEqual([]);
  await screen(page, '52-demo-board-1366');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screen(page, '53-demo-board-1920');
  await page.setViewportSize({ width: 1366, height: 768 });
  const all = page.locator('[data-testid^="all-"]').first();
  if (await all.count()) {
    await all.click();
    await expect(page.getByTestId('board-list-table').locator('.board-list-row').first()).toBeVisible();
    await screen(page, '54-demo-board-list-1366');
    await page.goBack();
  }
  await page.locator('.board-line').first().click();
  await expect(page.getByTestId('stay-title')).toBeVisible();
  await screen(page, '55-demo-stay-1366');
  await page.getByRole('menuitem', { name: '接待登记' }).click();
  await page.getByRole('button', { name: '快速登记' }).click();
  await expect(page.locator('[id="person.name"]')).toBeVisible();
  await screen(page, '56-demo-quick-intake-1366');
});
