/**
 * The signature kit (issue 9): what a feature calls to sign a record, seal it, add addenda, and check it again.
 * It depends on no feature; a feature names its records by `(entity, entityId)` and supplies the record itself.
 *
 * In a mutation (e.g. `handover.sign`), in this order:
 *   requireUnsealed(db, 'handover', id)              // before any edit of the record
 *   … the feature's own writes …
 *   const sig = sign(witnessCtx(ctx), { entity: 'handover', entityId: id, record: sealedForm(db, id),
 *                                       password: input.password, reason: input.reason });
 *   ctx.audit({ entity: 'handover', entityId: id, after: { …, signature: { id: sig.id, fingerprint: sig.fingerprint } } });
 *
 * `record` must be what the feature reads back from the database, by one function used both when signing and
 * when verifying (`verifyRecord(db, 'handover', id, sealedForm(db, id))`), in plain JSON. Leave out what changes
 * legitimately after signing (later signatures, addenda, derived counters).
 *
 * Signing runs inside the mutation's transaction (a crash leaves no signature or a whole one) and before the
 * mutation's own audit row: the anchor is the audit chain's head as the previous mutations left it.
 * A record may carry several signatures (e.g. the outgoing staff's and the duty leader's); each is checked alone.
 */
export { canonicalJson, recordHash } from './canonical';
export { ADDENDUM, addAddendum, addendaOf, fingerprint, isSealed, requireUnsealed, sign, signatureView, signaturesOf } from './sign';
export type { SignCtx, SignRequest, Signer } from './sign';
export { verifyAddendum, verifyRecord, verifySignature } from './verify';
export { coSign, witnessCtx } from '../accounts/witness';
export type { AddendumView, RecordVerification, SignatureProblem, SignatureVerification, SignatureView } from '../../../shared/domain/signatures';
