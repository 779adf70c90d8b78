import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../electron/features/accounts/throttle';
import { verifyChain } from '../../../electron/features/audit/chain';
import { contract, procedureNames, type ProcedureName } from '../../../shared/contract';
import { ERROR_CODES } from '../../../shared/domain/result';
import { ROLES } from '../../../shared/domain/roles';
import { z } from 'zod';
import { checkCharacter } from '../../../shared/domain/idcard';
import type { Result } from '../../../shared/domain/result';
import { contentHash, expectFieldsOfInput, openStation, type TestStation } from '../helpers';
import { invariantViolations } from './invariants';
import { leavesOf } from './schema-paths';
import { validInputs } from '../samples';

/**
 * Property tests over the whole contract: every procedure, called with arbitrary input and with its valid
 * sample broken at exactly one field, answers with a well-formed Result, never throws, never reaches INTERNAL,
 * and a refused call (or any query) leaves the database as it was.
 *
 * Seeded: procedure i runs with seed FUZZ_SEED + i (arbitrary input) and FUZZ_SEED + i + 10000 (mutations); fast-check
 * prints the seed and the shrunk counterexample on failure. The procedures share one station in contract order
 * (what earlier runs created is state for later ones), so reproduce by running the whole file with the same
 * FUZZ_SEED and FUZZ_RUNS: `FUZZ_SEED=… FUZZ_RUNS=… npx vitest run tests/core/harness/fuzz.test.ts`. FUZZ_DEBUG=1 prints
 * each procedure's result codes, to see how deep the runs got.
 */
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20_260_720);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

const FUZZER = 'fuzzer';

type Key = string | number;
type Who = 'admin' | 'none';

// ---------------------------------------------------------------------------------------------------------
// Values: everything a transport can carry. IPC uses structured clone (NaN, BigInt, Date, Map, typed arrays,
// sparse arrays, boxed primitives…); the browser host's JSON.parse can give -0, Infinity (1e999), `__proto__` keys.

const ANYTHING = {
  maxDepth: 3,
  maxKeys: 5,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withObjectString: true,
  withUnicodeString: true,
} as const;

const oddNumber = fc.constantFrom(
  0, -0, -1, 1, 1.5, -1e-7, 240, 241, 201, 1_000_001, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308,
  Number.MIN_VALUE, Infinity, -Infinity, NaN,
);
const oddString = fc.constantFrom(
  '', ' ', '\t\n', '\u0000', 'a\u0000b', '\uD800', '\uDFFFx', '\u202Eadmin', 'ＡＤＭＩＮ', 'ﬁ', ' admin ', 'ADMIN', 'admin',
  'Admin-pass-1', 'Own-pass-22', 'Asia/Shanghai', 'UTC', 'Mars/Olympus', 'asia/shanghai', "' OR 1=1 --", '%', '_', '\\',
  '${x}', '<script>alert(1)</script>', '__proto__', 'constructor', '12345678', 'front_desk', 'accounts', 'settings.update',
);
const longString = fc
  .tuple(fc.constantFrom(2, 33, 41, 61, 65, 81, 129, 257, 5000, 100_000), fc.constantFrom('a', '字', '🧑‍🚒', ' ', '9', '.'))
  .map(([n, c]) => c.repeat(n));
/** A value of any type: what replaces one field of a valid sample. */
const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(ANYTHING),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  oddString,
  longString,
  oddNumber,
  fc.double(),
  fc.integer(),
  fc.bigInt(),
  fc.constantFrom(null, undefined, true, false, [], {}, [[]], { '': null }),
  fc.array(fc.anything(ANYTHING), { maxLength: 4 }),
);
/** Inserted into a string field's valid value: the field stays a string, often a valid one, and goes deeper. */
const fragment = fc.oneof(
  fc.constantFrom('\u0000', '"', "'", '\\', '%', '_', '*', '^', ':', '-', '(', ')', ' OR ', ' NEAR ', '\uD800', '\u202E', '\n', '\t', '\uFEFF', '🧑‍🚒', 'ﬁ', '０', '${x}'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
);
const oddKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'isAdmin', 'roles', 'id', 'sessionId', ''),
);

// ---------------------------------------------------------------------------------------------------------
// One-field mutations of a valid sample.

interface Mutated {
  how: string;
  input: unknown;
}

