/**
 * The benchmark's writer of intake's ops: the row writers beneath intake's and the registry's services, without
 * their checks (the plan obeys the rules already) and without reading anything back. Every row is the one the
 * services write for the same step (tests/core/demo/generate.test.ts runs one plan through both writers and compares).
 */
import { checkIdNumber } from '../../../../shared/domain/idcard';
import { missingCase } from '../../../../shared/domain/result';
import type { DemoEnv, DemoWriter } from '../../demo/generate/section';
import { indexNewPerson, insertPerson, type PersonRowValues } from '../../people/rows';
import { pinyinKeys } from '../../people/search';
import {
  answerOwnershipOffer,
  insertBedAssignment,
  insertCustodyItem,
  insertCustodySettlement,
  insertFamilySearchTask,
  insertOwnershipOffer,
  insertSafetyCheck,
  insertStayEvent,
  insertStay,
  insertStayExtension,
  markFamilySearchTaskDone,
  releaseBed,
  updateStayDischarged,
  updateStayOwner,
  updateStayTriage,
  withdrawOffers,
} from '../rows';
import { familySearchDue, triageOutcome } from '../stays';
import type { Op } from './ops';

export class IntakeBulkWriter implements DemoWriter<Op> {
  /** Row ids by the planner's keys; a closed stay's entries are dropped (ten years would not fit otherwise). */
  private readonly stays = new Map<number, number>();
  private readonly persons = new Map<number, number>();
  private readonly items = new Map<number, number[]>();
  private readonly tasks = new Map<number, Map<string, number>>();
  private readonly offers = new Map<number, number>();
  /** Search index rows are written in a batch before each commit: the index's pages stay hot while they are. */
  private readonly unindexed = new Map<number, PersonRowValues>();
  private readonly pinyinCache = new Map<string, { full: string; initials: string }>();

  constructor(private readonly env: DemoEnv) {}

  private pinyin(name: string): { full: string; initials: string } {
    let k = this.pinyinCache.get(name);
    if (!k) this.pinyinCache.set(name, (k = pinyinKeys(name)));
    return k;
  }

  /** The stay's row id; the stay is forgotten when `closing`. */
  private stay(key: number, closing = false): number {
    const id = this.stays.get(key)!;
    if (closing) {
      this.stays.delete(key);
      this.items.delete(key);
      this.tasks.delete(key);
      this.offers.delete(key);
    }
    return id;
  }

