import { differenceInCalendarDays, differenceInYears, parseISO } from 'date-fns';

/** How a client was brought in (DOMAIN §1). */
export const ARRIVAL_CHANNELS = ['walk_in', 'police', 'city_management', 'outreach', 'public_tip', 'hospital', 'other_station'] as const;
export type ArrivalChannel = (typeof ARRIVAL_CHANNELS)[number];

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

/** A field may be filled, or explicitly unknown or refused; never silently empty. */
export const FIELD_STATES = ['unknown', 'refused'] as const;
export type FieldState = (typeof FIELD_STATES)[number];

/** Identity fields the full record asks for; each is filled or marked unknown/refused before it is complete. */
export const IDENTITY_FIELDS = ['name', 'sex', 'birth', 'idNumber', 'hukouPlace', 'residence', 'benefits', 'dialect'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

export const BENEFITS = ['none', 'dibao', 'wubao'] as const; // 低保 / 五保

/** Conditions staff set; each changes what the station must do (DOMAIN §1 special groups). */
export const CONDITIONS = ['intellectual_disability', 'severe_disability', 'mental_disorder', 'critically_ill', 'pregnant'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Age in whole years on `onDate` (YYYY-MM-DD), from a birth date or an estimate made on a known date. */
export function ageOn(
  onDate: string,
  p: { birthDate?: string | null; estimatedAge?: number | null; estimatedOn?: string | null },
): number | null {
  if (p.birthDate) return differenceInYears(parseISO(onDate), parseISO(p.birthDate));
  if (p.estimatedAge != null) {
    const since = p.estimatedOn ? differenceInYears(parseISO(onDate), parseISO(p.estimatedOn)) : 0;
    return p.estimatedAge + Math.max(0, since);
  }
  return null;
}

export type AgeGroup = 'minor_under16' | 'minor' | 'adult' | 'elderly' | 'unknown';

/** Under 16 gets the escorted-return rules; under 18 is a minor; 60+ elderly. */
export function ageGroup(age: number | null): AgeGroup {
  if (age === null) return 'unknown';
  if (age < 16) return 'minor_under16';
  if (age < 18) return 'minor';
  if (age >= 60) return 'elderly';
  return 'adult';
}

export interface StayLimits {
  warnDay: number;
  limitDays: number;
}

export type StayClock = { day: number; state: 'ok' | 'warn' | 'overdue' | 'exempt'; limitDay: number | null };

/**
 * Day 1 is the arrival day (station calendar). The limit applies to people 16+ without mental or
 * intellectual disability; approved extensions add days to it.
 */
export function stayClock(
  arrivedOn: string,
  today: string,
  p: { age: number | null; conditions: readonly Condition[]; extensionDays: number },
  limits: StayLimits,
): StayClock {
  const day = differenceInCalendarDays(parseISO(today), parseISO(arrivedOn)) + 1;
  const exempt =
    (p.age !== null && p.age < 16) || p.conditions.includes('mental_disorder') || p.conditions.includes('intellectual_disability');
  if (exempt) return { day, state: 'exempt', limitDay: null };
  const limitDay = limits.limitDays + p.extensionDays;
  const warnDay = limits.warnDay + p.extensionDays;
  return { day, limitDay, state: day >= limitDay ? 'overdue' : day >= warnDay ? 'warn' : 'ok' };
}
