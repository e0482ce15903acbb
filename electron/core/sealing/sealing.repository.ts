/** SQL for sealing keys and the wrapped case and registry keys (migration 0130). No key is ever unwrapped here. */
import { ENCRYPTED_PREFIX } from '../crypto/sealing';
import type { Tx } from '../db/connection';

export const ESCROW = 'escrow';

export interface SealingKeyRow {
  key_id: string;
  /** A user id, or `escrow`. */
  holder: string;
  public_key: string;
  signing_key: string | null;
  signature: string | null;
  escrow_wrapped: string | null;
  status: 'pending' | 'granted' | 'revoked';
  registered_at: string;
  granted_at: string | null;
  granted_by: string | null;
  revoked_at: string | null;
}

export interface WrapRow {
  holder: string;
  key_id: string;
  generation: number;
  wrapped: string;
}

/** The holder's key that is not revoked (pending or granted), if any. */
export function currentKey(tx: Tx, holder: string): Promise<SealingKeyRow | undefined> {
  return tx.get<SealingKeyRow>("SELECT * FROM sealing_keys WHERE holder = ? AND status <> 'revoked'", [holder]);
}

export async function hasRevokedKey(tx: Tx, holder: string): Promise<boolean> {
  return !!(await tx.get("SELECT 1 AS x FROM sealing_keys WHERE holder = ? AND status = 'revoked' LIMIT 1", [holder]));
}

/** Whether any supervisor has ever held a granted key (until then the first one is trusted on first use). */
export async function anySupervisorKey(tx: Tx): Promise<boolean> {
  return !!(await tx.get("SELECT 1 AS x FROM sealing_keys k JOIN users u ON u.id = k.holder WHERE u.role = 'supervisor' AND k.status <> 'pending' LIMIT 1"));
}

