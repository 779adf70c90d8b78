/** The two writers of a plan: through the services (the demo), or in bulk with the same rows (the benchmark). */
import type { z } from 'zod';
import { dischargeInput, registerInput, triageInput } from '../../../../shared/contract/intake';
import { withValidationContext } from '../../../../shared/contract/validation-context';
import type { StationSettings } from '../../../../shared/contract/settings';
import { checkIdNumber } from '../../../../shared/domain/idcard';
import { stationDay } from '../../../../shared/domain/time';
import type { DB } from '../../../db/open';
import { insertStayEvent as addEvent } from '../../intake/rows';
import { addService, answerOwnership, assignBed, completeTask, custodySettle, extend, offerOwnership } from '../../intake/care';
import { discharge, familySearchDue, register, triage, triageOutcome, type IntakeCtx } from '../../intake/stays';
import { gramText, pinyinKeys, searchText } from '../../people/search';
import { writePerson } from '../../people/service';
import type { Calendar, Op } from './plan';

export interface Writer {
  apply(op: Op): void;
  /** Called between chunks of the bulk path (commit, flush). */
  checkpoint(): void;
  finish(): void;
}

export interface WriterEnv {
  db: DB;
  settings: StationSettings;
  users: Map<number, string>;
  calendar: Calendar;
}

/** Through the services, as the desk would: the demo station. */
export class ServiceWriter implements Writer {
  private readonly stays = new Map<number, number>();
  private readonly persons = new Map<number, number>();
  private readonly items = new Map<number, number[]>();
  constructor(private readonly env: WriterEnv) {}

  private ctx(op: { at: number; actor: number }): IntakeCtx {
    return { db: this.env.db, now: op.at, today: this.env.calendar.dayOf(op.at), actorId: op.actor, settings: this.env.settings };
  }

  /** The contract's parse as the dispatcher runs it: at the op's time, with the station's date settings. */
  private parse<S extends z.ZodType>(schema: S, at: number, value: unknown): z.output<S> {
    const { timeZone, dateFloor, lateRegistrationHours } = this.env.settings;
    return withValidationContext({ now: at, timeZone, dateFloor, lateRegistrationHours }, () => schema.parse(value));
  }

  apply(op: Op): void {
    const { db } = this.env;
    const c = this.ctx(op);
    switch (op.k) {
      case 'register': {
        const known = this.persons.get(op.person);
        const input = this.parse(registerInput, op.at, {
          ...(known !== undefined ? { personId: known } : { person: op.newPerson }),
          channel: op.channel,
          channelDetail: op.channelDetail,
          arrivedAt: op.arrivedAt,
        });
        const out = register(c, input);
        this.persons.set(op.person, out.personId);
        this.stays.set(op.stay, out.stayId);
        return;
      }
      case 'complete':
        writePerson(db, this.persons.get(op.person)!, op.fields, { now: op.at, today: stationDay(op.at, this.env.settings.timeZone), actorId: op.actor });
        return;
      case 'triage':
        triage(c, this.parse(triageInput, op.at, { stayId: this.stays.get(op.stay), ...op.input }));
        return;
      case 'bed':
        assignBed(c, this.stays.get(op.stay)!, { bedId: op.bedId }, undefined);
        return;
      case 'safety':
        insertSafetyCheck(db, this.stays.get(op.stay)!, op);
        return;
      case 'custody':
        this.items.set(op.stay, insertCustody(db, this.stays.get(op.stay)!, op));
        return;
      case 'settle':
        custodySettle(c, this.items.get(op.stay)![op.item]!, op.kind, op.reason, op.kind === 'returned');
        return;
      case 'service':
        addService(c, this.stays.get(op.stay)!, op.kind, op.note);
        return;
      case 'extend':
        extend(c, this.stays.get(op.stay)!, op.days, op.reason);
        return;
      case 'task': {
        const task = db.prepare('SELECT id FROM family_search_tasks WHERE stay_id = ? AND kind = ?').get(this.stays.get(op.stay), op.kind) as { id: number };
        completeTask(c, task.id, op.note);
        return;
      }
      case 'offer':
        offerOwnership(c, this.stays.get(op.stay)!, op.to, op.note);
        return;
      case 'answer': {
        const offer = db.prepare('SELECT id FROM ownership_offers WHERE stay_id = ? AND answered_at IS NULL').get(this.stays.get(op.stay)) as { id: number };
        answerOwnership(c, offer.id, op.accept);
        return;
      }
      case 'discharge':
        discharge(c, this.parse(dischargeInput, op.at, { stayId: this.stays.get(op.stay), ...op.input }));
        this.items.delete(op.stay);
        return;
    }
  }
  checkpoint(): void {}
  finish(): void {}
}

