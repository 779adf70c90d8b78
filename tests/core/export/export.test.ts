import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PENDING } from '../../../electron/features/export/files';
import { CHANNEL_LABELS, DISCHARGE_LABELS, FIELD_STATE_LABELS, SEX_LABELS, STATUS_LABELS, UNKNOWN_NAME } from '../../../electron/features/intake/export-labels';
import type { Input } from '../../../shared/contract';
import type { ExportStarted } from '../../../shared/contract/export';
import intakeCatalog from '../../../renderer/src/features/intake/i18n.zh-CN';

const intakeZhCN = intakeCatalog.intake;
import { checkCharacter } from '../../../shared/domain/idcard';
import { openStation, type TestStation } from '../helpers';

let st: TestStation;
let desk: string;
afterEach(() => st?.close());

/** A station-clock time in Shanghai (UTC+8) as Unix ms. */
const shanghai = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
const JULY = { from: '2026-07-01', to: '2026-07-31' };
const HEADERS = ['登记号', '到站时间', '姓名', '性别', '年龄', '身份证号', '户籍地', '来站方式', '状态', '床位区域', '离站时间', '离站方式', '首接责任人'];
const ID_NUMBER = '11010519800101001' + checkCharacter('11010519800101001'); // a man born on 1 January 1980

function station() {
  st = openStation();
  st.clock.t = shanghai(2026, 8, 2, 10, 0);
  st.must('auth.unlock', { password: 'Admin-pass-1' }, st.adminSession);
  desk = st.userWith(['front_desk'], 'desk');
  st.must('accounts.update', { id: st.must('auth.session', {}, desk).user.id, displayName: '李明', roles: ['front_desk'] }, st.adminSession);
}
/** A month of stays entered after the fact, as from the paper forms: each says why it is registered late. */
const register = (arrivedAt: number, person: Input<'intake.register'>['person'], extra: Partial<Input<'intake.register'>> = {}) =>
  st.must('intake.register', { person, channel: 'walk_in', arrivedAt, lateReason: '按纸质登记表补录', ...extra }, desk);

async function fileOf(started: ExportStarted, session = desk): Promise<ExcelJS.Workbook> {
  await st.core.services.exports.idle();
  const file = st.must('export.file', { id: started.id }, session);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  return wb;
}
const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

