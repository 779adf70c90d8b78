import type { Samples } from './types';

/** A valid input for each of export's procedures. */
export const exportSamples = {
  'export.status': { id: '00000000-0000-4000-8000-000000000000' },
  'export.file': { id: '00000000-0000-4000-8000-000000000000' },
} satisfies Samples;