/** The co-signed steps without the witness's password (the generator knows who was there). Same rows as care.ts. */
export function insertSafetyCheck(db: DB, stayId: number, op: Extract<Op, { k: 'safety' }>): void {
  db.prepare('INSERT INTO safety_checks (stay_id, at, findings, disposition, witness_1, witness_2) VALUES (?, ?, ?, ?, ?, ?)').run(
    stayId,
    op.at,
    op.findings,
    op.disposition,
    op.actor,
    op.witness,
  );
  addEvent(db, stayId, op.actor, op.at, 'safety_check', { findings: op.findings, disposition: op.disposition });
}

export function insertCustody(db: DB, stayId: number, op: Extract<Op, { k: 'custody' }>): number[] {
  const insert = db.prepare(
    'INSERT INTO custody_items (stay_id, description, quantity, cash_fen, storage_place, received_at, staff_1, staff_2) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const ids = op.items.map((i) => Number(insert.run(stayId, i.description, i.quantity, i.cashFen, i.storagePlace, op.at, op.actor, op.witness).lastInsertRowid));
  addEvent(db, stayId, op.actor, op.at, 'custody_received', { items: op.items.length });
  return ids;
}

/**
 * Prepared statements in big transactions: the benchmark's ten-year station. Every row is the one the services
 * would write for the same step (tests/core/generate.test.ts runs one plan through both writers and compares).
 */
export class BulkWriter implements Writer {
  private readonly stays = new Map<number, number>();
  private readonly persons = new Map<number, number>();
  private readonly items = new Map<number, number[]>();
  private readonly ftsPending = new Map<number, Parameters<typeof searchText>[0]>();
  private readonly pinyinCache = new Map<string, { full: string; initials: string }>();
  private readonly s;

  constructor(private readonly env: WriterEnv) {
    this.cal = env.calendar;
    const p = (sql: string) => env.db.prepare(sql);
    this.s = {
      person: p(
        `INSERT INTO persons (name, sex, birth_date, estimated_age, estimated_on, id_number, hukou_place, residence, benefits, dialect, height_cm,
           build, features, clothing, description, field_states, pinyin_full, pinyin_initials, created_at, created_by, updated_at)
         VALUES (@name, @sex, @birth_date, @estimated_age, @estimated_on, @id_number, @hukou_place, @residence, @benefits, @dialect, @height_cm,
           @build, @features, @clothing, @description, @field_states, @pinyin_full, @pinyin_initials, @created_at, @created_by, @updated_at)`,
      ),
      ftsInsert: p('INSERT INTO persons_search (rowid, text) VALUES (?, ?)'),
      gramInsert: p('INSERT INTO persons_grams (rowid, grams) VALUES (?, ?)'),
      stay: p(
        `INSERT INTO stays (person_id, arrived_at, arrived_on, channel, channel_detail, status, owner_id, registered_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'registered', ?, ?, ?, ?)`,
      ),
      event: p('INSERT INTO stay_events (stay_id, at, actor_id, kind, data) VALUES (?, ?, ?, ?, ?)'),
      task: p('INSERT INTO family_search_tasks (stay_id, kind, due_at) VALUES (?, ?, ?)'),
      taskDone: p('UPDATE family_search_tasks SET done_at = ?, done_by = ?, note = ? WHERE stay_id = ? AND kind = ?'),
      triage: p('UPDATE stays SET status = ?, triage = ?, conditions = ?, temperature_c10 = coalesce(?, temperature_c10), updated_at = ? WHERE id = ?'),
      bed: p('INSERT INTO bed_assignments (stay_id, bed_id, from_at, by_user, reason) VALUES (?, ?, ?, ?, NULL)'),
      safety: p('INSERT INTO safety_checks (stay_id, at, findings, disposition, witness_1, witness_2) VALUES (?, ?, ?, ?, ?, ?)'),
      item: p('INSERT INTO custody_items (stay_id, description, quantity, cash_fen, storage_place, received_at, staff_1, staff_2) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      settle: p('INSERT INTO custody_settlements (item_id, kind, reason, client_confirmed, at, by_user) VALUES (?, ?, ?, ?, ?, ?)'),
      extension: p('INSERT INTO stay_extensions (stay_id, days, reason, approved_by, at) VALUES (?, ?, ?, ?, ?)'),
      offer: p('INSERT INTO ownership_offers (stay_id, from_user, to_user, note, offered_at) VALUES (?, ?, ?, ?, ?)'),
      answer: p('UPDATE ownership_offers SET answered_at = ?, accepted = ? WHERE stay_id = ? AND answered_at IS NULL'),
      owner: p('UPDATE stays SET owner_id = ?, updated_at = ? WHERE id = ?'),
      discharge: p(`UPDATE stays SET status = 'discharged', discharge_type = ?, discharge_detail = ?, discharged_at = ?, updated_at = ? WHERE id = ?`),
      freeBed: p('UPDATE bed_assignments SET to_at = ? WHERE stay_id = ? AND to_at IS NULL'),
      closeOffers: p('UPDATE ownership_offers SET answered_at = ?, accepted = 0 WHERE stay_id = ? AND answered_at IS NULL'),
    };
    env.db.exec('BEGIN');
  }

  private readonly cal: Calendar;
  private event(stayId: number, actor: number, at: number, kind: string, data: Record<string, unknown>): void {
    this.s.event.run(stayId, at, actor, kind, JSON.stringify(data));
  }
  private pinyin(name: string): { full: string; initials: string } {
    let k = this.pinyinCache.get(name);
    if (!k) this.pinyinCache.set(name, (k = pinyinKeys(name)));
    return k;
  }

  apply(op: Op): void {
    const s = this.s;
    switch (op.k) {
      case 'register': {
        let personId = this.persons.get(op.person);
        if (personId === undefined) personId = this.insertPerson(op);
        this.persons.set(op.person, personId);
        const stayId = Number(
          s.stay.run(personId, op.arrivedAt, this.cal.dayOf(op.arrivedAt), op.channel, JSON.stringify(op.channelDetail), op.actor, op.actor, op.at, op.at).lastInsertRowid,
        );
        this.stays.set(op.stay, stayId);
        this.event(stayId, op.actor, op.at, 'registered', { channel: op.channel });
        if (op.unknownIdentity) for (const [kind, due] of familySearchDue(this.env.settings, op.arrivedAt)) s.task.run(stayId, kind, due);
        return;
      }
      case 'complete':
        return; // written with the person's row (see insertPerson)
      case 'triage': {
        const stayId = this.stays.get(op.stay)!;
        const i = op.input;
        const { status, record } = triageOutcome(i, op.at, this.env.users.get(op.actor)!);
        s.triage.run(status, JSON.stringify(record), JSON.stringify(i.conditions), i.temperatureC === undefined ? null : Math.round(i.temperatureC * 10), op.at, stayId);
        this.event(stayId, op.actor, op.at, 'triage', { ...record, status });
        if (status === 'handed_to_police' || status === 'refused') this.stays.delete(op.stay);
        return;
      }
      case 'bed': {
        const stayId = this.stays.get(op.stay)!;
        s.bed.run(stayId, op.bedId, op.at, op.actor);
        this.event(stayId, op.actor, op.at, 'bed_assigned', { bed: op.label, zone: op.zone });
        return;
      }
      case 'safety': {
        const stayId = this.stays.get(op.stay)!;
        s.safety.run(stayId, op.at, op.findings, op.disposition, op.actor, op.witness);
        this.event(stayId, op.actor, op.at, 'safety_check', { findings: op.findings, disposition: op.disposition });
        return;
      }
      case 'custody': {
        const stayId = this.stays.get(op.stay)!;
        this.items.set(
          op.stay,
          op.items.map((i) => Number(s.item.run(stayId, i.description, i.quantity, i.cashFen, i.storagePlace, op.at, op.actor, op.witness).lastInsertRowid)),
        );
        this.event(stayId, op.actor, op.at, 'custody_received', { items: op.items.length });
        return;
      }
      case 'settle': {
        const stayId = this.stays.get(op.stay)!;
        s.settle.run(this.items.get(op.stay)![op.item]!, op.kind, op.reason ?? null, op.kind === 'returned' ? 1 : 0, op.at, op.actor);
        this.event(stayId, op.actor, op.at, 'custody_settled', { item: op.description, kind: op.kind, ...(op.reason ? { reason: op.reason } : {}) });
        return;
      }
      case 'service':
        this.event(this.stays.get(op.stay)!, op.actor, op.at, 'service', { kind: op.kind, note: op.note });
        return;
      case 'extend': {
        const stayId = this.stays.get(op.stay)!;
        s.extension.run(stayId, op.days, op.reason, op.actor, op.at);
        this.event(stayId, op.actor, op.at, 'extended', { days: op.days, reason: op.reason });
        return;
      }
      case 'task': {
        const stayId = this.stays.get(op.stay)!;
        s.taskDone.run(op.at, op.actor, op.note, stayId, op.kind);
        this.event(stayId, op.actor, op.at, 'family_search', { kind: op.kind, note: op.note });
        return;
      }
      case 'offer': {
        const stayId = this.stays.get(op.stay)!;
        s.offer.run(stayId, op.actor, op.to, op.note ?? null, op.at);
        this.event(stayId, op.actor, op.at, 'ownership_offered', { to: op.to, ...(op.note ? { note: op.note } : {}) });
        return;
      }
      case 'answer': {
        const stayId = this.stays.get(op.stay)!;
        s.answer.run(op.at, op.accept ? 1 : 0, stayId);
        if (op.accept) s.owner.run(op.actor, op.at, stayId);
        this.event(stayId, op.actor, op.at, op.accept ? 'ownership_accepted' : 'ownership_declined', {});
        return;
      }
      case 'discharge': {
        const stayId = this.stays.get(op.stay)!;
        const { type, ...detail } = op.input;
        s.discharge.run(type, JSON.stringify(detail), op.at, op.at, stayId);
        s.freeBed.run(op.at, stayId);
        s.closeOffers.run(op.at, stayId);
        this.event(stayId, op.actor, op.at, 'discharged', { type, ...detail });
        this.stays.delete(op.stay);
        this.items.delete(op.stay);
        return;
      }
    }
  }

  /** The person's row as writePerson leaves it after the quick registration and, when it happened, the completion. */
  private insertPerson(op: Extract<Op, { k: 'register' }>): number {
    const q = op.newPerson ?? {};
    const today = this.cal.dayOf(op.at);
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
    const row = {
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
    const id = Number(this.s.person.run(row).lastInsertRowid);
    this.ftsPending.set(id, row);
    return id;
  }

  private flushIndex(): void {
    for (const [id, p] of this.ftsPending) {
      this.s.ftsInsert.run(id, searchText(p));
      const grams = gramText(p);
      if (grams) this.s.gramInsert.run(id, grams);
    }
    this.ftsPending.clear();
  }

  checkpoint(): void {
    this.flushIndex();
    this.env.db.exec('COMMIT');
    this.env.db.exec('BEGIN');
  }

  finish(): void {
    this.flushIndex();
    this.env.db.exec('COMMIT');
  }
}
