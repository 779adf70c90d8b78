import Database from 'better-sqlite3';
import { createDecipheriv, createHash, createPublicKey, generateKeyPairSync, scryptSync, sign as ed25519Sign } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/db/open';
import { hashPassword } from '../../../electron/features/accounts/password';
import { FREE_TRIES } from '../../../electron/features/accounts/throttle';
import { appendAudit, auditHead, GENESIS_HASH, rowHash, verifyChain, type StoredRow } from '../../../electron/features/audit/chain';
import { currentKey, keyById, sealPrivateKey, unsealPrivateKey, type KeyRow } from '../../../electron/features/signatures/keys';
import { signedPayload, type SignatureRow } from '../../../electron/features/signatures/sign';
import {
  addAddendum,
  addendaOf,
  canonicalJson,
  isSealed,
  recordHash,
  requireUnsealed,
  sign,
  signaturesOf,
  verifyAddendum,
  verifyRecord,
  verifySignature,
  type SignCtx,
  type SignRequest,
} from '../../../electron/features/signatures';
import { AppError } from '../../../shared/domain/result';
import { openStation, type TestStation } from '../helpers';
import { withAppScrypt } from '../scrypt-work';

let st: TestStation;
afterEach(() => st?.close());

const OWN = 'Own-pass-22';
let ids: Record<string, number>;
let leaderSession: string;

/** A station with a duty leader and a colleague, and a small record type of the test's own. */
function station() {
  st = openStation();
  leaderSession = st.userWith(['duty_leader'], 'leader');
  st.userWith(['front_desk'], 'colleague');
  ids = Object.fromEntries(st.must('accounts.list', {}, st.adminSession).map((u) => [u.username, u.id]));
  st.core.db.exec('CREATE TABLE test_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at INTEGER NOT NULL)');
}

const ctx = (actor = ids.leader!): SignCtx => ({ db: st.core.db, now: st.clock.now(), actorId: actor, throttle: st.core.services.throttle });

/** Runs `fn` as a feature's mutation would: in one transaction, then appending the mutation's own audit row. */
function mutation<T>(fn: () => T, entity = 'test_note'): T {
  return st.core.db
    .transaction(() => {
      const out = fn();
      appendAudit(st.core.db, { at: st.clock.now(), actorId: ids.leader!, actorName: 'leader', procedure: 'test.mutate', entity, entityId: null, before: null, after: { out } });
      return out;
    })
    .immediate();
}

const newNote = (body: string) => mutation(() => Number(st.core.db.prepare('INSERT INTO test_notes (body, at) VALUES (?, ?)').run(body, st.clock.now()).lastInsertRowid));
/** The record as the feature reads it back: the same read at signing and at verifying. */
const noteRecord = (id: number) => st.core.db.prepare('SELECT id, body, at FROM test_notes WHERE id = ?').get(id) as { id: number; body: string; at: number };
const signNote = (id: number, extra: Partial<SignRequest> = {}) =>
  mutation(() => sign(ctx(), { entity: 'test_note', entityId: id, record: noteRecord(id), password: OWN, ...extra }));
const verifyNote = (id: number) => verifyRecord(st.core.db, 'test_note', id, noteRecord(id));

function thrown(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return `${e.code} ${JSON.stringify(e.fields ?? {})}`;
  }
}

const counts = () =>
  st.core.db.prepare('SELECT (SELECT count(*) FROM signing_keys) AS keys, (SELECT count(*) FROM signatures) AS sigs, (SELECT count(*) FROM addenda) AS addenda').get();

/** Writes straight into the file as something other than StationDesk would, with the append-only triggers gone. */
function tamper(sql: string, ...params: unknown[]) {
  const raw = new Database(path.join(st.dir, DATABASE_FILE));
  for (const t of ['audit_log_no_update', 'signatures_no_update', 'addenda_no_update']) raw.exec(`DROP TRIGGER IF EXISTS ${t}`);
  raw.prepare(sql).run(...params);
  raw.close();
}

/** Rewrites one audit row's `after` and recomputes the chain from there on, as a careful forger would. */
function rewriteAuditConsistently(id: number, after: string) {
  const raw = new Database(path.join(st.dir, DATABASE_FILE));
  raw.exec('DROP TRIGGER audit_log_no_update');
  raw.prepare('UPDATE audit_log SET after = ? WHERE id = ?').run(after, id);
  let prev = (raw.prepare('SELECT hash FROM audit_log WHERE id = ?').get(id - 1) as { hash: string }).hash;
  for (const row of raw.prepare('SELECT * FROM audit_log WHERE id >= ? ORDER BY id').all(id) as StoredRow[]) {
    const hash = rowHash({ ...row, prev_hash: prev });
    raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
    prev = hash;
  }
  raw.close();
}

