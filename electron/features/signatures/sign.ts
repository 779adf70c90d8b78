import { createHash, sign as ed25519Sign, type KeyObject } from 'node:crypto';
import type { AddendumView, SignatureView } from '../../../shared/domain/signatures';
import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { confirmPassword, type WitnessCtx } from '../accounts/witness';
import { auditHead, GENESIS_HASH } from '../audit/chain';
import { canonicalJson, recordHash } from './canonical';
import { signingKeyOf } from './keys';

/** The entity under which the kit signs its own addenda; no feature may use it. */
export const ADDENDUM = 'addendum';

/** What signing needs from the call: the database inside the mutation's transaction, its time, actor and throttle. */
export type SignCtx = WitnessCtx;

/** Who signs, and where their password (and, for another signer, their account) sits in the caller's input. */
export interface Signer {
  /** The signer's password, typed on this screen. */
  password: string;
  /** Input path for a wrong password (default `password`). */
  passwordField?: string;
  /** Another active staff member signing at this desk (default: the signed-in user). */
  signerId?: number;
  /** Input path for an unknown or disabled signer (default `signerId`). */
  signerField?: string;
  /** A stated reason, kept with the signature and shown with it (e.g. "signed by another duty leader because …"). */
  reason?: string | null;
}

export interface SignRequest extends Signer {
  entity: string;
  entityId: string | number;
  /** The record as the feature reads it back from the database; plain JSON (see canonicalJson). */
  record: unknown;
}

/** A signature row as stored. */
export interface SignatureRow {
  id: number;
  entity: string;
  entity_id: string;
  record_hash: string;
  signer_id: number;
  key_id: number;
  signed_at: number;
  reason: string | null;
  anchor_id: number;
  anchor_hash: string;
  signature: Buffer;
}

/** The bytes an Ed25519 signature covers: every column of its row but the signature, in canonical JSON. */
export function signedPayload(r: Omit<SignatureRow, 'signature'>): Buffer {
  const body = canonicalJson({
    id: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    recordHash: r.record_hash,
    signerId: r.signer_id,
    keyId: r.key_id,
    signedAt: r.signed_at,
    reason: r.reason,
    anchor: { id: r.anchor_id, hash: r.anchor_hash },
  });
  const text = `stationdesk-signature-v1\n${body}`;
  // Stryker disable next-line StringLiteral: Buffer.from reads an empty encoding name as utf8, its default; the name is written out because these bytes are what is signed
  return Buffer.from(text, 'utf8');
}

/** First 8 hex digits of sha256 of the signature: for prints and for telling signatures apart at a glance. */
export const fingerprint = (signature: Uint8Array): string => createHash('sha256').update(signature).digest('hex').slice(0, 8);

/**
 * Signs a record and so seals it. Runs inside the calling feature's mutation, before the mutation writes its own
 * audit row (`ctx.audit`), and needs the signer's password: a wrong one throws BAD_CREDENTIALS at `passwordField`,
 * counts against the throttle, and writes nothing.
 *
 * The signature anchors the audit chain's head as it is when `sign` runs: since the feature appends its audit row
 * after signing, that is the last row committed before this mutation began. The feature's audit row can then name
 * the signature (`{ signatureId, fingerprint }`), and `verify` checks that very anchor row.
 */
export function sign(c: SignCtx, req: SignRequest): SignatureView {
  if (req.entity === ADDENDUM) throw new Error(`"${ADDENDUM}" is the kit's own entity: use addAddendum`);
  const key = authenticate(c, req);
  return writeSignature(c, key, req.entity, String(req.entityId), recordHash(req.record), req.reason);
}

/**
 * Adds a signed note to a sealed record (CONFLICT `v.notSealed` at `noteField` if the record has no signature).
 * The addendum is a row of its own, never edited, signed by the signer like any record.
 */
export function addAddendum(c: SignCtx, req: Signer & { entity: string; entityId: string | number; note: string; noteField?: string }): AddendumView {
  const entityId = String(req.entityId);
  if (!isSealed(c.db, req.entity, entityId)) {
    throw new AppError('CONFLICT', 'Only a signed record takes addenda; edit it instead.', { [req.noteField ?? 'note']: 'v.notSealed' });
  }
  const key = authenticate(c, req);
  const { lastInsertRowid } = cached(c.db, 'INSERT INTO addenda (entity, entity_id, note, added_at, added_by) VALUES (?, ?, ?, ?, ?)').run(
    req.entity,
    entityId,
    req.note,
    c.now,
    key.signerId,
  );
  const row = addendumRow(c.db, Number(lastInsertRowid))!;
  const signature = writeSignature(c, key, ADDENDUM, String(row.id), recordHash(addendumRecord(row)), req.reason);
  return toAddendumView(row, signature);
}

/** True once the record has a signature. */
export function isSealed(db: DB, entity: string, entityId: string | number): boolean {
  return cached(db, 'SELECT 1 FROM signatures WHERE entity = ? AND entity_id = ? LIMIT 1').get(entity, String(entityId)) !== undefined;
}

