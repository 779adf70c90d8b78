import type { z } from 'zod';
import type { issueInput, issueToStayInput } from '../../../shared/contract/stock';
import type { IssueView, StayIssueLine } from '../../../shared/contract/stock-views';
import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { requireOpen, stayRow } from '../intake/stays';
import { approve } from './approval';
import type { StockCtx } from './context';
import { allocate, linesOf, staffRef, writeMovements, type Allocation } from './movements';
import { lineItem, reversalOf } from './receipts';

type IssueRequest = z.output<typeof issueInput> | ({ destination: 'stay' } & z.output<typeof issueToStayInput>);

export interface Issued {
  issueId: number;
  movementIds: number[];
  valueFen: number;
  approvedBy: number | null;
}

/**
 * An issue (出库): each line takes its batches earliest-expiry-first, never expired stock and never more than there is
 * (STOCK_INSUFFICIENT at the line's quantity). A write-off takes expired stock first (only expired stock when written
 * off as expired), or the batch named; above the settings' value it needs an admin's or duty leader's approval.
 * Whoever lacks `stock.write` (front desk) issues only the items marked for front desk, and only to a stay.
 */
export function issue(c: StockCtx, input: IssueRequest): Issued {
  const { db } = c;
  if (input.destination === 'stay') requireOpen(stayRow(db, input.stayId));
  const storekeeper = c.permissions.includes('stock.write');
  const taken = new Map<number, number>();
  const planned: { itemId: number; allocations: Allocation[] }[] = input.lines.map((line, i) => {
    const item = lineItem(db, line.itemId, `lines.${i}.itemId`);
    if (!storekeeper && !cached(db, 'SELECT front_desk FROM stock_items WHERE id = ?').pluck().get(item.id)) {
      throw new AppError('FORBIDDEN', 'Front desk issues only the front-desk items.', { [`lines.${i}.itemId`]: 'v.stock.notFrontDesk' });
    }
    const mode = input.destination !== 'write_off' ? 'usable' : input.reason === 'expired' ? 'expired' : 'any';
    return { itemId: line.itemId, allocations: allocate(c, line, mode, `lines.${i}.quantity`, taken) };
  });
  const valueFen = planned.reduce((n, p) => n + p.allocations.reduce((m, a) => m + a.quantity * a.unitCostFen, 0), 0);

  let approvedBy: number | null = null;
  if (input.destination === 'write_off') {
    const limitFen = c.settings.stockWriteOffApprovalFen;
    if (input.approver) approvedBy = approve(c, input.approver, 'approver');
    else if (valueFen > limitFen) {
      throw new AppError('VALIDATION', 'A write-off of this value needs an approval.', { approver: 'v.stock.approvalRequired' }, { valueFen, limitFen });
    }
  }

  const issueId = Number(
    cached(
      db,
      `INSERT INTO stock_issues (destination, stay_id, outreach_ref, department, write_off_reason, approved_by, recipient, note, value_fen, at, by_user)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.destination,
      input.destination === 'stay' ? input.stayId : null,
      input.destination === 'outreach' ? input.outreachRef : null,
      input.destination === 'station_use' ? input.department : null,
      input.destination === 'write_off' ? input.reason : null,
      approvedBy,
      input.destination === 'outreach' || input.destination === 'station_use' ? (input.recipient || null) : null,
      input.note,
      valueFen,
      c.now,
      c.actorId,
    ).lastInsertRowid,
  );
  const movementIds = writeMovements(
    c,
    planned.flatMap((p) => p.allocations.map((a) => ({ itemId: p.itemId, batchId: a.batchId, kind: input.destination, quantity: -a.quantity, unitCostFen: a.unitCostFen, issueId }))),
  );
  return { issueId, movementIds, valueFen, approvedBy };
}

interface IssueRow {
  id: number;
  destination: IssueView['destination'];
  stay_id: number | null;
  person_id: number | null;
  person_name: string | null;
  person_description: string | null;
  outreach_ref: string | null;
  department: string | null;
  write_off_reason: IssueView['writeOffReason'];
  approved_by: number | null;
  recipient: string | null;
  note: string;
  value_fen: number;
  at: number;
  by_user: number;
}

/** An issue as its note (出库单) shows it. */
export function issueView(db: DB, issueId: number): IssueView {
  const r = cached(
    db,
    `SELECT i.*, s.person_id, p.name AS person_name, p.description AS person_description
     FROM stock_issues i LEFT JOIN stays s ON s.id = i.stay_id LEFT JOIN persons p ON p.id = s.person_id WHERE i.id = ?`,
  ).get(issueId) as IssueRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'No such issue.');
  return {
    id: r.id,
    destination: r.destination,
    stay: r.stay_id !== null ? { id: r.stay_id, personId: r.person_id!, name: r.person_name, description: r.person_description } : null,
    outreachRef: r.outreach_ref,
    department: r.department,
    writeOffReason: r.write_off_reason,
    approvedBy: r.approved_by !== null ? staffRef(db, r.approved_by) : null,
    recipient: r.recipient,
    note: r.note,
    valueFen: r.value_fen,
    at: r.at,
    by: staffRef(db, r.by_user),
    lines: linesOf(db, 'issue', issueId),
    // Stryker disable next-line StringLiteral: reversalOf reads the issue column for any column but 'receipt_id'
    reversal: reversalOf(db, 'issue_id', issueId),
  };
}

/** The supplies a stay was given, for its page: one line per item of each issue, reversed ones marked. */
export function stayIssues(db: DB, stayId: number): StayIssueLine[] {
  stayRow(db, stayId);
  const rows = cached(
    db,
    `SELECT s.id AS issueId, m.item_id AS itemId, i.name AS itemName, i.unit, -sum(m.quantity) AS quantity, s.at, s.by_user,
            EXISTS (SELECT 1 FROM stock_reversals r WHERE r.issue_id = s.id) AS reversed
     FROM stock_issues s JOIN stock_movements m ON m.issue_id = s.id AND m.reversal_id IS NULL JOIN stock_items i ON i.id = m.item_id
     WHERE s.stay_id = ? GROUP BY s.id, m.item_id ORDER BY s.at, s.id, m.item_id`,
  ).all(stayId) as (Omit<StayIssueLine, 'by' | 'reversed'> & { by_user: number; reversed: number })[];
  return rows.map(({ by_user, reversed, ...l }) => ({ ...l, by: staffRef(db, by_user), reversed: reversed === 1 }));
}
