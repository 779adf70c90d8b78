import { z } from 'zod';
import { mutation, output, query } from './define';
import { addProblems, dutySettingsFields, dutySettingsProblems, type DutySettings } from './duty-settings';
import { calendarDate, idleLockMinutes, stationName, timeZone, wholeNumber } from './fields';

export interface StationSettings extends DutySettings {
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
  /** No arrival or other event is recorded before this station-calendar day. */
  dateFloor: string;
  /** An arrival registered more than this many hours after it happened records why. */
  lateRegistrationHours: number;
  /** Stock (DOMAIN §3): batches expiring within this many days are warned about. */
  stockExpiringDays: number;
  /** A write-off worth more than this (fen) needs an admin's or duty leader's approval. */
  stockWriteOffApprovalFen: number;
}

const days = (max: number) => wholeNumber(1, max);

/** The intake settings may be left out: left out means unchanged, never "back to the default". */
export const settingsUpdateInput = z
  .object({
    stationName,
    timeZone,
    idleLockMinutes,
    stayWarnDay: days(90).optional(),
    stayLimitDays: days(90).optional(),
    familyNoticeHours: days(240).optional(),
    dnaWorkingDays: days(60).optional(),
    noticeRefreshDays: days(365).optional(),
    dateFloor: calendarDate.optional(),
    lateRegistrationHours: days(720).optional(),
    ...dutySettingsFields,
    stockExpiringDays: days(365).optional(),
    stockWriteOffApprovalFen: z.number().int({ message: 'v.stock.fen' }).min(0, { message: 'v.stock.fen' }).max(100_000_000, { message: 'v.range' }).optional(),
  })
  .superRefine((v, ctx) => addProblems(dutySettingsProblems(v), ctx));

export const settingsContract = {
  'settings.get': query('user', z.object({}).strict(), output<StationSettings>()),
  'settings.update': mutation('settings.manage', settingsUpdateInput, output<StationSettings>()),
};
