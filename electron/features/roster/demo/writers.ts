/**
 * The two writers of duty's ops (demo/generate/section.ts): the demo's through the duty services, the benchmark's
 * through the same rows without the checks. Both compile a handover's sections from live data and sign what
 * `sealedForm` reads back, so the signatures verify. Acknowledging and signing are co-signed steps: like intake's
 * safety checks, both writers write the rows the service writes without typing the password each time (scrypt is
 * ~0.1–0.4 s; the fortnight's 54 steps would add half a minute to loading the demo), and each signer's key is opened
 * once. tests/core/generate-duty-stock.test.ts checks these rows against the real procedures'.
 */
import { sign as ed25519Sign, type KeyObject } from 'node:crypto';
import { daysFrom } from '../../../../shared/domain/duty';
import { missingCase } from '../../../../shared/domain/result';
import { cached } from '../../../db/statements';
import { LoginThrottle } from '../../accounts/throttle';
import { auditHead, GENESIS_HASH } from '../../audit/chain';
import { DEMO_PASSWORD } from '../../demo/generate/data';
import type { DemoEnv, DemoWriter } from '../../demo/generate/section';
import { submit } from '../../handover/flow';
import { compile, handoverRow, leadersOf, openHandover, sealedForm } from '../../handover/service';
import { recordHash } from '../../signatures';
import { signingKeyOf } from '../../signatures/keys';
import { signedPayload } from '../../signatures/sign';
import { insertAssignment, templateShift } from '../assignments';
import type { DutyCtx } from '../context';
import { rosterCheck } from '../coverage';
import { recordIncident } from '../incidents';
import { recordRound } from '../patrols';
import { assign, publish } from '../planning';
import type { Op } from './ops';

/** Why a duty leader not rostered for the shift signs it (the signature keeps it). */
export const OFF_DUTY_REASON = '值班领导不在岗，由另一名值班领导签收';

abstract class DutyWriter implements DemoWriter<Op> {
  protected readonly handovers = new Map<number, number>();
  protected readonly throttle = new LoginThrottle();
  constructor(protected readonly env: DemoEnv) {}
  protected ctx(op: { at: number; actor: number }): DutyCtx {
    const { db, settings, calendar, features } = this.env;
    return { db, now: op.at, today: calendar.dayOf(op.at), actorId: op.actor, throttle: this.throttle, settings, handoverSections: features.handoverSections };
  }
  /** The reason to sign with: none for a leader on duty for the shift. */
  protected reasonFor(handoverId: number, signer: number): string | undefined {
    return leadersOf(this.env.db, handoverRow(this.env.db, handoverId)).some((l) => l.id === signer) ? undefined : OFF_DUTY_REASON;
  }
  abstract apply(op: Op): void;

