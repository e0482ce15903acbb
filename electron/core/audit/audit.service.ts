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
import { startPageHasher, type PageCheck, type PageHasher } from './macPages';
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

/** A lone UTF-16 surrogate, which SQLite would store as U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The entry as it will be stored. Text is made well-formed first: SQLite stores a lone surrogate
 * as U+FFFD while JSON.stringify writes it as an escape, so the MAC would cover a text that
 * verification can never rebuild (a false alarm). `details` is JSON text, where JSON.stringify
 * already escaped any.
 */
function toRow(seq: number, entry: AuditEntryInput): EntryFields {
  const text = <T extends string | null>(value: T): T => (value === null ? value : (value.replace(LONE_SURROGATE, '\uFFFD') as T));
  return {
    seq,
    at: text(entry.at),
    actor_id: text(entry.actorId),
    actor_role: text(entry.actorRole),
    action: text(entry.action),
    case_ref: text(entry.caseRef ?? null),
    target: text(entry.target ?? null),
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

/** Entries read at a time: the MAC pass reads one text per page, the signature pass whole rows. */
const MAC_PAGE = 10_000;
const SIGNATURE_PAGE = 5000;
/** Signatures checked before other requests on core's thread get their turn (about 20 ms of work). */
const SIGNATURES_BETWEEN_TURNS = 100;

/** Who may vouch for the trail: a checkpoint counts only when signed by a key registered for one of these roles. */
const CHECKPOINT_ROLES: ReadonlySet<string> = new Set(['auditor', 'administrator']);

/**
 * Which signatures a verification checks. 'since-checkpoint' (full verification, the default):
 * every MAC, the key registrations, and every other signature after the latest trusted
 * checkpoint. 'all' (deep verification): every signature, as if there were no checkpoint.
 */
export type SignatureScope = 'since-checkpoint' | 'all';

export interface VerifyOptions {
  signatures?: SignatureScope;
  /**
   * Whose MACs are recomputed: 'all' (the default: a full verification) or 'since-checkpoint' (the
   * routine check after an auditor's or administrator's sign-in): only the entries after the latest
   * trusted checkpoint, chained from the MAC it vouched for. An entry before it edited without
   * re-MACing the chain after it is found only by a full verification.
   */
  macs?: 'all' | 'since-checkpoint';
  /** Hears how many steps of about how many are done, after every page (MACs, then signatures). */
  onProgress?: (done: number, total: number) => void;
}

/** A verified `audit.verified` entry whose signer vouched for the trail up to `checkpointSeq`. */
export interface Checkpoint {
  /** The `audit.verified` entry itself. */
  seq: number;
  at: string;
  actorId: string | null;
  /** The head that verification verified: every signature up to it had been checked. */
  checkpointSeq: number;
}

export type ChainBreak = 'mac-mismatch' | 'sequence-gap' | 'checkpoint-mismatch' | SignatureProblem;

export type ChainVerification =
  | {
      intact: true;
      entries: number;
      /** MACs were recomputed for every entry after this sequence number (0: all of them). */
      macsFrom: number;
      /** Entries whose signature this verification checked and found valid. */
      signed: number;
      /** Signatures were checked for every entry after this sequence number (0: all of them), and for every key registration. */
      signaturesFrom: number;
      /** The checkpoint that vouched for the signatures up to `signaturesFrom`; null when every signature was checked. */
      checkpoint: Checkpoint | null;
      head: AuditHead;
    }
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

/**
 * What the trail records of a verification: the chain's outcome and the anchors that failed (no
 * content). An intact one also records the head it verified (`checkpointSeq`, `checkpointMac`):
 * signed by an auditor's or administrator's key, that entry is the checkpoint later
 * verifications start their signature checks from.
 */
export function verificationDetails(chain: ChainVerification, checks: readonly AnchorCheck[]): Record<string, string | number | boolean> {
  return {
    ...(chain.intact
      ? {
          intact: true,
          entries: chain.entries,
          checkpointSeq: chain.head.seq,
          checkpointMac: chain.head.mac,
          macsFrom: chain.macsFrom,
          signaturesFrom: chain.signaturesFrom,
        }
      : { intact: false, firstBroken: chain.firstBroken.seq }),
    ...(checks.length ? { anchors: checks.length, anchorsFailed: checks.filter((c) => c.result !== 'matches').map((c) => c.anchor).join(' ') } : {}),
  };
}

interface CheckpointClaim {
  checkpointSeq: number;
  checkpointMac: string;
}

/** The head an `audit.verified` entry claims to have verified, or null if it claims none. */
function checkpointClaim(row: { seq: number; action: string; details: string }): CheckpointClaim | null {
  if (row.action !== 'audit.verified') return null;
  try {
    const d = JSON.parse(row.details) as Record<string, unknown>;
    if (d.intact !== true || !Number.isSafeInteger(d.checkpointSeq) || typeof d.checkpointMac !== 'string') return null;
    const checkpointSeq = d.checkpointSeq as number;
    // A verification can only vouch for what was written before it.
    return checkpointSeq >= 1 && checkpointSeq < row.seq ? { checkpointSeq, checkpointMac: d.checkpointMac } : null;
  } catch {
    return null;
  }
}

const macAt = async (db: Db, seq: number) => (await db.read((tx) => tx.get<{ mac: string }>('SELECT mac FROM audit_log WHERE seq = ?', [seq])))?.mac;

type Broken = { seq: number; reason: ChainBreak };

/**
 * One entry as the MAC pass reads it: its canonical form (see `canonical()`) written by SQLite, a
 * unit separator (U+001F), its MAC; entries are joined by record separators (U+001E). json_quote
 * escapes every control character, so neither separator can occur inside a value. Where SQLite's
 * JSON escaping differed from JSON.stringify's, the MAC would not match and the entry is checked as
 * written (see macPass): never a false alarm.
 */
export const MAC_PASS_ENTRY = `'[' || seq || ',' || json_quote(at) || ',' || json_quote(actor_id) || ',' || json_quote(actor_role) || ',' || json_quote(action)
  || ',' || json_quote(case_ref) || ',' || json_quote(target) || ',' || json_quote(details) || ']' || char(31) || mac`;

/**
 * The entries a MAC pass checks: those after `after` (chained from the MAC stored there, which a
 * checkpoint vouched for; 0: from the first entry) up to `head`.
 */
interface MacRange {
  after: number;
  head: number;
}

/**
 * One page of the MAC pass (parameters: the sequence it follows, twice, and its last): the entries
 * as UTF-8 bytes (MAC_PASS_ENTRY, joined by record separators), how many, the first and last
 * sequence, and the stored MAC just before the page.
 */
export const MAC_PASS_PAGE = `SELECT CAST(group_concat(${MAC_PASS_ENTRY}, char(30)) AS BLOB) AS text, count(*) AS n, min(seq) AS first, max(seq) AS last,
  (SELECT mac FROM audit_log WHERE seq = ?) AS prev FROM audit_log WHERE seq > ? AND seq <= ?`;

/**
 * The MAC pass: every entry's MAC against its canonical form and the MAC before it, and the
 * sequence without gaps, up to `head` (the newest entry when it started). SQLite hands a whole
 * page over as one run of UTF-8 bytes (building a JavaScript object per row costs more than the
 * hashing, and a string would be decoded only to be encoded again for hashing), with
 * the stored MAC just before it, each entry already in its canonical form (json_quote costs SQLite
 * no more than joining the raw columns; json_array costs four times the whole read); worker threads
 * hash it (`macPages.ts`) while SQLite reads the next pages. Wherever the fast path disagrees (a
 * MAC that does not match, a page that is not contiguous, a query that fails), the entries are
 * re-read and checked exactly as written, by `canonical()`, before anything is declared broken: the
 * fast path can only be slower, never raise a false alarm, and it accepts only a text the audit key
 * MACed.
 */
async function macPass(db: Db, auditKey: Buffer, range: MacRange, progress: (done: number) => void): Promise<{ entries: number; broken: Broken | null }> {
  // One page or less (a routine check at sign-in, as a rule) is hashed here: starting the workers would cost more.
  const hasher = startPageHasher(auditKey, range.head - range.after <= MAC_PAGE ? { workers: 0 } : {});
  try {
    return await macPassWith(db, hasher, auditKey, range, progress);
  } finally {
    await hasher.close();
  }
}

async function macPassWith(
  db: Db,
  hasher: PageHasher,
  auditKey: Buffer,
  { after, head }: MacRange,
  progress: (done: number) => void,
): Promise<{ entries: number; broken: Broken | null }> {
  type Page = { text: Uint8Array | null; n: number; first: number | null; last: number | null; prev: string | null };
  type Read = { page: Page | Error; check: Promise<PageCheck> | null };
  /** Entries after `after` up to a page's end, with the stored MAC just before them, handed to a hasher at once. */
  const read = (after: number): Promise<Read> =>
    db
      .read((tx) => tx.get<Page>(MAC_PASS_PAGE, [after, after, Math.min(after + MAC_PAGE, head)]))
      .then((p): Read => {
        const page = p ?? { text: null, n: 0, first: null, last: null, prev: null };
        return { page, check: page.n > 0 && page.text !== null ? hasher.check(page.text, page.n, page.prev ?? '') : null };
      })
      .catch((e: unknown): Read => ({ page: e instanceof Error ? e : new Error(String(e)), check: null }));
  /** The reference check of one entry, as `canonical()` writes it. */
  const exact = async (seq: number, previousMac: string): Promise<AuditRow | null> => {
    const row = await db.read((tx) => tx.get<AuditRow>('SELECT * FROM audit_log WHERE seq = ?', [seq]));
    return row && typeof row.mac === 'string' && safeEqualHex(entryMac(auditKey, row, previousMac), row.mac) ? row : null;
  };

  let prevSeq = after;
  let prevMac = after > 0 ? ((await macAt(db, after)) ?? '') : '';
  // Pages read ahead, in order: enough to keep every hasher busy while SQLite reads the next.
  const ahead: Promise<Read>[] = [];
  let readFrom = after;
  const fill = () => {
    while (ahead.length < hasher.parallel + 1 && readFrom < head) {
      ahead.push(read(readFrom));
      readFrom = Math.min(readFrom + MAC_PAGE, head);
    }
  };
  const restartAt = (seq: number) => {
    ahead.length = 0;
    readFrom = seq;
    fill();
  };
  fill();
  while (ahead.length > 0) {
    const { page, check } = await ahead.shift()!;
    const result = check ? await check : null;
    if (!(page instanceof Error) && result && page.first === prevSeq + 1 && page.last === prevSeq + page.n && (page.prev ?? '') === prevMac) {
      if (result.kind === 'ok') {
        prevSeq = page.last;
        prevMac = result.lastMac;
        progress(prevSeq);
        fill();
        continue;
      }
      if (result.kind === 'disagree') {
        // The entries before it verified; the fast path's text disagreed here: the entry as written decides.
        prevSeq += result.at;
        prevMac = result.macBefore;
        const row = await exact(prevSeq + 1, prevMac);
        if (!row) return { entries: prevSeq, broken: { seq: prevSeq + 1, reason: 'mac-mismatch' } };
        prevSeq++;
        prevMac = row.mac;
        restartAt(prevSeq);
        continue;
      }
      // A value held the record separator: the page row by row, below.
    }
    // The page as written, row by row, in JavaScript: names a gap or an edited entry exactly.
    const rows = await db.read((tx) => listAfter(tx, prevSeq, MAC_PAGE));
    const within = rows.filter((r) => r.seq <= head);
    for (const row of within) {
      if (row.seq !== prevSeq + 1) return { entries: prevSeq, broken: { seq: prevSeq + 1, reason: 'sequence-gap' } };
      if (!safeEqualHex(entryMac(auditKey, row, prevMac), row.mac)) return { entries: prevSeq, broken: { seq: row.seq, reason: 'mac-mismatch' } };
      prevSeq = row.seq;
      prevMac = row.mac;
    }
    progress(prevSeq);
    if (within.length === 0) break;
    restartAt(prevSeq);
  }
  if (prevSeq < head) return { entries: prevSeq, broken: { seq: prevSeq + 1, reason: 'sequence-gap' } };
  return { entries: prevSeq, broken: null };
}

type SignaturePassResult =
  | { kind: 'done'; signed: number; broken: Broken | null }
  /** The checkpoint started from turned out not to be vouched for by an auditor or administrator. */
  | { kind: 'untrusted-checkpoint' };

/**
 * The signature pass over a chain whose MACs verified up to `upTo`: every key registration up to
 * `from` (so every key is known), then every entry after `from`. Any `audit.verified` entry met
 * whose signer the trail vouches for as an auditor or administrator must name the MAC the chain
 * has at its checkpoint: if not, the trail before it was rewritten and re-MACed.
 */
async function signaturePass(db: Db, from: { checkpoint: Checkpoint | null; from: number }, upTo: number, progress: (done: number) => void): Promise<SignaturePassResult> {
  const verifier = new SignatureVerifier();
  const registrations = await db.read((tx) =>
    tx.all<AuditRow & { prev_mac: string | null }>(
      `SELECT a.*, p.mac AS prev_mac FROM audit_log a LEFT JOIN audit_log p ON p.seq = a.seq - 1
       WHERE a.action IN (?, 'vault.recovered') AND a.seq <= ? ORDER BY a.seq`,
      [REGISTRATION, Math.min(from.from, upTo)],
    ),
  );
  for (const row of registrations) {
    const problem = verifier.check(row, canonical(row), row.prev_mac ?? '');
    if (problem) return { kind: 'done', signed: verifier.signed, broken: { seq: row.seq, reason: problem } };
  }
  let prevSeq = from.from;
  let prevMac = prevSeq > 0 ? ((await macAt(db, prevSeq)) ?? '') : '';
  while (prevSeq < upTo) {
    const rows = await db.read((tx) => listAfter(tx, prevSeq, SIGNATURE_PAGE));
    for (const [i, row] of rows.entries()) {
      if (row.seq > upTo) break;
      // An Ed25519 check takes about 0.2 ms on core's thread: other requests get their turn every hundred.
      if (i > 0 && i % SIGNATURES_BETWEEN_TURNS === 0) await new Promise((resolve) => setImmediate(resolve));
      const entry = canonical(row);
      const problem = verifier.check(row, entry, prevMac);
      if (problem) return { kind: 'done', signed: verifier.signed, broken: { seq: row.seq, reason: problem } };
      const claim = checkpointClaim(row);
      const vouched = claim !== null && row.signer_key !== null && CHECKPOINT_ROLES.has(verifier.vouchedRole(row.signer_key) ?? '') && CHECKPOINT_ROLES.has(row.actor_role ?? '');
      if (row.seq === from.checkpoint?.seq && !vouched) return { kind: 'untrusted-checkpoint' };
      if (claim && vouched && (await macAt(db, claim.checkpointSeq)) !== claim.checkpointMac) {
        return { kind: 'done', signed: verifier.signed, broken: { seq: row.seq, reason: 'checkpoint-mismatch' } };
      }
      prevSeq = row.seq;
      prevMac = row.mac;
    }
    progress(prevSeq - from.from);
    if (rows.length < SIGNATURE_PAGE) break;
  }
  return { kind: 'done', signed: verifier.signed, broken: null };
}

/** How many `audit.verified` entries a checkpoint search reads at a time, newest first. */
export const CHECKPOINT_CANDIDATES_PER_READ = 8;

/**
 * The `audit.verified` entries that claim a checkpoint matching the chain's MAC there, newest
 * first, found one at a time. They are read a few at a time through the (action, seq) index: a vault
 * checked at every auditor's and administrator's sign-in for years has thousands of them, and the
 * newest is nearly always the one. Whether their signer may vouch is decided in the signature pass.
 */
async function checkpointCandidates(db: Db): Promise<(upTo: number) => Promise<Checkpoint | null>> {
  type Row = { seq: number; at: string; actor_id: string | null; action: string; details: string };
  let rows: Row[] = [];
  let next = 0;
  let before = Number.MAX_SAFE_INTEGER;
  return async (upTo) => {
    for (;;) {
      if (next === rows.length) {
        rows = await db.read((tx) =>
          tx.all<Row>("SELECT seq, at, actor_id, action, details FROM audit_log WHERE action = 'audit.verified' AND seq < ? ORDER BY seq DESC LIMIT ?", [
            Math.min(before, upTo + 1),
            CHECKPOINT_CANDIDATES_PER_READ,
          ]),
        );
        next = 0;
        if (rows.length === 0) return null;
        before = rows[rows.length - 1].seq;
      }
      const row = rows[next++];
      const claim = row.seq <= upTo ? checkpointClaim(row) : null;
      if (claim && (await macAt(db, claim.checkpointSeq)) === claim.checkpointMac) {
        return { seq: row.seq, at: row.at, actorId: row.actor_id, checkpointSeq: claim.checkpointSeq };
      }
    }
  };
}

/**
 * Verifies the trail and names the first entry that does not verify. Every entry's MAC and the
 * sequence are always checked (fast: see `macPass`). Signatures (slow: an Ed25519 verification
 * each) are checked for every key registration and, in a full verification, every entry after the
 * latest checkpoint an auditor or administrator signed: that signature covers the MAC the chain
 * had at the checkpoint, and rewriting any earlier entry changes that MAC. A deep verification
 * (`signatures: 'all'`) checks every signature; it also finds a bad signature before the
 * checkpoint, which a full one takes the checkpoint's word for.
 */
export function verifyChain(db: Db, auditKey: Buffer, options: VerifyOptions = {}): Promise<ChainVerification> {
  // A million entries read in pages: with SQLite's small allocations in its lookaside pool (see withoutKeptStatements).
  return db.withoutKeptStatements(() => verifyWith(db, auditKey, options));
}

async function verifyWith(db: Db, auditKey: Buffer, options: VerifyOptions): Promise<ChainVerification> {
  const head = (await db.read((tx) => lastEntry(tx)))?.seq ?? 0;
  const deep = options.signatures === 'all';
  const routine = options.macs === 'since-checkpoint';
  const nextCandidate = deep ? async () => null : await checkpointCandidates(db);
  let checkpoint = await nextCandidate(head);
  // MACs are checked after `macsFrom`: the checkpoint's head in a routine check, else from the first entry.
  let macsFrom = routine ? (checkpoint?.checkpointSeq ?? 0) : 0;
  // Progress counts the MACs, then the signatures after the checkpoint (about: the checkpoint may change).
  const total = () => head - macsFrom + head - (checkpoint?.checkpointSeq ?? 0);
  const macs = await macPass(db, auditKey, { after: macsFrom, head }, (done) => options.onProgress?.(done - macsFrom, total()));
  for (;;) {
    const intactMacs = macs.broken ? macs.broken.seq - 1 : head;
    // A checkpoint counts only if its own MAC verified.
    while (checkpoint && checkpoint.seq > intactMacs) checkpoint = await nextCandidate(intactMacs);
    const from = checkpoint?.checkpointSeq ?? 0;
    if (from < macsFrom && !macs.broken) {
      // A routine check falling back to an older checkpoint: the MACs between the two are checked too.
      const earlier = await macPass(db, auditKey, { after: from, head: macsFrom }, () => undefined);
      macsFrom = from;
      if (earlier.broken) {
        macs.broken = earlier.broken;
        continue;
      }
    }
    const result = await signaturePass(db, { checkpoint, from }, intactMacs, (done) => options.onProgress?.(head - macsFrom + done, total()));
    if (result.kind === 'untrusted-checkpoint') {
      checkpoint = await nextCandidate(intactMacs);
      continue;
    }
    const broken = result.broken ?? macs.broken;
    if (broken) return { intact: false, entries: broken.seq - 1, intactUpTo: broken.seq - 1, firstBroken: broken };
    return { intact: true, entries: head, macsFrom, signed: result.signed, signaturesFrom: from, checkpoint, head: { seq: head, mac: (await macAt(db, head)) ?? '' } };
  }
}
