import type { Core } from '../../../electron/core';
import { DEFAULT_SETTINGS, readSettings } from '../../../electron/features/settings/service';
import { CLOCK_SKEW_MS } from '../../../shared/contract/fields';
import { isCalendarDate, yearsBefore } from '../../../shared/domain/calendar';
import { checkIdNumber } from '../../../shared/domain/idcard';
import { ageOn } from '../../../shared/domain/person';
import { dayStart, stationDay } from '../../../shared/domain/time';
import { dutyViolations } from '../duty/duty-invariants';

/**
 * What must hold of the data at any moment, whatever calls were made (issue 8): every birth date is a real day within
 * 120 years before today, every age reads as a number or "unknown", a record never contradicts its ID number, and
 * every stay's times lie between the station's date floor (the lowest one ever set) and its clock. Returns what does
 * not hold, one line each; the fuzzer and the property tests expect an empty list.
 */
export function invariantViolations(core: Core): string[] {
  const { db } = core;
  const settings = readSettings(db);
  const now = core.services.clock();
  const today = stationDay(now, settings.timeZone);
  const out: string[] = [];

  const persons = db.prepare('SELECT id, sex, birth_date, estimated_age, estimated_on, id_number FROM persons').all() as {
    id: number;
    sex: string | null;
    birth_date: string | null;
    estimated_age: number | null;
    estimated_on: string | null;
    id_number: string | null;
  }[];
  for (const p of persons) {
    if (p.birth_date !== null && (!isCalendarDate(p.birth_date) || p.birth_date > today || p.birth_date < yearsBefore(today, 120))) {
      out.push(`person ${p.id}: birth date ${p.birth_date} is not a real day within 120 years before ${today}`);
    }
    const age = ageOn(today, { birthDate: p.birth_date, estimatedAge: p.estimated_age, estimatedOn: p.estimated_on });
    if (age !== null && !(Number.isInteger(age) && age >= 0)) out.push(`person ${p.id}: age ${age}`);
    if (p.id_number !== null) {
      const id = checkIdNumber(p.id_number);
      if (!id.ok) out.push(`person ${p.id}: ID number ${p.id_number} is not valid (${id.problem})`);
      else {
        if (p.birth_date !== id.birthDate) out.push(`person ${p.id}: birth date ${p.birth_date} but the ID number says ${id.birthDate}`);
        if (p.sex !== id.sex) out.push(`person ${p.id}: sex ${p.sex} but the ID number says ${id.sex}`);
      }
    }
  }

  // A floor raised later does not make older records wrong: the lowest floor the station ever had is the bound.
  const floors = (db.prepare("SELECT after FROM audit_log WHERE procedure IN ('settings.update', 'setup.initialize')").pluck().all() as (string | null)[])
    .map((a) => (a ? (JSON.parse(a) as { dateFloor?: unknown }).dateFloor : undefined))
    .filter(isCalendarDate);
  const floor = dayStart([DEFAULT_SETTINGS.dateFloor, settings.dateFloor, ...floors].sort()[0]!, settings.timeZone);
  const stays = db
    .prepare('SELECT s.id, s.arrived_at, s.created_at, s.discharged_at, p.birth_date FROM stays s JOIN persons p ON p.id = s.person_id')
    .all() as { id: number; arrived_at: number; created_at: number; discharged_at: number | null; birth_date: string | null }[];
  for (const s of stays) {
    if (!Number.isInteger(s.arrived_at) || s.arrived_at < floor || s.arrived_at > s.created_at + CLOCK_SKEW_MS) {
      out.push(`stay ${s.id}: arrived at ${s.arrived_at}, outside [date floor, registration + skew]`);
    }
    if (isCalendarDate(s.birth_date) && s.arrived_at < dayStart(s.birth_date, settings.timeZone)) out.push(`stay ${s.id}: arrived before the birth date ${s.birth_date}`);
    if (s.discharged_at !== null && (s.discharged_at < s.arrived_at || s.discharged_at > now + CLOCK_SKEW_MS)) out.push(`stay ${s.id}: discharged at ${s.discharged_at}`);
  }
  out.push(...dutyViolations(core));
  return out;
}