/** For features to call before any edit: a sealed record takes addenda, never changes (CONFLICT `v.sealed` at `field`). */
export function requireUnsealed(db: DB, entity: string, entityId: string | number, field = '(root)'): void {
  if (isSealed(db, entity, entityId)) {
    throw new AppError('CONFLICT', 'This record is signed and sealed; add an addendum instead.', { [field]: 'v.sealed' }, { entity, entityId: String(entityId) });
  }
}

/** The record's signatures, oldest first. */
export function signaturesOf(db: DB, entity: string, entityId: string | number): SignatureView[] {
  const rows = cached(db, `${SELECT_SIGNATURE} WHERE s.entity = ? AND s.entity_id = ? ORDER BY s.id`).all(entity, String(entityId)) as ViewRow[];
  return rows.map(toView);
}

export function signatureView(db: DB, id: number): SignatureView | undefined {
  const row = cached(db, `${SELECT_SIGNATURE} WHERE s.id = ?`).get(id) as ViewRow | undefined;
  return row && toView(row);
}

/** The record's addenda with their signatures, oldest first. */
export function addendaOf(db: DB, entity: string, entityId: string | number): AddendumView[] {
  const rows = cached(db, `${SELECT_ADDENDUM} WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id`).all(entity, String(entityId)) as AddendumRow[];
  return rows.map((row) => toAddendumView(row, signaturesOf(db, ADDENDUM, row.id)[0]!));
}

export interface AddendumRow {
  id: number;
  entity: string;
  entity_id: string;
  note: string;
  added_at: number;
  added_by: number;
  added_by_name: string;
}

const SELECT_ADDENDUM = 'SELECT a.*, u.display_name AS added_by_name FROM addenda a JOIN users u ON u.id = a.added_by';

export const addendumRow = (db: DB, id: number) => cached(db, `${SELECT_ADDENDUM} WHERE a.id = ?`).get(id) as AddendumRow | undefined;

/** What an addendum's signature covers: the note and where it belongs, as stored. */
export const addendumRecord = (a: AddendumRow) => ({ id: a.id, entity: a.entity, entityId: a.entity_id, note: a.note, addedAt: a.added_at, addedBy: a.added_by });

interface SigningKey {
  signerId: number;
  keyId: number;
  privateKey: KeyObject;
}

function authenticate(c: SignCtx, s: Signer): SigningKey {
  // Outside a transaction a crash could leave half a signature, or one anchored to a head the mutation never extended.
  if (!c.db.inTransaction) throw new Error('sign and addAddendum run inside the calling mutation’s transaction');
  const signerId = s.signerId ?? c.actorId;
  const passwordField = s.passwordField ?? 'password';
  confirmPassword(c, signerId, s.password, { userId: s.signerField ?? 'signerId', password: passwordField });
  // A temporary password was chosen by an admin: a key sealed with it would be the admin's to copy.
  const user = cached(c.db, 'SELECT must_change_password FROM users WHERE id = ?').get(signerId) as { must_change_password: number };
  if (user.must_change_password) throw new AppError('CONFLICT', 'Set your own password before signing.', { [passwordField]: 'v.passwordChangeFirst' });
  return { signerId, ...signingKeyOf(c.db, signerId, s.password, c.now) };
}

function writeSignature(c: SignCtx, key: SigningKey, entity: string, entityId: string, hash: string, reason: string | null | undefined): SignatureView {
  const head = auditHead(c.db) ?? { id: 0, hash: GENESIS_HASH };
  const last = cached(c.db, 'SELECT id FROM signatures ORDER BY id DESC LIMIT 1').get() as { id: number } | undefined;
  const row: Omit<SignatureRow, 'signature'> = {
    id: (last?.id ?? 0) + 1,
    entity,
    entity_id: entityId,
    record_hash: hash,
    signer_id: key.signerId,
    key_id: key.keyId,
    signed_at: c.now,
    reason: reason?.trim() ? reason : null,
    anchor_id: head.id,
    anchor_hash: head.hash,
  };
  const signature = ed25519Sign(null, signedPayload(row), key.privateKey);
  cached(
    c.db,
    `INSERT INTO signatures (id, entity, entity_id, record_hash, signer_id, key_id, signed_at, reason, anchor_id, anchor_hash, signature)
     VALUES (@id, @entity, @entity_id, @record_hash, @signer_id, @key_id, @signed_at, @reason, @anchor_id, @anchor_hash, @signature)`,
  ).run({ ...row, signature });
  return signatureView(c.db, row.id)!;
}

type ViewRow = SignatureRow & { signer_name: string };

const SELECT_SIGNATURE = 'SELECT s.*, u.display_name AS signer_name FROM signatures s JOIN users u ON u.id = s.signer_id';

const toView = (r: ViewRow): SignatureView => ({
  id: r.id,
  entity: r.entity,
  entityId: r.entity_id,
  signer: { id: r.signer_id, displayName: r.signer_name },
  signedAt: r.signed_at,
  reason: r.reason,
  fingerprint: fingerprint(r.signature),
  anchor: { id: r.anchor_id, hash: r.anchor_hash },
});

const toAddendumView = (a: AddendumRow, signature: SignatureView): AddendumView => ({
  id: a.id,
  entity: a.entity,
  entityId: a.entity_id,
  note: a.note,
  addedAt: a.added_at,
  addedBy: { id: a.added_by, displayName: a.added_by_name },
  signature,
});
