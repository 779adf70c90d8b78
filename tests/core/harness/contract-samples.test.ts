import { describe, expect, it } from 'vitest';
import { procedureNames } from '../../../shared/contract';
import { validInputs } from '../samples';
import { parsed } from './contract-parse';

/**
 * zod drops a key its schema does not name, without a word. So a field the form sends and the schema forgot never
 * reaches the handler: a stay id, a reason, a witness, a bed's new state. Every procedure's valid sample must come
 * through the contract with every field it gave (values as the contract normalises them: trimmed, in capitals).
 */

/** The paths of `given` that `got` lacks, e.g. `witness.password`. */
function lostPaths(given: unknown, got: unknown, at = ''): string[] {
  if (given === null || typeof given !== 'object') return got === undefined ? [at] : [];
  if (got === null || typeof got !== 'object') return [at];
  return Object.entries(given).flatMap(([key, value]) => lostPaths(value, (got as Record<string, unknown>)[key], at ? `${at}.${key}` : key));
}

describe('every procedure’s input', () => {
  it.each(procedureNames)('%s passes every field of a valid call on to its handler', (name) => {
    const input = validInputs[name];
    expect(lostPaths(input, parsed(name, input))).toEqual([]);
  });
});
