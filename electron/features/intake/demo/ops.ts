/** The steps of intake's demo section: what the planner decides, and both writers apply. */
import type { z } from 'zod';
import type { dischargeInput, registerInput, triageInput } from '../../../../shared/contract/intake';
import type { ArrivalChannel, Condition } from '../../../../shared/domain/person';
import type { StationSettings } from '../../../../shared/contract/settings';
import type { PersonFields } from '../../people/service';
import type { Rng } from '../../demo/generate/random';
import type { Staff } from '../../demo/generate/staff';
import type { Calendar } from '../../demo/generate/time';

export type Sex = 'male' | 'female';
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type DischargePlan = DistributiveOmit<z.output<typeof dischargeInput>, 'stayId'>;
export type RegisterPerson = NonNullable<z.output<typeof registerInput>['person']>;
export type Completion = Pick<
  PersonFields,
  'hukouPlace' | 'residence' | 'benefits' | 'dialect' | 'heightCm' | 'build' | 'features' | 'clothing' | 'fieldStates'
>;

export interface PersonPlan {
  key: number;
  /** What the desk types at the first registration. */
  quick: RegisterPerson;
  /** Filled in after triage at the first stay; undefined: the record stays incomplete. */
  completion?: Completion;
  sex: Sex;
  /** As the record will hold them: from the ID, stated, or estimated on `estimatedOn`. */
  birthDate: string | null;
  estimatedAge: number | null;
  estimatedOn: string | null;
  unknownIdentity: boolean;
  chronic: Condition[];
  visits: number;
  seen: number;
}

export interface ZonePlan {
  id: number;
  code: string;
  name: string;
  sex: Sex | null;
  minAge: number | null;
  maxAge: number | null;
  medical: boolean;
  beds: { id: number; label: string; stay: number }[];
}

/** A step handed to a writer. `stay` and `person` are the planner's keys; writers map them to row ids. */
export type Op =
  | {
      k: 'register';
      at: number;
      actor: number;
      stay: number;
      person: number;
      newPerson?: RegisterPerson;
      /** For the bulk writer: the final person row (completion included when it happens before `now`). */
      completion?: { at: number; fields: Completion };
      unknownIdentity: boolean;
      channel: ArrivalChannel;
      channelDetail: z.output<typeof registerInput>['channelDetail'];
      arrivedAt: number;
    }
  | { k: 'complete'; at: number; actor: number; person: number; fields: Completion }
  | { k: 'triage'; at: number; actor: number; stay: number; input: Omit<z.output<typeof triageInput>, 'stayId'> }
  | { k: 'bed'; at: number; actor: number; stay: number; bedId: number; label: string; zone: string }
  | { k: 'safety'; at: number; actor: number; witness: number; stay: number; findings: string; disposition: string }
  | { k: 'custody'; at: number; actor: number; witness: number; stay: number; items: CustodyItemPlan[] }
  | { k: 'settle'; at: number; actor: number; stay: number; item: number; description: string; kind: 'returned' | 'disposed' | 'handed_over'; reason?: string }
  | { k: 'service'; at: number; actor: number; stay: number; kind: string; note: string }
  | { k: 'extend'; at: number; actor: number; stay: number; days: number; reason: string }
  | { k: 'task'; at: number; actor: number; stay: number; kind: 'notice' | 'dna_request' | 'notice_refresh'; note: string }
  | { k: 'offer'; at: number; actor: number; stay: number; to: number; note?: string }
  | { k: 'answer'; at: number; actor: number; stay: number; accept: boolean }
  | { k: 'discharge'; at: number; actor: number; stay: number; input: DischargePlan };

export interface CustodyItemPlan {
  description: string;
  quantity: number;
  cashFen: number;
  storagePlace: string;
}

/** One stay as the planner follows it, from its registration to its end. */
export interface StayTrack {
  key: number;
  /** The stay's own randomness: its draws do not depend on any other stay's. */
  r: Rng;
  person: PersonPlan;
  status: string;
  bed: ZonePlan['beds'][number] | null;
  age: number | null;
  items: CustodyItemPlan[];
  arrivedAt: number;
  owner: number;
  /** The latest the stay may end: before the same person's next arrival, or a while before now for old stays. */
  cap: number;
  /** Schedules a step of this stay at `t` (nothing happens after now). */
  at(t: number, fn: () => void): void;
  /** The stay is over: no more family-search steps for it. */
  close(): void;
}

/** What a stay's own plan (admitted-stay.ts) asks of the planner that runs it. */
export interface StayPlanner {
  readonly settings: StationSettings;
  readonly staff: Staff;
  readonly cal: Calendar;
  readonly write: (op: Op) => void;
  desk(t: number): number;
  ageAt(p: PersonPlan, t: number): number | null;
  daytime(r: Rng, t: number, notBefore: number, cap: number): number;
  placeBed(stay: StayTrack, t: number, medical: boolean): void;
  freeBed(stay: StayTrack): void;
}
