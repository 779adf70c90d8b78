import type { Page } from '@playwright/test';
import { DESK_PASSWORD, expect, hostCall, pickOption, screen, seedStation, selectLabelled, test, type Host } from './fixtures';

const HOUR = 3_600_000;

async function loginDesk(page: Page, host: Host) {
  await page.goto(host.url);
  await page.getByLabel('用户名').fill('lijie');
  await page.getByLabel('密码', { exact: true }).fill(DESK_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText('李洁');
}

/**
 * The last 03:00 on the station's clock, as the picker shows it (the browser runs in Asia/Shanghai): within the
 * last 24 hours, so the registration is not a late one.
 */
function lastAt3() {
  const shanghaiNow = Date.now() + 8 * HOUR;
  const today3 = Math.floor(shanghaiNow / (24 * HOUR)) * 24 * HOUR + 3 * HOUR;
  const at = today3 <= shanghaiNow - 10 * 60_000 ? today3 : today3 - 24 * HOUR;
  return `${new Date(at).toISOString().slice(0, 10)} 03:00`;
}

/** The same on the station's calendar two days back: a registration that needs its reason. */
function twoDaysAgoAt3() {
  const d = new Date(Date.now() + 8 * HOUR - 2 * 24 * HOUR);
  return `${d.toISOString().slice(0, 10)} 03:00`;
}

async function openModalButton(page: Page, name: string) {
  await page.getByRole('button', { name }).click();
  return page.getByRole('dialog');
}

test('an unknown man at 03:00: quick intake → no match → men’s zone bed → record completed → belongings returned → home', async ({ page, host }) => {
  const { colleagueId } = await seedStation(host);
  void colleagueId;
  await loginDesk(page, host);
  await page.getByRole('menuitem', { name: '接待登记' }).click();
  await screen(page, '20-intake-board-empty');
  await page.getByRole('button', { name: '快速登记' }).click();

  // Quick intake in a few fields; search-before-create finds nobody.
  await page.getByLabel('体貌描述').fill('男，约45岁，光头，穿灰色外套，左臂有龙形纹身');
  await page.locator('label.ant-radio-button-wrapper', { hasText: '男' }).click();
  await page.getByLabel('估计年龄').fill('45');
  await page.getByLabel('来站方式').click();
  await page.locator('.ant-select-item-option', { hasText: '公安送站' }).click();
  await page.getByLabel('送站单位').fill('东城派出所');
  await page.getByLabel('民警姓名').fill('刘警官');
  const arrived = page.getByLabel('到站时间');
  await arrived.click();
  await arrived.fill(lastAt3());
  await arrived.press('Enter'); // confirms the time only: it must not send the form
  await expect(page.getByTestId('matches')).toContainText('没有找到可能的同一人');
  await expect(arrived).toHaveValue(lastAt3());
  await screen(page, '21-quick-intake');
  await page.getByRole('button', { name: '登记', exact: true }).click();

  // The stay: awaiting triage, owned by the clerk, incomplete.
  await expect(page.getByTestId('stay-status')).toHaveText('待分诊');
  await expect(page.getByTestId('stay-owner')).toHaveText('李洁');
  await expect(page.getByText('信息待补全')).toBeVisible();

  // Triage: admit, temperature.
  let dialog = await openModalButton(page, '初步检视与分诊');
  await dialog.getByLabel('体温（℃）').fill('37.4');
  await dialog.getByRole('button', { name: '确认分诊' }).click();
  await expect(page.getByTestId('stay-status')).toHaveText('在站');

  // A bed in the men's zone.
  dialog = await openModalButton(page, '分配床位');
  await pickOption(page, selectLabelled(dialog, '区域'), '男宿区');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('stay-bed')).toHaveText('男宿区 男-01');

  // Belongings into custody, witnessed by a colleague who signs with her own password.
  await page.getByRole('tab', { name: /物品保管/ }).click();
  dialog = await openModalButton(page, '登记保管物品');
  await dialog.locator('[id="items.0.description"]').fill('旧手机');
  await dialog.locator('[id="items.0.storagePlace"]').fill('保管柜A-3');
  await pickOption(page, selectLabelled(dialog, '第二见证人'), '赵敏');
  await dialog.getByLabel('见证人密码').fill(DESK_PASSWORD);
  await screen(page, '22-custody-witness');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: '李洁、赵敏' })).toBeVisible();

  // Later: the record is completed with a valid ID (and a wrong one is refused at the field first).
  await page.getByRole('tab', { name: '身份信息' }).click();
  await page.locator('[id="name"]').fill('陈志强');
  await page.locator('[id="idNumber"]').fill('110105197903150011');
  await page.getByRole('button', { name: '保存身份信息' }).click();
  await expect(page.getByText('身份证号校验位不对，请核对每一位')).toBeVisible();
  await screen(page, '23-invalid-id-at-field');
  await page.locator('[id="idNumber"]').fill('110105197903150013');
  await page.getByTestId('state-residence').getByText('不详').click();
  await page.getByTestId('state-benefits').getByText('拒绝提供').click();
  await page.locator('[id="hukouPlace"]').fill('河南省周口市');
  await page.locator('[id="dialect"]').fill('河南口音');
  await page.getByRole('button', { name: '保存身份信息' }).click();
  await expect(page.getByTestId('stay-title')).toHaveText('陈志强');
  await expect(page.getByText('信息待补全')).toBeHidden();
  await screen(page, '24-stay-complete');

  // Discharge is refused while belongings are in custody; then returned with the client's confirmation.
  dialog = await openModalButton(page, '办理离站');
  await dialog.getByLabel('车票/乘车凭证').fill('K1234 次 北京—周口');
  await dialog.getByRole('button', { name: '确认离站' }).click();
  await expect(dialog.getByText('还有保管物品未归还或结清，不能离站')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.getByRole('tab', { name: /物品保管/ }).click();
  await page.getByRole('button', { name: '结清' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByText('受助人已清点确认').click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: /已归还/ })).toBeVisible();

  // Return home: 15 yuan of cash only with the signed receipt.
  dialog = await openModalButton(page, '办理离站');
  await dialog.getByLabel('车票/乘车凭证').fill('K1234 次 北京—周口');
  await dialog.getByLabel('现金（元，仅限市内交通，最多20元）').fill('15');
  await dialog.getByRole('button', { name: '确认离站' }).click();
  await expect(dialog.getByText('发放现金须有受助人签收的领条')).toBeVisible();
  await dialog.getByText('受助人已签收现金领条').click();
  await screen(page, '25-discharge-return-home');
  await dialog.getByRole('button', { name: '确认离站' }).click();
  await expect(page.getByTestId('stay-status')).toHaveText('已离站');
  await expect(page.getByTestId('stay-discharge')).toContainText('返乡');
  await expect(page.getByTestId('stay-bed')).toHaveText('未分配床位');
  await page.getByRole('tab', { name: '记录' }).click();
  await screen(page, '26-stay-history');

  // The A4 forms staff sign on paper, filled from the record.
  await page.getByRole('button', { name: /打印/ }).hover();
  await page.getByRole('menuitem', { name: '求助登记表' }).click();
  await expect(page.getByText('求助登记表', { exact: true })).toBeVisible();
  await expect(page.locator('body')).toContainText('陈志强');
  await expect(page.locator('body')).toContainText('东城派出所');
  await expect(page.locator('body')).toContainText('不详'); // residence marked unknown
  await screen(page, '26a-print-intake-form');
  await page.goBack();
  await page.getByRole('button', { name: /打印/ }).hover();
  await page.getByRole('menuitem', { name: '在站服务及离站登记表' }).click();
  await expect(page.locator('body')).toContainText('K1234 次 北京—周口');
  await expect(page.locator('body')).toContainText('旧手机');
  await screen(page, '26b-print-service-discharge');
});

