/**
 * Signatures and seals as the desk shows them (issue 9). The main process's kit
 * (`electron/features/signatures/`) produces these; a feature's own procedures return them with its records.
 */

/** One signature of a record, for showing and printing beside it. */
export interface SignatureView {
  id: number;
  entity: string;
  entityId: string;
  signer: { id: number; displayName: string };
  signedAt: number;
  /** A stated reason, e.g. "signed by another duty leader because …"; null when none was given. */
  reason: string | null;
  /** First 8 hex digits of sha256 of the signature bytes: short enough to print, enough to tell two apart. */
  fingerprint: string;
  /** The audit chain's head this signature anchors: the last row before the signing mutation's own. */
  anchor: { id: number; hash: string };
}

/** A signed note added to a sealed record. */
export interface AddendumView {
  id: number;
  entity: string;
  entityId: string;
  note: string;
  addedAt: number;
  addedBy: { id: number; displayName: string };
  signature: SignatureView;
}

/**
 * What did not match when a signature was checked again:
 * - `record_changed`: the record as stored now does not have the canonical hash that was signed;
 * - `signature_invalid`: the signature does not verify under the signer's key that was current when it was made
 *   (its bytes or any signed column were changed, or the key was not the signer's at that time);
 * - `audit_rewritten`: the audit trail before the anchor was rewritten. `auditRowId` is the first row found wrong:
 *   the anchor itself when its hash is no longer the one signed (`anchor_changed`: rows were rewritten and the chain
 *   recomputed), or a row in the segment since the previous signature's anchor that is missing, no longer links to
 *   its predecessor, or no longer hashes to its stored hash;
 * - `signature_missing`: an addendum has no signature (each is written with one, so it was removed).
 */
export type SignatureProblem =
  | { kind: 'record_changed'; signedHash: string; currentHash: string }
  | { kind: 'signature_invalid' }
  | { kind: 'audit_rewritten'; auditRowId: number; reason: 'anchor_changed' | 'row_missing' | 'link_mismatch' | 'hash_mismatch' }
  | { kind: 'signature_missing' };

export interface SignatureVerification {
  /** null only for an addendum whose signature is missing. */
  signatureId: number | null;
  ok: boolean;
  /** Every problem found, in the order record, signature, audit trail; empty when ok. */
  problems: SignatureProblem[];
}

/** Every signature of a record and every addendum to it, each checked. */
export interface RecordVerification {
  entity: string;
  entityId: string;
  sealed: boolean;
  ok: boolean;
  signatures: SignatureVerification[];
  addenda: { addendumId: number; verification: SignatureVerification }[];
}
