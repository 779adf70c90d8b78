/** The demo's writer of intake's ops: intake's checked service functions, as the desk would call them. */
import type { z } from 'zod';
import { dischargeInput, registerInput, triageInput } from '../../../../shared/contract/intake';
import { withValidationContext } from '../../../../shared/contract/validation-context';
import { missingCase } from '../../../../shared/domain/result';
import { cached } from '../../../db/statements';
import type { DemoEnv, DemoWriter } from '../../demo/generate/section';
import { writePerson } from '../../people/service';
import { addService, answerOwnership, assignBed, completeTask, custodySettle, extend, offerOwnership } from '../care';
import { insertCustodyItem, insertSafetyCheck, insertStayEvent } from '../rows';
import { discharge, register, triage, type IntakeCtx } from '../stays';
import type { Op } from './ops';

export class IntakeServiceWriter implements DemoWriter<Op> {
  private readonly stays = new Map<number, number>();
  private readonly persons = new Map<number, number>();
  private readonly items = new Map<number, number[]>();
  constructor(private readonly env: DemoEnv) {}

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
        writePerson(db, this.persons.get(op.person)!, op.fields, { now: op.at, today: c.today, actorId: op.actor });
        return;
      case 'triage':
        triage(c, this.parse(triageInput, op.at, { stayId: this.stays.get(op.stay), ...op.input }));
        return;
      case 'bed':
        assignBed(c, this.stays.get(op.stay)!, { bedId: op.bedId }, undefined);
        return;
      case 'safety': {
        // Co-signed: the rows the service writes, without the witness's password (the plan knows who was there).
        const stayId = this.stays.get(op.stay)!;
        insertSafetyCheck(db, stayId, { at: op.at, findings: op.findings, disposition: op.disposition, witness1: op.actor, witness2: op.witness });
        insertStayEvent(db, stayId, op.actor, op.at, 'safety_check', { findings: op.findings, disposition: op.disposition });
        return;
      }
      case 'custody': {
        const stayId = this.stays.get(op.stay)!;
        this.items.set(op.stay, op.items.map((i) => insertCustodyItem(db, stayId, i, op.at, op.actor, op.witness)));
        insertStayEvent(db, stayId, op.actor, op.at, 'custody_received', { items: op.items.length });
        return;
      }
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
        const task = cached(db, 'SELECT id FROM family_search_tasks WHERE stay_id = ? AND kind = ?').get(this.stays.get(op.stay), op.kind) as { id: number };
        completeTask(c, task.id, op.note);
        return;
      }
      case 'offer':
        offerOwnership(c, this.stays.get(op.stay)!, op.to, op.note);
        return;
      case 'answer': {
        const offer = cached(db, 'SELECT id FROM ownership_offers WHERE stay_id = ? AND answered_at IS NULL').get(this.stays.get(op.stay)) as { id: number };
        answerOwnership(c, offer.id, op.accept);
        return;
      }
      case 'discharge':
        discharge(c, this.parse(dischargeInput, op.at, { stayId: this.stays.get(op.stay), ...op.input }));
        this.items.delete(op.stay);
        return;
      default:
        missingCase(op);
    }
  }
}