test('a returning person is found by pinyin initials and the new arrival is linked to them', async ({ page, host }) => {
  const { desk } = await seedStation(host);
  const past = await hostCall<{ stayId: number; personId: number }>(host, 'intake.register', {
    person: { name: '张建国', sex: 'male', estimatedAge: 52 }, channel: 'walk_in', arrivedAt: Date.now() - 60 * 24 * HOUR,
    lateReason: '补录两个月前的到站（纸质登记表）',
  }, desk);
  await hostCall(host, 'intake.triage', { stayId: past.stayId, decision: 'admit' }, desk);
  await hostCall(host, 'intake.discharge', { stayId: past.stayId, type: 'self_discharge', declarationSigned: true }, desk);

  await loginDesk(page, host);
  await page.getByRole('menuitem', { name: '接待登记' }).click();
  await page.getByRole('combobox', { name: /查找受助人员/ }).fill('zjg');
  await expect(page.getByTestId(`hit-${past.personId}`)).toContainText('张建国');
  await screen(page, '27-search-pinyin-initials');
  await page.getByTestId(`hit-${past.personId}`).click();
  await expect(page).toHaveURL(new RegExp(`#/intake/person/${past.personId}$`));
  await screen(page, '28-person-page');
  await page.getByRole('button', { name: '为此人登记新的一次到站' }).click();
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByTestId('stay-title')).toHaveText('张建国');
  const person = await hostCall<{ stays: unknown[] }>(host, 'people.get', { id: past.personId }, desk);
  expect(person.stays).toHaveLength(2);

  // The match panel offers the same person when the name and sex are typed, and links with one click.
  await hostCall(host, 'intake.discharge', { stayId: past.stayId + 1, type: 'left_without_notice', record: '清晨离开' }, desk);
  await page.evaluate(() => (window.location.hash = '#/intake/new'));
  await expect(page.getByText('先救助，后登记：只填能马上知道的几项，其余稍后补全。')).toBeVisible();
  await page.getByLabel('姓名', { exact: true }).fill('张建国');
  await page.locator('label.ant-radio-button-wrapper', { hasText: '男' }).click();
  const match = page.getByTestId(`match-${past.personId}`);
  await expect(match).toContainText('拼音及性别相同');
  await screen(page, '29-match-panel');
  await match.getByRole('button', { name: '是此人，关联本次登记' }).click();
  await expect(page.getByTestId('stay-title')).toHaveText('张建国');
  expect((await hostCall<{ stays: unknown[] }>(host, 'people.get', { id: past.personId }, desk)).stays).toHaveLength(3);
});

