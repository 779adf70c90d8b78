// The project's own module in the kept-thread check: listed to load afresh in every run.
let runs = 0;
export const bump = (): number => ++runs;

/** The Stryker mutant switched on while this module loaded, if any. */
export const mutantAtLoad = (globalThis as unknown as Record<string, { activeMutant?: string } | undefined>).__stryker__?.activeMutant;
