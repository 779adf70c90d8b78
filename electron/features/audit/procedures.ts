import type { auditContract } from '../../../shared/contract/audit';
import type { Handlers } from '../../rpc/context';
import { verifyChain } from './chain';
import { listTrail, trailActors } from './trail';

export const auditHandlers: Handlers<keyof typeof auditContract> = {
  'audit.list': ({ page, pageSize, ...filter }, { db }) => listTrail(db, filter, page, pageSize),

  'audit.actors': (_input, { db }) => trailActors(db),

  'audit.verify': (_input, ctx) => {
    // Verify first, then record the check: the new row is not part of what was verified.
    const result = verifyChain(ctx.db, ctx.now);
    ctx.audit({ entity: 'audit_log', entityId: null, after: result });
    return result;
  },
};
