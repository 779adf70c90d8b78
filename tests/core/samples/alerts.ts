import type { Samples } from './types';

/** A valid input for each of alerts's procedures. */
export const alertsSamples = {
  'alerts.list': { lines: 5 },
} satisfies Samples;
