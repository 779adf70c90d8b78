import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { DESK_PASSWORD, expect, hostCall, screen, seedStation, test } from './fixtures';

const DAY = 86_400_000;

test('the intake register: exported from the board for this month, downloaded, read back', async ({ page, host }, testInfo) => {
  const { desk } = await seedStation(host);
  // The stays are entered now, some from paper forms of earlier days: those say why they are late.
  const register = (person: object, arrivedAt: number) =>
    hostCall<{ stayId: number }>(host, 'intake.register', { person, channel: 'walk_in', arrivedAt, lateReason: '按纸质登记表补录' }, desk);
  const now = Date.now();
  const shanghaiToday = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  const monthStart = `${shanghaiToday.slice(0, 8)}01`;
  // Within this month on the station's calendar even a minute after midnight on the 1st.
  const monthStartAt = Date.parse(`${monthStart}T00:00:00+08:00`);
  const earlier = await register({ name: '王小二', sex: 'male', estimatedAge: 33 }, Math.max(now - 120_000, monthStartAt));
  const later = await register({ description: '女，约60岁，白发，蓝色棉袄', sex: 'female', estimatedAge: 60 }, Math.max(now - 60_000, monthStartAt + 1_000));
  const lastMonth = await register({ name: '上月来站' }, now - 40 * DAY);

  await page.goto(host.url);
  await page.getByLabel('用户名').fill('lijie');
  await page.getByLabel('密码', { exact: true }).fill(DESK_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('menuitem', { name: '接待登记' }).click();
  await page.getByRole('button', { name: '导出接待登记台账' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('统计期间')).toBeVisible();
  await expect(dialog.getByText(/含有受助人员个人信息/)).toBeVisible();
  await screen(page, 'intake-export');

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`接待登记台账_${monthStart}_${shanghaiToday}.xlsx`);
  await expect(page.getByText(`已下载：接待登记台账_${monthStart}_${shanghaiToday}.xlsx`)).toBeVisible();
  await expect(dialog).toBeHidden();

  const file = testInfo.outputPath('register.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.getCell('A1').value).toBe('东城区救助管理站　接待登记台账');
  expect(ws.getCell('A2').value).toBe(`统计期间：${monthStart} 至 ${shanghaiToday}`);
  expect(String(ws.getCell('A3').value)).toMatch(/^制表时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}　制表人：李洁　共 2 条$/);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  expect([ws.getCell('A5').value, ws.getCell('A6').value]).toEqual([earlier.stayId, later.stayId]);
  expect(ws.getCell('C6').value).toBe('姓名不详（女，约60岁，白发，蓝色棉袄）');
  expect(ws.getCell('B5').value).toBeInstanceOf(Date);
  expect(ws.rowCount).toBe(6);
  expect([ws.getCell('A5').value, ws.getCell('A6').value]).not.toContain(lastMonth.stayId);
});
