import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../../shared/contract';
import { checkCharacter } from '../../../shared/domain/idcard';
import { openStation, type TestStation } from '../helpers';
import { invariantViolations } from '../harness/invariants';

/**
 * Issue 8, as a property: whatever sequence of edits the desk makes to a person (sex, birth date, ID number, an
 * estimated age, clearing the number), after every edit the main process accepts, the stored sex and birth date
 * agree with the stored ID number, and the age reads as a whole number or "unknown". Refused edits change nothing.
 * Seeded (PROPERTY_SEED); PROPERTY_RUNS runs longer.
 */
const SEED = Number(process.env.PROPERTY_SEED ?? 20_261_202);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

const idOf = (first17: string) => first17 + checkCharacter(first17);
/** ID numbers of men and women born on a few days, a leap day among them, plus numbers that are not valid. */
const IDS = [
  idOf('11010519790315001'), // man, 1979-03-15
  idOf('11010519790315002'), // woman, 1979-03-15
  idOf('11010519880602003'), // man, 1988-06-02
  idOf('11010520120229004'), // woman, 2012-02-29
  '110105197903150011', // wrong check character
  '110105790315003', // 15 digits: a man born 1979-03-15
];
const DATES = ['1979-03-15', '1988-06-02', '2012-02-29', '2013-02-29', '2026-02-30', '1990-13-01', '2030-01-01', '1906-07-19'];

type Edit = { kind: 'update'; fields: Omit<Input<'people.update'>, 'id'> } | { kind: 'clear' };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ sex: fc.constantFrom('male', 'female') }, { requiredKeys: [] }).map((fields) => ({ kind: 'update' as const, fields })),
  fc
    .record({ sex: fc.constantFrom('male', 'female'), birthDate: fc.constantFrom(...DATES), idNumber: fc.constantFrom(...IDS), estimatedAge: fc.integer({ min: -1, max: 121 }) }, { requiredKeys: [] })
    .map((fields) => ({ kind: 'update' as const, fields })),
  fc.constant<Edit>({ kind: 'clear' }),
);

let st: TestStation;
let desk: string;
beforeAll(() => {
  st = openStation();
  desk = st.userWith(['front_desk'], 'desk');
});
afterAll(() => st.close());

const stored = (id: number) =>
  st.core.db.prepare('SELECT sex, birth_date, id_number, estimated_age, estimated_on FROM persons WHERE id = ?').get(id) as Record<string, unknown>;

describe('a person’s record under any sequence of edits', () => {
  it('keeps sex and birth date agreeing with the ID number, and the age a number or unknown, after every accepted edit', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        // Each run edits a person of its own, with no ID number to start with.
        const { personId } = st.must('intake.register', { person: { name: `性质${++n}` }, channel: 'walk_in', arrivedAt: st.clock.now() }, desk);
        for (const e of edits) {
          const before = stored(personId);
          const r =
            e.kind === 'clear'
              ? st.call('people.clearIdNumber', { id: personId, reason: '核实' }, desk)
              : st.call('people.update', { id: personId, ...e.fields }, desk);
          if (!r.ok) {
            expect(stored(personId), `refused ${JSON.stringify(e)} changed the record`).toEqual(before);
            continue;
          }
          const mine = invariantViolations(st.core).filter((v) => v.startsWith(`person ${personId}:`));
          expect(mine, `after ${JSON.stringify(e)}`).toEqual([]);
          const age = st.must('people.get', { id: personId }, desk).age;
          expect(age === null || (Number.isInteger(age) && age >= 0), `age ${age}`).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