// First: these need no station, and a change to the canonical text is found here before any signing test runs.
describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: null, y: 'x' }], c: undefined } })).toBe('{"a":{"d":[1,{"y":"x","z":null}]},"b":1}');
    expect(recordHash({ x: 1, y: 2 })).toBe(recordHash({ y: 2, x: 1 }));
    expect(recordHash({ x: 1 })).not.toBe(recordHash({ x: '1' }));
  });

  it('refuses what JSON would change silently', () => {
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(/\$\.at is Date/);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson([1, undefined])).toThrow(/\$\[1\] is undefined/);
    expect(() => canonicalJson({ b: Buffer.from('x') })).toThrow(/Buffer/);
    expect(() => canonicalJson(10n)).toThrow(/bigint/);
  });

  it('writes booleans, numbers, strings and null as JSON does, and an object without a prototype like any other', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: false, a: true });
    expect(canonicalJson({ flags: bare, n: -1.5, s: '夜"班', none: null })).toBe('{"flags":{"a":true,"b":false},"n":-1.5,"none":null,"s":"夜\\"班"}');
    expect(canonicalJson(true)).toBe('true');
  });

  it('names where in the record the value JSON cannot hold sits, and what it is', () => {
    expect(() => canonicalJson({ items: [{ ok: 1 }, { when: new Date(0) }] })).toThrow(/\$\.items\[1\]\.when is Date, not plain JSON/);
    expect(() => canonicalJson({ rows: [[1, Number.POSITIVE_INFINITY]] })).toThrow(/\$\.rows\[0\]\[1\] is Infinity/);
    expect(() => canonicalJson(undefined)).toThrow(/\$ is undefined, not plain JSON/);
    expect(() => canonicalJson({ seen: new Set([1]) })).toThrow(/\$\.seen is Set/);
    expect(() => canonicalJson({ odd: Object.create(Object.create(null)) })).toThrow(/\$\.odd is an object, not plain JSON/);
  });
});

