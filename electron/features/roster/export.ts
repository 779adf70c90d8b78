import type { ExportStarted, Period } from '../../../shared/contract/export';
import type { RosterChangeKind } from '../../../shared/contract/roster';
import type { Post } from '../../../shared/domain/duty';
import type { HandlerContext } from '../../rpc/context';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { sheet, type Column } from '../export/sheet';
import { ensureExportRoom, startExport } from '../export/start';
import { assignmentsOfDays, isPublished, type AssignmentRow } from './assignments';
import { dutyCtx } from './context';

/** The file goes to the bureau as it is: its words are Chinese, whatever the desk's language. */
export const POST_LABELS: Record<Post, string> = { front_desk: '前台接待', duty: '值班', leader: '带班领导', kitchen: '厨房', storekeeper: '库管', driver: '司机' };
export const CHANGE_LABELS: Record<RosterChangeKind, string> = { swap: '调班', replacement: '顶班', sick_leave: '病假', cover: '补排' };

interface ChangeRow {
  id: number;
  kind: RosterChangeKind;
  reason: string;
  approver: string;
  recorder: string;
  recorded_at: number;
}

type Row = AssignmentRow & { shiftName: string; published: boolean; addedKind: RosterChangeKind | null; removedKind: RosterChangeKind | null };

/** Every change that added or removed an assignment of the period's days, oldest first. */
function changesOf(db: DB, p: Period): ChangeRow[] {
  return cached(
    db,
    `SELECT c.id, c.kind, c.reason, a.display_name AS approver, r.display_name AS recorder, c.recorded_at FROM roster_changes c
       JOIN users a ON a.id = c.approved_by JOIN users r ON r.id = c.recorded_by
      WHERE c.id IN (SELECT x.change_id FROM roster_assignments x WHERE x.day BETWEEN ? AND ? AND x.change_id IS NOT NULL
                     UNION SELECT m.change_id FROM roster_removals m JOIN roster_assignments y ON y.id = m.assignment_id WHERE y.day BETWEEN ? AND ?)
      ORDER BY c.recorded_at, c.id`,
  ).all(p.from, p.to, p.from, p.to) as ChangeRow[];
}

const ASSIGNMENT_COLUMNS: readonly Column<Row>[] = [
  { header: '日期', type: 'date', value: (r) => r.day },
  { header: '班次', type: 'text', width: 10, value: (r) => r.shiftName },
  { header: '岗位', type: 'text', width: 10, value: (r) => POST_LABELS[r.post] },
  { header: '姓名', type: 'text', width: 12, value: (r) => r.staff_name },
  { header: '上班时间', type: 'instant', value: (r) => r.starts_at },
  { header: '下班时间', type: 'instant', value: (r) => r.ends_at },
  { header: '发布', type: 'text', width: 8, value: (r) => (r.published ? '已发布' : '草稿') },
  { header: '来源', type: 'text', width: 10, value: (r) => (r.addedKind ? CHANGE_LABELS[r.addedKind] : '原排班') },
  { header: '执行', type: 'text', width: 12, value: (r) => (r.removedKind ? `否（${CHANGE_LABELS[r.removedKind]}）` : '是') },
];

const CHANGE_COLUMNS: readonly Column<ChangeRow>[] = [
  { header: '登记时间', type: 'instant', value: (c) => c.recorded_at },
  { header: '类型', type: 'text', width: 8, value: (c) => CHANGE_LABELS[c.kind] },
  { header: '原因', type: 'text', width: 40, value: (c) => c.reason },
  { header: '批准人', type: 'text', width: 12, value: (c) => c.approver },
  { header: '登记人', type: 'text', width: 12, value: (c) => c.recorder },
];

export const rosterFileName = (p: Period) => `排班表_${p.from}_${p.to}.xlsx`;

/**
 * The roster of a period as XLSX: every assignment, planned or added by a change, with whether it was worked (a
 * removed one names the change), so the file holds the roster as published and as worked; then the changes with
 * who approved each.
 */
export function exportRoster(ctx: HandlerContext, p: Period): ExportStarted {
  ensureExportRoom(ctx);
  const { settings } = dutyCtx(ctx);
  const changes = changesOf(ctx.db, p);
  const kind = new Map(changes.map((c) => [c.id, c.kind]));
  const names = new Map(settings.shifts.map((s) => [s.code, s.name]));
  const rows: Row[] = assignmentsOfDays(ctx.db, p.from, p.to).map((a) => ({
    ...a,
    shiftName: names.get(a.shift) ?? a.shift,
    published: isPublished(ctx.db, a.day),
    // Stryker disable next-line ConditionalExpression: kind has no entry for null, so the lookup gives null all the same
    addedKind: a.change_id === null ? null : (kind.get(a.change_id) ?? null),
    // Stryker disable next-line ConditionalExpression: kind has no entry for null, so the lookup gives null all the same
    removedKind: a.removed_by === null ? null : (kind.get(a.removed_by) ?? null),
  }));
  return startExport(ctx, {
    what: 'roster',
    fileName: rosterFileName(p),
    sheets: [
      sheet({ name: '排班表', title: '排班表', period: p, columns: ASSIGNMENT_COLUMNS, rows }),
      sheet({ name: '排班变更', title: '排班变更记录', period: p, columns: CHANGE_COLUMNS, rows: changes }),
    ],
  });
}