describe('the intake register export', () => {
  it('lists the stays that arrived in the period on the station calendar, with a title, headers and a frozen header row', async () => {
    station();
    const before = register(shanghai(2026, 6, 30, 23, 59), { name: '六月底' });
    const first = register(shanghai(2026, 7, 1, 0, 0), { name: '张三', sex: 'male', estimatedAge: 40, idNumber: ID_NUMBER });
    const unknown = register(shanghai(2026, 7, 15, 9, 30), { description: '男，约50岁，光头', sex: 'male', estimatedAge: 50 }, { channel: 'police', channelDetail: { unit: '东城派出所' } });
    const last = register(shanghai(2026, 7, 31, 23, 59), { name: '七月末' });
    const after = register(shanghai(2026, 8, 1, 0, 0), { name: '八月初' });
    // 张三 is admitted, given a bed and sent home; the man without a name refuses to give his ID number.
    st.must('intake.triage', { stayId: first.stayId, decision: 'admit' }, desk);
    st.must('intake.assignBed', { stayId: first.stayId, zoneId: 1 }, desk);
    st.must('intake.discharge', { stayId: first.stayId, type: 'return_home', ticket: 'K123', dischargedAt: shanghai(2026, 7, 3, 8, 15) }, desk);
    st.must('people.update', { id: unknown.personId, fieldStates: { idNumber: 'refused', hukouPlace: 'unknown' } }, desk);
    st.must('people.update', { id: first.personId, hukouPlace: '河南省周口市' }, desk);

    const started = st.must('intake.exportRegister', JULY, desk);
    expect(started).toMatchObject({ fileName: '接待登记台账_2026-07-01_2026-07-31.xlsx', rows: 3 });
    const ws = (await fileOf(started)).worksheets[0]!;

    expect(ws.name).toBe('接待登记台账');
    expect(ws.getCell('A1').value).toBe('测试区救助管理站　接待登记台账');
    expect(ws.getCell('A2').value).toBe('统计期间：2026-07-01 至 2026-07-31');
    expect(ws.getCell('A3').value).toBe('制表时间：2026-08-02 10:00　制表人：李明　共 3 条');
    expect(rowValues(ws, 4)).toEqual(HEADERS);
    expect(ws.getRow(4).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.autoFilter).toBe('A4:M7');

    // One row per stay in the period, both edges in; 23:59 the day before and 00:00 the day after out.
    expect([5, 6, 7].map((n) => ws.getCell(`A${n}`).value)).toEqual([first.stayId, unknown.stayId, last.stayId]);
    expect(ws.rowCount).toBe(7);
    for (const out of [before, after]) expect([5, 6, 7].map((n) => ws.getCell(`A${n}`).value)).not.toContain(out.stayId);

    expect(rowValues(ws, 5)).toEqual([first.stayId, new Date(Date.UTC(2026, 6, 1, 0, 0)), '张三', '男', 46, ID_NUMBER, '河南省周口市', '自行求助', '已离站',
      '男宿区', new Date(Date.UTC(2026, 6, 3, 8, 15)), '返乡', '李明']);
    // An instant is a real date cell showing the station's clock (not a string, not UTC).
    const arrived = ws.getCell('B7');
    expect(arrived.value).toEqual(new Date(Date.UTC(2026, 6, 31, 23, 59)));
    expect(arrived.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(arrived.type).toBe(ExcelJS.ValueType.Date);
    // The ID number stays text (Excel would turn 18 digits into 1.10105E+17), in a text-formatted column.
    expect(ws.getCell('F5').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('F5').numFmt).toBe('@');
    expect(rowValues(ws, 6).slice(2, 9)).toEqual(['姓名不详（男，约50岁，光头）', '男', 50, '拒绝提供', '不详', '公安送站', '待分诊']);
    // Nothing known of 七月末 but the name: empty cells, not a guess.
    expect(rowValues(ws, 7).slice(2, 7)).toEqual(['七月末', undefined, undefined, undefined, undefined]);
    expect(ws.getCell('E5').numFmt).toBe('0');
    expect([ws.getColumn('B').width, ws.getColumn('C').width]).toEqual([17, 24]); // an instant's default, and set
  });

  it('names someone known by neither name nor description 姓名不详, and gives the zone of the last bed after a move', async () => {
    station();
    const { stayId, personId } = register(shanghai(2026, 7, 5, 8, 0), { description: '老人', sex: 'male', estimatedAge: 70 });
    st.must('people.update', { id: personId, description: '' }, desk);
    st.must('intake.triage', { stayId, decision: 'admit' }, desk);
    st.must('intake.assignBed', { stayId, zoneId: 5 }, desk);
    st.must('intake.assignBed', { stayId, zoneId: 4 }, desk);
    const ws = (await fileOf(st.must('intake.exportRegister', JULY, desk))).worksheets[0]!;
    expect([ws.getCell('C5').value, ws.getCell('J5').value]).toEqual(['姓名不详', '老年区']);
  });

  it('writes a field recorded as unknown or refused in words (不详, 拒绝提供), never as an empty cell', async () => {
    station();
    const { personId } = register(shanghai(2026, 7, 5, 8, 0), { name: '王五' });
    st.must('people.update', { id: personId, fieldStates: { sex: 'refused', idNumber: 'unknown', hukouPlace: 'refused' } }, desk);
    const ws = (await fileOf(st.must('intake.exportRegister', JULY, desk))).worksheets[0]!;
    expect(['D5', 'F5', 'G5'].map((c) => ws.getCell(c).value)).toEqual(['拒绝提供', '不详', '拒绝提供']);
  });

  it('writes who exported which period and how many rows to the audit trail, and nothing of the file', async () => {
    station();
    register(shanghai(2026, 7, 10, 12, 0), { name: '张三', idNumber: ID_NUMBER });
    const started = st.must('intake.exportRegister', JULY, desk);
    const row = st.core.db.prepare("SELECT * FROM audit_log WHERE procedure = 'intake.exportRegister'").get() as Record<string, string>;
    expect(row).toMatchObject({ actor_name: '李明', entity: 'export', entity_id: started.id });
    expect(JSON.parse(row.after!)).toEqual({
      what: 'intake_register',
      fileName: '接待登记台账_2026-07-01_2026-07-31.xlsx',
      ...JULY,
      rows: 1,
      sheets: [{ name: '接待登记台账', rows: 1 }],
    });
    await fileOf(started);
    const rows = st.core.db.prepare("SELECT * FROM audit_log WHERE procedure LIKE 'export.%' OR procedure = 'intake.exportRegister'").all();
    expect(rows).toHaveLength(1);
    const trail = JSON.stringify(rows);
    expect(trail).not.toContain('张三');
    expect(trail).not.toContain(ID_NUMBER);
    expect(trail).not.toContain('UEsDB'); // the start of a zip file in base64
  });

  it('refuses a period that ends before it starts or is longer than a year, at the field', async () => {
    station();
    const fieldOf = async (p: { from: string; to: string }) => {
      const r = st.call('intake.exportRegister', p, desk);
      await st.core.services.exports.idle();
      return r.ok ? 'ok' : `${r.error.code} ${JSON.stringify(r.error.fields)}`;
    };
    expect(await fieldOf({ from: '2026-07-01', to: '2026-07-01' })).toBe('ok');
    expect(await fieldOf({ from: '2026-07-02', to: '2026-07-01' })).toBe('VALIDATION {"to":"v.periodOrder"}');
    expect(await fieldOf({ from: '2024-01-01', to: '2024-12-31' })).toBe('ok'); // 366 days, a leap year
    expect(await fieldOf({ from: '2024-01-01', to: '2025-01-01' })).toBe('VALIDATION {"to":"v.periodTooLong"}');
    expect(await fieldOf({ from: '2026-7-1', to: '2026-07-31' })).toBe('VALIDATION {"from":"v.date"}');
  });

  it('refuses a day outside the calendar at that day alone, not again as a period too long', async () => {
    station();
    const r = st.call('intake.exportRegister', { from: '1899-12-31', to: '2026-07-31' }, desk);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { from: 'v.dateRange' } } });
    expect(r.ok ? null : Object.keys(r.error.fields ?? {})).toEqual(['from']);
  });

  it('uses the words of the renderer’s zh-CN catalog', () => {
    expect(CHANNEL_LABELS).toEqual(intakeZhCN.channels);
    expect(STATUS_LABELS).toEqual(intakeZhCN.status);
    expect(DISCHARGE_LABELS).toEqual(intakeZhCN.discharge.types);
    expect(SEX_LABELS).toEqual(intakeZhCN.sex);
    expect(FIELD_STATE_LABELS).toEqual(intakeZhCN.fieldState);
    expect(UNKNOWN_NAME).toBe(intakeZhCN.unknownName);
  });
});

