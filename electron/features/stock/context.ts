import type { StationSettings } from '../../../shared/contract/settings';
import { permissionsOf, type Permission } from '../../../shared/domain/roles';
import { stationDay } from '../../../shared/domain/time';
import type { DB } from '../../db/open';
import type { LoginThrottle } from '../accounts/throttle';
import { readSettings } from '../settings/service';
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

/**
 * The one place the stock feature reads settings and "today" for a call (HandlerContext will carry both soon; then
 * this is where to swap).
 */
export function stockCtx(ctx: HandlerContext): StockCtx {
  const settings = readSettings(ctx.db);
  const actor = requireActor(ctx);
  return {
    db: ctx.db,
    now: ctx.now,
    today: stationDay(ctx.now, settings.timeZone),
    settings,
    actorId: actor.id,
    permissions: permissionsOf(actor.roles),
    throttle: ctx.throttle,
  };
}
