import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { FEATURE_REGISTRY } from '../../../electron/features';
import { openDatabase } from '../../../electron/db/open';
import { generateWith, type GenerateReport } from '../../../electron/features/demo/generate';
import { runOrder } from '../../../electron/features/demo/generate/order';
import { intakeDemo } from '../../../electron/features/intake/demo';
import { dutyDemo } from '../../../electron/features/roster/demo';
import { stockDemo } from '../../../electron/features/stock/demo';
import { tempDirs } from '../helpers';

/** The order the generator runs the registered demo sections in (electron/features/demo/generate/order.ts). */
const NOW = Date.UTC(2026, 6, 20, 7, 0);
const dirs = tempDirs();
afterAll(dirs.cleanUp);

const s = (feature: string, ...after: string[]) => ({ feature, after });
const order = (...sections: { feature: string; after: string[] }[]) => runOrder(sections).map((x) => x.feature);

describe('the demo sections’ run order', () => {
  it('is registration order where no section names another', () => {
    expect(order(s('c'), s('a'), s('b'))).toEqual(['c', 'a', 'b']);
  });

  it('runs a section after the ones it names, even when it is registered before them', () => {
    expect(order(s('b', 'a'), s('a'))).toEqual(['a', 'b']);
    // As registered: roster (duty) before stock, and duty reads what intake and stock wrote.
    expect(order(s('intake'), s('roster', 'intake', 'stock'), s('stock', 'intake'))).toEqual(['intake', 'stock', 'roster']);
  });

  it('moves a waiting section no later than its last need, and no other section at all', () => {
    expect(order(s('a'), s('b', 'c'), s('c'), s('d'))).toEqual(['a', 'c', 'b', 'd']);
    expect(order(s('a'), s('b', 'd'), s('c'), s('d'))).toEqual(['a', 'c', 'd', 'b']);
  });

  it('refuses a name that no section has, naming both', () => {
    expect(() => order(s('a', 'x'), s('b'))).toThrow('the demo section of a runs after x, which has no demo section registered');
    expect(order(s('a', 'b'), s('b'))).toEqual(['b', 'a']);
  });

  it('refuses a circle, naming only the sections in it', () => {
    expect(() => order(s('a', 'b'), s('b', 'a'))).toThrow('the demo sections wait on each other in a circle: a → b → a');
    expect(() => order(s('x', 'a'), s('a', 'c'), s('b', 'a'), s('c', 'b'), s('y'))).toThrow('in a circle: a → c → b → a');
    expect(() => order(s('a', 'a'))).toThrow('the demo section of a runs after itself');
  });

  it('refuses two sections of one feature (which one runs after it would be a guess)', () => {
    expect(() => order(s('a'), s('b'), s('a'))).toThrow('two demo sections for the feature a');
  });
});

describe('the generator', () => {
  const TABLES = ['persons', 'stays', 'stay_events', 'stock_movements', 'stock_issues', 'patrol_rounds', 'handovers', 'audit_log'];
  const rows = (db: Database.Database) => Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT * FROM ${t}`).all() as object[]).map((r) => JSON.stringify(r)).sort()]));
  const count = (db: Database.Database, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

  /** The report's keys as its type names them, in run order (the `dev.generate` audit row records them so). */
  const REGISTERED: (keyof GenerateReport)[] = [
    ...(['size', 'seed', 'now', 'usersCreated'] as const),
    ...(['persons', 'stays', 'open', 'inStation', 'withBed', 'events'] as const),
    ...(['stockItems', 'stockBatches', 'stockMovements', 'stockIssues', 'fundCharges'] as const),
    ...(['rosterAssignments', 'patrolRounds', 'incidents', 'handovers', 'signedHandovers'] as const),
    'ms',
  ];

  it('runs the sections by what they need, whatever their registration order, and reports each one’s counts', () => {
    const gen = (demoSections: typeof FEATURE_REGISTRY.demoSections) => {
      const { db } = openDatabase(dirs.fresh());
      const report = generateWith(db, { size: 'demo', now: NOW, seed: 3, features: { ...FEATURE_REGISTRY, demoSections } }, 'bulk');
      // Typed by the registered sections: a count no section declares would read as `number | undefined` here.
      const declared: number[] = [report.persons, report.stockItems, report.signedHandovers];
      const out = { keys: Object.keys(report), declared, rows: rows(db) };
      db.close();
      return out;
    };
    const registered = gen(FEATURE_REGISTRY.demoSections);
    expect(registered.rows.handovers!.length).toBeGreaterThan(0);
    expect(registered.keys).toEqual(REGISTERED);
    expect(registered.declared).toEqual([registered.rows.persons!.length, expect.any(Number), registered.rows.handovers!.length]);
    expect(gen([dutyDemo, stockDemo, intakeDemo])).toEqual(registered);
  });

  it('runs only the sections it is given, and counts only theirs', () => {
    const { db } = openDatabase(dirs.fresh());
    const report = generateWith(db, { size: 'demo', now: NOW, seed: 3, features: { ...FEATURE_REGISTRY, demoSections: [intakeDemo] } }, 'bulk');
    expect(report.stays).toBe(count(db, 'stays'));
    expect(report.stays).toBeGreaterThan(0);
    // @ts-expect-error: intake's section alone declares no stock counts, and the report's type says so
    const stockItems: number = report.stockItems;
    expect([stockItems, 'handovers' in report]).toEqual([undefined, false]);
    expect([count(db, 'stock_items'), count(db, 'roster_assignments'), count(db, 'handovers')]).toEqual([0, 0, 0]);
    db.close();
  });

  it('refuses sections it cannot order before it writes anything', () => {
    const { db } = openDatabase(dirs.fresh());
    expect(() => generateWith(db, { size: 'demo', now: NOW, seed: 3, features: { ...FEATURE_REGISTRY, demoSections: [stockDemo, dutyDemo] } }, 'bulk')).toThrow(
      'the demo section of stock runs after intake, which has no demo section registered',
    );
    expect(count(db, 'users')).toBe(0);
    db.close();
  });
});
