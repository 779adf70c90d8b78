import { describe, expect, it } from 'vitest';
import { AppError, fieldsUnder, missingCase } from '../../../shared/domain/result';

/** The Result helpers of shared/domain/result.ts, which every service and the dispatcher use; no database. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('errors with fields', () => {
  it('a nested part’s field errors are named as the form that sent it names them (person.idNumber), code and detail kept', () => {
    const e = thrown(() =>
      fieldsUnder('person', () => {
        throw new AppError('VALIDATION', 'bad', { idNumber: 'v.id.checksum', 'fieldStates.name': 'v.required' }, { hint: 1 });
      }),
    );
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).toShape()).toEqual({
      code: 'VALIDATION',
      message: 'bad',
      fields: { 'person.idNumber': 'v.id.checksum', 'person.fieldStates.name': 'v.required' },
      detail: { hint: 1 },
    });
    expect(fieldsUnder('person', () => 42)).toBe(42);
  });

  it('an error without fields, or not an AppError, passes through unchanged', () => {
    const conflict = new AppError('CONFLICT', 'taken');
    const bug = new TypeError('x is undefined');
    for (const error of [conflict, bug]) {
      expect(
        thrown(() =>
          fieldsUnder('person', () => {
            throw error;
          }),
        ),
      ).toBe(error);
    }
  });
});

describe('exhaustive switches', () => {
  it('fail loudly on a value no case handles, naming it', () => {
    expect(() => missingCase('left_by_window' as never)).toThrow(/left_by_window/);
  });
});
