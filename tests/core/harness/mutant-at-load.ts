import { inject } from 'vitest';

/**
 * For `npm run mutate` only (vitest.mutate.config.mts), a setup file after Stryker's own: what is switched on while the
 * project's modules load. Runs share one vitest thread and load those modules afresh each time
 * (scripts/vitest-kept-thread.mjs). Stryker's setup switches a static mutant on before they load, as it should, but a
 * runtime mutant only before the tests, so the modules would load with whatever mutant the run before left on (a
 * static one among them). A runtime mutant's run loads them with none.
 */
const provided = inject as unknown as (key: string) => unknown;
if (provided('mode') === 'mutant' && provided('mutantActivation') !== 'static') {
  const ns = (globalThis as unknown as Record<string, { activeMutant?: string } | undefined>)[provided('globalNamespace') as string];
  if (ns) ns.activeMutant = undefined;
}