/** Every path under the root to a value (for replace / delete), and every path to a plain object (to add a key). */
function pathsOf(value: unknown): { values: Key[][]; objects: Key[][] } {
  const values: Key[][] = [];
  const objects: Key[][] = [];
  const walk = (v: unknown, at: Key[]) => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        values.push([...at, i]);
        walk(item, [...at, i]);
      });
    } else if (v !== null && typeof v === 'object') {
      objects.push(at);
      for (const [k, item] of Object.entries(v)) {
        values.push([...at, k]);
        walk(item, [...at, k]);
      }
    }
  };
  walk(value, []);
  return { values, objects };
}

function parentOf(root: unknown, path: Key[]): Record<Key, unknown> {
  let v = root as Record<Key, unknown>;
  for (const k of path.slice(0, -1)) v = v[k] as Record<Key, unknown>;
  return v;
}

/** Sets an own property, as JSON.parse does, even for `__proto__`. */
function setOwn(target: Record<Key, unknown>, key: Key, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function mutations(sample: unknown): fc.Arbitrary<Mutated> {
  const { values, objects } = pathsOf(sample);
  const strings = values.filter((p) => typeof parentOf(sample, p)[p[p.length - 1]!] === 'string');
  const fresh = () => structuredClone(sample);
  const show = (p: Key[]) => p.join('.') || '(root)';
  const ops: fc.Arbitrary<Mutated>[] = [];
  if (values.length > 0) {
    ops.push(
      fc.record({ path: fc.constantFrom(...values), value: weird }).map(({ path, value }) => {
        const input = fresh();
        setOwn(parentOf(input, path), path[path.length - 1]!, value);
        return { how: `replace ${show(path)}`, input };
      }),
      fc.constantFrom(...values).map((path) => {
        const input = fresh();
        const parent = parentOf(input, path);
        const last = path[path.length - 1]!;
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete parent[last];
        return { how: `delete ${show(path)}`, input };
      }),
    );
  }
  if (strings.length > 0) {
    ops.push(
      fc.record({ path: fc.constantFrom(...strings), text: fragment, at: fc.nat() }).map(({ path, text, at }) => {
        const input = fresh();
        const parent = parentOf(input, path);
        const key = path[path.length - 1]!;
        const old = parent[key] as string;
        const i = at % (old.length + 1);
        parent[key] = old.slice(0, i) + text + old.slice(i);
        return { how: `insert ${JSON.stringify(text)} into ${show(path)}`, input };
      }),
    );
  }
  ops.push(
    fc.record({ at: fc.constantFrom(...objects), key: oddKey, value: weird }).map(({ at, key, value }) => {
      const input = fresh();
      let target = input as Record<Key, unknown>;
      for (const k of at) target = target[k] as Record<Key, unknown>;
      setOwn(target, key, value);
      return { how: `add key ${JSON.stringify(key)} at ${show(at)}`, input };
    }),
  );
  return fc.oneof(...ops);
}

/** Wholly arbitrary input, plus records that use the sample's own keys with values of any type. */
function arbitraryInput(sample: unknown): fc.Arbitrary<unknown> {
  const keys = sample !== null && typeof sample === 'object' ? Object.keys(sample) : [];
  const shaped = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, weird])), { requiredKeys: [] })
    : fc.dictionary(oddKey, weird, { maxKeys: 3 });
  return fc.oneof(fc.anything(ANYTHING), fc.object({ ...ANYTHING, maxDepth: 2 }), fc.jsonValue({ maxDepth: 3 }), shaped, weird);
}

// ---------------------------------------------------------------------------------------------------------
// Boundary values per field type (issue 8). Each leaf of a procedure's input schema, the optional ones the sample
// leaves out included, gets the values that sit on or just past the edges of its kind: impossible calendar days,
// 29 February of leap and common years, the 120-year and today edges of a birth date, epoch zero and the far future
// for a time, NaN-producing and negative numbers, and empty strings where "nothing" is meant. The kinds come from
// the contract's own field types (their `fieldKind` metadata), so a new date field is covered the day it lands.

const DAY_MS = 86_400_000;
/** The fuzz station's clock: 01:00 UTC on 20 July 2026, 09:00 in Shanghai. */
const STATION_NOW = Date.UTC(2026, 6, 20, 1, 0, 0);
const FLOOR_MS = Date.UTC(1999, 11, 31, 16, 0); // 2000-01-01 00:00 in Shanghai, the default date floor
const idOf = (first17: string) => first17 + checkCharacter(first17);

