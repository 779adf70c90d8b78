// `npm run mutate -- --stale`: which rows of the README's mutation table are older than their file. Stryker's own
// instrumenter counts each rule file's mutants as the code stands now (a second or two for all of them, no tests run);
// a count that differs from the row's means the file changed after its row was measured. The same count can hide a
// change that swapped one mutant for another, so this finds most stale rows, not all.
import fs from 'node:fs';
import path from 'node:path';
import { Instrumenter } from '@stryker-mutator/instrumenter';

const silent = () => {};
const never = () => false;
const quiet = {
  ...{ trace: silent, debug: silent, info: silent, warn: silent, error: silent, fatal: silent },
  ...{ isTraceEnabled: never, isDebugEnabled: never, isInfoEnabled: never, isWarnEnabled: never, isErrorEnabled: never, isFatalEnabled: never },
};
const options = { plugins: null, excludedMutations: [], ignorers: [], noHeader: false };

/** A file as Stryker's instrumenter writes it for a run, with its mutants (as `npm run mutate` counts them). */
export function instrument(name, content) {
  return new Instrumenter(quiet).instrument([{ name, content, mutate: true }], options);
}

/** Each rule file whose mutants now number other than its README row says (or that has no row), with both counts. */
export async function staleRows(root, files) {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const rows = new Map([...readme.matchAll(/^\| `([^`]+)` \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])]));
  const stale = [];
  for (const file of files) {
    const { mutants } = await instrument(file, fs.readFileSync(path.join(root, file), 'utf8'));
    if (rows.get(file) !== mutants.length) stale.push({ file, row: rows.get(file) ?? null, now: mutants.length });
  }
  return stale;
}
