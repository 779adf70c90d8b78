import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportStarted } from '../../../shared/contract/export';
import { dutyStation, wall, type DutyStation } from './duty-helpers';

/** The roster exported to XLSX through the exporter (issue 10): as published and as worked, and the changes. */
let st: DutyStation;
afterEach(() => st?.close());

async function workbookOf(started: ExportStarted, session: string): Promise<ExcelJS.Workbook> {
  await st.core.services.exports.idle();
  const file = st.must('export.file', { id: started.id }, session);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  return wb;
}
const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
/** A station-clock wall time as the cell holds it: a Date whose UTC fields are the station's clock. */
const cellTime = (day: string, hhmm: string) => new Date(wall(day, hhmm) + 8 * 3_600_000);

describe('the roster export', () => {
  it('lists each assignment of the period with whether it was worked, then each change with who approved it', async () => {
    st = dutyStation();
    st.at(wall('2026-07-20', '10:00'));
    const put = (day: string, shift: string, post: 'front_desk' | 'leader', who: string) => st.must('roster.assign', { day, shift, post, staffId: st.staff[who]! }, st.s.leader).ids[0]!;
    put('2026-07-26', 'day', 'front_desk', 'desk');
    const day = put('2026-07-27', 'day', 'front_desk', 'desk');
    put('2026-07-27', 'day', 'leader', 'leader');
    put('2026-07-28', 'day', 'front_desk', 'desk2');
    st.must('roster.publish', { from: '2026-07-27', to: '2026-07-27', override: { reason: '夜班另行安排' } }, st.s.leader);
    st.must('roster.replace', { assignmentId: day, staffId: st.staff.desk2!, reason: '李明未到岗，由desk2顶班' }, st.s.leader);

    const started = st.must('roster.export', { from: '2026-07-27', to: '2026-07-27' }, st.s.desk);
    expect(started).toMatchObject({ fileName: '排班表_2026-07-27_2026-07-27.xlsx', rows: 4 });
    const wb = await workbookOf(started, st.s.desk);
    const [plan, changes] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];

    expect(plan.name).toBe('排班表');
    // Each sheet's title row: the station, then what the sheet is.
    expect([plan, changes].map((ws) => String(rowValues(ws, 1)[0]))).toEqual(['测试区救助管理站　排班表', '测试区救助管理站　排班变更记录']);
    expect(rowValues(plan, 4)).toEqual(['日期', '班次', '岗位', '姓名', '上班时间', '下班时间', '发布', '来源', '执行']);
    const rows = [5, 6, 7].map((n) => rowValues(plan, n));
    // The days either side are not in it; the replaced desk shift stays, marked not worked, beside its replacement.
    expect(rows).toContainEqual([new Date(Date.UTC(2026, 6, 27)), '白班', '前台接待', 'desk', cellTime('2026-07-27', '08:00'), cellTime('2026-07-27', '20:00'), '已发布', '原排班', '否（顶班）']);
    expect(rows).toContainEqual([new Date(Date.UTC(2026, 6, 27)), '白班', '带班领导', 'leader', cellTime('2026-07-27', '08:00'), cellTime('2026-07-27', '20:00'), '已发布', '原排班', '是']);
    expect(rows.find((r) => r[3] === 'desk2')).toEqual([
      new Date(Date.UTC(2026, 6, 27)), '白班', '前台接待', 'desk2', expect.any(Date), cellTime('2026-07-27', '20:00'), '已发布', '顶班', '是',
    ]);
    expect(plan.rowCount).toBe(7); // three rows: the desk shifts of the 26th and the 28th are not in it

    expect(changes.name).toBe('排班变更');
    expect(rowValues(changes, 4)).toEqual(['登记时间', '类型', '原因', '批准人', '登记人']);
    expect(rowValues(changes, 5)).toEqual([cellTime('2026-07-20', '10:00'), '顶班', '李明未到岗，由desk2顶班', 'leader', 'leader']);
    expect(changes.rowCount).toBe(5);
  });

  it('names every post and every kind of change in the bureau’s words, and a change that only removed an assignment is listed', async () => {
    st = dutyStation();
    st.at(wall('2026-07-20', '10:00'));
    const DAY = '2026-07-27';
    const staff = (name: string, post: 'kitchen' | 'storekeeper' | 'driver' | 'duty') => st.must('roster.staffSave', { name, posts: [post] }, st.s.leader).id;
    const put = (shift: string, post: string, staffId: number) => st.must('roster.assign', { day: DAY, shift, post: post as 'duty', staffId }, st.s.leader).ids[0]!;
    const day = put('day', 'front_desk', st.staff.desk!);
    const night = put('night', 'front_desk', st.staff.desk2!);
    put('day', 'leader', st.staff.leader!);
    put('day', 'duty', st.staff.guard!);
    put('day', 'kitchen', staff('厨师老李', 'kitchen'));
    put('day', 'storekeeper', staff('库管小张', 'storekeeper'));
    put('day', 'driver', staff('司机老王', 'driver'));
    st.must('roster.publish', { from: DAY, to: DAY, override: { reason: '人手不足' } }, st.s.leader);
    st.must('roster.swap', { a: day, b: night, reason: '两人调班' }, st.s.leader);
    st.must('roster.sickLeave', { staffId: st.staff.guard!, from: DAY, to: DAY, reason: '发烧' }, st.s.leader);
    st.must('roster.cover', { day: DAY, shift: 'day', post: 'duty', staffId: staff('保安老周', 'duty'), reason: '顶替病假' }, st.s.leader);

    const wb = await workbookOf(st.must('roster.export', { from: DAY, to: DAY }, st.s.desk), st.s.desk);
    const [plan, changes] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    const rows = Array.from({ length: plan.rowCount - 4 }, (_, i) => rowValues(plan, i + 5));
    const byName = (name: string) => rows.find((r) => r[3] === name)!;
    expect(['厨师老李', '库管小张', '司机老王', 'leader'].map((n) => byName(n)[2])).toEqual(['厨房', '库管', '司机', '带班领导']);
    expect(byName('guard').slice(2)).toEqual(['值班', 'guard', expect.any(Date), expect.any(Date), '已发布', '原排班', '否（病假）']);
    expect(byName('保安老周').slice(6)).toEqual(['已发布', '补排', '是']);
    expect(rows.filter((r) => r[3] === 'desk').map((r) => r.slice(7))).toEqual(expect.arrayContaining([['原排班', '否（调班）'], ['调班', '是']]));
    expect([5, 6, 7].map((n) => rowValues(changes, n).slice(1, 3))).toEqual([
      ['调班', '两人调班'],
      ['病假', '发烧'],
      ['补排', '顶替病假'],
    ]);
  });

  it('writes who exported which period in the audit trail, and marks a day not yet published as a draft', async () => {
    st = dutyStation();
    st.at(wall('2026-07-20', '10:00'));
    st.must('roster.assign', { day: '2026-07-29', shift: 'night', post: 'front_desk', staffId: st.staff.desk! }, st.s.leader);
    const started = st.must('roster.export', { from: '2026-07-29', to: '2026-07-29' }, st.s.guard);
    const audit = st.core.db.prepare("SELECT procedure, actor_id, after FROM audit_log WHERE entity = 'export' ORDER BY id DESC LIMIT 1").get() as { procedure: string; actor_id: number; after: string };
    expect(audit.procedure).toBe('roster.export');
    expect(audit.actor_id).toBe(st.user.guard);
    expect(JSON.parse(audit.after)).toMatchObject({ what: 'roster', from: '2026-07-29', to: '2026-07-29', rows: 1 });
    const plan = (await workbookOf(started, st.s.guard)).worksheets[0]!;
    expect(rowValues(plan, 5).slice(1, 4)).toEqual(['夜班', '前台接待', 'desk']);
    expect(rowValues(plan, 5)[5]).toEqual(cellTime('2026-07-30', '08:00')); // a night runs into the next day
    expect(rowValues(plan, 5).slice(6)).toEqual(['草稿', '原排班', '是']);
  });
});
