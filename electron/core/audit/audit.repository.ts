/** SQL for the audit trail. Append and list only: the trail is never updated or deleted. */
import type { Role } from '../../common/accounts';
import type { Tx } from '../db/connection';

export interface AuditRow {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  case_ref: string | null;
  target: string | null;
  details: string;
  mac: string;
  /** The signing key's id and its Ed25519 signature (base64); null on unsigned entries. */
  signer_key: string | null;
  signature: string | null;
}

export async function lastEntry(tx: Pick<Tx, 'get'>): Promise<Pick<AuditRow, 'seq' | 'mac'> | undefined> {
  return tx.get<Pick<AuditRow, 'seq' | 'mac'>>('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1');
}

export async function insertEntry(tx: Tx, row: AuditRow): Promise<void> {
  await tx.run(
    'INSERT INTO audit_log (seq, at, actor_id, actor_role, action, case_ref, target, details, mac, signer_key, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [row.seq, row.at, row.actor_id, row.actor_role, row.action, row.case_ref, row.target, row.details, row.mac, row.signer_key, row.signature],
  );
}

/** Entries after `afterSeq` in sequence order, `limit` at a time (for verification and paging). */
export async function listAfter(tx: Tx, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return tx.all<AuditRow>('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?', [afterSeq, limit]);
}

export interface AuditQuery {
  actorId?: string;
  action?: string;
  caseRef?: string;
  from?: string;
  to?: string;
  /** Keyset cursor: only entries with a smaller sequence number. */
  before?: number;
  limit: number;
}

export interface AuditListRow extends AuditRow {
  actor_name: string | null;
}

/**
 * One page of the trail, newest first. Keyset paging on `seq` keeps every page as cheap as the
 * first, however deep the user scrolls into a million entries.
 */
export function listPage(tx: Tx, q: AuditQuery): Promise<AuditListRow[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(sql);
    params.push(value);
  };
  add('a.actor_id = ?', q.actorId);
  add('a.action = ?', q.action);
  add('a.case_ref = ?', q.caseRef);
  add('a.at >= ?', q.from);
  add('a.at <= ?', q.to);
  add('a.seq < ?', q.before);
  params.push(q.limit);
  return tx.all<AuditListRow>(
    `SELECT a.*, u.display_name AS actor_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
     ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY a.seq DESC LIMIT ?`,
    params,
  );
}

/** Everyone who can appear in the trail as an actor (the "who" filter), with no case content. */
export function listActors(tx: Tx): Promise<{ id: string; display_name: string; role: Role; status: 'active' | 'disabled' }[]> {
  return tx.all("SELECT id, display_name, role, status FROM users ORDER BY status = 'disabled', role, username");
}
