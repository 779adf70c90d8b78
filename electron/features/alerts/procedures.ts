import type { alertsContract } from '../../../shared/contract/alerts';
import { permissionsOf } from '../../../shared/domain/roles';
import { stationDay } from '../../../shared/domain/time';
import { requireActor, type HandlerContext, type Handlers } from '../../rpc/context';
import { readSettings } from '../settings/service';
import { ALERT_PROVIDERS } from './providers';
import { collectAlerts, type AlertContext } from './registry';

export function alertContext(ctx: HandlerContext): AlertContext {
  const settings = readSettings(ctx.db);
  return { db: ctx.db, now: ctx.now, today: stationDay(ctx.now, settings.timeZone), settings, actorId: ctx.actor?.id ?? null };
}

export const alertsHandlers: Handlers<keyof typeof alertsContract> = {
  'alerts.list': (input, ctx) => collectAlerts(ALERT_PROVIDERS, alertContext(ctx), permissionsOf(requireActor(ctx).roles), input.lines),
};