const BOUNDARIES: Record<string, readonly unknown[]> = {
  calendarDate: ['2026-02-30', '1990-13-01', '2023-02-29', '2024-02-29', '2026-02-28', '1899-12-31', '1900-01-01', '2199-12-31', '2200-01-01', '0000-00-00', '2026-7-1', '20260720', '', null],
  birthDate: ['2026-02-30', '1990-13-01', '2023-02-29', '2024-02-29', '2012-02-30', '2099-12-31', '2026-07-20', '2026-07-21', '1906-07-20', '1906-07-19', '1880-01-01', '', null],
  eventTime: [0, -1, 1, FLOOR_MS - 1, FLOOR_MS, STATION_NOW - DAY_MS - 1, STATION_NOW - DAY_MS, STATION_NOW, STATION_NOW + 5 * 60_000, STATION_NOW + 5 * 60_000 + 1, STATION_NOW + 365 * DAY_MS, 8.64e15, 8.64e15 + 1, 1.5, NaN, Infinity, null, '2026-07-20'],
  idNumber: [
    idOf('11010519790315001'), // a man born 1979-03-15
    idOf('11010519880602002'), // a woman born 1988-06-02
    idOf('11010520120229003'), // a boy born on a leap day
    idOf('11010519060719004'), // 120 years and a day before the station's today
    idOf('11010520260721005'), // born tomorrow
    '110105790315001', // a 15-digit number
    '11010519790315001X',
    '',
    null,
  ],
  number: [-1, 0, 1, 0.5, -0, NaN, Infinity, -Infinity, 2 ** 53, 1e308, null, '', '1'],
  string: ['', ' ', '\u0000', null, 'x'.repeat(1001)],
  boolean: [null, 'true', 0, 1],
  enum: ['', null, 'unknown'],
};

/** The boundary values for a leaf: by its contract kind, else by its zod type (an enum's own options among them). */
function boundaryValuesOf(schema: z.ZodType): readonly unknown[] | null {
  const meta = z.globalRegistry.get(schema) as { fieldKind?: string } | undefined;
  if (meta?.fieldKind && meta.fieldKind in BOUNDARIES) return BOUNDARIES[meta.fieldKind]!;
  const def = (schema as unknown as { _zod: { def: { type: string; entries?: Record<string, unknown> } } })._zod.def;
  if (def.type === 'enum') return [...Object.values(def.entries ?? {}), ...BOUNDARIES.enum!];
  return def.type === 'number' || def.type === 'string' || def.type === 'boolean' ? BOUNDARIES[def.type]! : null;
}

/** Sets `value` at `path` of `root`, creating the objects on the way (a field the sample left out). */
function setAt(root: unknown, path: Key[], value: unknown) {
  let v = root as Record<Key, unknown>;
  path.slice(0, -1).forEach((k, i) => {
    if (v[k] === null || typeof v[k] !== 'object') setOwn(v, k, typeof path[i + 1] === 'number' ? [] : {});
    v = v[k] as Record<Key, unknown>;
  });
  setOwn(v, path[path.length - 1]!, value);
}

function boundaries(name: ProcedureName, sample: unknown): fc.Arbitrary<Mutated> | null {
  const targets = leavesOf(contract[name].input)
    .map((l) => ({ path: l.path as Key[], values: boundaryValuesOf(l.schema) }))
    .filter((t): t is { path: Key[]; values: readonly unknown[] } => t.values !== null);
  if (targets.length === 0) return null;
  return fc
    .constantFrom(...targets)
    .chain((t) => fc.constantFrom(...t.values).map((value) => ({ t, value })))
    .map(({ t, value }) => {
      const input = structuredClone(sample ?? {});
      setAt(input, t.path, value);
      return { how: `boundary ${JSON.stringify(value)} at ${t.path.join('.')}`, input };
    });
}

const caller: fc.Arbitrary<Who> = fc.oneof({ weight: 3, arbitrary: fc.constant<Who>('admin') }, { weight: 1, arbitrary: fc.constant<Who>('none') });