describe('signing keys', () => {
  it('are made at the first signing and stored sealed: no private key in clear, and only the password opens it', () => {
    station();
    expect(currentKey(st.core.db, ids.leader!)).toBeUndefined(); // neither login nor the password change made one
    const id = newNote('夜班平稳');
    signNote(id);
    const row = currentKey(st.core.db, ids.leader!)!;
    const privateKey = unsealPrivateKey(row, OWN)!;
    expect(createPublicKey(privateKey).export({ type: 'spki', format: 'der' })).toEqual(row.public_key);
    const der = privateKey.export({ type: 'pkcs8', format: 'der' });
    const seed = der.subarray(der.length - 32);
    const stored = st.core.db.prepare('SELECT * FROM signing_keys WHERE id = ?').raw().get(row.id) as unknown[];
    for (const value of stored) {
      const bytes = Buffer.isBuffer(value) ? value : Buffer.from(String(value));
      expect(bytes.includes(seed)).toBe(false);
      expect(bytes.includes(der)).toBe(false);
    }
    expect(unsealPrivateKey(row, 'Wrong-pass-1')).toBeNull();
  });

  it('a password change re-seals the same key: the old password no longer opens it, the new one does', () => {
    station();
    const first = newNote('交班一');
    signNote(first);
    const before = currentKey(st.core.db, ids.leader!)!;
    st.must('auth.changePassword', { currentPassword: OWN, newPassword: 'Newer-pass-3', newPasswordConfirm: 'Newer-pass-3' }, leaderSession);
    const after = currentKey(st.core.db, ids.leader!)!;
    expect(after.id).toBe(before.id);
    expect(after.public_key).toEqual(before.public_key);
    expect(after.salt).not.toEqual(before.salt);
    expect(after.iv).not.toEqual(before.iv);
    expect(unsealPrivateKey(after, OWN)).toBeNull();
    expect(createPublicKey(unsealPrivateKey(after, 'Newer-pass-3')!).export({ type: 'spki', format: 'der' })).toEqual(before.public_key);
    const second = newNote('交班二');
    expect(thrown(() => signNote(second))).toMatch(/^BAD_CREDENTIALS/);
    signNote(second, { password: 'Newer-pass-3' });
    expect(signaturesOf(st.core.db, 'test_note', second)).toHaveLength(1);
    expect(verifyNote(first).ok && verifyNote(second).ok).toBe(true);
    expect(st.core.db.prepare('SELECT count(*) AS n FROM signing_keys').get()).toEqual({ n: 1 });
  });

  it('an admin reset retires the key; the user’s next signing, under their own new password, makes a new one; old signatures still verify', () => {
    station();
    const old = newNote('旧记录');
    signNote(old);
    const retiredId = currentKey(st.core.db, ids.leader!)!.id;
    st.must('accounts.resetPassword', { id: ids.leader!, password: 'Reset-pass-1', passwordConfirm: 'Reset-pass-1' }, st.adminSession);
    const retired = keyById(st.core.db, retiredId)!;
    expect(retired).toMatchObject({ retired_at: st.clock.now(), ciphertext: null, salt: null });
    expect(retired.public_key.length).toBeGreaterThan(0);
    expect(currentKey(st.core.db, ids.leader!)).toBeUndefined();

    // The admin chose that password: no key is ever sealed with it.
    const fresh = newNote('新记录');
    const before = counts();
    expect(thrown(() => signNote(fresh, { password: 'Reset-pass-1' }))).toBe('CONFLICT {"password":"v.passwordChangeFirst"}');
    expect(counts()).toEqual(before);
    const sid = st.must('auth.login', { username: 'leader', password: 'Reset-pass-1' }).sessionId;
    st.must('auth.changePassword', { currentPassword: 'Reset-pass-1', newPassword: 'Mine-again-4', newPasswordConfirm: 'Mine-again-4' }, sid);
    expect(currentKey(st.core.db, ids.leader!)).toBeUndefined();

    const sig = signNote(fresh, { password: 'Mine-again-4' });
    const renewed = currentKey(st.core.db, ids.leader!)!;
    expect(renewed.id).not.toBe(retiredId);
    expect(renewed.public_key).not.toEqual(retired.public_key);
    expect(verifySignature(st.core.db, sig.id, noteRecord(fresh))).toEqual({ signatureId: sig.id, ok: true, problems: [] });
    const oldCheck = verifyNote(old);
    expect(oldCheck.ok).toBe(true);
    expect(st.core.db.prepare('SELECT key_id FROM signatures WHERE id = ?').get(oldCheck.signatures[0]!.signatureId)).toEqual({ key_id: retiredId });
    expect(() => st.core.db.prepare('UPDATE signing_keys SET retired_at = NULL, retired_reason = NULL WHERE id = ?').run(retiredId)).toThrow(/never changes/);
  });

  it('a key sealed under a password the account no longer has is retired and replaced at the next signing', () => {
    station();
    const first = newNote('一');
    signNote(first);
    const stale = currentKey(st.core.db, ids.leader!)!;
    // Something other than auth.changePassword set the password (an older tool, a hand edit).
    st.core.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hashPassword('Other-pass-5'), ids.leader!);
    const second = newNote('二');
    signNote(second, { password: 'Other-pass-5' });
    expect(keyById(st.core.db, stale.id)).toMatchObject({ retired_reason: 'unsealable', ciphertext: null });
    expect(currentKey(st.core.db, ids.leader!)!.id).not.toBe(stale.id);
    expect(verifyNote(first).ok && verifyNote(second).ok).toBe(true);
  });
  it('a password change after the password was set some other way retires the key the old password no longer opens', () => {
    station();
    const first = newNote('一');
    signNote(first);
    const stale = currentKey(st.core.db, ids.leader!)!;
    st.core.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hashPassword('Other-pass-5'), ids.leader!);
    st.must('auth.changePassword', { currentPassword: 'Other-pass-5', newPassword: 'Newer-pass-3', newPasswordConfirm: 'Newer-pass-3' }, leaderSession);
    expect(keyById(st.core.db, stale.id)).toMatchObject({ retired_at: st.clock.now(), retired_reason: 'unsealable', ciphertext: null });
    expect(currentKey(st.core.db, ids.leader!)).toBeUndefined();
    const second = newNote('二');
    signNote(second, { password: 'Newer-pass-3' });
    expect(currentKey(st.core.db, ids.leader!)!.id).not.toBe(stale.id);
    expect(verifyNote(first).ok && verifyNote(second).ok).toBe(true);
  });

  it('an admin reset of an account that has never signed has no key to retire', () => {
    station();
    st.must('accounts.resetPassword', { id: ids.colleague!, password: 'Reset-pass-1', passwordConfirm: 'Reset-pass-1' }, st.adminSession);
    expect(counts()).toMatchObject({ keys: 0 });
    expect(currentKey(st.core.db, ids.colleague!)).toBeUndefined();
  });

  it('keeps one sealing format, named in the row: AES-256-GCM under scrypt (N 2^15, r 8, p 1) of the NFKC password, the public key bound to it', () => {
    // A station file written by an earlier version must still open: the format is read back from the stored row.
    withAppScrypt(() => {
      station();
      signNote(newNote('格式'));
    });
    const row = currentKey(st.core.db, ids.leader!)!;
    expect(row.kdf).toBe('scrypt$32768$8$1');
    expect(row.salt).toHaveLength(16);
    expect(row.iv).toHaveLength(12);
    const key = scryptSync(OWN, row.salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const decipher = createDecipheriv('aes-256-gcm', key, row.iv);
    decipher.setAAD(row.public_key);
    decipher.setAuthTag(row.tag);
    const der = Buffer.concat([decipher.update(row.ciphertext), decipher.final()]);
    expect(der).toEqual(unsealPrivateKey(row, OWN)!.export({ type: 'pkcs8', format: 'der' }));
  });

  it('a seal under a key derivation this version does not know is not opened', () => {
    station();
    signNote(newNote('未知算法'));
    const row = currentKey(st.core.db, ids.leader!)!;
    expect(() => unsealPrivateKey({ ...row, kdf: row.kdf.replace('scrypt', 'argon2id') }, OWN)).toThrow(/unknown key derivation argon2id/);
  });

  it('a seal that opens but holds another private half than its public key is refused, never used to sign', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const { privateKey: other } = generateKeyPairSync('ed25519');
    const publicKeyDer = publicKey.export({ type: 'spki', format: 'der' });
    const row: KeyRow = { id: 7, user_id: 1, public_key: publicKeyDer, created_at: 0, retired_at: null, ...sealPrivateKey(other, publicKeyDer, OWN) };
    expect(() => unsealPrivateKey(row, OWN)).toThrow(/signing key 7: sealed private key does not match/);
  });

  it('the password typed in full-width characters (a Chinese input method) opens the same key, as it passes the password check', () => {
    station();
    const first = newNote('半角');
    signNote(first);
    const key = currentKey(st.core.db, ids.leader!)!;
    const fullWidth = 'Ｏｗｎ－ｐａｓｓ－２２';
    expect(fullWidth.normalize('NFKC')).toBe(OWN);
    const second = newNote('全角');
    signNote(second, { password: fullWidth });
    expect(currentKey(st.core.db, ids.leader!)!.id).toBe(key.id);
    expect(keyById(st.core.db, key.id)!.retired_at).toBeNull();
    expect(verifyNote(first).ok && verifyNote(second).ok).toBe(true);
  });
});