describe('export files', () => {
  it('answers only the session that started it; is built after the call and can be fetched again for 15 minutes', async () => {
    station();
    register(shanghai(2026, 7, 10, 12, 0), { name: '张三' });
    const colleague = st.userWith(['front_desk'], 'colleague');
    const started = st.must('intake.exportRegister', JULY, desk);
    // The call has returned; the file is not built yet.
    expect(st.must('export.status', { id: started.id }, desk)).toMatchObject({ state: 'building', rows: 1, bytes: null, error: null });
    // Asked too early, the file answers how far it has got.
    expect(st.call('export.file', { id: started.id }, desk)).toMatchObject({ ok: false, error: { code: 'CONFLICT', detail: { written: 0, rows: 1 } } });
    for (const other of [colleague, st.adminSession]) {
      expect(st.call('export.status', { id: started.id }, other)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    await st.core.services.exports.idle();
    expect(st.must('export.status', { id: started.id }, desk)).toMatchObject({ state: 'ready', written: 1 });
    expect(st.call('export.file', { id: started.id }, colleague)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const file = st.must('export.file', { id: started.id }, desk);
    // The browser host downloads it as what it is: an XLSX workbook, under the name offered.
    expect(file).toMatchObject({ fileName: started.fileName, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(st.must('export.status', { id: started.id }, desk).bytes).toBe(Buffer.from(file.dataBase64, 'base64').length);
    // A quarter of an hour: time to save it again after a cancelled dialog, and no longer.
    st.clock.advance(15 * 60_000);
    st.must('auth.unlock', { password: 'Own-pass-22' }, desk);
    expect(st.must('export.file', { id: started.id }, desk).dataBase64).toBe(file.dataBase64);
    st.clock.advance(1);
    expect(st.call('export.file', { id: started.id }, desk)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it(`builds one export a session and ${MAX_PENDING} in all at once; the next is refused, without an audit row, until they finish`, async () => {
    station();
    const audited = () => (st.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE procedure = 'intake.exportRegister'").get() as { n: number }).n;
    const busy = { ok: false, error: { code: 'CONFLICT', fields: { '(root)': 'v.exportBusy' } } };
    st.must('intake.exportRegister', JULY, desk);
    expect(st.call('intake.exportRegister', JULY, desk)).toMatchObject(busy);
    const others = Array.from({ length: MAX_PENDING }, (_, i) => st.userWith(['front_desk'], `desk${i}`));
    for (const other of others.slice(0, MAX_PENDING - 1)) st.must('intake.exportRegister', JULY, other);
    expect(st.call('intake.exportRegister', JULY, others[MAX_PENDING - 1])).toMatchObject({ ...busy, error: { ...busy.error, detail: { pending: MAX_PENDING } } });
    expect(audited()).toBe(MAX_PENDING);
    await st.core.services.exports.idle();
    st.must('intake.exportRegister', JULY, desk);
    st.must('intake.exportRegister', JULY, others[MAX_PENDING - 1]);
    expect(audited()).toBe(MAX_PENDING + 2);
  });

  it('neither waits for a running backup or restore job nor holds one up', async () => {
    station();
    register(shanghai(2026, 7, 10, 12, 0), { name: '张三' });
    const { jobs, exports } = st.core.services;
    let release = () => {};
    jobs.start('backup', () => new Promise<null>((resolve) => (release = () => resolve(null))));
    const started = st.must('intake.exportRegister', JULY, desk);
    await exports.idle();
    expect(jobs.busy()).toBe(true);
    expect(st.must('export.status', { id: started.id }, desk).state).toBe('ready');
    release();
    await jobs.idle();
    // And the other way round: a job starts while an export is still being built.
    const second = st.must('intake.exportRegister', JULY, desk);
    expect(st.must('export.status', { id: second.id }, desk).state).toBe('building');
    jobs.start('backup', async () => null);
    await Promise.all([jobs.idle(), exports.idle()]);
  });
});
