// A library's module in the kept-thread check: not listed, so it stays loaded while the thread is kept.
let runs = 0;
export const bump = (): number => ++runs;