test('a case handed over with a note: the colleague reads the note on the stay and takes the case', async ({ page, host }) => {
  const { desk, colleagueId } = await seedStation(host);
  const { stayId } = await hostCall<{ stayId: number }>(host, 'intake.register', { person: { name: '陈国平', sex: 'male', estimatedAge: 47 }, channel: 'walk_in', arrivedAt: Date.now() - HOUR }, desk);
  await hostCall(host, 'intake.offerOwnership', { stayId, toUserId: colleagueId, note: '我下班了，请跟进寻亲公告' }, desk);

  await page.goto(host.url);
  await page.getByLabel('用户名').fill('zhaomin');
  await page.getByLabel('密码', { exact: true }).fill(DESK_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText('赵敏');
  await page.evaluate((id) => (window.location.hash = `#/intake/stay/${id}`), stayId);
  await expect(page.getByTestId('offer-note')).toHaveText('我下班了，请跟进寻亲公告');
  await screen(page, '29b-case-offered-with-note');
  await page.getByRole('button', { name: '接收' }).click();
  await expect(page.getByTestId('stay-owner')).toHaveText('赵敏');
  await expect(page.getByTestId('offer-note')).toHaveCount(0);
});

test('a 15-year-old may not self-discharge, and a full zone refuses one more person', async ({ page, host }) => {
  const { desk } = await seedStation(host);
  const born = new Date(Date.now() - (15 * 365 + 30) * 24 * HOUR).toISOString().slice(0, 10);
  const teen = await hostCall<{ stayId: number }>(host, 'intake.register', { person: { name: '小刚', sex: 'male', birthDate: born }, channel: 'public_tip', arrivedAt: Date.now() - HOUR }, desk);
  await hostCall(host, 'intake.triage', { stayId: teen.stayId, decision: 'admit' }, desk);
  for (let i = 0; i < 4; i++) {
    const s = await hostCall<{ stayId: number }>(host, 'intake.register', { person: { name: `观察${i + 1}`, sex: 'male' }, channel: 'hospital', channelDetail: { unit: '区医院' }, arrivedAt: Date.now() - HOUR }, desk);
    await hostCall(host, 'intake.triage', { stayId: s.stayId, decision: 'admit' }, desk);
    await hostCall(host, 'intake.assignBed', { stayId: s.stayId, zoneId: 5 }, desk);
  }

  await loginDesk(page, host);
  await page.evaluate((id) => (window.location.hash = `#/intake/stay/${id}`), teen.stayId);
  await expect(page.getByTestId('stay-title')).toHaveText('小刚');
  await expect(page.getByText('15 · 未满16岁')).toBeVisible();
  let dialog = await openModalButton(page, '办理离站');
  await pickOption(page, selectLabelled(dialog, '离站方式'), '自行离站');
  await dialog.getByText('受助人已签署自行离站声明书').click();
  await dialog.getByRole('button', { name: '确认离站' }).click();
  await expect(dialog.getByText('未成年人不能自行离站，须护送返乡或由亲属接回')).toBeVisible();
  await screen(page, '30-self-discharge-refused');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('stay-status')).toHaveText('在站');

  // The medical-observation zone has four beds, all taken.
  dialog = await openModalButton(page, '分配床位');
  await pickOption(page, selectLabelled(dialog, '区域'), '医疗观察区');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('该区域已满，不能再安排')).toBeVisible();
  await screen(page, '31-zone-full');
  await dialog.getByRole('button', { name: '取消' }).click();
  // And a minor is never put in the adult men's zone.
  dialog = await openModalButton(page, '分配床位');
  await pickOption(page, selectLabelled(dialog, '区域'), '男宿区');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('未成年人不能安排在成年人区域')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.evaluate(() => (window.location.hash = '#/intake/beds'));
  await screen(page, '32-bed-board');
});

