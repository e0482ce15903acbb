import type { Migration } from './migration';

/**
 * Sealed information under per-case keys (issue 14.1, 14.2; see sealing/sealing.service.ts).
 *
 * - `sealing_keys`: the X25519 public key of each case worker (whose private half only their own
 *   passphrase opens) and of the recovery escrow (whose private half only the recovery key opens).
 *   A worker's key is signed with their audit signing key; it is `pending` until a supervisor
 *   grants it, `revoked` once a passphrase reset or a disabled account ends it.
 * - `case_keys`: each case's random key, sealed to every holder entitled to it (assigned officers,
 *   granted supervisors, the escrow). A case has a key once it holds sealed information.
 * - `registry_keys`: the interpreter registry's key, sealed to every granted case worker and the escrow.
 *
 * Values written before this version stay readable as they are until a supervisor's sign-in
 * encrypts them (`upkeep`).
 */
export const migration0130: Migration = {
  version: 130,
  name: 'sealing',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE sealing_keys (
        key_id TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        public_key TEXT NOT NULL,
        signing_key TEXT,
        signature TEXT,
        escrow_wrapped TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'granted', 'revoked')),
        registered_at TEXT NOT NULL,
        granted_at TEXT,
        granted_by TEXT,
        revoked_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX sealing_keys_current ON sealing_keys (holder) WHERE status <> 'revoked';

      CREATE TABLE case_keys (
        case_id TEXT NOT NULL REFERENCES cases (id),
        holder TEXT NOT NULL,
        key_id TEXT NOT NULL,
        generation INTEGER NOT NULL,
        wrapped TEXT NOT NULL,
        PRIMARY KEY (case_id, holder)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_keys_by_holder ON case_keys (holder, case_id);

      CREATE TABLE registry_keys (
        holder TEXT PRIMARY KEY,
        key_id TEXT NOT NULL,
        generation INTEGER NOT NULL,
        wrapped TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
