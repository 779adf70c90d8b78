import type { AuditEntry, auditContract } from '../../../shared/contract/audit';
import type { Handlers } from '../../rpc/context';
import { verifyChain, type StoredRow } from './chain';

type Row = Omit<StoredRow, 'prev_hash'>;

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export const auditHandlers: Handlers<keyof typeof auditContract> = {
  'audit.list': (input, { db }) => {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (input.actorId !== undefined) {
      where.push('actor_id = @actorId');
      params.actorId = input.actorId;
    }
    if (input.procedure) {
      // `accounts` matches every accounts.* procedure; `accounts.create` matches itself.
      where.push("(procedure = @procedure OR procedure LIKE @prefix ESCAPE '\\')");
      params.procedure = input.procedure;
      params.prefix = input.procedure.replace(/[\\%_]/g, (c) => '\\' + c) + '.%';
    }
    if (input.from !== undefined) {
      where.push('at >= @from');
      params.from = input.from;
    }
    if (input.to !== undefined) {
      where.push('at < @to');
      params.to = input.to;
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(params) as { n: number }).n;
    const rows = db
      .prepare(`SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as Row[];
    return {
      total,
      rows: rows.map(
        (r): AuditEntry => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          procedure: r.procedure,
          entity: r.entity,
          entityId: r.entity_id,
          before: parse(r.before),
          after: parse(r.after),
          hash: r.hash,
        }),
      ),
    };
  },

  'audit.actors': (_input, { db }) =>
    db
      .prepare(
        `SELECT a.actor_id AS id, coalesce(u.display_name, max(a.actor_name)) AS name
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
         WHERE a.actor_id IS NOT NULL GROUP BY a.actor_id ORDER BY name`,
      )
      .all() as { id: number; name: string }[],

  'audit.verify': (_input, ctx) => {
    // Verify first, then record the check: the new row is not part of what was verified.
    const result = verifyChain(ctx.db, ctx.now);
    ctx.audit({ entity: 'audit_log', entityId: null, after: result });
    return result;
  },
};
