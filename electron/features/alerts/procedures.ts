import type { alertsContract } from '../../../shared/contract/alerts';
import { permissionsOf } from '../../../shared/domain/roles';
import { requireActor, type HandlerContext, type Handlers } from '../../rpc/context';
import { ALERT_PROVIDERS } from './providers';
import { collectAlerts, type AlertContext } from './registry';

export function alertContext(ctx: HandlerContext): AlertContext {
  return { db: ctx.db, now: ctx.now, today: ctx.today, settings: ctx.settings, actorId: ctx.actor?.id ?? null };
}

export const alertsHandlers: Handlers<keyof typeof alertsContract> = {
  'alerts.list': (input, ctx) => collectAlerts(ALERT_PROVIDERS, alertContext(ctx), permissionsOf(requireActor(ctx).roles), input.lines),
};
