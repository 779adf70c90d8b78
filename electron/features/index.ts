/**
 * Every feature of the main process, once: its handlers (checked by the compiler against the whole contract in
 * electron/core.ts), the alerts it puts on the board and in the header, its sections of the shift handover, and its
 * section of a generated station (the demo and the benchmark's ten-year station).
 * A new module adds its folder and one entry here (and its contract's line in shared/contract/index.ts); the
 * dispatcher, the alert registry, the handover and the generator follow from it. The order is the board's and the
 * handover's; the generator runs the demo sections in the order their `after` asks (demo/generate/order.ts).
 */
import { authHandlers } from './accounts/auth-procedures';
import { accountsHandlers } from './accounts/procedures';
import { alertsHandlers } from './alerts/procedures';
import type { AlertProvider, HandoverSectionProvider } from './alerts/registry';
import { auditHandlers } from './audit/procedures';
import { backupHandlers } from './backup/procedures';
import { runOrder } from './demo/generate/order';
import type { AnyDemoSection } from './demo/generate/section';
import { exportHandlers } from './export/procedures';
import { handoverHandlers } from './handover/procedures';
import { intakeAlerts, intakeHandoverSections } from './intake/alerts';
import { intakeDemo } from './intake/demo';
import { intakeHandlers } from './intake/procedures';
import { peopleHandlers } from './people/procedures';
import type { FeatureRegistry } from './registry';
import { dutyAlerts, dutyHandoverSections, rosterAlerts } from './roster/alerts';
import { dutyDemo } from './roster/demo';
import { patrolHandlers, rosterHandlers } from './roster/procedures';
import { settingsHandlers } from './settings/procedures';
import { setupHandlers } from './setup/procedures';
import { stockAlerts, stockHandoverSections } from './stock/alerts';
import { stockDemo } from './stock/demo';
import { stockHandlers } from './stock/procedures';

export interface MainFeature<H extends object = object, D extends AnyDemoSection = AnyDemoSection> {
  key: string;
  handlers: H;
  alerts?: readonly AlertProvider[];
  handoverSections?: readonly HandoverSectionProvider[];
  /** Its section of a generated station; its `feature` is this entry's key. */
  demo?: D;
}

/**
 * Keeps each entry's own handler and demo section types, so that core.ts can check the handlers' union against the
 * contract and the generator's report has every section's counts.
 */
const feature = <H extends object, D extends AnyDemoSection = never>(f: MainFeature<H, D>): MainFeature<H, D> => f;

export const MAIN_FEATURES = [
  feature({ key: 'setup', handlers: setupHandlers }),
  feature({ key: 'auth', handlers: authHandlers }),
  feature({ key: 'accounts', handlers: accountsHandlers }),
  feature({ key: 'audit', handlers: auditHandlers }),
  feature({ key: 'settings', handlers: settingsHandlers }),
  feature({ key: 'people', handlers: peopleHandlers }),
  feature({ key: 'intake', handlers: intakeHandlers, alerts: [intakeAlerts], handoverSections: [intakeHandoverSections], demo: intakeDemo }),
  feature({ key: 'backup', handlers: backupHandlers }),
  feature({ key: 'alerts', handlers: alertsHandlers }),
  feature({ key: 'export', handlers: exportHandlers }),
  feature({
    key: 'roster',
    handlers: { ...rosterHandlers, ...patrolHandlers },
    alerts: [dutyAlerts, rosterAlerts],
    handoverSections: [dutyHandoverSections],
    demo: dutyDemo,
  }),
  feature({ key: 'handover', handlers: handoverHandlers }),
  feature({ key: 'stock', handlers: stockHandlers, alerts: [stockAlerts], handoverSections: [stockHandoverSections], demo: stockDemo }),
] as const;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** Every registered handler, as one object type: core.ts assigns it to `Handlers<ProcedureName>`, so a gap does not build. */
export type RegisteredHandlers = UnionToIntersection<(typeof MAIN_FEATURES)[number]['handlers']>;

declare module './registry' {
  /** The registered demo sections' types, for the generator's report (./registry.ts says why it is filled in here). */
  interface Registered {
    demoSection: NonNullable<(typeof MAIN_FEATURES)[number]['demo']>;
  }
}

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

/**
 * What the features give each other, in registration order. Demo sections that cannot be ordered (an `after` naming
 * no registered section, or a circle) are a wiring mistake: they stop the start, not the first demo load.
 */
export function registryOf<F extends MainFeature>(features: readonly F[]): FeatureRegistry<NonNullable<F['demo']>> {
  const demoSections = features.flatMap((f) => (f.demo ? [f.demo as NonNullable<F['demo']>] : []));
  runOrder(demoSections);
  return {
    alerts: features.flatMap((f) => f.alerts ?? []),
    handoverSections: features.flatMap((f) => f.handoverSections ?? []),
    demoSections,
  };
}

export const FEATURE_REGISTRY: FeatureRegistry = registryOf(MAIN_FEATURES);
