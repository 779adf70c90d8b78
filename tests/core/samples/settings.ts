import type { Samples } from './types';

/** A valid input for each of settings's procedures. */
export const settingsSamples = {
  'settings.get': {},
  'settings.update': { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 },
} satisfies Samples;
