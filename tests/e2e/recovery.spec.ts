import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, hostCall, screen, seedStation, startHost, stopHost, test } from './fixtures';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'stationdesk-e2e-'));

test('a damaged database opens on the recovery screen, and the newest good backup brings the station back', async ({ page }) => {
  const dataDir = tempDir();
  let host = await startHost(dataDir);
  const { admin } = await seedStation(host);
  await hostCall(host, 'settings.update', { stationName: '东城区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 }, admin);
  const started = await hostCall<{ id: string }>(host, 'backup.run', {}, admin);
  let backup: { file: string; name: string } | null = null;
  await expect
    .poll(async () => (backup = (await hostCall<{ result: { file: string; name: string } | null }>(host, 'backup.job', { id: started.id }, admin)).result))
    .not.toBeNull();
  await stopHost(host);

  // Damage the database file the way a power cut on a failing disk might.
  const file = path.join(dataDir, 'stationdesk.sqlite');
  for (const ext of ['-wal', '-shm']) fs.rmSync(file + ext, { force: true });
  const bytes = fs.readFileSync(file);
  bytes.fill(0x41, 4096, Math.min(bytes.length, 4096 * 4));
  fs.writeFileSync(file, bytes);

  host = await startHost(dataDir);
  await expect.poll(() => host.output()).toContain('cannot be opened (corrupt, found by the start-up check)');
  await page.goto(host.url);
  await expect(page.getByText('数据库无法打开')).toBeVisible();
  await expect(page.getByText('数据库文件已损坏')).toBeVisible();
  // The newest good backup is the one taken when the host quit (before the damage); the manual one is listed too.
  await expect(page.getByTestId('newest-backup')).toContainText('-auto.sqlite');
  await expect(page.locator('.ant-table-tbody')).toContainText(backup!.name);
  await screen(page, '40-recovery-corrupt');
  await page.getByTestId('newest-backup').getByRole('button', { name: '用这份备份恢复' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText(/已恢复：/)).toBeVisible();
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill('Admin-pass-1');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText('王站长');
  expect(fs.readdirSync(dataDir).some((f) => f.startsWith('stationdesk.sqlite.broken-'))).toBe(true); // kept, not deleted
  await stopHost(host);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a database from a newer version is refused and left untouched', async ({ page }) => {
  const dataDir = tempDir();
  const file = path.join(dataDir, 'stationdesk.sqlite');
  const db = new Database(file);
  db.exec('CREATE TABLE users (id); CREATE TABLE audit_log (at); CREATE TABLE settings (key, value)');
  db.pragma('user_version = 99999');
  db.close();
  const before = fs.readFileSync(file);
  const host = await startHost(dataDir);
  await page.goto(host.url);
  await expect(page.getByText('这是更新版本的救助站值守台写入的数据库')).toBeVisible();
  await expect(page.getByText('请安装更新版本的救助站值守台')).toBeVisible();
  await screen(page, '41-recovery-future');
  await stopHost(host);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('an administrator backs up and restores from the backup page; everyone signs in again', async ({ page, host }) => {
  const { admin } = await seedStation(host);
  // The station's first automatic backup starts 5 s after start-up, so "back up now" below may be pressed before it,
  // during it (the page follows it, says the one asked for comes next, then makes it) or after it.
  await page.goto(host.url);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill('Admin-pass-1');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  // A page that opens during the automatic backup follows it, its buttons busy until it ends (a busy button takes no
  // click): press once the list has loaded and nothing is running.
  await expect(page.locator('code').filter({ hasText: 'backups' })).toBeVisible();
  const backUpNow = page.getByRole('button', { name: '立即备份' }).first();
  await expect(backUpNow).not.toHaveClass(/ant-btn-loading/, { timeout: 30_000 });
  await backUpNow.click();
  await expect(page.getByText(/已备份：stationdesk-.*-manual\.sqlite/)).toBeVisible();
  await page.locator('#backup-folder').fill('relative/path');
  await page.getByRole('button', { name: '立即备份' }).nth(1).click();
  await expect(page.getByText('请填写完整路径，如 D:\\备份 或 /media/usb')).toBeVisible();
  await screen(page, '42-backup-page');
  // Change something after the backup, then go back to the backup.
  await hostCall(host, 'settings.update', { stationName: '改过的站名', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 }, admin);
  await page.locator('.ant-table-row', { hasText: '-manual.sqlite' }).first().getByRole('button', { name: '恢复' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText(/已恢复：.*请重新登录/)).toBeVisible();
  await screen(page, '43-restored');
  await page.getByRole('button', { name: /OK|确定|知道了/ }).last().click();
  await page.getByLabel('密码', { exact: true }).fill('Admin-pass-1');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText('王站长');
  await expect(page.locator('.app-logo-station')).toHaveText('东城区救助管理站');
});
