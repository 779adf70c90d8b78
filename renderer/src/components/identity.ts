import type { TFunction } from 'i18next';
import type { PersonDetail } from '../../../shared/contract/people';
import type { FieldState, IdentityField } from '../../../shared/domain/person';
import { missingCase } from '../../../shared/domain/result';

/**
 * One identity field as the screens and prints show it: a value, or the explicit "unknown"/"refused"
 * mark, or nothing recorded yet (which the screen flags and the paper form leaves blank to fill in).
 */
export type IdentityValue = { kind: 'value'; text: string } | { kind: 'state'; state: FieldState; text: string } | { kind: 'missing' };

function rawValue(t: TFunction, p: PersonDetail, field: IdentityField): string | null {
  switch (field) {
    case 'name':
      return p.name;
    case 'sex':
      return p.sex ? t(`intake.sex.${p.sex}`) : null;
    case 'birth':
      if (p.birthDate) return p.age === null ? p.birthDate : t('people.birthDate', { date: p.birthDate, age: p.age });
      if (p.estimatedAge !== null) return t('people.estimatedAge', { age: p.age ?? p.estimatedAge });
      return null;
    case 'idNumber':
      return p.idNumber;
    case 'hukouPlace':
      return p.hukouPlace;
    case 'residence':
      return p.residence;
    case 'benefits':
      return p.benefits ? t(`intake.benefits.${p.benefits}`) : null;
    case 'dialect':
      return p.dialect;
    default:
      return missingCase(field);
  }
}

export function identityValue(t: TFunction, p: PersonDetail, field: IdentityField): IdentityValue {
  const v = rawValue(t, p, field);
  if (v !== null && v !== '') return { kind: 'value', text: v };
  const state = p.fieldStates[field];
  if (state) return { kind: 'state', state, text: t(`intake.fieldState.${state}`) };
  return { kind: 'missing' };
}

/** The age alone: "50 岁" from a birth date, "约 50 岁" from an estimate, or null. */
export function ageText(t: TFunction, p: PersonDetail): string | null {
  if (p.age === null) return null;
  return p.birthDate ? t('people.ageValue', { age: p.age }) : t('people.aboutAge', { age: p.age });
}

/** Plain text for a printed form: the value, 不详 / 拒绝提供, or blank to be filled in by hand. */
export function identityText(t: TFunction, p: PersonDetail, field: IdentityField): string {
  const v = identityValue(t, p, field);
  return v.kind === 'missing' ? '' : v.text;
}