  private readonly keys = new Map<number, { keyId: number; privateKey: KeyObject }>();
  /** The row signatures/sign.ts writes, with the signer's key opened once (the password is the demo's). */
  protected sign(handoverId: number, signer: number, at: number): void {
    const { db } = this.env;
    let key = this.keys.get(signer);
    if (!key) this.keys.set(signer, (key = signingKeyOf(db, signer, DEMO_PASSWORD, at)));
    const head = auditHead(db) ?? { id: 0, hash: GENESIS_HASH };
    const last = cached(db, 'SELECT id FROM signatures ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined;
    const row = {
      id: (last ?? 0) + 1,
      entity: 'handover',
      entity_id: String(handoverId),
      record_hash: recordHash(sealedForm(db, handoverId)),
      signer_id: signer,
      key_id: key.keyId,
      signed_at: at,
      reason: this.reasonFor(handoverId, signer) ?? null,
      anchor_id: head.id,
      anchor_hash: head.hash,
    };
    const signature = ed25519Sign(null, signedPayload(row), key.privateKey);
    cached(
      db,
      `INSERT INTO signatures (id, entity, entity_id, record_hash, signer_id, key_id, signed_at, reason, anchor_id, anchor_hash, signature)
       VALUES (@id, @entity, @entity_id, @record_hash, @signer_id, @key_id, @signed_at, @reason, @anchor_id, @anchor_hash, @signature)`,
    ).run({ ...row, signature });
  }
  /** The acknowledgement as handover/flow.ts `acknowledge` writes it, the password taken as typed (see the class comment). */
  protected acknowledge(handoverId: number, userId: number, at: number): void {
    cached(this.env.db, 'INSERT INTO handover_acks (handover_id, user_id, at) VALUES (?, ?, ?)').run(handoverId, userId, at);
  }
}

export class DutyServiceWriter extends DutyWriter {
  apply(op: Op): void {
    const c = this.ctx(op);
    switch (op.k) {
      case 'assign':
        assign(c, op);
        return;
      case 'publish':
        publish(c, { from: op.from, to: op.to, ...(op.override ? { override: { reason: op.override } } : {}) });
        return;
      case 'round':
        recordRound(c, { code: op.code, at: op.at, walkedBy: op.walkedBy, finding: op.finding, category: op.category, note: op.note });
        return;
      case 'incident':
        recordIncident(c, { at: op.at, category: op.category, description: op.description, action: op.action, stayIds: op.stayIds });
        return;
      case 'open': {
        const { night: _n, ...shift } = op.shift;
        this.handovers.set(op.handover, openHandover(c, shift));
        return;
      }
      case 'submit':
        submit(c, this.handovers.get(op.handover)!, op.notes);
        return;
      case 'ack':
        this.acknowledge(this.handovers.get(op.handover)!, op.actor, op.at);
        return;
      case 'sign':
        this.sign(this.handovers.get(op.handover)!, op.actor, op.at);
        return;
      default:
        missingCase(op);
    }
  }
}

export class DutyBulkWriter extends DutyWriter {
  apply(op: Op): void {
    const { db, settings } = this.env;
    switch (op.k) {
      case 'assign':
        insertAssignment(db, { day: op.day, shift: templateShift(settings, op.day, op.shift), post: op.post, staffId: op.staffId, changeId: null }, op.actor, op.at);
        return;
      case 'publish': {
        const check = rosterCheck(db, settings, op.from, op.to);
        const { lastInsertRowid } = cached(
          db,
          `INSERT INTO roster_publications (from_day, to_day, published_at, published_by, gaps, conflicts, override_reason, override_by, check_detail)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(op.from, op.to, op.at, op.actor, check.gaps.length, check.conflicts.length, op.override ?? null, op.override ? op.actor : null, JSON.stringify(check));
        const mark = cached(db, 'INSERT INTO roster_published_days (day, publication_id) VALUES (?, ?)');
        for (const day of daysFrom(op.from, op.to)) mark.run(day, Number(lastInsertRowid));
        return;
      }
      case 'round':
        cached(db, 'INSERT INTO patrol_rounds (checkpoint_id, at, walked_by, finding, category, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
          op.checkpointId,
          op.at,
          op.walkedBy,
          op.finding,
          op.category ?? null,
          op.note || null,
          op.actor,
          op.at,
        );
        return;
      case 'incident': {
        const { lastInsertRowid } = cached(db, 'INSERT INTO incidents (at, category, description, action, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)').run(
          op.at,
          op.category,
          op.description,
          op.action,
          op.actor,
          op.at,
        );
        for (const stayId of new Set(op.stayIds)) cached(db, 'INSERT INTO incident_stays (incident_id, stay_id) VALUES (?, ?)').run(Number(lastInsertRowid), stayId);
        return;
      }
      case 'open': {
        const c = this.ctx(op);
        const { lastInsertRowid } = cached(
          db,
          `INSERT INTO handovers (shift_day, shift, shift_name, shift_from, shift_to, opened_at, opened_by, compiled_at, sections) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(op.shift.day, op.shift.code, op.shift.name, op.shift.from, op.shift.to, op.at, op.actor, op.at, op.willSubmit ? '[]' : compile(c, op.shift));
        this.handovers.set(op.handover, Number(lastInsertRowid));
        return;
      }
      case 'submit': {
        const id = this.handovers.get(op.handover)!;
        const row = handoverRow(db, id);
        cached(db, 'UPDATE handovers SET sections = ?, compiled_at = ?, notes = ?, submitted_at = ?, submitted_by = ? WHERE id = ?').run(
          compile(this.ctx(op), { from: row.shift_from, to: row.shift_to }),
          op.at,
          op.notes,
          op.at,
          op.actor,
          id,
        );
        return;
      }
      case 'ack':
        this.acknowledge(this.handovers.get(op.handover)!, op.actor, op.at);
        return;
      case 'sign':
        this.sign(this.handovers.get(op.handover)!, op.actor, op.at);
        return;
      default:
        missingCase(op);
    }
  }


}
