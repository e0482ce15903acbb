/**
 * The hash-chained audit trail (DESIGN.md §4). Every entry is appended inside the transaction
 * of the change it records. Details must never contain a sealed value or key material.
 */
import { parseAnchor, type AnchorCheck } from '../../common/contract.audit';
import type { AuditAction } from '../../common/audit';
import type { Db, Tx } from '../db/connection';
import { hmacHex, safeEqualHex } from '../crypto/crypto';
import type { Signer } from '../crypto/signing';
import { insertEntry, lastEntry, listAfter, type AuditRow } from './audit.repository';
import { REGISTRATION, signEntry, SignatureVerifier, type SignatureProblem } from './signatures';

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

type EntryFields = Omit<AuditRow, 'mac' | 'signer_key' | 'signature'>;

/** The exact bytes the MAC covers: every column but the MAC and the signature, in a fixed order. */
export function canonical(row: EntryFields): string {
  return JSON.stringify([row.seq, row.at, row.actor_id, row.actor_role, row.action, row.case_ref, row.target, row.details]);
}

export function entryMac(auditKey: Buffer, row: EntryFields, previousMac: string): string {
  return hmacHex(auditKey, canonical(row) + '\n' + previousMac);
}

function toRow(seq: number, entry: AuditEntryInput): EntryFields {
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

/**
 * Appends one entry chained to the previous one, signed by `signer` (the actor's key) when given.
 * Call only inside the change's own transaction.
 */
export async function appendAudit(tx: Tx, auditKey: Buffer, entry: AuditEntryInput, signer?: Signer | null): Promise<AuditHead> {
  const prev = await lastEntry(tx);
  const row = toRow((prev?.seq ?? 0) + 1, entry);
  const mac = entryMac(auditKey, row, prev?.mac ?? '');
  const signed = signer ? signEntry(signer, canonical(row), prev?.mac ?? '') : { signer_key: null, signature: null };
  await insertEntry(tx, { ...row, mac, ...signed });
  return { seq: row.seq, mac };
}

/**
 * Records an account's new signing key (`key`, whose role is `role`), signed by `by`: the new key
 * itself for a first key, else the actor's own key (an administrator's for another account).
 */
export async function registerSigningKey(
  tx: Tx,
  auditKey: Buffer,
  e: { at: string; actorId: string; actorRole: string; userId: string; role: string; key: Signer },
  by: Signer,
): Promise<void> {
  await appendAudit(tx, auditKey, { at: e.at, actorId: e.actorId, actorRole: e.actorRole, action: REGISTRATION, target: `user:${e.userId}`, details: { key: e.key.publicKey, role: e.role } }, by);
}

/** Whether the trail already registered `publicKey` as `userId`'s signing key. */
export async function isSigningKeyRegistered(tx: Tx, userId: string, publicKey: string): Promise<boolean> {
  const rows = await tx.all<{ details: string }>(
    `SELECT details FROM audit_log WHERE action = ? AND target = ?
     UNION ALL SELECT details FROM audit_log WHERE action = 'vault.recovered' AND actor_id = ?`,
    [REGISTRATION, `user:${userId}`, userId],
  );
  return rows.some((r) => {
    try {
      return (JSON.parse(r.details) as { key?: unknown }).key === publicKey;
    } catch {
      return false;
    }
  });
}

/**
 * Appends many entries in order, chained like single appends, with multi-row INSERTs
 * (demo data, imports). Call only inside one transaction.
 */
export async function appendAuditBatch(tx: Tx, auditKey: Buffer, entries: AuditEntryInput[], signerOf?: (entry: AuditEntryInput) => Signer | null | undefined): Promise<AuditHead> {
  const prev = await lastEntry(tx);
  let seq = prev?.seq ?? 0;
  let mac = prev?.mac ?? '';
  const ROWS_PER_INSERT = 400;
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
    const params: (string | number | null)[] = [];
    const chunk = entries.slice(i, i + ROWS_PER_INSERT);
    for (const entry of chunk) {
      const row = toRow(++seq, entry);
      const signer = signerOf?.(entry);
      const signed = signer ? signEntry(signer, canonical(row), mac) : { signer_key: null, signature: null };
      mac = entryMac(auditKey, row, mac);
      params.push(row.seq, row.at, row.actor_id, row.actor_role, row.action, row.case_ref, row.target, row.details, mac, signed.signer_key, signed.signature);
    }
    await tx.run(
      `INSERT INTO audit_log (seq, at, actor_id, actor_role, action, case_ref, target, details, mac, signer_key, signature) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      params,
    );
  }
  return { seq, mac };
}

export async function auditHead(db: Db): Promise<AuditHead> {
  const last = await db.read((tx) => lastEntry(tx));
  return { seq: last?.seq ?? 0, mac: last?.mac ?? '' };
}

export type ChainBreak = 'mac-mismatch' | 'sequence-gap' | SignatureProblem;

export type ChainVerification =
  | { intact: true; entries: number; signed: number; head: AuditHead }
  | { intact: false; entries: number; intactUpTo: number; firstBroken: { seq: number; reason: ChainBreak } };

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

/**
 * Recomputes the whole chain, checks every signature against the keys the trail registered, and
 * names the first entry that does not verify. `onProgress` hears how many entries of about how
 * many are done, after every page.
 */
export async function verifyChain(db: Db, auditKey: Buffer, onProgress?: (done: number, total: number) => void): Promise<ChainVerification> {
  let prevSeq = 0;
  let prevMac = '';
  let entries = 0;
  const signatures = new SignatureVerifier();
  const total = onProgress ? ((await db.read((tx) => tx.get<{ n: number | null }>('SELECT max(seq) AS n FROM audit_log')))?.n ?? 0) : 0;
  for (;;) {
    const rows = await db.read((tx) => listAfter(tx, prevSeq, PAGE));
    for (const row of rows) {
      if (row.seq !== prevSeq + 1) {
        return { intact: false, entries, intactUpTo: prevSeq, firstBroken: { seq: prevSeq + 1, reason: 'sequence-gap' } };
      }
      const entry = canonical(row);
      if (!safeEqualHex(hmacHex(auditKey, entry + '\n' + prevMac), row.mac)) {
        return { intact: false, entries, intactUpTo: prevSeq, firstBroken: { seq: row.seq, reason: 'mac-mismatch' } };
      }
      const problem = signatures.check(row, entry, prevMac);
      if (problem) return { intact: false, entries, intactUpTo: prevSeq, firstBroken: { seq: row.seq, reason: problem } };
      prevSeq = row.seq;
      prevMac = row.mac;
      entries++;
    }
    onProgress?.(entries, Math.max(total, entries));
    if (rows.length < PAGE) break;
  }
  return { intact: true, entries, signed: signatures.signed, head: { seq: prevSeq, mac: prevMac } };
}
