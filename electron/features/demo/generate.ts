/**
 * Development data: a realistic relief station (DOMAIN §1), for the demo ("load a demo station", `--demo`)
 * and for the benchmark's ten-year station. Plain Node: no electron import.
 *
 * One planner simulates the station in time order (arrivals, triage, beds, belongings, family search,
 * extensions, discharges) and hands each step to a writer:
 * - `services` (the demo): the real service functions (register, writePerson, triage, assignBed, discharge …);
 *   only the two co-signed steps (safety check, custody) use the same inserts as the services without the
 *   witness's password check;
 * - `bulk` (the benchmark): prepared statements in big transactions that write the SAME rows — a test runs one
 *   plan through both writers and compares every table.
 *
 * Its parts, in generate/ beside this file: random.ts (seeded randomness), data.ts (names, places, units), plan.ts
 * (the planner), writers.ts (the two writers), staff.ts (accounts and beds); this file runs them.
 *
 * The generator fills a station that has no persons yet. It creates the accounts when there are none
 * (admin `admin` and staff, password `Demo-pass-1`), and writes one audit row (`dev.generate`).
 */
import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import { appendAudit } from '../audit/chain';
import { readSettings } from '../settings/service';
import { DAY, DEMO_PASSWORD, DEMO_STATION_NAME, type StationSize } from './generate/data';
import { Calendar, Planner, SIZES, planVisits } from './generate/plan';

export { DEMO_PASSWORD, DEMO_STATION_NAME, type StationSize };
import { addStationBeds, ensureStaff, loadZones } from './generate/staff';
import { BulkWriter, ServiceWriter, type Writer, type WriterEnv } from './generate/writers';


export interface GenerateOptions {
  size: StationSize;
  /** The station's "now": open stays are the ones still running at this instant. */
  now: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateReport {
  size: StationSize;
  seed: number;
  now: number;
  usersCreated: string[];
  persons: number;
  stays: number;
  /** Stays still open at `now` (registered, in station, at hospital). */
  open: number;
  inStation: number;
  withBed: number;
  events: number;
  ms: number;
}

/** Bumped whenever the generated data changes, so cached benchmark stations are rebuilt. */
export const GENERATOR_VERSION = 2;



export function generateStation(db: DB, opts: GenerateOptions): GenerateReport {
  return generateWith(db, opts, opts.size === 'demo' ? 'services' : 'bulk');
}

/** The same, with the writer chosen (the tests run one plan through both). */
export function generateWith(db: DB, opts: GenerateOptions, writerKind: 'services' | 'bulk'): GenerateReport {
  const started = Date.now();
  const seed = opts.seed ?? 20_260_720;
  const cfg = SIZES[opts.size];
  if (db.prepare('SELECT 1 FROM persons LIMIT 1').get()) {
    throw new AppError('CONFLICT', 'This station already has people registered; demo data goes into an empty station only.');
  }
  const setup = db.transaction(() => {
    const s = ensureStaff(db, opts.now);
    addStationBeds(db, cfg.beds);
    return s;
  });
  const { staff, created } = setup.immediate();
  const settings = readSettings(db);
  const users = new Map((db.prepare('SELECT id, display_name FROM users').all() as { id: number; display_name: string }[]).map((u) => [u.id, u.display_name]));
  const visits = planVisits(cfg, opts.size, opts.now, seed, settings.timeZone);
  const env: WriterEnv = { db, settings, users, calendar: new Calendar(settings.timeZone, visits.at[0] ?? opts.now, opts.now + 120 * DAY) };

  const run = (writer: Writer) => {
    const planner = new Planner((op) => writer.apply(op), opts.now, seed, settings, staff, loadZones(db), visits, env.calendar);
    planner.run(opts.onProgress, cfg.chunk, () => writer.checkpoint());
    writer.finish();
    return planner;
  };
  let planner: Planner;
  if (writerKind === 'services') planner = db.transaction(() => run(new ServiceWriter(env))).immediate();
  else {
    // A bulk load: a big page cache (random-order index inserts) and no fsync per chunk; both restored after.
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    const synchronous = db.pragma('synchronous', { simple: true }) as number;
    db.pragma('cache_size = -262144');
    db.pragma('synchronous = OFF');
    try {
      planner = run(new BulkWriter(env));
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    } finally {
      db.pragma(`cache_size = ${cacheSize}`);
      db.pragma(`synchronous = ${synchronous}`);
    }
  }

  const open = [...planner.open.values()];
  const report: GenerateReport = {
    size: opts.size,
    seed,
    now: opts.now,
    usersCreated: created,
    persons: planner.counts.persons,
    stays: planner.counts.stays,
    open: open.length,
    inStation: open.filter((o) => o.status === 'in_station').length,
    withBed: open.filter((o) => o.bed).length,
    events: (db.prepare('SELECT count(*) AS n FROM stay_events').get() as { n: number }).n,
    ms: 0,
  };
  db.transaction(() => {
    const { ms: _ms, ...counts } = report;
    appendAudit(db, {
      at: opts.now,
      actorId: staff.admin.id,
      actorName: staff.admin.name,
      procedure: 'dev.generate',
      entity: 'station',
      entityId: 'station',
      before: null,
      after: { generator: GENERATOR_VERSION, ...counts },
    });
  }).immediate();
  report.ms = Date.now() - started;
  return report;
}
