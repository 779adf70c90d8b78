import { z } from 'zod';
import { mutation, output, query } from './define';

export interface AuditEntry {
  id: number;
  at: number;
  actorId: number | null;
  actorName: string;
  procedure: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first row whose content or link does not match, when ok is false. */
  firstBadId: number | null;
  /** Why the first bad row fails: a row is missing before it, its link, or its own content. */
  reason: 'row_missing' | 'link_mismatch' | 'hash_mismatch' | null;
  verifiedAt: number;
}

export const auditListInput = z.object({
  actorId: z.number().int().positive().optional(),
  /** Procedure name or its feature prefix, e.g. `accounts` or `accounts.create`. */
  procedure: z.string().max(80).optional(),
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

export const auditContract = {
  'audit.list': query('audit.read', auditListInput, output<{ rows: AuditEntry[]; total: number }>()),
  'audit.actors': query('audit.read', z.object({}).strict(), output<{ id: number; name: string }[]>()),
  /** Recomputes every row's hash and link; writes its own audit row, so checks are on the record too. */
  'audit.verify': mutation('audit.read', z.object({}).strict(), output<AuditVerification>()),
};
