import type { StationSettings } from '../../../shared/contract/settings';
import { permissionsOf, type Permission } from '../../../shared/domain/roles';
import type { DB } from '../../db/open';
import type { LoginThrottle } from '../accounts/throttle';
import { requireActor, type HandlerContext } from '../../rpc/context';

/** What the stock services work with: one call's database, clock, station day, settings and caller. */
export interface StockCtx {
  db: DB;
  now: number;
  /** The station-calendar day of `now`: what "expired" and the ledger's days are measured in. */
  today: string;
  settings: StationSettings;
  actorId: number;
  permissions: readonly Permission[];
  throttle: LoginThrottle;
}

/** The stock feature's view of a handler's context: the call's clock, settings and day, and who acts. */
export function stockCtx(ctx: HandlerContext): StockCtx {
  const actor = requireActor(ctx);
  return {
    db: ctx.db,
    now: ctx.now,
    today: ctx.today,
    settings: ctx.settings,
    actorId: actor.id,
    permissions: permissionsOf(actor.roles),
    throttle: ctx.throttle,
  };
}
