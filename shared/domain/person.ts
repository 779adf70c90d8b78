import { daysBetween, isCalendarDate, yearsBetween } from './calendar';

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

/**
 * Age in whole years on `onDate` (YYYY-MM-DD), from a birth date or an estimate made on a known date; null when
 * unknown. Never NaN and never negative: an impossible or future birth date is no age at all, and every rule
 * that depends on age then takes its protective path ("age unknown"), never "adult".
 */
export function ageOn(
  onDate: string,
  p: { birthDate?: string | null; estimatedAge?: number | null; estimatedOn?: string | null },
): number | null {
  if (!isCalendarDate(onDate)) return null;
  if (p.birthDate) {
    if (!isCalendarDate(p.birthDate) || p.birthDate > onDate) return null;
    return yearsBetween(p.birthDate, onDate);
  }
  if (p.estimatedAge != null) {
    if (!Number.isInteger(p.estimatedAge) || p.estimatedAge < 0) return null;
    // An estimate whose date cannot be read is still the estimate, only not aged since.
    const since = p.estimatedOn && isCalendarDate(p.estimatedOn) ? yearsBetween(p.estimatedOn, onDate) : 0;
    return p.estimatedAge + Math.max(0, since);
  }
  return null;
}

export type AgeGroup = 'minor_under16' | 'minor' | 'adult' | 'elderly' | 'unknown';

/** Under 16 gets the escorted-return rules; under 18 is a minor; 60+ elderly; anything but a real age is unknown. */
export function ageGroup(age: number | null): AgeGroup {
  if (age === null || !Number.isFinite(age) || age < 0) return 'unknown';
  if (age < 16) return 'minor_under16';
  if (age < 18) return 'minor';
  if (age >= 60) return 'elderly';
  return 'adult';
}

/**
 * Whether age rules must treat this person as possibly a child: under `years`, or of unknown age. An unknown age
 * takes the protective path (escorted return, no self-discharge, no age-ruled dormitory, no stay limit).
 */
export const mayBeUnder = (age: number | null, years: number): boolean => age === null || !Number.isFinite(age) || age < years;

export interface StayLimits {
  warnDay: number;
  limitDays: number;
}

export type StayClock = {
  day: number;
  state: 'ok' | 'warn' | 'overdue' | 'exempt';
  limitDay: number | null;
  /** Why no limit applies: under 16, age unknown (treated as possibly under 16), or a mental or intellectual disability. */
  exemptBecause?: 'under16' | 'age_unknown' | 'condition';
};

/**
 * Day 1 is the arrival day (station calendar). The limit applies to people 16+ without mental or
 * intellectual disability; approved extensions add days to it. An unknown age is not taken for 16+.
 */
export function stayClock(
  arrivedOn: string,
  today: string,
  p: { age: number | null; conditions: readonly Condition[]; extensionDays: number },
  limits: StayLimits,
): StayClock {
  const day = daysBetween(arrivedOn, today) + 1;
  if (p.conditions.includes('mental_disorder') || p.conditions.includes('intellectual_disability')) {
    return { day, state: 'exempt', limitDay: null, exemptBecause: 'condition' };
  }
  if (mayBeUnder(p.age, 16)) return { day, state: 'exempt', limitDay: null, exemptBecause: p.age !== null && Number.isFinite(p.age) ? 'under16' : 'age_unknown' };
  const limitDay = limits.limitDays + p.extensionDays;
  const warnDay = limits.warnDay + p.extensionDays;
  return { day, limitDay, state: day >= limitDay ? 'overdue' : day >= warnDay ? 'warn' : 'ok' };
}
