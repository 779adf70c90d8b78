/**
 * One feature's part of a generated station. The generator (../generate.ts) sets up the accounts, then runs each
 * registered section in turn (the registry's `demoSections`): the section simulates its feature over the period in
 * time order and hands every step (an "op") to a writer. There are two writers of the same ops:
 * - `services`, for the demo station: each op through the feature's checked service functions, as the desk would
 *   (the whole demo in one transaction);
 * - `bulk`, for the benchmark's ten-year station: each op through the row writers beneath those services, without
 *   the checks (the plan already obeys them), in big transactions. tests/core/demo/generate.test.ts runs one plan
 *   through both and compares every table, so the two can never drift apart.
 *
 * A new module adds a folder `electron/features/<feature>/demo/` with its section, and gives it as `demo` in its
 * entry in electron/features/index.ts. The sections run in registration order, except that a section runs after the
 * ones it names in `after` (./order.ts). Its randomness comes from `new Rng(seedOf(env.seed, <stream>, …))` with a
 * stream number of its own (intake uses 1–3), so adding a section never changes what another one generates.
 */
import type { StationSettings } from '../../../../shared/contract/settings';
import type { DB } from '../../../db/open';
import type { AlertRegistry } from '../../alerts/registry';
import type { StationSize } from './data';
import type { Calendar } from './time';

/** What the generator gives every section. */
export interface DemoEnv {
  db: DB;
  size: StationSize;
  seed: number;
  /** The station's "now": nothing happens after it; what is still open at this instant is the living station. */
  now: number;
  /** The simulated period, in days before `now` (a fortnight for the demo, ten years for the benchmark). */
  days: number;
  settings: StationSettings;
  /** The registered features' alerts and handover sections (what a handover written through the services compiles). */
  features: AlertRegistry;
  /** The accounts on duty, by role (./staff.ts: who is at the desk at a given time). */
  staff: Staff;
  /** Every account's display name, by id (what a service would look up when it records who acted). */
  names: ReadonlyMap<number, string>;
  /** Station-calendar days of instants, computed once for the period. */
  calendar: Calendar;
}

/**
 * The station's staff as the sections use them (./staff.ts creates them and says who is on duty when). Declared here,
 * not there, because staff.ts writes accounts through the accounts service, and this interface reaches the call
 * context (through the registry's demo sections), which that service reads: the import would close a circle.
 */
export interface Staff {
  desk: { id: number; name: string }[];
  leaders: { id: number; name: string }[];
  outreach: string[];
  admin: { id: number; name: string };
  /** 08:00 on the day of `now`: shifts of twelve hours are counted from here. */
  dayZero: number;
}

/** Applies a section's ops to the database. */
export interface DemoWriter<Op> {
  apply(op: Op): void;
  /** Before each commit of the bulk path: write what was held back for batching (e.g. search index rows). */
  flush?(): void;
}

export interface DemoSection<Op, Report extends Record<string, number> = Record<string, number>> {
  /** The feature, as its folder is named. */
  readonly feature: string;
  /**
   * The features whose sections must have run before this one, because it reads what they wrote (duty's handovers
   * compile the stays and the stock). Named as their `feature`; the generator refuses an unknown name or a circle.
   */
  readonly after?: readonly string[];
  /** Before planning, in the setup transaction: the feature's fixed data for this size of station (beds, stores …). */
  setup?(env: DemoEnv): void;
  /**
   * Simulates the feature over the period and hands each step, in time order, to `emit`. Calls `tick(done, total)`
   * after each unit of work (an arrival, a day): the generator commits the bulk path every so many ticks, between
   * units, and reports progress.
   */
  plan(env: DemoEnv, emit: (op: Op) => void, tick: (done: number, total: number) => void): void;
  /** The demo's writer: the feature's checked service functions. */
  services(env: DemoEnv): DemoWriter<Op>;
  /** The benchmark's writer: the same rows through the services' row writers, without the checks. */
  bulk(env: DemoEnv): DemoWriter<Op>;
  /** The section's counts, read from what was written, for the generator's report and its audit row. */
  report(env: DemoEnv): Report;
}

/** A section of any feature, whatever its ops and counts (the generator hands each section's ops to its own writer). */
export type AnyDemoSection = DemoSection<unknown>;

/** The period and the commit size of each size of station (the sections have their own settings per size). */
export const STATION_SIZES: Record<StationSize, { days: number; chunk: number }> = {
  demo: { days: 14, chunk: Infinity },
  bench: { days: 3652, chunk: 25_000 },
};
