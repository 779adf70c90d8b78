import { createHash } from 'node:crypto';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import type { AuditEntry, AuditVerification } from '../../../shared/contract/audit';

export const GENESIS_HASH = '0'.repeat(64);

/** What a caller appends: an entry as the trail shows it, before it has a place and a hash. */
export type AuditRecord = Omit<AuditEntry, 'id' | 'hash'>;

/** A row of `audit_log` as SQLite gives it. */
export interface StoredRow {
  id: number;
  at: number;
  actor_id: number | null;
  actor_name: string;
  procedure: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

const toJson = (v: unknown): string | null => (v == null ? null : JSON.stringify(v));

/** The hash covers exactly the stored text of a row, its position and the previous row's hash. */
export function rowHash(r: Omit<StoredRow, 'hash'>): string {
  const content = JSON.stringify([
    r.id,
    r.at,
    r.actor_id,
    r.actor_name,
    r.procedure,
    r.entity,
    r.entity_id,
    r.before,
    r.after,
    r.prev_hash,
  ]);
  const hash = createHash('sha256');
  // Stryker disable next-line StringLiteral: 'utf8' is also Node's default for a string; said here because the format depends on it
  hash.update(content, 'utf8');
  return hash.digest('hex');
}

/** The latest row's place and hash: what the next row links to, and what a signature anchors. */
export function auditHead(db: DB): { id: number; hash: string } | undefined {
  return cached(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
}

/** Appends one row; must run inside the mutation's transaction so it commits or rolls back with it. */
export function appendAudit(db: DB, rec: AuditRecord): number {
  const last = auditHead(db);
  const row: Omit<StoredRow, 'hash'> = {
    id: (last?.id ?? 0) + 1,
    at: rec.at,
    actor_id: rec.actorId,
    actor_name: rec.actorName,
    procedure: rec.procedure,
    entity: rec.entity,
    entity_id: rec.entityId,
    before: toJson(rec.before),
    after: toJson(rec.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  cached(
    db,
    `INSERT INTO audit_log (id, at, actor_id, actor_name, procedure, entity, entity_id, before, after, prev_hash, hash)
     VALUES (@id, @at, @actor_id, @actor_name, @procedure, @entity, @entity_id, @before, @after, @prev_hash, @hash)`,
  ).run({ ...row, hash: rowHash(row) });
  return row.id;
}

/** Appends one row in a transaction of its own: for work outside a mutation (an operation, a job, a recovery). */
export function appendAuditAlone(db: DB, rec: AuditRecord): number {
  return db.transaction(() => appendAudit(db, rec)).immediate();
}

/** Walks the whole chain in order; names the first row whose content, link or position does not match. */
export function verifyChain(db: DB, now: number): AuditVerification {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  const bad = (id: number, reason: NonNullable<AuditVerification['reason']>): AuditVerification => ({
    ok: false,
    checked,
    firstBadId: id,
    reason,
    verifiedAt: now,
  });
  for (const row of cached(db, 'SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<StoredRow>) {
    if (row.id !== expectedId) return bad(row.id, 'row_missing');
    if (row.prev_hash !== prevHash) return bad(row.id, 'link_mismatch');
    if (rowHash(row) !== row.hash) return bad(row.id, 'hash_mismatch');
    prevHash = row.hash;
    expectedId += 1;
    checked += 1;
  }
  return { ok: true, checked, firstBadId: null, reason: null, verifiedAt: now };
}
