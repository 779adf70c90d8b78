/**
 * The two writers of stock's ops (demo/generate/section.ts): the demo's through stock's checked services (they
 * allocate earliest-expiry-first themselves), the benchmark's through the same rows without checks or reads, taking
 * the batches the planner allocated. tests/core/generate.test.ts compares what both write for one plan.
 */
import { missingCase } from '../../../../shared/domain/result';
import { permissionsOf, type Permission, type Role } from '../../../../shared/domain/roles';
import { cached } from '../../../db/statements';
import { LoginThrottle } from '../../accounts/throttle';
import type { DemoEnv, DemoWriter } from '../../demo/generate/section';
import { chargeFund } from '../budget';
import type { StockCtx } from '../context';
import { issue } from '../issues';
import { insertBatch, receive } from '../receipts';
import type { Op } from './ops';

abstract class StockWriter implements DemoWriter<Op> {
  /** Row ids of the planner's batches. */
  protected readonly batches = new Map<number, number>();
  constructor(protected readonly env: DemoEnv) {}
  abstract apply(op: Op): void;
}

export class StockServiceWriter extends StockWriter {
  private readonly throttle = new LoginThrottle();
  private readonly permissions = new Map<number, readonly Permission[]>();

  private ctx(op: { at: number; actor: number }): StockCtx {
    let permissions = this.permissions.get(op.actor);
    if (!permissions) {
      const roles = cached(this.env.db, 'SELECT role FROM user_roles WHERE user_id = ?').pluck().all(op.actor) as Role[];
      this.permissions.set(op.actor, (permissions = permissionsOf(roles)));
    }
    const { db, settings, calendar } = this.env;
    return { db, now: op.at, today: calendar.dayOf(op.at), settings, actorId: op.actor, permissions, throttle: this.throttle };
  }

  apply(op: Op): void {
    const c = this.ctx(op);
    switch (op.k) {
      case 'receive': {
        const { supplier, invoiceNo, donor, reference, charge } = op;
        const out = receive(c, {
          source: op.source,
          supplier,
          invoiceNo,
          donor,
          reference,
          charge,
          confirmOverBudget: false,
          note: '',
          lines: op.lines.map((l) => ({ itemId: l.item, quantity: l.quantity, unitPriceFen: l.unitPriceFen, ...(l.expiresOn ? { expiresOn: l.expiresOn } : {}) })),
        });
        op.lines.forEach((l, i) => this.batches.set(l.batch, out.batchIds[i]!));
        return;
      }
      case 'issue': {
        const lines = op.lines.map((l) => ({ itemId: l.item, quantity: l.quantity }));
        const input =
          op.destination === 'stay'
            ? { destination: 'stay' as const, stayId: op.stayId!, lines, note: '' }
            : op.destination === 'station_use'
              ? { destination: 'station_use' as const, department: op.department!, recipient: op.recipient, note: '', lines }
              : { destination: 'write_off' as const, reason: op.reason!, note: '', lines };
        issue(c, input);
        return;
      }
      case 'charge':
        chargeFund(c, { fundId: op.fundId, category: op.category, amountFen: op.amountFen, confirmOverBudget: false, description: op.description, invoiceNo: op.invoiceNo });
        return;
      default:
        missingCase(op);
    }
  }
}

export class StockBulkWriter extends StockWriter {
  apply(op: Op): void {
    const { db, calendar } = this.env;
    const onDay = calendar.dayOf(op.at);
    const move = cached(
      db,
      `INSERT INTO stock_movements (item_id, batch_id, kind, quantity, value_fen, receipt_id, issue_id, at, on_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    switch (op.k) {
      case 'receive': {
        const totalFen = op.lines.reduce((n, l) => n + l.quantity * l.unitPriceFen, 0);
        const receiptId = Number(
          cached(
            db,
            `INSERT INTO stock_receipts (source, supplier, invoice_no, donor, reference, fund_id, budget_category, note, total_fen, at, by_user)
             VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)`,
          ).run(op.source, op.supplier ?? null, op.invoiceNo ?? null, op.donor ?? null, op.reference ?? null, op.charge?.fundId ?? null, op.charge?.category ?? null, totalFen, op.at, op.actor)
            .lastInsertRowid,
        );
        if (op.charge && totalFen > 0) this.insertCharge(op.charge.fundId, op.charge.category, totalFen, receiptId, null, null, op.at, op.actor);
        for (const l of op.lines) {
          const batchId = insertBatch({ db, now: op.at }, { itemId: l.item, receiptId, expiresOn: l.expiresOn, unitCostFen: l.unitPriceFen });
          this.batches.set(l.batch, batchId);
          move.run(l.item, batchId, op.source, l.quantity, l.quantity * l.unitPriceFen, receiptId, null, op.at, onDay);
        }
        return;
      }
      case 'issue': {
        const valueFen = op.taken.reduce((n, a) => n + a.quantity * a.unitCostFen, 0);
        const issueId = Number(
          cached(
            db,
            `INSERT INTO stock_issues (destination, stay_id, department, write_off_reason, recipient, note, value_fen, at, by_user) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)`,
          ).run(op.destination, op.stayId ?? null, op.department ?? null, op.reason ?? null, op.destination === 'station_use' ? (op.recipient ?? null) : null, valueFen, op.at, op.actor)
            .lastInsertRowid,
        );
        for (const a of op.taken) move.run(a.item, this.batches.get(a.batch)!, op.destination, -a.quantity, -a.quantity * a.unitCostFen, null, issueId, op.at, onDay);
        return;
      }
      case 'charge':
        this.insertCharge(op.fundId, op.category, op.amountFen, null, op.description, op.invoiceNo, op.at, op.actor);
        return;
      default:
        missingCase(op);
    }
  }

  private insertCharge(fundId: number, category: string, amountFen: number, receiptId: number | null, description: string | null, invoiceNo: string | null, at: number, by: number): void {
    cached(
      this.env.db,
      'INSERT INTO stock_fund_charges (fund_id, category, amount_fen, receipt_id, description, invoice_no, at, by_user) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(fundId, category, amountFen, receiptId, description, invoiceNo, at, by);
  }
}