test('quick intake shows a contradicting ID number at its own field, and asks why a late registration is late', async ({ page, host }) => {
  await seedStation(host);
  await loginDesk(page, host);
  await page.evaluate(() => (window.location.hash = '#/intake/new'));
  await page.getByLabel('姓名', { exact: true }).fill('周梅');
  await page.locator('label.ant-radio-button-wrapper', { hasText: '女' }).click();
  // A man's number (odd sex digit) for a woman: refused by the main process, at the form's ID field.
  await page.getByLabel('身份证号').fill('110105197903150013');
  const arrived = page.getByLabel('到站时间');
  await expect(async () => {
    await arrived.click();
    await arrived.fill(twoDaysAgoAt3());
    await arrived.press('Enter');
    await expect(arrived).toHaveValue(twoDaysAgoAt3(), { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  // Two days back: the reason field appears, and is required.
  await expect(page.getByLabel('补登原因')).toBeVisible();
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.locator('.ant-form-item-has-error', { has: page.getByLabel('补登原因') })).toContainText('请说明补登原因');
  await page.getByLabel('补登原因').fill('当晚系统停电，恢复后补登');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  const idField = page.locator('.ant-form-item-has-error', { has: page.getByLabel('身份证号') });
  await expect(idField).toContainText('身份证号中的性别与登记的性别不一致');
  await expect(page.getByText('请检查标红的项目')).toHaveCount(0);
  await screen(page, '33-id-contradiction-at-field');

  // The right sex: registered, and the stay shows why it was registered late.
  await page.locator('label.ant-radio-button-wrapper', { hasText: '男' }).click();
  await page.getByLabel('姓名', { exact: true }).fill('周明');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByTestId('stay-title')).toHaveText('周明');
  await expect(page.getByText('当晚系统停电，恢复后补登')).toBeVisible();
  await screen(page, '34-late-registration-reason');

  // An emptied ID box does not remove a saved number; the explicit action does, with a reason.
  await page.locator('[id="idNumber"]').fill('');
  await page.getByRole('button', { name: '保存身份信息' }).click();
  await expect(page.locator('.ant-form-item-has-error', { has: page.locator('[id="idNumber"]') })).toContainText('请点击“清除身份证号”');
  await page.getByTestId('clear-id').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('清除原因').fill('证件号为家属口述，核实有误');
  await screen(page, '35-clear-id-number');
  await dialog.getByRole('button', { name: '清除身份证号' }).click();
  await expect(page.getByTestId('clear-id')).toHaveCount(0);
  await expect(page.locator('[id="idNumber"]')).toHaveValue('');
});