export async function insertKey(tx: Tx, r: Omit<SealingKeyRow, 'granted_at' | 'granted_by' | 'revoked_at'> & Partial<SealingKeyRow>): Promise<void> {
  await tx.run(
    `INSERT INTO sealing_keys (key_id, holder, public_key, signing_key, signature, escrow_wrapped, status, registered_at, granted_at, granted_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [r.key_id, r.holder, r.public_key, r.signing_key, r.signature, r.escrow_wrapped, r.status, r.registered_at, r.granted_at ?? null, r.granted_by ?? null],
  );
}

/** Ends the holder's current key; its wraps go too unless `keepWraps` (the escrow's are replaced by upkeep). */
export async function revokeKeys(tx: Tx, holder: string, at: string, keepWraps = false): Promise<number> {
  const r = await tx.run("UPDATE sealing_keys SET status = 'revoked', revoked_at = ? WHERE holder = ? AND status <> 'revoked'", [at, holder]);
  if (!keepWraps) {
    await tx.run('DELETE FROM case_keys WHERE holder = ?', [holder]);
    await tx.run('DELETE FROM registry_keys WHERE holder = ?', [holder]);
  }
  return r.changes;
}

export async function markGranted(tx: Tx, keyId: string, at: string, by: string): Promise<boolean> {
  const r = await tx.run("UPDATE sealing_keys SET status = 'granted', granted_at = ?, granted_by = ? WHERE key_id = ? AND status = 'pending'", [at, by, keyId]);
  return r.changes === 1;
}

export async function setEscrowWrapped(tx: Tx, keyId: string, wrapped: string): Promise<void> {
  await tx.run('UPDATE sealing_keys SET escrow_wrapped = ? WHERE key_id = ?', [wrapped, keyId]);
}

/** Granted keys of active accounts with `role`, or of every case worker. */
export function grantedWorkerKeys(tx: Tx, role?: 'officer' | 'supervisor'): Promise<(SealingKeyRow & { role: string })[]> {
  return tx.all(
    `SELECT k.*, u.role FROM sealing_keys k JOIN users u ON u.id = k.holder
     WHERE k.status = 'granted' AND u.status = 'active' AND u.role IN (${role ? '?' : "'officer', 'supervisor'"})`,
    role ? [role] : [],
  );
}

/** The granted keys entitled to a case's key: its assigned officers' and every supervisor's (of active accounts). */
export function caseEntitledKeys(tx: Tx, caseId: string): Promise<SealingKeyRow[]> {
  return tx.all(
    `SELECT k.* FROM sealing_keys k JOIN users u ON u.id = k.holder
     WHERE k.status = 'granted' AND u.status = 'active'
       AND (u.role = 'supervisor' OR EXISTS (SELECT 1 FROM case_officers o JOIN cases c ON c.num = o.case_num WHERE c.id = ? AND o.user_id = u.id))`,
    [caseId],
  );
}

export function pendingKeys(tx: Tx): Promise<(SealingKeyRow & { display_name: string; role: string; had_key: number })[]> {
  return tx.all(
    `SELECT k.*, u.display_name, u.role,
            EXISTS (SELECT 1 FROM sealing_keys r WHERE r.holder = k.holder AND r.status = 'revoked') AS had_key
     FROM sealing_keys k JOIN users u ON u.id = k.holder
     WHERE k.status = 'pending' AND u.status = 'active' AND u.role IN ('officer', 'supervisor') ORDER BY k.registered_at, k.rowid`,
  );
}

export function caseWraps(tx: Tx, caseId: string): Promise<WrapRow[]> {
  return tx.all('SELECT holder, key_id, generation, wrapped FROM case_keys WHERE case_id = ?', [caseId]);
}

export async function putCaseWrap(tx: Tx, caseId: string, w: WrapRow): Promise<void> {
  await tx.run(
    `INSERT INTO case_keys (case_id, holder, key_id, generation, wrapped) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (case_id, holder) DO UPDATE SET key_id = excluded.key_id, generation = excluded.generation, wrapped = excluded.wrapped`,
    [caseId, w.holder, w.key_id, w.generation, w.wrapped],
  );
}

export async function deleteCaseWraps(tx: Tx, caseId: string, holder?: string): Promise<void> {
  if (holder === undefined) await tx.run('DELETE FROM case_keys WHERE case_id = ?', [caseId]);
  else await tx.run('DELETE FROM case_keys WHERE case_id = ? AND holder = ?', [caseId, holder]);
}

/**
 * Whether a row of the ledger (migration 0210) still says something owed: its case has a key, the
 * holder has no wrap to `keyId`, and an officer is still assigned the case. `?1` is the holder and
 * `?2` its key, as the statements below bind them.
 */
const stillOwed = (officer: boolean) => `EXISTS (SELECT 1 FROM case_keys ck WHERE ck.case_id = d.case_id)
  AND NOT EXISTS (SELECT 1 FROM case_keys x WHERE x.case_id = d.case_id AND x.holder = ?1 AND x.key_id = ?2)
  ${officer ? 'AND EXISTS (SELECT 1 FROM case_officers o JOIN cases c ON c.num = o.case_num WHERE c.id = d.case_id AND o.user_id = ?1)' : ''}`;

/** Holders the ledger says are owed a case key: the only ones a sign-in's upkeep looks at. */
export async function holdersOwedWraps(tx: Tx): Promise<Set<string>> {
  return new Set((await tx.all<{ holder: string }>('SELECT DISTINCT holder FROM case_wraps_due')).map((r) => r.holder));
}

/** The cases whose key `holder` is owed, sealed to `keyId` (an officer's only while assigned), from the ledger alone. */
export async function casesOwedWrap(tx: Tx, holder: string, keyId: string, officer: boolean): Promise<string[]> {
  const rows = await tx.all<{ case_id: string }>(`SELECT d.case_id FROM case_wraps_due d WHERE d.holder = ?1 AND ${stillOwed(officer)}`, [holder, keyId]);
  return rows.map((r) => r.case_id);
}

/** Drops the ledger's rows of `holder` that owe nothing any more (sealed since, key gone, officer removed); those still owed stay. */
export async function dropSettledWrapsDue(tx: Tx, holder: string, keyId: string, officer: boolean): Promise<void> {
  await tx.run(`DELETE FROM case_wraps_due AS d WHERE d.holder = ?1 AND NOT (${stillOwed(officer)})`, [holder, keyId]);
}

export function registryWraps(tx: Tx): Promise<WrapRow[]> {
  return tx.all('SELECT holder, key_id, generation, wrapped FROM registry_keys');
}

export async function putRegistryWrap(tx: Tx, w: WrapRow): Promise<void> {
  await tx.run(
    `INSERT INTO registry_keys (holder, key_id, generation, wrapped) VALUES (?, ?, ?, ?)
     ON CONFLICT (holder) DO UPDATE SET key_id = excluded.key_id, generation = excluded.generation, wrapped = excluded.wrapped`,
    [w.holder, w.key_id, w.generation, w.wrapped],
  );
}

/** Every sealed value a case holds, by the place its encryption is bound to. */
export interface SealedPlace {
  kind: 'case-sealed' | 'case-note' | 'interview-record';
  key: string;
  value: string;
}

export async function caseSealedValues(tx: Tx, caseId: string): Promise<SealedPlace[]> {
  const [fields, notes, records] = await Promise.all([
    tx.all<{ key: string; value: string }>('SELECT field AS key, value FROM case_sealed WHERE case_id = ?', [caseId]),
    tx.all<{ key: string; value: string }>('SELECT id AS key, body AS value FROM case_notes WHERE case_id = ? AND sealed = 1', [caseId]),
    tx.all<{ key: string; value: string }>('SELECT r.interview_id AS key, r.value FROM interview_records r JOIN interviews i ON i.id = r.interview_id WHERE i.case_id = ?', [caseId]),
  ]);
  return [
    ...fields.map((r) => ({ kind: 'case-sealed' as const, ...r })),
    ...notes.map((r) => ({ kind: 'case-note' as const, ...r })),
    ...records.map((r) => ({ kind: 'interview-record' as const, ...r })),
  ];
}

export async function updateSealedValue(tx: Tx, caseId: string, p: Pick<SealedPlace, 'kind' | 'key'>, value: string): Promise<void> {
  if (p.kind === 'case-sealed') await tx.run('UPDATE case_sealed SET value = ? WHERE case_id = ? AND field = ?', [value, caseId, p.key]);
  else if (p.kind === 'case-note') await tx.run('UPDATE case_notes SET body = ? WHERE case_id = ? AND id = ? AND sealed = 1', [value, caseId, p.key]);
  else await tx.run('UPDATE interview_records SET value = ? WHERE interview_id = ?', [value, p.key]);
}

/**
 * Not yet encrypted: the value does not start with ENCRYPTED_PREFIX. Written out as a literal, the
 * condition of migration 0200's partial indexes, so the planner reads those (only the plaintext
 * rows) instead of every sealed value.
 */
if (!/^[a-z0-9:]+$/.test(ENCRYPTED_PREFIX)) throw new Error('ENCRYPTED_PREFIX cannot be written as an SQL literal');
const notEncrypted = (column: string) => `substr(${column}, 1, ${ENCRYPTED_PREFIX.length}) <> '${ENCRYPTED_PREFIX}'`;

/** Cases holding a sealed value stored as plaintext (written before per-case keys, or to a case with no key yet). */
export async function casesWithPlainValues(tx: Tx): Promise<string[]> {
  const rows = await tx.all<{ case_id: string }>(
    `SELECT case_id FROM case_sealed WHERE ${notEncrypted('value')}
     UNION SELECT case_id FROM case_notes WHERE sealed = 1 AND ${notEncrypted('body')}
     UNION SELECT i.case_id FROM interview_records r JOIN interviews i ON i.id = r.interview_id WHERE ${notEncrypted('r.value')}`,
  );
  return rows.map((r) => r.case_id);
}

export function plainContacts(tx: Tx, prefix: string): Promise<{ interpreter_id: string; value: string }[]> {
  return tx.all('SELECT interpreter_id, value FROM interpreter_contacts WHERE substr(value, 1, ?) <> ?', [prefix.length, prefix]);
}

export async function updateContact(tx: Tx, interpreterId: string, value: string): Promise<void> {
  await tx.run('UPDATE interpreter_contacts SET value = ? WHERE interpreter_id = ?', [value, interpreterId]);
}
