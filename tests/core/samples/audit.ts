import type { Samples } from './types';

/** A valid input for each of audit's procedures. */
export const auditSamples = {
  'audit.list': {},
  'audit.actors': {},
  'audit.verify': {},
} satisfies Samples;
