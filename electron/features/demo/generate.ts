/**
 * Development data: a realistic relief station (DOMAIN §1), for the demo ("load a demo station", `--demo`)
 * and for the benchmark's ten-year station. Plain Node: no electron import.
 *
 * The station is built by sections, one per feature (the interface and the two writers: generate/section.ts), given
 * as the registry's `demoSections` (each feature registers its own in electron/features/index.ts). This file sets up
 * the accounts, runs each section, in the order of generate/order.ts, through the writer of the size (`services` for
 * the demo, `bulk` for the benchmark) and records one audit row (`dev.generate`). The shared parts
 * are in generate/: random.ts (seeded randomness), data.ts (names, places, units), time.ts (agenda and calendar),
 * staff.ts (the accounts, and who is on duty when).
 *
 * The generator fills a station that has no persons yet. It creates the accounts when there are none
 * (admin `admin` and staff, password `Demo-pass-1`).
 */
import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { appendAudit } from '../audit/chain';
import { readSettings } from '../settings/service';
import { DAY, DEMO_PASSWORD, DEMO_STATION_NAME, type StationSize } from './generate/data';
import { runOrder } from './generate/order';
import { STATION_SIZES, type AnyDemoSection, type DemoEnv, type DemoSection, type DemoWriter } from './generate/section';
import { displayNames, ensureStaff } from './generate/staff';
import { Calendar } from './generate/time';
import type { FeatureRegistry, RegisteredDemoSection } from '../registry';

export { DEMO_PASSWORD, DEMO_STATION_NAME, type StationSize };

export interface GenerateOptions<D extends AnyDemoSection = RegisteredDemoSection> {
  size: StationSize;
  /** The station's "now": open stays are the ones still running at this instant. */
  now: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * What the registered features give each other (electron/features/index.ts): the generator runs its demo sections,
   * the handovers compile its handover sections.
   */
  features: FeatureRegistry<D>;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** The sections' counts, side by side (intake's: persons, stays, open, inStation, withBed, events; stock's; duty's). */
export type SectionCounts<D extends AnyDemoSection = RegisteredDemoSection> = UnionToIntersection<ReturnType<D['report']>>;

/** Typed by the sections given: by default the registered ones (electron/features/registry.ts). */
export type GenerateReport<D extends AnyDemoSection = RegisteredDemoSection> = { size: StationSize; seed: number; now: number; usersCreated: string[] } &
  SectionCounts<D> & { ms: number };

/** Bumped whenever the generated data changes, so cached benchmark stations are rebuilt. */
export const GENERATOR_VERSION = 3;

export function generateStation<D extends AnyDemoSection = RegisteredDemoSection>(db: DB, opts: GenerateOptions<D>): GenerateReport<D> {
  return generateWith(db, opts, opts.size === 'demo' ? 'services' : 'bulk');
}

/** The same, with the writer chosen (the tests run one plan through both). */
export function generateWith<D extends AnyDemoSection = RegisteredDemoSection>(
  db: DB,
  opts: GenerateOptions<D>,
  writerKind: 'services' | 'bulk',
): GenerateReport<D> {
  const started = Date.now();
  const seed = opts.seed ?? 20_260_720;
  const { days, chunk } = STATION_SIZES[opts.size];
  const sections = runOrder(opts.features.demoSections);
  if (cached(db, 'SELECT 1 FROM persons LIMIT 1').get()) {
    throw new AppError('CONFLICT', 'This station already has people registered; demo data goes into an empty station only.');
  }
  const { env, created } = db
    .transaction(() => {
      const made = ensureStaff(db, opts.now);
      const settings = readSettings(db); // as the accounts' setup left them (it may have named the station)
      const env: DemoEnv = {
        db,
        size: opts.size,
        seed,
        now: opts.now,
        days,
        settings,
        features: opts.features,
        staff: made.staff,
        names: displayNames(db),
        calendar: new Calendar(settings.timeZone, opts.now - (days + 1) * DAY, opts.now + 120 * DAY),
      };
      for (const section of sections) section.setup?.(env);
      return { env, created: made.created };
    })
    .immediate();

  // Each section has its own Op type; the loop only hands a section's ops to that section's writer.
  for (const section of sections) {
    if (writerKind === 'services') db.transaction(() => runSection(env, section, section.services(env), opts.onProgress)).immediate();
    else bulkLoad(db, () => runSection(env, section, section.bulk(env), opts.onProgress, chunk));
  }

  const counts = sections.map((s) => s.report(env));
  const report = Object.assign({ size: opts.size, seed, now: opts.now, usersCreated: created }, ...counts, { ms: 0 }) as GenerateReport<D>;
  db.transaction(() => {
    const { ms: _ms, ...recorded } = report;
    appendAudit(db, {
      at: opts.now,
      actorId: env.staff.admin.id,
      actorName: env.staff.admin.name,
      procedure: 'dev.generate',
      entity: 'station',
      entityId: 'station',
      before: null,
      after: { generator: GENERATOR_VERSION, ...recorded },
    });
  }).immediate();
  report.ms = Date.now() - started;
  return report;
}

/**
 * Plans one section and writes its ops. On the bulk path (`chunk` finite) the open transaction is committed every
 * `chunk` units of the plan, after the writer has flushed what it held back.
 */
function runSection<Op>(
  env: DemoEnv,
  section: DemoSection<Op>,
  writer: DemoWriter<Op>,
  onProgress: GenerateOptions['onProgress'],
  chunk = Infinity,
): void {
  let sinceCommit = 0;
  section.plan(
    env,
    (op) => writer.apply(op),
    (done, total) => {
      if (++sinceCommit >= chunk) {
        writer.flush?.();
        env.db.exec('COMMIT');
        env.db.exec('BEGIN');
        sinceCommit = 0;
      }
      if (onProgress && (done % 1000 === 0 || done === total)) onProgress(done, total);
    },
  );
  writer.flush?.();
}

/** A bulk load: one open transaction committed in chunks, a big page cache (random-order index inserts) and no fsync per chunk; both restored after. */
function bulkLoad(db: DB, load: () => void): void {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  db.pragma('synchronous = OFF');
  try {
    db.exec('BEGIN');
    load();
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`synchronous = ${synchronous}`);
  }
}