// ---------------------------------------------------------------------------------------------------------
// The station under fuzz. User 1 is the set-up admin; user 2 a second member of staff with the `userWith`
// password (the samples name user 2 as a witness); the caller is user 3, `fuzzer`, holding every role so that
// runs reach every procedure's handler, and so that samples aimed at user 1 (reset its password, change its
// roles, disable it) do not take the caller's own session away.

class Fuzzee {
  st!: TestStation;
  session = '';
  userId = 0;
  logged: string[] = [];
  stations = 0;
  calls = 0;
  readonly codes = new Map<string, number>();

  constructor() {
    this.reopen();
  }

  reopen() {
    this.st?.close();
    this.st = openStation();
    this.st.userWith(['duty_staff'], 'witness');
    this.session = this.st.userWith([...ROLES], FUZZER);
    this.userId = this.st.must('auth.session', {}, this.session).user.id;
    this.st.core.services.logger = {
      info() {},
      error: (m, meta) => void this.logged.push(`${m} ${JSON.stringify(meta)}`),
    };
    this.stations += 1;
  }

  /**
   * After a call: keep an unlocked all-roles session for the next run. A run may log the fuzzer out or lock its
   * screen (that is the procedure working); signing in again would cost a scrypt per run, so the harness puts
   * a session straight into the in-memory store, as a successful login's commit would. If the account itself
   * is no longer usable (disabled, roles changed, password reset by an admin), it starts a new station.
   */
  heal() {
    const { db, sessions } = this.st.core.services;
    const row = db
      .prepare(
        `SELECT u.disabled, u.must_change_password AS mustChange,
                (SELECT count(*) FROM user_roles r WHERE r.user_id = u.id) AS roles
         FROM users u WHERE u.id = ?`,
      )
      .get(this.userId) as { disabled: number; mustChange: number; roles: number } | undefined;
    if (!row || row.disabled || row.mustChange || row.roles !== ROLES.length) return this.reopen();
    const session = sessions.get(this.session);
    if (!session) {
      const fresh = sessions.open(this.userId, this.st.clock.now());
      sessions.add(fresh);
      this.session = fresh.id;
    } else if (session.locked) {
      session.locked = false;
    }
    // The harness's own check that the repair worked: a plain 'user' procedure must now pass.
    const check = this.st.call('auth.touch', {}, this.session);
    if (!check.ok) throw new Error(`harness could not restore the fuzzer's session: ${JSON.stringify(check)}`);
  }

  /** Per procedure: counters start again, the station carries on (its state is part of the fuzz). */
  reset() {
    this.calls = 0;
    this.codes.clear();
    // The wrong-password throttle is memory, per username: a fresh one per procedure, so that one procedure's
    // refused passwords do not hold the next procedure's runs at RATE_LIMITED before they reach its handler.
    this.st.core.services.throttle = new LoginThrottle();
  }

  probe(name: string, input: unknown, who: Who, how = 'arbitrary') {
    const core = this.st.core;
    const before = contentHash(core);
    this.logged.length = 0;
    const label = `${name} (${how}, caller ${who})`;
    let r: unknown;
    try {
      r = core.dispatch(name, input, { sessionId: who === 'admin' ? this.session : undefined });
    } catch (e) {
      throw new Error(`${label} threw instead of returning a Result: ${e instanceof Error ? e.stack : String(e)}`);
    }
    this.calls += 1;
    expectResult(r, label);
    expectFieldsOfInput(name, r as Result<unknown>);
    expect(this.logged, `${label} logged an internal error`).toEqual([]);
    const result = r as { ok: boolean; error?: { code: string } };
    this.codes.set(result.ok ? 'ok' : result.error!.code, (this.codes.get(result.ok ? 'ok' : result.error!.code) ?? 0) + 1);
    if (!result.ok) expect(contentHash(core), `${label} was refused (${result.error!.code}) but changed the database`).toBe(before);
    else if (contract[name as ProcedureName].kind === 'query') expect(contentHash(core), `query ${label} changed the database`).toBe(before);
    this.heal();
  }

  /** The invariants of a station after a run: the file is sound, the audit chain verifies, an admin remains. */
  expectSound(name: string) {
    const { db } = this.st.core;
    expect(db.pragma('integrity_check', { simple: true }), name).toBe('ok');
    expect(db.pragma('foreign_key_check'), name).toEqual([]);
    expect(invariantViolations(this.st.core), `${name}: the station's data after fuzzing`).toEqual([]);
    const chain = verifyChain(db, 0);
    expect(chain, `${name}: audit chain after fuzzing`).toMatchObject({ ok: true, firstBadId: null });
    const admins = this.st.must('accounts.list', {}, this.session).filter((a) => a.roles.includes('admin') && !a.disabled);
    expect(admins.length, name).toBeGreaterThan(0);
  }