  apply(op: Op): void {
    const { db } = this.env;
    switch (op.k) {
      case 'register': {
        let personId = this.persons.get(op.person);
        if (personId === undefined) personId = this.insertPerson(op);
        this.persons.set(op.person, personId);
        const { channel, channelDetail, arrivedAt } = op;
        const stayId = insertStay(db, { personId, arrivedAt, arrivedOn: this.env.calendar.dayOf(arrivedAt), channel, channelDetail, ownerId: op.actor, lateReason: null, at: op.at });
        this.stays.set(op.stay, stayId);
        insertStayEvent(db, stayId, op.actor, op.at, 'registered', { channel });
        if (op.unknownIdentity) {
          this.tasks.set(op.stay, new Map(familySearchDue(this.env.settings, arrivedAt).map(([kind, due]) => [kind, insertFamilySearchTask(db, stayId, kind, due)])));
        }
        return;
      }
      case 'complete':
        return; // written with the person's row (see insertPerson)
      case 'triage': {
        const i = op.input;
        const { status, record } = triageOutcome(i, op.at, this.env.names.get(op.actor)!);
        const stayId = this.stay(op.stay, status === 'handed_to_police' || status === 'refused');
        updateStayTriage(db, stayId, { status, triage: record, conditions: i.conditions, temperatureC10: i.temperatureC === undefined ? null : Math.round(i.temperatureC * 10), at: op.at });
        insertStayEvent(db, stayId, op.actor, op.at, 'triage', { ...record, status });
        return;
      }
      case 'bed': {
        const stayId = this.stay(op.stay);
        insertBedAssignment(db, stayId, op.bedId, op.at, op.actor, null);
        insertStayEvent(db, stayId, op.actor, op.at, 'bed_assigned', { bed: op.label, zone: op.zone });
        return;
      }
      case 'safety': {
        const stayId = this.stay(op.stay);
        insertSafetyCheck(db, stayId, { at: op.at, findings: op.findings, disposition: op.disposition, witness1: op.actor, witness2: op.witness });
        insertStayEvent(db, stayId, op.actor, op.at, 'safety_check', { findings: op.findings, disposition: op.disposition });
        return;
      }
      case 'custody': {
        const stayId = this.stay(op.stay);
        this.items.set(op.stay, op.items.map((i) => insertCustodyItem(db, stayId, i, op.at, op.actor, op.witness)));
        insertStayEvent(db, stayId, op.actor, op.at, 'custody_received', { items: op.items.length });
        return;
      }
      case 'settle': {
        const stayId = this.stay(op.stay);
        insertCustodySettlement(db, this.items.get(op.stay)![op.item]!, op.kind, op.reason ?? null, op.kind === 'returned', op.at, op.actor);
        insertStayEvent(db, stayId, op.actor, op.at, 'custody_settled', { item: op.description, kind: op.kind, ...(op.reason ? { reason: op.reason } : {}) });
        return;
      }
      case 'service':
        insertStayEvent(db, this.stay(op.stay), op.actor, op.at, 'service', { kind: op.kind, note: op.note });
        return;
      case 'extend': {
        const stayId = this.stay(op.stay);
        insertStayExtension(db, stayId, op.days, op.reason, op.actor, op.at);
        insertStayEvent(db, stayId, op.actor, op.at, 'extended', { days: op.days, reason: op.reason });
        return;
      }
      case 'task': {
        const stayId = this.stay(op.stay);
        markFamilySearchTaskDone(db, this.tasks.get(op.stay)!.get(op.kind)!, op.at, op.actor, op.note);
        insertStayEvent(db, stayId, op.actor, op.at, 'family_search', { kind: op.kind, note: op.note });
        return;
      }
      case 'offer': {
        const stayId = this.stay(op.stay);
        this.offers.set(op.stay, insertOwnershipOffer(db, stayId, op.actor, op.to, op.note ?? null, op.at));
        insertStayEvent(db, stayId, op.actor, op.at, 'ownership_offered', { to: op.to, ...(op.note ? { note: op.note } : {}) });
        return;
      }
      case 'answer': {
        const stayId = this.stay(op.stay);
        answerOwnershipOffer(db, this.offers.get(op.stay)!, op.accept, op.at);
        this.offers.delete(op.stay);
        if (op.accept) updateStayOwner(db, stayId, op.actor, op.at);
        insertStayEvent(db, stayId, op.actor, op.at, op.accept ? 'ownership_accepted' : 'ownership_declined');
        return;
      }
      case 'discharge': {
        const stayId = this.stay(op.stay, true);
        const { type, ...detail } = op.input;
        updateStayDischarged(db, stayId, type, detail, op.at, op.at);
        releaseBed(db, stayId, op.at);
        withdrawOffers(db, stayId, op.at);
        insertStayEvent(db, stayId, op.actor, op.at, 'discharged', { type, ...detail });
        return;
      }
      default:
        missingCase(op);
    }
  }

  /** The person's row as writePerson leaves it after the quick registration and, when it happened, the completion. */
  private insertPerson(op: Extract<Op, { k: 'register' }>): number {
    const q = op.newPerson ?? {};
    const today = this.env.calendar.dayOf(op.at);
    let sex = q.sex ?? null;
    let birthDate = q.birthDate ?? null;
    let idNumber: string | null = null;
    if (q.idNumber) {
      const id = checkIdNumber(q.idNumber, today);
      if (!id.ok) throw new Error(`generator: invalid ID ${q.idNumber}`);
      idNumber = id.normalized;
      birthDate = id.birthDate;
      sex = id.sex;
    }
    const keys = q.name ? this.pinyin(q.name) : { full: '', initials: '' };
    const f = op.completion?.fields ?? {};
    const states = op.completion ? (f.fieldStates ?? {}) : {};
    const row: PersonRowValues = {
      name: q.name ?? null,
      sex,
      birth_date: birthDate,
      estimated_age: q.estimatedAge ?? null,
      estimated_on: q.estimatedAge !== undefined ? today : null,
      id_number: idNumber,
      hukou_place: f.hukouPlace ?? null,
      residence: f.residence ?? null,
      benefits: f.benefits ?? null,
      dialect: f.dialect ?? null,
      height_cm: f.heightCm ?? null,
      build: f.build ?? null,
      features: f.features ?? null,
      clothing: f.clothing ?? null,
      description: q.description ?? null,
      field_states: JSON.stringify(states),
      pinyin_full: keys.full,
      pinyin_initials: keys.initials,
      created_at: op.at,
      created_by: op.actor,
      updated_at: op.completion?.at ?? op.at,
    };
    const id = insertPerson(this.env.db, row);
    this.unindexed.set(id, row);
    return id;
  }

  flush(): void {
    for (const [id, row] of this.unindexed) indexNewPerson(this.env.db, id, row);
    this.unindexed.clear();
  }
}
