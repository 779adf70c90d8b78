import { z } from 'zod';
import { checkIdNumber } from '../domain/idcard';
import { BENEFITS, CONDITIONS, FIELD_STATES, IDENTITY_FIELDS, SEXES, type Condition } from '../domain/person';
import { mutation, output, query } from './define';
import { birthDate, id, kindOf, requiredText, text, wholeNumber } from './fields';

const optionalText = (max: number) => text(max).optional();

/** An ID number: the message says which part is wrong (length, characters, birth date, check digit). */
export const idNumber = kindOf(
  z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((v, ctx) => {
      const r = checkIdNumber(v);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: `v.id.${r.problem}` });
    }),
  // Stryker disable next-line StringLiteral: the field's kind is metadata read only by the fuzz harness, to aim ID-number boundary values at it; no caller of the contract reads it
  'idNumber',
);

export const fieldStates = z.partialRecord(z.enum(IDENTITY_FIELDS), z.enum(FIELD_STATES));

/** The identity part of a person's record; every field optional so it can be completed later. */
export const personFields = z.object({
  name: optionalText(40),
  sex: z.enum(SEXES).optional(),
  birthDate: birthDate.optional(),
  estimatedAge: wholeNumber(0, 120, 'v.age').optional(),
  idNumber: idNumber.optional(),
  hukouPlace: optionalText(100),
  residence: optionalText(100),
  benefits: z.enum(BENEFITS).optional(),
  dialect: optionalText(40),
  heightCm: wholeNumber(30, 250, 'v.height').optional(),
  build: optionalText(40),
  features: optionalText(200),
  clothing: optionalText(200),
  description: optionalText(500),
  fieldStates: fieldStates.optional(),
});

export interface StaySummary {
  id: number;
  arrivedAt: number;
  status: string;
  dischargeType: string | null;
  dischargedAt: number | null;
}

export interface PersonHit {
  id: number;
  name: string | null;
  sex: 'male' | 'female' | null;
  age: number | null;
  idNumber: string | null;
  description: string | null;
  pinyinInitials: string;
  lastStay: StaySummary | null;
}

export interface PersonMatch extends PersonHit {
  reasons: ('id_number' | 'name_birth_year' | 'pinyin_sex')[];
  stays: StaySummary[];
}

export interface PersonLink {
  id: number;
  otherId: number;
  otherName: string | null;
  reason: string;
  linkedAt: number;
  linkedBy: string;
}

export interface PersonDetail {
  id: number;
  name: string | null;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  estimatedAge: number | null;
  estimatedOn: string | null;
  age: number | null;
  idNumber: string | null;
  hukouPlace: string | null;
  residence: string | null;
  benefits: (typeof BENEFITS)[number] | null;
  dialect: string | null;
  heightCm: number | null;
  build: string | null;
  features: string | null;
  clothing: string | null;
  description: string | null;
  hasPhoto: boolean;
  fieldStates: Partial<Record<(typeof IDENTITY_FIELDS)[number], (typeof FIELD_STATES)[number]>>;
  /** Identity fields neither filled nor marked unknown/refused. */
  missing: (typeof IDENTITY_FIELDS)[number][];
  stays: StaySummary[];
  links: PersonLink[];
  createdAt: number;
}

export const personUpdateInput = personFields.extend({ id });
export const photoInput = z.object({
  id,
  /** base64 of a JPEG or PNG, at most ~600 kB */
  dataBase64: z.string().max(800_000, { message: 'v.photoTooLarge' }),
  type: z.enum(['image/jpeg', 'image/png']),
});

export const peopleContract = {
  /** Search while typing: name fragment, pinyin (full or initials), ID digits, description words. */
  'people.search': query('intake.read', z.object({ q: z.string().trim().min(1).max(40), limit: z.number().int().min(1).max(50).default(20) }), output<PersonHit[]>()),
  /** Search before create: likely matches for what the desk has typed so far, with their past stays. */
  'people.matches': query(
    'intake.read',
    z.object({ name: optionalText(40), sex: z.enum(SEXES).optional(), birthYear: z.number().int().min(1880).max(2200).optional(), idNumber: z.string().trim().max(18).optional() }),
    output<PersonMatch[]>(),
  ),
  'people.get': query('intake.read', z.object({ id }), output<PersonDetail>()),
  'people.update': mutation('intake.write', personUpdateInput, output<PersonDetail>()),
  'people.setPhoto': mutation('intake.write', photoInput, output<PersonDetail>()),
  'people.photo': query('intake.read', z.object({ id }), output<{ dataBase64: string; type: string } | null>()),
  /** Two records of one person: linked reversibly, never merged. */
  /**
   * A saved ID number is never dropped by an emptied box: clearing it is an action of its own, with a reason, and
   * audited with the number it removed.
   */
  'people.clearIdNumber': mutation('intake.write', z.object({ id, reason: requiredText(200) }), output<PersonDetail>()),
  'people.link': mutation('intake.write', z.object({ a: id, b: id, reason: requiredText(200) }), output<PersonDetail>()),
  'people.unlink': mutation('intake.write', z.object({ linkId: id, reason: requiredText(200) }), output<PersonDetail>()),
};

export type { Condition };
export { CONDITIONS };