  close() {
    this.st.close();
  }
}

function expectResult(r: unknown, label: string) {
  expect(r !== null && typeof r === 'object', `${label} returned ${String(r)}`).toBe(true);
  const res = r as Record<string, unknown>;
  let text = '';
  expect(() => (text = JSON.stringify(res)), `${label}: the Result must survive JSON (the browser host sends it)`).not.toThrow();
  if (res.ok === true) {
    expect('value' in res, `${label}: ok without value`).toBe(true);
    return;
  }
  // In JSON a stack's line breaks are the two characters \n; its frames name .ts/.js files with line numbers.
  expect(text, `${label} leaks a stack trace`).not.toMatch(/\\n\s+at |\bat .+\.(ts|js|cjs|mjs):\d+/);
  expect(res.ok, `${label}: ok must be true or false: ${text.slice(0, 300)}`).toBe(false);
  const error = res.error as Record<string, unknown> | undefined;
  expect(error !== null && typeof error === 'object', `${label}: no error object`).toBe(true);
  expect(ERROR_CODES, `${label}: unknown code ${String(error!.code)}`).toContain(error!.code);
  expect(error!.code, `${label} reached INTERNAL: ${text.slice(0, 300)}`).not.toBe('INTERNAL');
  expect(typeof error!.message === 'string' && error!.message.length > 0, `${label}: message`).toBe(true);
  if (error!.fields !== undefined) {
    for (const [k, v] of Object.entries(error!.fields as object)) expect(typeof v, `${label}: field ${k}`).toBe('string');
  }
  if (error!.code === 'VALIDATION') {
    expect(Object.keys((error!.fields as object | undefined) ?? {}).length, `${label}: VALIDATION names no field`).toBeGreaterThan(0);
  }
}

// ---------------------------------------------------------------------------------------------------------

// One station for the whole file (a new one only when a run leaves the fuzzer without a usable admin account):
// opening a station costs several scrypt hashes.
let f: Fuzzee;
beforeAll(() => {
  f = new Fuzzee();
}, 60_000);
afterAll(() => {
  console.log(`fuzz: ${procedureNames.length} procedures × up to ${3 * RUNS + 2} calls, base seed ${BASE_SEED}, ${f.stations} station(s) opened`);
  f.close();
});

describe.each(procedureNames.map((name, i) => [name, i] as const))('fuzzing %s', (name, index) => {
  it(`answers arbitrary input and one-field mutations of its sample with a clean Result (seed ${BASE_SEED + index})`, { timeout: 90_000 }, () => {
    f.reset();
    const sample = validInputs[name];
    const seed = BASE_SEED + index;
    fc.assert(
      fc.property(arbitraryInput(sample), caller, (input, who) => f.probe(name, input, who)),
      { seed, numRuns: RUNS },
    );
    fc.assert(
      fc.property(mutations(sample), caller, ({ how, input }, who) => f.probe(name, input, who, how)),
      { seed: seed + 10_000, numRuns: RUNS },
    );
    const edges = boundaries(name, sample);
    if (edges) fc.assert(fc.property(edges, ({ how, input }) => f.probe(name, input, 'admin', how)), { seed: seed + 20_000, numRuns: RUNS });
    // Undefined input (an IPC call without an argument) and the sample itself must behave too.
    f.probe(name, undefined, 'admin', 'undefined');
    f.probe(name, structuredClone(sample), 'admin', 'sample');
    f.expectSound(name);
    if (process.env.FUZZ_DEBUG) console.log(name, JSON.stringify([...f.codes]));
    // Every run was one call; a harness that silently stopped calling would pass anything.
    expect(f.calls).toBe((edges ? 3 : 2) * RUNS + 2);
    // The runs must reach past the validator: something other than VALIDATION must come back
    // (a success, or a refusal from the session, role or domain).
    expect([...f.codes.keys()].filter((c) => c !== 'VALIDATION'), `${name}: ${JSON.stringify([...f.codes])}`).not.toHaveLength(0);
  });
});
