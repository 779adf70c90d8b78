import type { alertsContract } from '../../../shared/contract/alerts';
import { permissionsOf } from '../../../shared/domain/roles';
import { requireActor, type HandlerContext, type Handlers } from '../../rpc/context';
import { collectAlerts, type AlertContext } from './registry';

export function alertContext(ctx: HandlerContext): AlertContext {
  // Stryker disable next-line OptionalChaining: alerts.list is a 'user' procedure, so the dispatcher always gives it an actor
  return { db: ctx.db, now: ctx.now, today: ctx.today, settings: ctx.settings, actorId: ctx.actor?.id ?? null };
}

export const alertsHandlers: Handlers<keyof typeof alertsContract> = {
  'alerts.list': (input, ctx) => collectAlerts(ctx.features.alerts, alertContext(ctx), permissionsOf(requireActor(ctx).roles), input.lines),
};
