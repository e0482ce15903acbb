/** SQL for accounts. Passphrases and keys are never here: they live as keyslots. */
import type { Role, UserSummary } from '../../common/contract';
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

export async function countUsers(tx: Tx): Promise<number> {
  const row = await tx.get<{ n: number }>("SELECT count(*) AS n FROM users WHERE status = 'active'");
  return row?.n ?? 0;
}

export async function setUserLocale(tx: Tx, id: string, locale: Locale, at: string): Promise<void> {
  await tx.run('UPDATE users SET locale = ?, updated_at = ?, version = version + 1 WHERE id = ?', [locale, at, id]);
}

export function toUserSummary(row: UserRow): UserSummary {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, locale: row.locale };
}
