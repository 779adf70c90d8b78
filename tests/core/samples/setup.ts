import type { Samples } from './types';

/** A valid input for each of setup's procedures. */
export const setupSamples = {
  'setup.status': {},
  'setup.loadDemo': {},
  'setup.initialize': {
    stationName: '西城区救助管理站',
    timeZone: 'Asia/Shanghai',
    admin: { username: 'second', displayName: '第二', password: 'Second-pass-1', passwordConfirm: 'Second-pass-1' },
  },
} satisfies Samples;
