/** The details the desk records with an arrival and a discharge, chosen as the rules allow (DOMAIN §1). */
import type { z } from 'zod';
import type { DischargeType, registerInput } from '../../../../shared/contract/intake';
import type { ArrivalChannel, Condition } from '../../../../shared/domain/person';
import { missingCase } from '../../../../shared/domain/result';
import {
  AGENCIES,
  CITY_UNITS,
  DAY,
  FOSTER_HOMES,
  HOSPITALS,
  OTHER_STATIONS,
  POLICE_UNITS,
  REGION_PICK,
  RELATIONS,
  SURNAME_PICK,
  TIPSTERS,
  TRAINS,
  fullName,
  idNumberFor,
  phone,
} from '../../demo/generate/data';
import type { Rng } from '../../demo/generate/random';
import type { Calendar } from '../../demo/generate/time';
import type { DischargePlan } from './ops';

export function channelDetail(r: Rng, channel: ArrivalChannel, arrivedAt: number, outreach: readonly string[]): z.output<typeof registerInput>['channelDetail'] {
  switch (channel) {
    case 'police': {
      const a = SURNAME_PICK.pick(r);
      const b = SURNAME_PICK.pick(r);
      return { unit: r.pick(POLICE_UNITS), officers: a === b ? `${a}警官` : `${a}警官、${b}警官`, handoverAt: arrivedAt };
    }
    case 'city_management':
      return { unit: r.pick(CITY_UNITS), ...(r.chance(0.5) ? { phone: phone(r) } : {}) };
    case 'outreach':
      return { unit: '本站街面巡查组', ...(outreach.length ? { referrer: r.pick(outreach) } : {}) };
    case 'public_tip':
      return { referrer: r.pick(TIPSTERS), ...(r.chance(0.7) ? { phone: phone(r) } : {}) };
    case 'hospital':
      return { unit: r.pick(HOSPITALS), referrer: r.pick(['急诊科护士', '社工部', '急诊科医生']), ...(r.chance(0.5) ? { phone: phone(r) } : {}) };
    case 'other_station':
      return { unit: r.pick(OTHER_STATIONS) };
    case 'walk_in':
      return {};
    default:
      return missingCase(channel);
  }
}

/** Only what the discharge rules allow for this person (DOMAIN §1). */
export function pickDischarge(r: Rng, age: number | null, conditions: Condition[], length: number): DischargeType {
  const mental = conditions.includes('mental_disorder') || conditions.includes('intellectual_disability');
  if (age !== null && age < 18) return r.weighted([['return_home', 45], ['family_collected', 40], ['other_agency', 15]] as const);
  if (mental)
    return r.weighted([
      ['family_collected', 35],
      ['foster_care', length > 10 * DAY ? 40 : 5],
      ['return_home', 15],
      ['hospital', 10],
      ['other_agency', 10],
      ['left_without_notice', 5],
    ] as const);
  const entries: [DischargeType, number][] =
    age !== null && age >= 60
      ? [['return_home', 30], ['family_collected', 20], ['self_discharge', 20], ['foster_care', 7], ['hospital', 7], ['left_without_notice', 8], ['assistance_ended', 4], ['death', 1.5], ['other_agency', 2]]
      : [['return_home', 38], ['self_discharge', 27], ['left_without_notice', 14], ['family_collected', 8], ['assistance_ended', 7], ['hospital', 3], ['other_agency', 3], ['death', 0.1]];
  return r.weighted(entries.filter(([t]) => t !== 'self_discharge' || age !== null));
}

/** The discharge input as the contract's schema outputs it (keys in schema order, defaults filled). */
export function dischargeDetail(r: Rng, type: DischargeType, age: number | null, t: number, cal: Calendar): DischargePlan {
  const note = r.chance(0.1) ? { note: r.pick(['已告知救助政策', '离站时情绪稳定', '发放干粮和饮用水']) } : {};
  switch (type) {
    case 'return_home': {
      const cash = r.chance(0.35) ? r.int(5, 20) * 100 : 0;
      return {
        ...note,
        type,
        ticket: r.chance(0.8) ? `${r.pick(TRAINS)}${r.int(100, 9999)}次火车票` : r.pick(['长途汽车票', '乘车凭证', '返乡车票及途中食品']),
        cashFen: cash,
        receiptSigned: cash > 0,
        ...(age !== null && age < 16 ? { escort: `站内工作人员${fullName(r, r.chance(0.5) ? 'male' : 'female')}护送` } : {}),
      };
    }
    case 'family_collected': {
      const sex = r.chance(0.6) ? 'male' : 'female';
      const year = Number(cal.dayOf(t).slice(0, 4)) - r.int(25, 65);
      const born = `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
      return { ...note, type, collectorName: fullName(r, sex), relation: r.pick(RELATIONS), collectorIdNumber: idNumberFor(r, REGION_PICK.pick(r)[0], born, sex) };
    }
    case 'self_discharge':
      return { ...note, type, declarationSigned: true };
    case 'left_without_notice':
      return { ...note, type, record: r.pick(['夜间巡查时发现人员不在床位，监控显示其自行离开', '外出后未返回，电话联系未果', '趁开门之际自行离开，已报告带班领导']) };
    case 'foster_care':
      return { ...note, type, home: r.pick(FOSTER_HOMES) };
    case 'hospital':
      return { ...note, type, hospital: r.pick(HOSPITALS) };
    case 'other_agency':
      return { ...note, type, agency: r.pick(AGENCIES) };
    case 'assistance_ended':
      return { ...note, type, notice: r.pick(['受助人员拒不配合，经批准终止救助', '受助人员已有能力自行返乡，终止救助', '查实有固定住所和收入来源，终止救助']) };
    case 'death':
      return { ...note, type, policeInformed: true, policeUnit: r.pick(POLICE_UNITS) };
    default:
      return missingCase(type);
  }
}
