import { randomUUID } from 'node:crypto';
import type { ExportStarted } from '../../../shared/contract/export';
import { requireActor, type HandlerContext } from '../../rpc/context';
import type { Sheet } from './sheet';
import { writeWorkbook } from './workbook';

export interface ExportRequest {
  /** What is exported, for the audit trail: 'intake_register', 'roster', 'stock_ledger'… */
  what: string;
  /** The file's name as offered to the user (no folders): 接待登记台账_2026-07-01_2026-07-31.xlsx */
  fileName: string;
  /** Built from rows already read in this call. */
  sheets: readonly Sheet[];
}

/** The session an export belongs to and answers to (the access rule of an export procedure guarantees one). */
export function sessionOf(ctx: HandlerContext): string {
  // Stryker disable next-line ConditionalExpression: unreachable without a session (export procedures are 'user' ones); ctx.session.id would fail as INTERNAL all the same
  if (!ctx.session) throw new Error(`${ctx.procedure}: an export belongs to a session`);
  return ctx.session.id;
}

/**
 * Refuses (CONFLICT, `v.exportBusy`) while this session's last export or too many in all are being built. Call it
 * before reading the rows, so that a refusal costs nothing; startExport asks again.
 */
// Stryker disable next-line BlockStatement: startExport asks again before its audit row, so a caller is refused alike (CONFLICT, v.exportBusy, nothing written); only the rows read in vain differ
export function ensureExportRoom(ctx: HandlerContext): void {
  ctx.exports.ensureRoom(sessionOf(ctx));
}

/**
 * Starts an export from inside a mutation: call it after reading the rows, in the same call (one transaction, so
 * the file is a consistent snapshot). It writes the audit row — who took which data out of the system, how many
 * rows, and (added by the dispatcher) the call's input: the period, the filters; never the data itself — and
 * queues the build for after the commit, so a refused or failed call builds nothing. The caller follows the file with `export.status` and fetches it with `export.file`
 * (or the desktop window's save dialog).
 */
export function startExport(ctx: HandlerContext, req: ExportRequest): ExportStarted {
  const actor = requireActor(ctx);
  const owner = sessionOf(ctx);
  ctx.exports.ensureRoom(owner);
  const settings = ctx.settings;
  const id = randomUUID();
  const rows = req.sheets.reduce((n, s) => n + s.rows.length, 0);
  ctx.audit({
    entity: 'export',
    entityId: id,
    after: { what: req.what, fileName: req.fileName, rows, sheets: req.sheets.map((s) => ({ name: s.name, rows: s.rows.length })) },
  });
  const book = { station: settings.stationName, timeZone: settings.timeZone, madeAt: ctx.now, madeBy: actor.displayName, sheets: req.sheets };
  ctx.afterCommit(() => ctx.exports.add(id, owner, { fileName: req.fileName, rows }, (progress) => writeWorkbook(book, progress)));
  return { id, fileName: req.fileName, rows };
}
