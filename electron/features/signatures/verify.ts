import { verify as ed25519Verify } from 'node:crypto';
import type { RecordVerification, SignatureProblem, SignatureVerification } from '../../../shared/domain/signatures';
import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { GENESIS_HASH, rowHash, type StoredRow } from '../audit/chain';
import { recordHash } from './canonical';
import { keyById, publicKeyOf } from './keys';
import { ADDENDUM, addendumRecord, addendumRow, signedPayload, type AddendumRow, type SignatureRow } from './sign';

/**
 * Checks one signature again against the record as the feature reads it now (the same read it signed).
 * NOT_FOUND if there is no such signature. An addendum's signature is checked against the addendum as stored.
 */
export function verifySignature(db: DB, signatureId: number, record: unknown): SignatureVerification {
  const row = cached(db, 'SELECT * FROM signatures WHERE id = ?').get(signatureId) as SignatureRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such signature.');
  if (row.entity === ADDENDUM) return verifyAddendum(db, Number(row.entity_id));
  return check(db, row, recordHash(record));
}

/** Checks an addendum's signature against the addendum as stored. NOT_FOUND if there is no such addendum. */
export function verifyAddendum(db: DB, addendumId: number): SignatureVerification {
  const addendum = addendumRow(db, addendumId);
  if (!addendum) throw new AppError('NOT_FOUND', 'No such addendum.');
  return checkAddendum(db, addendum);
}

/** Every signature of the record and every addendum to it, each checked; `ok` only if all are. */
export function verifyRecord(db: DB, entity: string, entityId: string | number, record: unknown): RecordVerification {
  const id = String(entityId);
  const hash = recordHash(record);
  const signatures = (cached(db, 'SELECT * FROM signatures WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, id) as SignatureRow[]).map((row) =>
    check(db, row, hash),
  );
  const addenda = (
    cached(db, 'SELECT a.*, u.display_name AS added_by_name FROM addenda a JOIN users u ON u.id = a.added_by WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id').all(
      entity,
      id,
    ) as AddendumRow[]
  ).map((a) => ({ addendumId: a.id, verification: checkAddendum(db, a) }));
  return {
    entity,
    entityId: id,
    sealed: signatures.length > 0,
    ok: signatures.every((s) => s.ok) && addenda.every((a) => a.verification.ok),
    signatures,
    addenda,
  };
}

function checkAddendum(db: DB, addendum: AddendumRow): SignatureVerification {
  const row = cached(db, 'SELECT * FROM signatures WHERE entity = ? AND entity_id = ? ORDER BY id LIMIT 1').get(ADDENDUM, String(addendum.id)) as
    | SignatureRow
    | undefined;
  // Every addendum is written with its signature in one transaction: one without is one whose signature was removed.
  if (!row) return { signatureId: null, ok: false, problems: [{ kind: 'signature_missing' }] };
  return check(db, row, recordHash(addendumRecord(addendum)));
}

function check(db: DB, row: SignatureRow, currentHash: string): SignatureVerification {
  const problems: SignatureProblem[] = [];
  if (currentHash !== row.record_hash) problems.push({ kind: 'record_changed', signedHash: row.record_hash, currentHash });
  if (!signatureHolds(db, row)) problems.push({ kind: 'signature_invalid' });
  const audit = auditProblem(db, row);
  if (audit) problems.push(audit);
  return { signatureId: row.id, ok: problems.length === 0, problems };
}

/** The signature verifies under the key it names, and that key was the signer's, current when it signed. */
function signatureHolds(db: DB, row: SignatureRow): boolean {
  const key = keyById(db, row.key_id);
  if (!key || key.user_id !== row.signer_id) return false;
  // Inclusive at the retirement: a test clock (or a fast desk) can sign and reset within one millisecond.
  if (row.signed_at < key.created_at || (key.retired_at !== null && row.signed_at > key.retired_at)) return false;
  try {
    return ed25519Verify(null, signedPayload(row), publicKeyOf(key), row.signature);
  }
  // (Above the `catch`, not inside the try: Stryker reads the directive as the catch clause's leading comment.)
  // Stryker disable next-line BlockStatement: an empty catch returns undefined, which the caller takes as false all the same
  catch {
    return false; // a signature of the wrong length, or a damaged public key
  }
}

/**
 * The audit trail up to the anchor, checked without rehashing it all (millions of rows at a ten-year station):
 * only the anchor row, and the segment from the previous signature's anchor to this one (each row present, linked to
 * its predecessor's hash, and hashing to its own stored hash); the anchor's stored hash must still be the one signed.
 *
 * Why that suffices: every row's hash covers its predecessor's. A rewrite of any row before the anchor that keeps the
 * chain consistent must recompute every later hash, the anchor's too, and the anchor's hash is inside the signed
 * payload: found here as `anchor_changed`. A rewrite that does not recompute leaves a row that no longer hashes to
 * its stored hash, or a link that no longer matches. The segments of consecutive signatures tile the chain up to the
 * latest anchor, so that break lies in some signature's segment and its check names the row; and `audit.verify`
 * walks the whole chain (including the rows before the first signature and after the last anchor).
 *
 * Cost: a few index lookups and hashing the rows written between two signings, not the trail's length.
 */
function auditProblem(db: DB, row: SignatureRow): SignatureProblem | null {
  const bad = (auditRowId: number, reason: 'anchor_changed' | 'row_missing' | 'link_mismatch' | 'hash_mismatch'): SignatureProblem => ({
    kind: 'audit_rewritten',
    auditRowId,
    reason,
  });
  const previous = cached(db, 'SELECT anchor_id FROM signatures WHERE id < ? ORDER BY id DESC LIMIT 1').get(row.id) as { anchor_id: number } | undefined;
  // The row the segment starts from; at least the anchor's predecessor, so the anchor's own link is always checked.
  // A signature made while the trail was empty anchors the genesis (id 0): its segment is empty, and only its anchor
  // hash is compared with the genesis hash.
  const from = Math.max(0, Math.min(previous?.anchor_id ?? Infinity, row.anchor_id - 1));
  const segment = cached(db, 'SELECT * FROM audit_log WHERE id >= ? AND id <= ? ORDER BY id').all(Math.max(from, 1), row.anchor_id) as StoredRow[];
  let expectedId = Math.max(from, 1);
  // The start row's own link belongs to the previous segment; from the genesis it is checked here.
  let prevHash: string | null = from === 0 ? GENESIS_HASH : null;
  for (const r of segment) {
    if (r.id !== expectedId) return bad(expectedId, 'row_missing');
    if (prevHash !== null && r.prev_hash !== prevHash) return bad(r.id, 'link_mismatch');
    if (rowHash(r) !== r.hash) return bad(r.id, 'hash_mismatch');
    prevHash = r.hash;
    expectedId += 1;
  }
  if (expectedId !== row.anchor_id + 1) return bad(expectedId, 'row_missing');
  return prevHash === row.anchor_hash ? null : bad(row.anchor_id, 'anchor_changed');
}