describe('sign', () => {
  it('signs, seals, anchors the head before its mutation’s own audit row, and shows reason and fingerprint', () => {
    station();
    const id = newNote('夜班平稳，无异常');
    const head = auditHead(st.core.db)!;
    const sig = signNote(id, { reason: '原带班领导病假，由副站长代签' });
    expect(sig.anchor).toEqual(head);
    expect(auditHead(st.core.db)!.id).toBe(head.id + 1); // the mutation's own row came after the anchor
    const stored = st.core.db.prepare('SELECT signature FROM signatures WHERE id = ?').get(sig.id) as { signature: Buffer };
    expect(stored.signature).toHaveLength(64);
    expect(sig.fingerprint).toBe(createHash('sha256').update(stored.signature).digest('hex').slice(0, 8));
    expect(signaturesOf(st.core.db, 'test_note', id)).toEqual([
      { ...sig, entity: 'test_note', entityId: String(id), signer: { id: ids.leader, displayName: 'leader' }, reason: '原带班领导病假，由副站长代签' },
    ]);
    expect(verifyNote(id)).toMatchObject({ sealed: true, ok: true, signatures: [{ signatureId: sig.id, ok: true, problems: [] }] });

    expect(isSealed(st.core.db, 'test_note', id)).toBe(true);
    expect(thrown(() => requireUnsealed(st.core.db, 'test_note', id))).toBe('CONFLICT {"(root)":"v.sealed"}');
    expect(thrown(() => requireUnsealed(st.core.db, 'test_note', String(id), 'body'))).toBe('CONFLICT {"body":"v.sealed"}');
    const other = newNote('未签');
    expect(isSealed(st.core.db, 'test_note', other)).toBe(false);
    expect(thrown(() => requireUnsealed(st.core.db, 'test_note', other))).toBe('ok');
    expect(isSealed(st.core.db, 'other_entity', id)).toBe(false);
  });

  it('refuses a wrong password at the caller’s field, writes nothing, and counts it against the throttle', () => {
    station();
    const id = newNote('待签');
    const before = counts();
    const attempt = (password: string) =>
      thrown(() =>
        st.core.db.transaction(() => {
          // Inside the transaction, before any rollback could hide a write: the kit itself wrote nothing.
          try {
            sign(ctx(), { entity: 'test_note', entityId: id, record: noteRecord(id), password, passwordField: 'leaderPassword' });
          } finally {
            expect(counts()).toEqual(before);
          }
        })(),
      );
    expect(attempt('Wrong-pass-1')).toBe('BAD_CREDENTIALS {"leaderPassword":"v.badCredentials"}');
    for (let i = 2; i <= FREE_TRIES; i++) expect(attempt('Wrong-pass-1')).toMatch(/^BAD_CREDENTIALS/);
    expect(attempt(OWN)).toMatch(/^RATE_LIMITED/);
    expect(isSealed(st.core.db, 'test_note', id)).toBe(false);
  });

  it('lets another active staff member sign at this desk with their own password, errors at the caller’s fields', () => {
    station();
    const id = newNote('共同签名');
    const by = (signerId: number, password = OWN) =>
      thrown(() => mutation(() => sign(ctx(), { entity: 'test_note', entityId: id, record: noteRecord(id), password, signerId, signerField: 'leader.userId', passwordField: 'leader.password' })));
    expect(by(999)).toBe('VALIDATION {"leader.userId":"v.witnessUnknown"}');
    expect(by(ids.colleague!, 'Wrong-pass-1')).toBe('BAD_CREDENTIALS {"leader.password":"v.badCredentials"}');
    expect(by(ids.colleague!)).toBe('ok');
    expect(signaturesOf(st.core.db, 'test_note', id).map((s) => s.signer.displayName)).toEqual(['colleague']);
    expect(verifyNote(id).ok).toBe(true);
  });

  it('an unknown signer is reported at `signerId` when the caller names no field', () => {
    station();
    const id = newNote('代签');
    expect(thrown(() => signNote(id, { signerId: 999 }))).toBe('VALIDATION {"signerId":"v.witnessUnknown"}');
    expect(isSealed(st.core.db, 'test_note', id)).toBe(false);
  });

  it('a reason of only spaces is no reason: the signature shows none', () => {
    station();
    const blank = newNote('空白理由');
    expect(signNote(blank, { reason: '   ' }).reason).toBeNull();
    expect(signaturesOf(st.core.db, 'test_note', blank)[0]!.reason).toBeNull();
    const given = newNote('有理由');
    expect(signNote(given, { reason: ' 代签 ' }).reason).toBe(' 代签 ');
    expect(verifyNote(blank).ok && verifyNote(given).ok).toBe(true);
  });

  it('no feature signs under the kit’s own entity `addendum`: an addendum is added with addAddendum', () => {
    station();
    const id = newNote('x');
    const before = counts();
    expect(() => mutation(() => sign(ctx(), { entity: 'addendum', entityId: id, record: noteRecord(id), password: OWN }))).toThrow(/use addAddendum/);
    expect(counts()).toEqual(before);
  });

  it('runs only inside the caller’s transaction', () => {
    station();
    const id = newNote('x');
    expect(() => sign(ctx(), { entity: 'test_note', entityId: id, record: noteRecord(id), password: OWN })).toThrow(/inside the calling mutation/);
    expect(counts()).toMatchObject({ sigs: 0 });
  });

  it('a signature made while the audit trail is still empty anchors the genesis (id 0, the genesis hash) and verifies, and so does the next one', () => {
    st = openStation({ setup: false });
    const now = st.clock.now();
    const signer = Number(
      st.core.db.prepare('INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('first', 'first', hashPassword(OWN), now, now).lastInsertRowid,
    );
    st.core.db.exec('CREATE TABLE test_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at INTEGER NOT NULL)');
    const note = (body: string) => Number(st.core.db.prepare('INSERT INTO test_notes (body, at) VALUES (?, ?)').run(body, now).lastInsertRowid);
    const first = note('首签');
    expect(auditHead(st.core.db)).toBeUndefined();
    const c: SignCtx = { db: st.core.db, now, actorId: signer, throttle: st.core.services.throttle };
    const signed = st.core.db.transaction(() => sign(c, { entity: 'test_note', entityId: first, record: noteRecord(first), password: OWN }))();
    expect(signed.anchor).toEqual({ id: 0, hash: GENESIS_HASH });
    expect(verifyRecord(st.core.db, 'test_note', first, noteRecord(first))).toMatchObject({ sealed: true, ok: true });

    st.core.db.transaction(() =>
      appendAudit(st.core.db, { at: now, actorId: signer, actorName: 'first', procedure: 'test.mutate', entity: 'test_note', entityId: String(first), before: null, after: null }),
    )();
    const second = note('次签');
    const next = st.core.db.transaction(() => sign(c, { entity: 'test_note', entityId: second, record: noteRecord(second), password: OWN }))();
    expect(next.anchor).toEqual(auditHead(st.core.db));
    expect(next.anchor.id).toBe(1);
    expect(verifyRecord(st.core.db, 'test_note', second, noteRecord(second))).toMatchObject({ sealed: true, ok: true });
  });

  it('the anchor is inside what is signed: a signature’s anchor moved to an earlier row of the trail no longer verifies', () => {
    station();
    const id = newNote('锚定');
    const sig = signNote(id);
    const earlier = st.core.db.prepare('SELECT id, hash FROM audit_log WHERE id = ?').get(sig.anchor.id - 1) as { id: number; hash: string };
    tamper('UPDATE signatures SET anchor_id = ?, anchor_hash = ? WHERE id = ?', earlier.id, earlier.hash, sig.id);
    // The trail itself is intact and the moved anchor names a genuine row: only the signature no longer covers it.
    expect(verifySignature(st.core.db, sig.id, noteRecord(id))).toEqual({ signatureId: sig.id, ok: false, problems: [{ kind: 'signature_invalid' }] });
  });

  it('an edit refused because the record is sealed names that record to the caller: its entity, and its id as text', () => {
    station();
    const id = newNote('已封存');
    signNote(id);
    const refusal = (() => {
      try {
        requireUnsealed(st.core.db, 'test_note', id, 'body');
      } catch (e) {
        return e instanceof AppError ? e.toShape() : e;
      }
    })();
    expect(refusal).toMatchObject({ code: 'CONFLICT', fields: { body: 'v.sealed' }, detail: { entity: 'test_note', entityId: String(id) } });
  });
});

describe('verify names what was tampered with', () => {
  it('(1) the signed record edited in the database file → record changed', () => {
    station();
    const id = newNote('收入3人');
    signNote(id);
    tamper('UPDATE test_notes SET body = ? WHERE id = ?', '收入2人', id);
    const [check] = verifyNote(id).signatures;
    expect(check!.problems).toEqual([{ kind: 'record_changed', signedHash: recordHash({ id, body: '收入3人', at: st.clock.now() }), currentHash: recordHash(noteRecord(id)) }]);
  });

  it('(2) a byte of the stored signature flipped, or a signed column edited → signature wrong', () => {
    station();
    const id = newNote('正常');
    const sig = signNote(id, { reason: '代签' });
    const bytes = (st.core.db.prepare('SELECT signature FROM signatures WHERE id = ?').get(sig.id) as { signature: Buffer }).signature;
    const flipped = Buffer.from(bytes);
    flipped[10]! ^= 0x01;
    tamper('UPDATE signatures SET signature = ? WHERE id = ?', flipped, sig.id);
    expect(verifyNote(id).signatures[0]!.problems).toEqual([{ kind: 'signature_invalid' }]);
    tamper('UPDATE signatures SET signature = ?, reason = ? WHERE id = ?', bytes, '本人签名', sig.id);
    expect(verifyNote(id).signatures[0]!.problems).toEqual([{ kind: 'signature_invalid' }]);
    tamper('UPDATE signatures SET reason = ? WHERE id = ?', '代签', sig.id);
    expect(verifyNote(id).ok).toBe(true);
  });

  it('a signature made with one user’s key but naming another as signer is not valid', () => {
    station();
    const id = newNote('冒名');
    const own = signNote(id); // the leader's genuine signature, and a key for the colleague:
    const elsewhere = newNote('别的');
    mutation(() => sign(ctx(ids.colleague), { entity: 'test_note', entityId: elsewhere, record: noteRecord(elsewhere), password: OWN }));
    const colleagueKey = currentKey(st.core.db, ids.colleague!)!;
    const genuine = st.core.db.prepare('SELECT * FROM signatures WHERE id = ?').get(own.id) as SignatureRow;
    // The colleague signs a row that names the leader, with the colleague's own (valid) key.
    const forged = { ...genuine, id: 99, key_id: colleagueKey.id };
    const signature = ed25519Sign(null, signedPayload(forged), unsealPrivateKey(colleagueKey, OWN)!);
    st.core.db.prepare('INSERT INTO signatures VALUES (@id, @entity, @entity_id, @record_hash, @signer_id, @key_id, @signed_at, @reason, @anchor_id, @anchor_hash, @signature)').run({ ...forged, signature });
    expect(verifySignature(st.core.db, 99, noteRecord(id)).problems).toEqual([{ kind: 'signature_invalid' }]);
    expect(verifySignature(st.core.db, own.id, noteRecord(id)).ok).toBe(true);
  });

  it('a signature dated after its key was retired is not valid', () => {
    station();
    const id = newNote('过期密钥');
    const sig = signNote(id);
    const keyId = currentKey(st.core.db, ids.leader!)!.id;
    st.must('accounts.resetPassword', { id: ids.leader!, password: 'Reset-pass-1', passwordConfirm: 'Reset-pass-1' }, st.adminSession);
    expect(verifyNote(id).ok).toBe(true); // retired in the same millisecond as it signed: still its key then
    const raw = new Database(path.join(st.dir, DATABASE_FILE));
    raw.exec('DROP TRIGGER signing_keys_retired_final');
    raw.prepare('UPDATE signing_keys SET retired_at = ? WHERE id = ?').run(st.clock.now() - 1, keyId);
    raw.close();
    expect(verifySignature(st.core.db, sig.id, noteRecord(id)).problems).toEqual([{ kind: 'signature_invalid' }]);
  });

  it('(3) an audit row before the anchor rewritten with the chain recomputed → audit rewritten, though the chain alone verifies', () => {
    station();
    const id = newNote('夜班');
    const sig = signNote(id);
    newNote('later'); // rows after the anchor are recomputed too
    rewriteAuditConsistently(3, JSON.stringify({ event: 'forged' }));
    expect(verifyChain(st.core.db, st.clock.now()).ok).toBe(true);
    expect(verifyNote(id).signatures[0]!.problems).toEqual([{ kind: 'audit_rewritten', auditRowId: sig.anchor.id, reason: 'anchor_changed' }]);
  });

  it('(4) an audit row inside the segment since the previous signature rewritten without recomputing → found at that row', () => {
    station();
    const first = newNote('第一份');
    const a = signNote(first);
    for (let i = 0; i < 3; i++) newNote(`中间${i}`);
    const second = newNote('第二份');
    const b = signNote(second);
    const inside = a.anchor.id + 2;
    expect(inside).toBeLessThan(b.anchor.id);
    tamper("UPDATE audit_log SET after = '{\"forged\":true}' WHERE id = ?", inside);
    expect(verifyNote(second).signatures[0]!.problems).toEqual([{ kind: 'audit_rewritten', auditRowId: inside, reason: 'hash_mismatch' }]);
    expect(verifyNote(first).ok).toBe(true); // the row is after the first signature's anchor

    // Its own hash recomputed too, but not its successor's link.
    const row = st.core.db.prepare('SELECT * FROM audit_log WHERE id = ?').get(inside) as StoredRow;
    tamper('UPDATE audit_log SET hash = ? WHERE id = ?', rowHash(row), inside);
    expect(verifyNote(second).signatures[0]!.problems).toEqual([{ kind: 'audit_rewritten', auditRowId: inside + 1, reason: 'link_mismatch' }]);
  });

  it('an audit row of the segment deleted → found as missing', () => {
    station();
    const first = newNote('一');
    const a = signNote(first);
    newNote('二');
    const second = newNote('三');
    const b = signNote(second);
    const raw = new Database(path.join(st.dir, DATABASE_FILE));
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE id = ?').run(a.anchor.id + 1);
    raw.close();
    expect(verifyNote(second).signatures[0]!.problems).toEqual([{ kind: 'audit_rewritten', auditRowId: a.anchor.id + 1, reason: 'row_missing' }]);
    expect(b.anchor.id).toBeGreaterThan(a.anchor.id + 1);
  });
});

describe('addenda', () => {
  it('are signed notes on a sealed record, anchored, listed with it, and checked with it', () => {
    station();
    const id = newNote('交班记录');
    expect(thrown(() => mutation(() => addAddendum(ctx(), { entity: 'test_note', entityId: id, note: '补充', password: OWN })))).toBe('CONFLICT {"note":"v.notSealed"}');
    expect(thrown(() => mutation(() => addAddendum(ctx(), { entity: 'test_note', entityId: id, note: '补充', noteField: 'addendum.note', password: OWN })))).toBe(
      'CONFLICT {"addendum.note":"v.notSealed"}',
    );
    signNote(id);
    const head = auditHead(st.core.db)!;
    const added = mutation(() => addAddendum(ctx(), { entity: 'test_note', entityId: id, note: '补记：02:10 巡查一次', password: OWN, reason: '补录' }));
    expect(added).toMatchObject({ entityId: String(id), note: '补记：02:10 巡查一次', addedBy: { id: ids.leader }, signature: { entity: 'addendum', reason: '补录', anchor: head } });
    expect(addendaOf(st.core.db, 'test_note', id)).toEqual([added]);
    expect(verifyNote(id)).toMatchObject({ ok: true, addenda: [{ addendumId: added.id, verification: { ok: true, problems: [] } }] });

    // A wrong password adds nothing.
    expect(thrown(() => mutation(() => addAddendum(ctx(), { entity: 'test_note', entityId: id, note: 'x', password: 'Wrong-pass-1' })))).toMatch(/^BAD_CREDENTIALS/);
    expect(addendaOf(st.core.db, 'test_note', id)).toHaveLength(1);

    tamper('UPDATE addenda SET note = ? WHERE id = ?', '补记：无', added.id);
    const check = verifyNote(id);
    expect(check.ok).toBe(false);
    expect(check.signatures[0]!.ok).toBe(true);
    expect(check.addenda[0]!.verification.problems).toMatchObject([{ kind: 'record_changed' }]);
  });
});

/** Opens the station file as something other than StationDesk would, with the given triggers gone and foreign keys off. */
function tamperWith(triggers: string[], run: (raw: Database.Database) => void) {
  const raw = new Database(path.join(st.dir, DATABASE_FILE));
  raw.pragma('foreign_keys = OFF');
  for (const t of triggers) raw.exec(`DROP TRIGGER IF EXISTS ${t}`);
  run(raw);
  raw.close();
}

/** A signature row written by hand (as a forger with the leader's key would), signed over its own columns. */
function forgeSignature(base: SignatureRow, change: Partial<SignatureRow>): number {
  const row = { ...base, ...change };
  const signature = ed25519Sign(null, signedPayload(row), unsealPrivateKey(currentKey(st.core.db, row.signer_id)!, OWN)!);
  st.core.db.prepare('INSERT INTO signatures VALUES (@id, @entity, @entity_id, @record_hash, @signer_id, @key_id, @signed_at, @reason, @anchor_id, @anchor_hash, @signature)').run({ ...row, signature });
  return row.id;
}

describe('verify, one signature or the whole record', () => {
  it('a signature checked by its id: an unknown id is NOT_FOUND; an addendum’s is checked against the addendum as stored, whatever record is passed', () => {
    station();
    const id = newNote('交班');
    const sig = signNote(id);
    const added = mutation(() => addAddendum(ctx(), { entity: 'test_note', entityId: id, note: '补记', password: OWN }));
    expect(thrown(() => verifySignature(st.core.db, 9999, noteRecord(id)))).toBe('NOT_FOUND {}');
    expect(verifySignature(st.core.db, sig.id, { ...noteRecord(id), body: '别的' }).problems.map((p) => p.kind)).toEqual(['record_changed']);
    expect(verifySignature(st.core.db, added.signature.id, { unrelated: true })).toEqual({ signatureId: added.signature.id, ok: true, problems: [] });
    expect(verifyAddendum(st.core.db, added.id)).toEqual({ signatureId: added.signature.id, ok: true, problems: [] });
    expect(thrown(() => verifyAddendum(st.core.db, 9999))).toBe('NOT_FOUND {}');
    tamper('UPDATE addenda SET note = ? WHERE id = ?', '补记：无', added.id);
    expect(verifySignature(st.core.db, added.signature.id, noteRecord(id)).problems.map((p) => p.kind)).toEqual(['record_changed']);
    expect(verifyAddendum(st.core.db, added.id).ok).toBe(false);
  });

  it('an addendum whose signature was removed from the file is found: signature missing, and the record is not ok', () => {
    station();
    const id = newNote('交班');
    signNote(id);
    const added = mutation(() => addAddendum(ctx(), { entity: 'test_note', entityId: id, note: '补记', password: OWN }));
    tamperWith(['signatures_no_delete'], (raw) => raw.prepare('DELETE FROM signatures WHERE id = ?').run(added.signature.id));
    const check = verifyNote(id);
    expect(check.signatures.map((s) => s.ok)).toEqual([true]);
    expect(check.addenda).toEqual([{ addendumId: added.id, verification: { signatureId: null, ok: false, problems: [{ kind: 'signature_missing' }] } }]);
    expect(check.ok).toBe(false);
  });

  it('a record never signed is not sealed and has nothing to check', () => {
    station();
    const id = newNote('未签');
    expect(verifyNote(id)).toEqual({ entity: 'test_note', entityId: String(id), sealed: false, ok: true, signatures: [], addenda: [] });
  });

  it('a record with two signatures is ok only if both are, and each is checked alone', () => {
    station();
    const id = newNote('双签');
    const leader = signNote(id);
    const colleague = mutation(() => sign(ctx(), { entity: 'test_note', entityId: id, record: noteRecord(id), password: OWN, signerId: ids.colleague! }));
    expect(verifyNote(id)).toMatchObject({ sealed: true, ok: true });
    const bytes = (st.core.db.prepare('SELECT signature FROM signatures WHERE id = ?').get(colleague.id) as { signature: Buffer }).signature;
    const flipped = Buffer.from(bytes);
    flipped[0]! ^= 0x01;
    tamper('UPDATE signatures SET signature = ? WHERE id = ?', flipped, colleague.id);
    const check = verifyNote(id);
    expect(check.signatures).toEqual([
      { signatureId: leader.id, ok: true, problems: [] },
      { signatureId: colleague.id, ok: false, problems: [{ kind: 'signature_invalid' }] },
    ]);
    expect(check.ok).toBe(false);
  });
});

describe('a signature holds only under its signer’s key as it stands in the file', () => {
  it('a key removed from the file: the signature is not valid (not an error)', () => {
    station();
    const id = newNote('删钥');
    const sig = signNote(id);
    const keyId = currentKey(st.core.db, ids.leader!)!.id;
    tamperWith(['signing_keys_no_delete'], (raw) => raw.prepare('DELETE FROM signing_keys WHERE id = ?').run(keyId));
    expect(verifySignature(st.core.db, sig.id, noteRecord(id))).toEqual({ signatureId: sig.id, ok: false, problems: [{ kind: 'signature_invalid' }] });
  });

  it('a signature dated before its key was made is not valid', () => {
    station();
    const id = newNote('早于密钥');
    const sig = signNote(id);
    const keyId = currentKey(st.core.db, ids.leader!)!.id;
    tamperWith(['signing_keys_fixed'], (raw) => raw.prepare('UPDATE signing_keys SET created_at = ? WHERE id = ?').run(sig.signedAt + 1, keyId));
    expect(verifySignature(st.core.db, sig.id, noteRecord(id)).problems).toEqual([{ kind: 'signature_invalid' }]);
  });

  it('a damaged public key or a signature of the wrong length: not valid, never an error', () => {
    station();
    const id = newNote('损坏');
    const sig = signNote(id);
    const bytes = (st.core.db.prepare('SELECT signature FROM signatures WHERE id = ?').get(sig.id) as { signature: Buffer }).signature;
    tamper('UPDATE signatures SET signature = ? WHERE id = ?', bytes.subarray(0, 63), sig.id);
    expect(verifySignature(st.core.db, sig.id, noteRecord(id)).problems).toEqual([{ kind: 'signature_invalid' }]);
    tamper('UPDATE signatures SET signature = ? WHERE id = ?', bytes, sig.id);
    expect(verifyNote(id).ok).toBe(true);
    const keyId = currentKey(st.core.db, ids.leader!)!.id;
    tamperWith(['signing_keys_fixed'], (raw) => raw.prepare('UPDATE signing_keys SET public_key = ? WHERE id = ?').run(Buffer.from('not a key'), keyId));
    expect(verifySignature(st.core.db, sig.id, noteRecord(id)).problems).toEqual([{ kind: 'signature_invalid' }]);
  });

  it('a signature made while the trail was empty anchors the genesis: it holds while its anchor hash is the genesis hash', () => {
    station();
    const id = newNote('创世');
    const sig = signNote(id);
    const genuine = st.core.db.prepare('SELECT * FROM signatures WHERE id = ?').get(sig.id) as SignatureRow;
    const atGenesis = forgeSignature(genuine, { id: 90, anchor_id: 0, anchor_hash: GENESIS_HASH });
    const otherwise = forgeSignature(genuine, { id: 91, anchor_id: 0, anchor_hash: 'f'.repeat(64) });
    expect(verifySignature(st.core.db, atGenesis, noteRecord(id))).toEqual({ signatureId: 90, ok: true, problems: [] });
    expect(verifySignature(st.core.db, otherwise, noteRecord(id)).problems).toEqual([{ kind: 'audit_rewritten', auditRowId: 0, reason: 'anchor_changed' }]);
  });
});

describe('the audit segment a signature checks', () => {
  it('a row rewritten without recomputing is named once, by the signature whose segment holds it: the segments tile the trail', () => {
    station();
    const first = newNote('一');
    const a = signNote(first);
    const second = newNote('二');
    signNote(second);
    tamper("UPDATE audit_log SET after = '{\"forged\":true}' WHERE id = ?", a.anchor.id - 1);
    expect(verifyNote(first).signatures[0]!.problems).toEqual([{ kind: 'audit_rewritten', auditRowId: a.anchor.id - 1, reason: 'hash_mismatch' }]);
    expect(verifyNote(second).ok).toBe(true);
    expect(verifyChain(st.core.db, st.clock.now()).ok).toBe(false); // the whole trail's own check finds it too
  });

  it('a segment that starts at the trail’s beginning checks the first row’s link to the genesis', () => {
    station();
    const id = newNote('首行');
    const sig = signNote(id);
    const genuine = st.core.db.prepare('SELECT * FROM signatures WHERE id = ?').get(sig.id) as SignatureRow;
    const first = st.core.db.prepare('SELECT * FROM audit_log WHERE id = 1').get() as StoredRow;
    const early = forgeSignature(genuine, { id: 90, anchor_id: 1, anchor_hash: first.hash });
    expect(verifySignature(st.core.db, early, noteRecord(id))).toEqual({ signatureId: 90, ok: true, problems: [] });
    const relinked = { ...first, prev_hash: 'f'.repeat(64) };
    tamper('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = 1', relinked.prev_hash, rowHash(relinked));
    expect(verifySignature(st.core.db, early, noteRecord(id)).problems).toEqual([{ kind: 'audit_rewritten', auditRowId: 1, reason: 'link_mismatch' }]);
  });

  it('the anchor row itself deleted → found as missing at the anchor', () => {
    station();
    const id = newNote('锚');
    const sig = signNote(id);
    tamperWith(['audit_log_no_delete'], (raw) => raw.prepare('DELETE FROM audit_log WHERE id = ?').run(sig.anchor.id));
    expect(verifyNote(id).signatures[0]!.problems).toEqual([{ kind: 'audit_rewritten', auditRowId: sig.anchor.id, reason: 'row_missing' }]);
  });
});
