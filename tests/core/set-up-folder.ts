import fs from 'node:fs';

/**
 * The set-up station folder that test stations are copied from (made by tests/core/helpers.ts), kept here, apart from
 * the app's modules, so that tests/core/setup.ts can remove it after each test file without loading the app: a test
 * file's `vi.mock` of an app module applies only if the module loads after it.
 */
export const setUp: { folder?: { dir: string; scrypt: string } } = {};

/** Removes the set-up station folder, if one was made (after each test file). */
export function removeSetUpStationFolder(): void {
  if (setUp.folder !== undefined) fs.rmSync(setUp.folder.dir, { recursive: true, force: true });
  setUp.folder = undefined;
}
