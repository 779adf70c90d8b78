/** A person as the desk will come to know them: what is typed at the first registration, and what is completed later. */
import type { Condition } from '../../../../shared/domain/person';
import { BUILDS, CLOTHING, FEATURES, REGION_PICK, RESIDENCES, SURNAME_PICK, givenName, idNumberFor, seasonOf } from '../../demo/generate/data';
import { Rng, seedOf } from '../../demo/generate/random';
import type { PersonPlan, Sex } from './ops';

/**
 * Person `key`, first registered on `today`; `visits` is how often they will come. `idsTaken` keeps generated ID
 * numbers unique across the station.
 */
export function planPerson(seed: number, key: number, today: string, visits: number, idsTaken: Set<string>): PersonPlan {
  const r = new Rng(seedOf(seed, 2, key));
  const year = Number(today.slice(0, 4));
  const sex: Sex = r.chance(0.72) ? 'male' : 'female';
  const group = r.weighted([['minor', 6], ['adult', 70], ['elderly', 24]] as const);
  const age = group === 'minor' ? r.int(8, 17) : group === 'elderly' ? r.int(60, 88) : r.int(18, 59);
  const born = `${year - age - (r.chance(0.5) ? 1 : 0)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const birthDate = born > today ? `${year - age - 1}${born.slice(4)}` : born;
  const unknownIdentity = r.chance(group === 'elderly' ? 0.13 : 0.09);
  const chronic: Condition[] = [];
  if (r.chance(unknownIdentity ? 0.25 : 0.04)) chronic.push('mental_disorder');
  else if (r.chance(unknownIdentity ? 0.15 : 0.03)) chronic.push('intellectual_disability');
  if (r.chance(group === 'elderly' ? 0.07 : 0.025)) chronic.push('severe_disability');
  const region = REGION_PICK.pick(r);
  const season = seasonOf(Number(today.slice(5, 7)));
  const clothing = r.pick(CLOTHING[season][sex]);
  const build = r.pick(BUILDS);
  const heightCm = sex === 'male' ? r.int(155, 182) : r.int(145, 168);
  const plan: PersonPlan = {
    key,
    quick: {},
    sex,
    birthDate: null,
    estimatedAge: null,
    estimatedOn: null,
    unknownIdentity,
    chronic,
    visits,
    seen: 0,
  };
  if (unknownIdentity) {
    const estimate = age < 18 ? age : Math.max(18, Math.round(age / 5) * 5);
    const feature = r.pick(FEATURES);
    const speech = chronic.includes('mental_disorder') ? '，言语混乱，说不清姓名和住址' : chronic.includes('intellectual_disability') ? '，反应迟缓，无法准确表达' : '，不愿透露姓名';
    const ageKnown = r.chance(0.96);
    plan.quick = {
      sex,
      ...(ageKnown ? { estimatedAge: estimate } : {}),
      description: `${sex === 'male' ? '男' : '女'}，${ageKnown ? `约${estimate}岁` : '年龄不详'}，${build}，身高约${Math.round(heightCm / 5) * 5}厘米，身穿${clothing}，${feature}${speech}`,
    };
    if (ageKnown) {
      plan.estimatedAge = estimate;
      plan.estimatedOn = today;
    }
    if (r.chance(0.75)) {
      const dialectHeard = r.chance(0.5);
      plan.completion = {
        ...(dialectHeard ? { dialect: `口音似${region[2]}` } : {}),
        heightCm,
        build,
        features: feature,
        clothing,
        fieldStates: {
          name: 'unknown',
          idNumber: 'unknown',
          hukouPlace: 'unknown',
          residence: 'unknown',
          benefits: 'unknown',
          ...(dialectHeard ? {} : { dialect: 'unknown' }),
          ...(ageKnown ? {} : { birth: 'unknown' }),
        },
      };
    }
    return plan;
  }
  const name = SURNAME_PICK.pick(r) + givenName(r, sex, Number(birthDate.slice(0, 4)));
  const idKind = r.weighted([
    ['id18', group === 'minor' ? 40 : 60],
    ['id15', group !== 'minor' && Number(birthDate.slice(0, 4)) <= 1980 ? 8 : 0],
    ['none', 35],
  ] as const);
  let idNumber: string | undefined;
  if (idKind !== 'none') {
    let id = idNumberFor(r, region[0], birthDate, sex);
    for (let i = 0; idsTaken.has(id) && i < 50; i++) id = idNumberFor(r, region[0], birthDate, sex);
    if (!idsTaken.has(id)) {
      idsTaken.add(id);
      // A legacy 15-digit card: region, 2-digit year, month, day, sequence; converted on save.
      idNumber = idKind === 'id15' ? id.slice(0, 6) + id.slice(8, 17) : id;
    }
  }
  if (idNumber) {
    plan.quick = { name, idNumber };
    plan.birthDate = birthDate;
  } else if (r.chance(0.4)) {
    plan.quick = { name, sex, birthDate };
    plan.birthDate = birthDate;
  } else {
    plan.quick = { name, sex, estimatedAge: age };
    plan.estimatedAge = age;
    plan.estimatedOn = today;
  }
  if (r.chance(0.85)) {
    const refusesHukou = r.chance(0.05);
    const benefits = group === 'elderly' ? r.weighted([['none', 70], ['dibao', 18], ['wubao', 12]] as const) : r.weighted([['none', 88], ['dibao', 12]] as const);
    plan.completion = {
      ...(refusesHukou ? {} : { hukouPlace: region[1] }),
      residence: r.pick(RESIDENCES),
      benefits,
      dialect: region[2],
      ...(r.chance(0.6) ? { heightCm } : {}),
      ...(r.chance(0.5) ? { build } : {}),
      ...(r.chance(0.15) ? { features: r.pick(FEATURES) } : {}),
      ...(r.chance(0.4) ? { clothing } : {}),
      fieldStates: {
        ...(idNumber ? {} : { idNumber: r.chance(0.6) ? 'unknown' : 'refused' }),
        ...(refusesHukou ? { hukouPlace: 'refused' } : {}),
      },
    };
  }
  return plan;
}
