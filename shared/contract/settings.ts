import { z } from 'zod';
import { mutation, output, query } from './define';
import { idleLockMinutes, stationName, timeZone } from './fields';

export interface StationSettings {
  stationName: string;
  timeZone: string;
  idleLockMinutes: number;
}

export const settingsUpdateInput = z.object({ stationName, timeZone, idleLockMinutes });

export const settingsContract = {
  'settings.get': query('user', z.object({}).strict(), output<StationSettings>()),
  'settings.update': mutation('settings.manage', settingsUpdateInput, output<StationSettings>()),
};
