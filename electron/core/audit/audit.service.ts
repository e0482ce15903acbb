/**
 * The hash-chained audit trail (DESIGN.md §4). Every entry is appended inside the transaction
 * of the change it records. Details must never contain a sealed value or key material.
 */
import { parseAnchor, type AnchorCheck } from '../../common/contract.audit';
import type { AuditAction } from '../../common/audit';
import type { Db, Tx } from '../db/connection';
import { hmacHex, safeEqualHex } from '../crypto/crypto';
import { insertEntry, lastEntry, listAfter, type AuditRow } from './audit.repository';

export type { AuditAction };

export interface AuditEntryInput {
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: AuditAction;
  caseRef?: string | null;
  target?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

/** Appends one entry as the signed-in user, inside the change's own transaction (actor and time filled in). */
export type Audit = (e: Omit<AuditEntryInput, 'at' | 'actorId' | 'actorRole'>) => Promise<unknown>;

export interface AuditHead {
  seq: number;
  mac: string;
}

/** The exact bytes the MAC covers: every column but the MAC, in a fixed order. */
export function canonical(row: Omit<AuditRow, 'mac'>): string {
  return JSON.stringify([row.seq, row.at, row.actor_id, row.actor_role, row.action, row.case_ref, row.target, row.details]);
}

export function entryMac(auditKey: Buffer, row: Omit<AuditRow, 'mac'>, previousMac: string): string {
  return hmacHex(auditKey, canonical(row) + '\n' + previousMac);
}

function toRow(seq: number, entry: AuditEntryInput): Omit<AuditRow, 'mac'> {
  return {
    seq,
    at: entry.at,
    actor_id: entry.actorId,
    actor_role: entry.actorRole,
    action: entry.action,
    case_ref: entry.caseRef ?? null,
    target: entry.target ?? null,
    details: JSON.stringify(entry.details ?? {}),
  };
}

/** Appends one entry chained to the previous one. Call only inside the change's own transaction. */
export async function appendAudit(tx: Tx, auditKey: Buffer, entry: AuditEntryInput): Promise<AuditHead> {
  const prev = await lastEntry(tx);
  const row = toRow((prev?.seq ?? 0) + 1, entry);
  const mac = entryMac(auditKey, row, prev?.mac ?? '');
  await insertEntry(tx, { ...row, mac });
  return { seq: row.seq, mac };
}

/**
 * Appends many entries in order, chained like single appends, with multi-row INSERTs
 * (demo data, imports). Call only inside one transaction.
 */
export async function appendAuditBatch(tx: Tx, auditKey: Buffer, entries: AuditEntryInput[]): Promise<AuditHead> {
  const prev = await lastEntry(tx);
  let seq = prev?.seq ?? 0;
  let mac = prev?.mac ?? '';
  const ROWS_PER_INSERT = 400;
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
    const params: (string | number | null)[] = [];
    const chunk = entries.slice(i, i + ROWS_PER_INSERT);
    for (const entry of chunk) {
      const row = toRow(++seq, entry);
      mac = entryMac(auditKey, row, mac);
      params.push(row.seq, row.at, row.actor_id, row.actor_role, row.action, row.case_ref, row.target, row.details, mac);
    }
    await tx.run(
      `INSERT INTO audit_log (seq, at, actor_id, actor_role, action, case_ref, target, details, mac) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      params,
    );
  }
  return { seq, mac };
}

export async function auditHead(db: Db): Promise<AuditHead> {
  const last = await db.read((tx) => lastEntry(tx));
  return { seq: last?.seq ?? 0, mac: last?.mac ?? '' };
}

export type ChainVerification =
  | { intact: true; entries: number; head: AuditHead }
  | { intact: false; entries: number; intactUpTo: number; firstBroken: { seq: number; reason: 'mac-mismatch' | 'sequence-gap' } };

/**
 * Whether the trail still holds each entry the anchors name (`SEQ:HASH`, written down outside the
 * computer), with the MAC it had then: 'missing' means rolled back, 'differs' rewritten.
 */
export async function checkAnchors(db: Db, anchors: readonly string[]): Promise<AnchorCheck[]> {
  const checks: AnchorCheck[] = [];
  for (const text of anchors) {
    const { seq, hash } = parseAnchor(text);
    const row = await db.read((tx) => tx.get<{ mac: string }>('SELECT mac FROM audit_log WHERE seq = ?', [seq]));
    const result = !row ? 'missing' : row.mac.toLowerCase().startsWith(hash) ? 'matches' : 'differs';
    checks.push({ anchor: `${seq}:${hash}`, seq, result });
  }
  return checks;
}

/** What the trail records of a verification: the chain's outcome and the anchors that failed (no content). */
export function verificationDetails(chain: ChainVerification, checks: readonly AnchorCheck[]): Record<string, string | number | boolean> {
  return {
    ...(chain.intact ? { intact: true, entries: chain.entries } : { intact: false, firstBroken: chain.firstBroken.seq }),
    ...(checks.length ? { anchors: checks.length, anchorsFailed: checks.filter((c) => c.result !== 'matches').map((c) => c.anchor).join(' ') } : {}),
  };
}

const PAGE = 5000;

/** Recomputes the whole chain and names the first entry that does not verify. */
export async function verifyChain(db: Db, auditKey: Buffer): Promise<ChainVerification> {
  let prevSeq = 0;
  let prevMac = '';
  let entries = 0;
  for (;;) {
    const rows = await db.read((tx) => listAfter(tx, prevSeq, PAGE));
    for (const row of rows) {
      if (row.seq !== prevSeq + 1) {
        return { intact: false, entries, intactUpTo: prevSeq, firstBroken: { seq: prevSeq + 1, reason: 'sequence-gap' } };
      }
      const { mac, ...rest } = row;
      if (!safeEqualHex(entryMac(auditKey, rest, prevMac), mac)) {
        return { intact: false, entries, intactUpTo: prevSeq, firstBroken: { seq: row.seq, reason: 'mac-mismatch' } };
      }
      prevSeq = row.seq;
      prevMac = mac;
      entries++;
    }
    if (rows.length < PAGE) break;
  }
  return { intact: true, entries, head: { seq: prevSeq, mac: prevMac } };
}
