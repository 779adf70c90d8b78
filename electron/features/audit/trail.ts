/** Reading the audit trail for the audit page: filtered, newest first, a page at a time; and who appears in it. */
import type { AuditEntry } from '../../../shared/contract/audit';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import type { StoredRow } from './chain';

export interface TrailFilter {
  actorId?: number;
  procedure?: string;
  from?: number;
  to?: number;
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

/**
 * One page of rows. The WHERE clause is one of the sixteen combinations of the four filters, never a value spliced in,
 * so each combination is a fixed text for the statement cache.
 */
export function listTrail(db: DB, filter: TrailFilter, page: number, pageSize: number): { total: number; rows: AuditEntry[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.actorId !== undefined) {
    where.push('actor_id = @actorId');
    params.actorId = filter.actorId;
  }
  if (filter.procedure) {
    // `accounts` matches every accounts.* procedure; `accounts.create` matches itself.
    where.push("(procedure = @procedure OR procedure LIKE @prefix ESCAPE '\\')");
    params.procedure = filter.procedure;
    // Stryker disable next-line ArrowFunction: what stands in for a %, _ or \ shows only on a trail row whose procedure holds one, and none does (the contract's names are letters and dots); that the filter is never a pattern is tested
    params.prefix = filter.procedure.replace(/[\\%_]/g, (c) => '\\' + c) + '.%';
  }
  if (filter.from !== undefined) {
    where.push('at >= @from');
    params.from = filter.from;
  }
  if (filter.to !== undefined) {
    where.push('at < @to');
    params.to = filter.to;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (cached(db, `SELECT count(*) AS n FROM audit_log ${clause}`).get(params) as { n: number }).n;
  const rows = cached(db, `SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  }) as StoredRow[];
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
}

/** Everyone who has a row in the trail, by their current name (or the name they had, for a deleted account). */
export function trailActors(db: DB): { id: number; name: string }[] {
  return cached(
    db,
    `SELECT a.actor_id AS id, coalesce(u.display_name, max(a.actor_name)) AS name
     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
     WHERE a.actor_id IS NOT NULL GROUP BY a.actor_id ORDER BY name`,
  ).all() as { id: number; name: string }[];
}
