/**
 * Duty's section of a generated station (the interface: demo/generate/section.ts): published weekly rosters, patrol
 * rounds, incidents and signed shift handovers (./planner.ts). It runs after intake and stock, so the handovers
 * compile what those sections wrote.
 * `demo`: a fortnight, every shift handed over and signed but the last, a few rounds missed.
 * `bench`: ten years: some 520 published weeks, about 55,000 rounds and 7,000 signed handovers.
 */
import { cached } from '../../../db/statements';
import type { DemoEnv, DemoSection } from '../../demo/generate/section';
import type { Op } from './ops';
import { DutyPlanner } from './planner';
import { DutyBulkWriter, DutyServiceWriter } from './writers';

export interface DutyDemoReport extends Record<string, number> {
  rosterAssignments: number;
  patrolRounds: number;
  incidents: number;
  handovers: number;
  signedHandovers: number;
}

export const dutyDemo: DemoSection<Op, DutyDemoReport> = {
  feature: 'roster',
  /** The handovers compile what intake and stock wrote. */
  after: ['intake', 'stock'],
  plan: (env, emit, tick) => new DutyPlanner(env, emit).run(tick),
  services: (env) => new DutyServiceWriter(env),
  bulk: (env) => new DutyBulkWriter(env),
  report({ db }: DemoEnv): DutyDemoReport {
    const n = (sql: string) => (cached(db, sql).get() as { n: number }).n;
    return {
      rosterAssignments: n('SELECT count(*) AS n FROM roster_assignments'),
      patrolRounds: n('SELECT count(*) AS n FROM patrol_rounds'),
      incidents: n('SELECT count(*) AS n FROM incidents'),
      handovers: n('SELECT count(*) AS n FROM handovers'),
      signedHandovers: n("SELECT count(DISTINCT entity_id) AS n FROM signatures WHERE entity = 'handover'"),
    };
  },
};
