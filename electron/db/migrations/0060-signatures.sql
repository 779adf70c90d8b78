-- Signatures and seals (issue 9): per-user Ed25519 keys sealed with the user's password, signatures of records
-- anchored to the audit chain's head, and signed addenda to sealed records. Instants are integer Unix ms.

-- A user has at most one current key. Its private half is sealed: AES-256-GCM under a key derived from the user's
-- password with scrypt (`kdf` holds scrypt's parameters; salt and IV are new at every sealing; the public key is
-- the GCM additional data, so a sealed blob cannot be moved to another key's row). A password change re-seals it;
-- an admin's reset retires it. A retired key keeps its public half for ever (old signatures still verify) and
-- loses its sealed private half, so nothing can be signed with it again.
CREATE TABLE signing_keys (
  id             INTEGER PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users (id),
  public_key     BLOB NOT NULL,     -- SPKI DER
  kdf            TEXT,              -- scrypt$N$r$p
  salt           BLOB,
  iv             BLOB,
  tag            BLOB,
  ciphertext     BLOB,              -- the PKCS#8 DER private key, encrypted
  created_at     INTEGER NOT NULL,
  retired_at     INTEGER,
  retired_reason TEXT CHECK (retired_reason IN ('password_reset', 'unsealable')),
  CHECK ((retired_at IS NULL) = (retired_reason IS NULL)),
  CHECK (CASE WHEN retired_at IS NULL
              THEN kdf IS NOT NULL AND salt IS NOT NULL AND iv IS NOT NULL AND tag IS NOT NULL AND ciphertext IS NOT NULL
              ELSE kdf IS NULL AND salt IS NULL AND iv IS NULL AND tag IS NULL AND ciphertext IS NULL END)
) STRICT;
CREATE UNIQUE INDEX signing_keys_current ON signing_keys (user_id) WHERE retired_at IS NULL;

-- Only the seal of a current key may change (re-sealing), and retiring is final.
CREATE TRIGGER signing_keys_fixed BEFORE UPDATE OF id, user_id, public_key, created_at ON signing_keys
BEGIN SELECT RAISE(ABORT, 'a signing key''s identity never changes'); END;
CREATE TRIGGER signing_keys_retired_final BEFORE UPDATE ON signing_keys WHEN OLD.retired_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a retired signing key never changes'); END;
CREATE TRIGGER signing_keys_no_delete BEFORE DELETE ON signing_keys
BEGIN SELECT RAISE(ABORT, 'signing keys are kept for ever'); END;

-- One row per signature of a record (entity, entity_id), e.g. ('handover', '42'). The signed payload is the
-- canonical JSON of this row's columns except `signature`: the row's own id, the record's canonical hash, signer,
-- key, time, reason, and the audit chain's head when signing (anchor_id 0 with the genesis hash if the trail was
-- empty). A record with a signature is sealed.
CREATE TABLE signatures (
  id          INTEGER PRIMARY KEY,
  entity      TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  record_hash TEXT NOT NULL,        -- sha256 hex of the record's canonical JSON
  signer_id   INTEGER NOT NULL REFERENCES users (id),
  key_id      INTEGER NOT NULL REFERENCES signing_keys (id),
  signed_at   INTEGER NOT NULL,
  reason      TEXT,                 -- a stated reason, shown with the signature
  anchor_id   INTEGER NOT NULL,     -- audit_log.id of the head before the signing mutation's own row
  anchor_hash TEXT NOT NULL,
  signature   BLOB NOT NULL         -- Ed25519, 64 bytes
) STRICT;
CREATE INDEX signatures_by_record ON signatures (entity, entity_id, id);

-- A note added to a sealed record after it was signed. Each addendum is itself signed: its signature is a row of
-- `signatures` with entity 'addendum' and entity_id = addenda.id.
CREATE TABLE addenda (
  id        INTEGER PRIMARY KEY,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  note      TEXT NOT NULL,
  added_at  INTEGER NOT NULL,
  added_by  INTEGER NOT NULL REFERENCES users (id)
) STRICT;
CREATE INDEX addenda_by_record ON addenda (entity, entity_id, id);

-- Append-only, like audit_log: a correction is a new addendum, never an edit.
CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures
BEGIN SELECT RAISE(ABORT, 'signatures are append-only'); END;
CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
BEGIN SELECT RAISE(ABORT, 'signatures are append-only'); END;
CREATE TRIGGER addenda_no_update BEFORE UPDATE ON addenda
BEGIN SELECT RAISE(ABORT, 'addenda are append-only'); END;
CREATE TRIGGER addenda_no_delete BEFORE DELETE ON addenda
BEGIN SELECT RAISE(ABORT, 'addenda are append-only'); END;
