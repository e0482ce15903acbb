/** SQL for accounts. Passphrases and keys are never here: they live as keyslots. */
import type { Role, UserAccount, UserSummary } from '../../common/accounts';
import type { Locale } from '../../common/errors';
import { normaliseUsername } from '../../common/passphrase';
import type { Tx } from '../db/connection';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  status: 'active' | 'disabled';
  must_change_passphrase: 0 | 1;
  locale: Locale | null;
  last_view: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export async function insertUser(
  tx: Tx,
  u: { id: string; username: string; displayName: string; role: Role; locale: Locale | null; at: string; mustChangePassphrase?: boolean },
): Promise<void> {
  await tx.run(
    `INSERT INTO users (id, username, display_name, role, must_change_passphrase, locale, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [u.id, normaliseUsername(u.username), u.displayName, u.role, u.mustChangePassphrase ? 1 : 0, u.locale, u.at, u.at],
  );
}

export function getUser(tx: Tx, id: string): Promise<UserRow | undefined> {
  return tx.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]);
}

export function getUserByName(tx: Tx, username: string): Promise<UserRow | undefined> {
  return tx.get<UserRow>('SELECT * FROM users WHERE username = ?', [normaliseUsername(username)]);
}

export function listUsers(tx: Tx): Promise<UserRow[]> {
  return tx.all<UserRow>("SELECT * FROM users ORDER BY status = 'disabled', role, username");
}

export async function countUsers(tx: Tx): Promise<number> {
  const row = await tx.get<{ n: number }>("SELECT count(*) AS n FROM users WHERE status = 'active'");
  return row?.n ?? 0;
}

export async function countActiveAdministrators(tx: Tx): Promise<number> {
  const row = await tx.get<{ n: number }>("SELECT count(*) AS n FROM users WHERE status = 'active' AND role = 'administrator'");
  return row?.n ?? 0;
}

/**
 * Applies `changes` only if the row is still at `version`; returns false when it moved on
 * (a stale save), so the caller can refuse with STALE_VERSION and change nothing.
 */
export async function updateUser(
  tx: Tx,
  id: string,
  version: number | null,
  changes: Partial<Pick<UserRow, 'status' | 'must_change_passphrase' | 'locale' | 'last_view'>>,
  at: string,
): Promise<boolean> {
  const cols = Object.keys(changes) as (keyof typeof changes)[];
  const sets = cols.map((c) => `${c} = ?`).join(', ');
  const params = [...cols.map((c) => changes[c] as string | number | null), at, id];
  const versionCheck = version === null ? '' : ' AND version = ?';
  if (version !== null) params.push(version);
  const r = await tx.run(`UPDATE users SET ${sets}, updated_at = ?, version = version + 1 WHERE id = ?${versionCheck}`, params);
  return r.changes === 1;
}

export function toUserSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    locale: row.locale,
    lastView: row.last_view,
    mustChangePassphrase: row.must_change_passphrase === 1,
  };
}

export function toUserAccount(row: UserRow, lockedOut: boolean): UserAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    status: row.status,
    mustChangePassphrase: row.must_change_passphrase === 1,
    lockedOut,
    createdAt: row.created_at,
    version: row.version,
  };
}
