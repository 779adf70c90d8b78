/**
 * Every feature of the main process, once: its handlers (checked by the compiler against the whole contract in
 * electron/core.ts), the alerts it puts on the board and in the header, and its sections of the shift handover.
 * A new module adds its folder and one entry here (and its contract's line in shared/contract/index.ts); the
 * dispatcher, the alert registry and the handover follow from it. The order is the board's and the handover's.
 */
import { authHandlers } from './accounts/auth-procedures';
import { accountsHandlers } from './accounts/procedures';
import { alertsHandlers } from './alerts/procedures';
import type { AlertProvider, FeatureRegistry, HandoverSectionProvider } from './alerts/registry';
import { auditHandlers } from './audit/procedures';
import { backupHandlers } from './backup/procedures';
import { exportHandlers } from './export/procedures';
import { handoverHandlers } from './handover/procedures';
import { intakeAlerts, intakeHandoverSections } from './intake/alerts';
import { intakeHandlers } from './intake/procedures';
import { peopleHandlers } from './people/procedures';
import { dutyAlerts, dutyHandoverSections, rosterAlerts } from './roster/alerts';
import { patrolHandlers, rosterHandlers } from './roster/procedures';
import { settingsHandlers } from './settings/procedures';
import { setupHandlers } from './setup/procedures';
import { stockAlerts, stockHandoverSections } from './stock/alerts';
import { stockHandlers } from './stock/procedures';

export interface MainFeature<H extends object = object> {
  key: string;
  handlers: H;
  alerts?: readonly AlertProvider[];
  handoverSections?: readonly HandoverSectionProvider[];
}

/** Keeps each entry's own handler type, so that core.ts can check their union against the contract. */
const feature = <H extends object>(f: MainFeature<H>): MainFeature<H> => f;

export const MAIN_FEATURES = [
  feature({ key: 'setup', handlers: setupHandlers }),
  feature({ key: 'auth', handlers: authHandlers }),
  feature({ key: 'accounts', handlers: accountsHandlers }),
  feature({ key: 'audit', handlers: auditHandlers }),
  feature({ key: 'settings', handlers: settingsHandlers }),
  feature({ key: 'people', handlers: peopleHandlers }),
  feature({ key: 'intake', handlers: intakeHandlers, alerts: [intakeAlerts], handoverSections: [intakeHandoverSections] }),
  feature({ key: 'backup', handlers: backupHandlers }),
  feature({ key: 'alerts', handlers: alertsHandlers }),
  feature({ key: 'export', handlers: exportHandlers }),
  feature({ key: 'roster', handlers: { ...rosterHandlers, ...patrolHandlers }, alerts: [dutyAlerts, rosterAlerts], handoverSections: [dutyHandoverSections] }),
  feature({ key: 'handover', handlers: handoverHandlers }),
  feature({ key: 'stock', handlers: stockHandlers, alerts: [stockAlerts], handoverSections: [stockHandoverSections] }),
] as const;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** Every registered handler, as one object type: core.ts assigns it to `Handlers<ProcedureName>`, so a gap does not build. */
export type RegisteredHandlers = UnionToIntersection<(typeof MAIN_FEATURES)[number]['handlers']>;

/**
 * The features' handlers as one table. A procedure given by two features is a wiring mistake the compiler cannot
 * see (the later would silently win): it stops the start.
 */
export function handlersOf(features: readonly MainFeature[]): RegisteredHandlers {
  const all: Record<string, unknown> = {};
  for (const f of features) {
    for (const [name, handler] of Object.entries(f.handlers)) {
      if (name in all) throw new Error(`${name} is handled by two features (the second: ${f.key})`);
      all[name] = handler;
    }
  }
  return all as RegisteredHandlers;
}

/** What the features give each other, in registration order. */
export function registryOf(features: readonly MainFeature[]): FeatureRegistry {
  return {
    alerts: features.flatMap((f) => f.alerts ?? []),
    handoverSections: features.flatMap((f) => f.handoverSections ?? []),
  };
}

export const FEATURE_REGISTRY: FeatureRegistry = registryOf(MAIN_FEATURES);
