/**
 * Intake's section of a generated station (the interface: demo/generate/section.ts): persons and their stays over
 * the period, from arrival to discharge, with beds, belongings, family search and services.
 * `demo`: about 60–120 persons whose latest visit is in the last fortnight, some 15–30 in the station now.
 * `bench`: at least 200,000 persons and 500,000 stays over ten years, in a big city station's beds.
 */
import { OPEN_STAY_SQL } from '../../../../shared/domain/stay';
import type { DB } from '../../../db/open';
import { cached } from '../../../db/statements';
import type { DemoEnv, DemoSection } from '../../demo/generate/section';
import { addBeds, zoneRules, type ZoneRow } from '../zones';
import { IntakeBulkWriter } from './bulk-writer';
import type { Op, ZonePlan } from './ops';
import { IntakePlanner } from './planner';
import { IntakeServiceWriter } from './service-writer';
import { SIZES, planVisits } from './visits';

export interface IntakeDemoReport extends Record<string, number> {
  persons: number;
  stays: number;
  /** Stays still open at `now` (registered, in the station, at hospital). */
  open: number;
  inStation: number;
  withBed: number;
  events: number;
}

export const intakeDemo: DemoSection<Op, IntakeDemoReport> = {
  feature: 'intake',

  setup(env) {
    addStationBeds(env.db, SIZES[env.size].beds);
  },

  plan(env, emit, tick) {
    const visits = planVisits(SIZES[env.size], env.size, env.days, env.now, env.seed, env.settings.timeZone);
    new IntakePlanner(env, emit, loadZones(env.db), visits).run(tick);
  },

  services: (env) => new IntakeServiceWriter(env),
  bulk: (env) => new IntakeBulkWriter(env),

  report({ db }: DemoEnv): IntakeDemoReport {
    const n = (sql: string) => (cached(db, sql).get() as { n: number }).n;
    return {
      persons: n('SELECT count(*) AS n FROM persons'),
      stays: n('SELECT count(*) AS n FROM stays'),
      open: n(`SELECT count(*) AS n FROM stays WHERE status IN ${OPEN_STAY_SQL}`),
      inStation: n("SELECT count(*) AS n FROM stays WHERE status = 'in_station'"),
      withBed: n('SELECT count(*) AS n FROM bed_assignments WHERE to_at IS NULL'),
      events: n('SELECT count(*) AS n FROM stay_events'),
    };
  },
};

/** The benchmark's big station: more beds in the standard zones, through the zone settings' service. */
function addStationBeds(db: DB, extra: Partial<Record<string, number>>): void {
  const prefix: Record<string, string> = { men: '男', women: '女', minors: '少', elderly: '老', medical: '医' };
  for (const [code, n] of Object.entries(extra)) {
    const zone = cached(db, 'SELECT id FROM zones WHERE code = ?').get(code) as { id: number } | undefined;
    if (!zone || !n) continue;
    const have = (cached(db, 'SELECT count(*) AS n FROM beds WHERE zone_id = ?').get(zone.id) as { n: number }).n;
    addBeds(
      db,
      zone.id,
      Array.from({ length: n }, (_, i) => `${prefix[code] ?? code}-${String(have + i + 1).padStart(2, '0')}`),
    );
  }
}

/** The active zones and beds, each bed free (-1) until the planner places someone in it. */
function loadZones(db: DB): ZonePlan[] {
  const zones = cached(db, 'SELECT * FROM zones WHERE active = 1 ORDER BY sort, id').all() as ZoneRow[];
  const beds = cached(db, 'SELECT id, zone_id, label FROM beds WHERE active = 1 ORDER BY label').all() as { id: number; zone_id: number; label: string }[];
  return zones.map((z) => ({ ...zoneRules(z), beds: beds.filter((b) => b.zone_id === z.id).map((b) => ({ id: b.id, label: b.label, stay: -1 })) }));
}
