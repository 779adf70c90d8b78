import { z } from 'zod';
import { mutation, output, query } from './define';
import { idleLockMinutes, stationName, timeZone } from './fields';

export interface StationSettings {
  stationName: string;
  timeZone: string;
  idleLockMinutes: number;
  /** Stay limit (DOMAIN §1): warn on this day of the stay… */
  stayWarnDay: number;
  /** …and overdue from this day, for people 16+ without mental or intellectual disability. */
  stayLimitDays: number;
  /** Family-search notice due this many hours after arrival when identity is unknown. */
  familyNoticeHours: number;
  /** DNA sampling requested from police within this many working days. */
  dnaWorkingDays: number;
  /** The family-search notice is refreshed after this many days. */
  noticeRefreshDays: number;
}

const days = (max: number) => z.number().int().min(1, { message: 'v.range' }).max(max, { message: 'v.range' });

export const settingsUpdateInput = z
  .object({
    stationName,
    timeZone,
    idleLockMinutes,
    stayWarnDay: days(90).default(8),
    stayLimitDays: days(90).default(10),
    familyNoticeHours: days(240).default(24),
    dnaWorkingDays: days(60).default(7),
    noticeRefreshDays: days(365).default(30),
  })
  .refine((v) => v.stayWarnDay <= v.stayLimitDays, { message: 'v.warnAfterLimit', path: ['stayWarnDay'] });

export const settingsContract = {
  'settings.get': query('user', z.object({}).strict(), output<StationSettings>()),
  'settings.update': mutation('settings.manage', settingsUpdateInput, output<StationSettings>()),
};
