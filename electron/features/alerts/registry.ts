import type { AlertGroup, HandoverSection, Urgency } from '../../../shared/contract/alerts';
import type { StationSettings } from '../../../shared/contract/settings';
import type { Permission } from '../../../shared/domain/roles';
import type { DB } from '../../db/open';

/** What a feature's alerts and sections are computed from: one read of the station at one moment. */
export interface AlertContext {
  db: DB;
  now: number;
  today: string;
  settings: StationSettings;
  /** The caller, for alerts addressed to them (a case handed over to me). */
  actorId: number | null;
}

/**
 * A feature's alerts. One provider may yield several groups from one read (intake's five board alerts come from one
 * statement over the open stays). Groups with nothing in them may be left out. Only callers whose roles grant
 * `permission` see them.
 */
export interface AlertProvider {
  feature: string;
  permission: Permission;
  alerts(ctx: AlertContext, lines: number): AlertGroup[];
}

/** The shift a handover covers, on the main process's clock: from its start (inclusive) to the moment it is compiled (inclusive). */
export interface ShiftWindow {
  from: number;
  to: number;
}

/** A feature's sections of the shift handover, compiled from live data (the handover never knows the features). */
export interface HandoverSectionProvider {
  feature: string;
  sections(ctx: AlertContext, window: ShiftWindow): HandoverSection[];
}

/**
 * The alerts and handover sections the features registered in electron/features/index.ts give the others: the
 * board and the header read `alerts`, the shift handover compiles `handoverSections`. The features that read them
 * never import the features that give them. Part of the whole registry (../registry.ts), and all that a demo
 * section's handovers need of it.
 */
export interface AlertRegistry {
  alerts: readonly AlertProvider[];
  handoverSections: readonly HandoverSectionProvider[];
}

const ORDER: Record<Urgency, number> = { urgent: 0, warning: 1, notice: 2 };

/** Every alert the permissions allow, most urgent first (in registration order within an urgency). */
export function collectAlerts(providers: readonly AlertProvider[], ctx: AlertContext, permissions: readonly Permission[], lines: number): AlertGroup[] {
  return providers
    .filter((p) => permissions.includes(p.permission))
    .flatMap((p) => p.alerts(ctx, lines))
    .filter((g) => g.count > 0)
    .map((g, i) => ({ g, i }))
    .sort(
      (a, b) =>
        ORDER[a.g.urgency] - ORDER[b.g.urgency] ||
        // Stryker disable next-line ArithmeticOperator: `a.i + b.i` is positive for any two groups, which V8's stable sort takes as "keep them as they are": registration order within an urgency stays (checked on 2,000 random groups)
        a.i - b.i,
    )
    .map(({ g }) => g);
}

/** The handover's sections, feature by feature in registration order. */
export function compileSections(providers: readonly HandoverSectionProvider[], ctx: AlertContext, window: ShiftWindow): HandoverSection[] {
  if (!(window.from < window.to)) throw new Error(`a shift window runs forwards: ${window.from} → ${window.to}`);
  return providers.flatMap((p) => p.sections(ctx, window));
}

/** A group from a feature's full list of lines: the count is the whole list, the lines its first `lines`. */
export function group(key: string, feature: string, urgency: Urgency, all: AlertGroup['lines'], lines: number): AlertGroup {
  return { key, feature, urgency, count: all.length, lines: all.slice(0, lines) };
}
