/**
 * Tamper suite (issue 18, point 2): each case alters a copy of a real team vault behind the app's
 * back (a flipped byte in a page, a truncated or older file, a deleted WAL, an edited keyslot field,
 * swapped keyslots, a replaced, deleted or older head record, an audit row edited with the raw key),
 * then the vault is opened as the app would (sign-in, or recovery for the recovery slot) and, if it
 * opens, verified (`audit:verify` with every signature, then `vault verify` as the CLI runs it). A
 * case counts as detected when it is refused with an error code, or flagged by verification with a
 * named reason. A refused vault must be left byte for byte as it was (nothing silently repaired or
 * deleted), except `throttle.json`: the failed-attempt counter lives outside the database by design
 * (DESIGN.md §2), and `mamori.db-shm`, SQLite's WAL index, which every opener rebuilds and which holds
 * no data. An added key-rotation marker is settled at opening as an interrupted rotation (issue 13's
 * crash recovery rewrites keyslots.json): it counts as detected when the trail records it. Figure: cases detected / cases tried (must be all).
 *
 * Short form: tests/integration/torture-tamper.test.ts. Long form: `tamperSuite.run({ kills: 100 })`
 * (the cases are deterministic; `kills` is ignored and kept for the suites' common shape).
 * A failing case's vault is left in place and its path is in the result.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChainVerificationResult } from '../../electron/common/contract.audit';
import { entryMac } from '../../electron/core/audit/audit.service';
import { writeHead } from '../../electron/core/audit/head';
import { Db } from '../../electron/core/db/connection';
import { createCore } from '../../electron/core/index';
import { verifyVault } from '../../electron/core/maintenance/maintenance.service';
import { intake } from '../fixtures/cases';
import { adminDataKey, withRawVault } from '../fixtures/raw';
import { team } from '../fixtures/team';
import { ADMIN, newVault, ok, removeDir, tempDir } from '../fixtures/vault';

const NOW = Date.parse('2026-11-26T09:00:00Z');

export interface TamperCaseResult {
  name: string;
  outcome: 'refused' | 'flagged' | 'recorded' | 'undetected' | 'error';
  reason: string;
  /** Set on failure: the vault left for inspection. */
  vaultDir?: string;
  /** A known, reported gap (the case is not detected today): why. */
  knownGap?: string;
  /** Files a refused attempt changed (must be none; see KNOWN_SIDE_EFFECTS). */
  changed?: string[];
}

export interface TamperResult {
  tried: number;
  detected: number;
  /** Refused cases whose attempt still changed a file. */
  changedOnRefusal: number;
  cases: TamperCaseResult[];
}

interface Fixtures {
  /** The team vault every case starts from (closed cleanly; every page in the main file). */
  base: string;
  /** A copy of the base vault's folder taken before its last changes. */
  earlier: string;
  /** Another vault with the same administrator passphrase. */
  other: string;
  recoveryKey: string;
  /** The base vault's head as a printed summary carries it (seq:MAC prefix), for audit:verify's anchors. */
  anchor: string;
}

interface TamperCase {
  name: string;
  /** Alters the vault in `dir` (a fresh copy of the base). */
  tamper(dir: string, fx: Fixtures): Promise<void>;
  /** How the app meets it: the administrator signs in (default), or uses the recovery key. */
  attempt?: 'sign-in' | 'recover';
  /** Core handles it as documented and records it in the trail under this action. */
  recordedAs?: string;
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const DB = 'mamori.db';

/** Every file of the folder (not the writer lock) with its hash. */
function snapshot(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .filter((n) => n !== 'mamori.lock' && statSync(join(dir, n)).isFile())
      .map((n) => [n, sha(readFileSync(join(dir, n)))]),
  );
}

/** Files changed, added or removed between two snapshots, but the documented exception. */
function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  names.delete('throttle.json');
  // SQLite's WAL index: rebuilt from the WAL (or emptied without one) by every opener; it holds no data.
  names.delete('mamori.db-shm');
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}

/**
 * The folder's snapshot once it stops changing: after a refused opening SQLite may still be removing
 * the empty -wal its connection made (seen after a damaged page), and only what stays counts.
 */
async function settled(dir: string): Promise<Map<string, string>> {
  let last = snapshot(dir);
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const now = snapshot(dir);
    if ([...now].every(([n, h]) => last.get(n) === h) && now.size === last.size && !now.has('mamori.db-wal')) return now;
    last = now;
  }
  return last;
}

/** Frames of a WAL file that end a committed transaction (their header's "size after commit" is set, salts match). */
function committedFrames(wal: string, pageSize = 4096): number {
  const bytes = readFileSync(wal);
  if (bytes.length < 32) return 0;
  const [salt1, salt2] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  let n = 0;
  for (let at = 32; at + 24 + pageSize <= bytes.length; at += 24 + pageSize) {
    if (bytes.readUInt32BE(at + 8) !== salt1 || bytes.readUInt32BE(at + 12) !== salt2) break;
    if (bytes.readUInt32BE(at + 4) !== 0) n++;
  }
  return n;
}

function flipByte(file: string, offset: number): void {
  const bytes = readFileSync(file);
  if (!Number.isInteger(offset) || offset < 0 || offset >= bytes.length) throw new Error(`offset ${offset} beyond ${file} (${bytes.length} bytes)`);
  bytes[offset] ^= 0x5a;
  writeFileSync(file, bytes);
}

/** The page numbers holding `name` (a table or an index), from dbstat when this build has it, else its root page. */
async function pagesOf(dir: string, name: string, key: Buffer): Promise<{ pageSize: number; pages: number[] }> {
  const db = await Db.open(join(dir, DB), key, { create: false, readOnly: true });
  try {
    // SQLCipher answers PRAGMA page_size with a row named cipher_page_size.
    const pageSize = Number(Object.values((await db.pragma<Record<string, string | number>>('PRAGMA page_size'))[0])[0]);
    if (!Number.isInteger(pageSize) || pageSize < 512) throw new Error(`page size unreadable: ${pageSize}`);
    const fromStat = await db
      .read((tx) => tx.all<{ pageno: number }>("SELECT pageno FROM dbstat WHERE name = ? AND pagetype IN ('leaf', 'internal') ORDER BY pageno", [name]))
      .catch(() => null);
    if (fromStat && fromStat.length > 0) return { pageSize, pages: fromStat.map((r) => r.pageno) };
    const root = await db.read((tx) => tx.get<{ rootpage: number }>('SELECT rootpage FROM sqlite_master WHERE name = ?', [name]));
    if (!root) throw new Error(`no ${name} in sqlite_master`);
    return { pageSize, pages: [root.rootpage] };
  } finally {
    await db.close();
  }
}

/** Flips a byte in the middle of a page of `name` (ciphertext: the page's HMAC no longer matches). */
async function flipPageOf(dir: string, name: string): Promise<void> {
  const { pageSize, pages } = await pagesOf(dir, name, await adminDataKey(dir));
  const page = pages[Math.floor(pages.length / 2)];
  if (page === 1) throw new Error(`${name} lives on page 1: not a separate page`);
  flipByte(join(dir, DB), (page - 1) * pageSize + Math.floor(pageSize / 2));
}

function editKeyslots(dir: string, edit: (file: Record<string, unknown> & { slots: Record<string, unknown>[] }) => void): void {
  const path = join(dir, 'keyslots.json');
  const file = JSON.parse(readFileSync(path, 'utf8'));
  edit(file);
  writeFileSync(path, JSON.stringify(file, null, 2) + '\n');
}

/** A base64 or hex string with one character changed (still of the same alphabet and length). */
function alter(s: string): string {
  const i = Math.floor(s.length / 2);
  const c = s[i];
  const swap = /[0-9a-f]/.test(c) ? (c === 'a' ? 'b' : 'a') : c === 'A' ? 'B' : 'A';
  return s.slice(0, i) + swap + s.slice(i + 1);
}

const adminSlot = (f: { slots: Record<string, unknown>[] }) => f.slots.find((s) => s.kind === 'user' && (s as { userId: string }).userId === f.slots.filter((x) => x.kind === 'user').map((x) => (x as { userId: string }).userId)[0])!;
const recoverySlot = (f: { slots: Record<string, unknown>[] }) => f.slots.find((s) => s.kind === 'recovery')!;

/** Replaces the value at a dotted path ("kdf.salt", "dataKeys.0.iv") with `edit` of the old one. */
function setPath(target: Record<string, unknown>, path: string, edit: (old: unknown) => unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  const holder = keys.reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, target);
  if (holder === undefined) throw new Error(`no ${path} in the slot`);
  holder[last] = edit(holder[last]);
}

/** One case per field of keyslots.json: the file's own fields, the first (administrator's) user slot's and the recovery slot's. */
function keyslotCases(): TamperCase[] {
  const top: [string, (f: Record<string, unknown> & { slots: Record<string, unknown>[] }) => void][] = [
    ['format', (f) => (f.format = 3)],
    ['vaultId', (f) => (f.vaultId = alter(f.vaultId as string))],
    ['createdAt', (f) => (f.createdAt = '2020-01-01T00:00:00.000Z')],
    ['generation', (f) => (f.generation = (f.generation as number) + 1)],

    ['slots (administrator slot removed)', (f) => (f.slots = f.slots.filter((s) => s !== adminSlot(f)))],
  ];
  const str = (v: unknown) => alter(v as string);
  const num = (by: number) => (v: unknown) => ((v as number | undefined) ?? 1) + by;
  const user: [string, (v: unknown) => unknown][] = [
    ['kind', () => 'recovery'],
    ['id', str],
    ['userId', str],
    ['lookup', str],
    ['kdf.name', () => 'pbkdf2'],
    ['kdf.N', (v) => (v as number) * 2],
    ['kdf.r', num(1)],
    ['kdf.p', num(1)],
    ['kdf.salt', str],
    ['publicKey', str],
    ['signingKey', str],
    ['secrets.iv', str],
    ['secrets.ct', str],
    ['secrets.tag', str],
    ['dataKeys.0.iv', str],
    ['dataKeys.0.ct', str],
    ['dataKeys.0.tag', str],
    ['dataKeys.0.generation', num(1)],
    ['dataKeys.0.ephemeral', str],
  ];
  const recovery: [string, (v: unknown) => unknown][] = [
    ['kind', () => 'user'],
    ['id', str],
    ['generation', num(1)],
    ['kdf.name', () => 'scrypt'],
    ['kdf.salt', str],
    ['wrapped.iv', str],
    ['wrapped.ct', str],
    ['wrapped.tag', str],
  ];
  return [
    ...top.map(([field, edit]): TamperCase => ({ name: `keyslots.json: ${field} edited`, tamper: async (dir) => editKeyslots(dir, edit) })),
    ...user.map(([field, edit]): TamperCase => ({ name: `keyslots.json: user slot ${field} edited`, tamper: async (dir) => editKeyslots(dir, (f) => setPath(adminSlot(f), field, edit)) })),
    ...recovery.map(
      ([field, edit]): TamperCase => ({ name: `keyslots.json: recovery slot ${field} edited`, attempt: 'recover', tamper: async (dir) => editKeyslots(dir, (f) => setPath(recoverySlot(f), field, edit)) }),
    ),
  ];
}

/** Rewrites one audit entry's details with the raw key, as someone holding the data key could. */
async function editAuditRow(dir: string, recompute: boolean): Promise<void> {
  await withRawVault(dir, async (tx) => {
    const audit = await tx.get<{ value: string }>("SELECT value FROM meta WHERE key = 'audit_key'");
    const trigger = await tx.get<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_log_no_update'");
    const rows = await tx.all<{ seq: number; at: string; actor_id: string | null; actor_role: string | null; action: string; case_ref: string | null; target: string | null; details: string; mac: string }>(
      'SELECT seq, at, actor_id, actor_role, action, case_ref, target, details, mac FROM audit_log ORDER BY seq',
    );
    const victim = rows.find((r) => r.action === 'session.signed-in' && r.seq > rows.length / 2) ?? rows[Math.floor(rows.length / 2)];
    await tx.exec('DROP TRIGGER audit_log_no_update');
    await tx.run('UPDATE audit_log SET details = ? WHERE seq = ?', [JSON.stringify({ ...JSON.parse(victim.details), edited: 'behind the app' }), victim.seq]);
    if (recompute) {
      // The whole chain from the edited entry on, with the audit key from meta: every MAC matches again.
      const key = Buffer.from(audit!.value, 'hex');
      let previous = rows.find((r) => r.seq === victim.seq - 1)?.mac ?? '';
      for (const r of rows.filter((x) => x.seq >= victim.seq)) {
        const row = r.seq === victim.seq ? { ...r, details: JSON.stringify({ ...JSON.parse(victim.details), edited: 'behind the app' }) } : r;
        const { mac: _old, ...fields } = row;
        const mac = entryMac(key, fields, previous);
        await tx.run('UPDATE audit_log SET mac = ? WHERE seq = ?', [mac, r.seq]);
        previous = mac;
      }
    }
    await tx.exec(trigger!.sql);
  });
  if (recompute) {
    // And the head record with the head key from meta, so the record agrees with the rewritten trail.
    await withRawVault(dir, async (tx) => {
      const head = await tx.get<{ value: string }>("SELECT value FROM meta WHERE key = 'head_key'");
      const last = await tx.get<{ seq: number; mac: string }>('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1');
      writeHead(join(dir, 'head.json'), Buffer.from(head!.value, 'hex'), last!, new Date().toISOString());
    });
  }
}

export const TAMPER_CASES: TamperCase[] = [
  { name: 'database header: a byte of the salt flipped', tamper: async (dir) => flipByte(join(dir, DB), 5) },
  { name: 'database header: a byte of the encrypted header flipped', tamper: async (dir) => flipByte(join(dir, DB), 40) },
  { name: 'a byte flipped in an audit page', tamper: (dir) => flipPageOf(dir, 'audit_log') },
  { name: 'a byte flipped in a case page', tamper: (dir) => flipPageOf(dir, 'case_details') },
  { name: 'a byte flipped in an index page', tamper: (dir) => flipPageOf(dir, 'audit_log_by_action') },
  {
    name: 'database truncated (last pages cut)',
    tamper: async (dir) => {
      const size = statSync(join(dir, DB)).size;
      truncateSync(join(dir, DB), size - 4 * 4096);
    },
  },
  { name: 'database truncated to half a page', tamper: async (dir) => truncateSync(join(dir, DB), 2048) },
  {
    name: 'a -wal holding committed data deleted',
    tamper: async (dir) => {
      // A core commits (without a checkpoint) and the folder is copied while it is open, as a copy
      // taken under a running app would be; the copy's -wal is then deleted.
      const core = createCore({ dataDir: dir, locale: 'en', now: () => NOW });
      await ok(core, 'session:signIn', { username: 'officer.a', passphrase: 'officer a passphrase' });
      await ok(core, 'cases:create', intake({ givenName: 'Wal Fictiva' }));
      const copy = `${dir}-copy`;
      cpSync(dir, copy, { recursive: true, filter: (src) => !src.endsWith('mamori.lock') });
      await core.close();
      rmSync(dir, { recursive: true, force: true });
      renameSync(copy, dir);
      const wal = join(dir, `${DB}-wal`);
      if (!existsSync(wal) || committedFrames(wal) < 1) throw new Error('setup: the copied -wal holds no committed transaction');
      rmSync(wal);
    },
  },
  ...keyslotCases(),
  {
    name: 'keyslots.json: rotation marker added',
    recordedAs: 'vault.key-rotation-abandoned',
    tamper: async (dir) => editKeyslots(dir, (f) => (f.rotation = { to: (f.generation as number) + 1, startedAt: '2026-11-26T08:00:00.000Z' })),
  },
  {
    name: 'keyslots.json swapped with another vault’s',
    tamper: async (dir, fx) => cpSync(join(fx.other, 'keyslots.json'), join(dir, 'keyslots.json')),
  },
  { name: 'head.json replaced by another vault’s', tamper: async (dir, fx) => cpSync(join(fx.other, 'head.json'), join(dir, 'head.json')) },
  { name: 'head.json deleted', tamper: async (dir) => rmSync(join(dir, 'head.json')) },
  // The database is current (nothing lost): the sign-in records that the record was behind it.
  { name: 'head.json older (from an earlier copy)', tamper: async (dir, fx) => cpSync(join(fx.earlier, 'head.json'), join(dir, 'head.json')), recordedAs: 'vault.head-behind' },
  { name: 'an older database file put back', tamper: async (dir, fx) => cpSync(join(fx.earlier, DB), join(dir, DB)) },
  { name: 'an older database file and its head record put back', tamper: async (dir, fx) => (cpSync(join(fx.earlier, DB), join(dir, DB)), cpSync(join(fx.earlier, 'head.json'), join(dir, 'head.json'))) },
  { name: 'an audit row edited with the raw key (MAC not recomputed)', tamper: (dir) => editAuditRow(dir, false) },
  { name: 'an audit row edited with the raw key (MAC chain and head recomputed)', tamper: (dir) => editAuditRow(dir, true) },
];

/**
 * Cases not detected today, with the reason; the suite still counts them as undetected. Empty when
 * every case is detected.
 */
export const KNOWN_GAPS: Record<string, string> = {};

/**
 * Refused cases whose attempt still changes a file today, with what is known. Reported, not hidden:
 * the test prints them and asserts exactly this set.
 */
export const KNOWN_SIDE_EFFECTS: Record<string, string> = {
  'a byte flipped in an audit page':
    'the sign-in opens the vault (the damaged page is not read on opening) and fails with SQLITE_CORRUPT → VAULT_DAMAGED in its write transaction (the rollback and the connection close both succeed); a mamori.db-wal whose frame headers mark committed frames is still there 5 s after core.close() resolves, and gone by the end of the process. mamori.db, keyslots.json and head.json are unchanged and a reader sees the same trail. Cause not found yet (reported with issue 18).',
  'a byte flipped in an index page':
    'as for the audit page: SQLITE_CORRUPT → VAULT_DAMAGED in the sign-in transaction (every audit entry writes this index), and the same -wal left behind.',
};

function describeBreak(v: { intact: true } | { intact: false; firstBroken: { seq: number; reason: string } }): string {
  return v.intact ? 'intact' : `chain broken at #${v.firstBroken.seq}: ${v.firstBroken.reason}`;
}

/** Meets the tampered vault as the app would; returns how it was detected, or 'undetected'. */
async function meet(dir: string, c: TamperCase, fx: Fixtures): Promise<Omit<TamperCaseResult, 'name'>> {
  const before = snapshot(dir);
  const core = createCore({ dataDir: dir, locale: 'en', now: () => NOW });
  let opened: { ok: true } | { ok: false; error: { code: string; message: string } };
  try {
    opened =
      c.attempt === 'recover'
        ? ((await core.dispatch('vault:recover', { username: ADMIN.username, recoveryKey: fx.recoveryKey, newPassphrase: 'a new long test passphrase 02' })) as typeof opened)
        : ((await core.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase })) as typeof opened);
    if (!opened.ok) {
      await core.close();
      let changed = changedFiles(before, await settled(dir));
      // A -wal the refused opening created and left without a committed frame changes nothing a reader
      // sees (SQLite ignores uncommitted frames): noted in the reason, not counted as a change.
      const wal = join(dir, `${DB}-wal`);
      const emptyWal = !before.has(`${DB}-wal`) && changed.includes(`${DB}-wal`) && existsSync(wal) && committedFrames(wal) === 0;
      if (emptyWal) changed = changed.filter((n) => n !== `${DB}-wal`);
      if (changed.length > 0) return { outcome: 'refused', reason: `${opened.error.code}: ${opened.error.message}`, changed };
      return { outcome: 'refused', reason: `${opened.error.code}: ${opened.error.message}${emptyWal ? ' (the refused sign-in left a -wal without committed frames)' : ''}` };
    }
    if (c.attempt === 'recover') {
      await core.close();
      return { outcome: 'undetected', reason: 'the recovery key still opened the vault' };
    }
    if (c.recordedAs) {
      const trail = await core.dispatch('audit:list', { filter: { action: c.recordedAs }, limit: 10 });
      const entries = trail.ok ? (trail.value as { entries: unknown[] }).entries : [];
      if (entries.length > 0) return { outcome: 'recorded', reason: `audit entry ${c.recordedAs}` };
    }
    const chain = await core.dispatch('audit:verify', { signatures: 'all', anchors: [fx.anchor] });
    if (!chain.ok) return { outcome: 'flagged', reason: `audit:verify refused: ${chain.error.code}` };
    if (!(chain.value as ChainVerificationResult).intact) {
      // Not repaired by looking: a second verification finds the same break.
      const again = await ok<ChainVerificationResult>(core, 'audit:verify', { signatures: 'all', anchors: [fx.anchor] });
      const reason = describeBreak(chain.value as ChainVerificationResult);
      if (describeBreak(again) !== reason) return { outcome: 'error', reason: `audit:verify said ${reason}, then ${describeBreak(again)}` };
      return { outcome: 'flagged', reason: `audit:verify: ${reason}` };
    }
    // The chain holds together: only an anchor from outside the vault (a printed summary's head) can tell.
    const missed = (chain.value as ChainVerificationResult).anchors.find((a) => a.result !== 'matches');
    if (missed) return { outcome: 'flagged', reason: `audit:verify: anchor ${missed.anchor} ${missed.result}` };
  } finally {
    await core.close();
  }
  const v = await verifyVault(dir, ADMIN.username, ADMIN.passphrase, NOW);
  if (!v.intact) {
    const reason = v.unreadable
      ? 'unreadable'
      : [...v.cipherProblems.map((p) => `page check: ${p}`), ...v.integrityProblems.map((p) => `structure: ${p}`), v.chain && !v.chain.intact ? describeBreak(v.chain) : ''].filter(Boolean).join('; ');
    return { outcome: 'flagged', reason: `vault verify: ${reason}` };
  }
  return { outcome: 'undetected', reason: 'signed in, audit:verify and vault verify found nothing' };
}

async function makeFixtures(root: string): Promise<Fixtures> {
  const dirs: string[] = [];
  const t = await team(dirs, () => NOW);
  const base = dirs[0];
  await t.as('officer.a');
  await ok(t.core, 'cases:create', intake({ givenName: 'Early Fictiva' }));
  await t.core.close();
  const earlier = join(root, 'earlier');
  cpSync(base, earlier, { recursive: true });
  const again = createCore({ dataDir: base, locale: 'en', now: () => NOW });
  await ok(again, 'session:signIn', { username: 'officer.a', passphrase: 'officer a passphrase' });
  // Enough cases, notes and trail for separate case, index and audit pages.
  for (let i = 0; i < 12; i++) {
    const d = await ok<{ id: string }>(again, 'cases:create', intake({ givenName: `Later Fictiva ${i}` }));
    await ok(again, 'cases:addNote', { caseId: d.id, noteType: 'general', body: `A note of some length for case ${i}. `.repeat(20), sealed: false });
  }
  await again.close();
  const other = await newVault();
  await other.core.close();
  const head = JSON.parse(readFileSync(join(base, 'head.json'), 'utf8')) as { seq: number; macPrefix: string };
  return { base, earlier, other: other.dataDir, recoveryKey: t.recoveryKey, anchor: `${head.seq}:${head.macPrefix}` };
}

const DETECTED: TamperCaseResult['outcome'][] = ['refused', 'flagged', 'recorded'];

export const tamperSuite = {
  name: 'tamper',
  /** Long form: `run({ kills: 100 })` (the same cases: they are deterministic). */
  async run(opts: { kills?: number; seed?: number; only?: string[]; log?: (line: string) => void } = {}): Promise<TamperResult> {
    const log = opts.log ?? (() => undefined);
    const root = tempDir('mamori-tamper-');
    const fx = await makeFixtures(root);
    log(`tamper suite: base vault ${fx.base}, other vault ${fx.other}, cases under ${root}`);
    const cases: TamperCaseResult[] = [];
    let keep = false;
    const chosen = TAMPER_CASES.filter((c) => !opts.only || opts.only.includes(c.name));
    for (const [i, c] of chosen.entries()) {
      const dir = join(root, `case-${String(i).padStart(2, '0')}`);
      cpSync(fx.base, dir, { recursive: true });
      let result: TamperCaseResult;
      try {
        await c.tamper(dir, fx);
        result = { name: c.name, ...(await meet(dir, c, fx)) };
      } catch (e) {
        result = { name: c.name, outcome: 'error', reason: (e as Error).stack ?? String(e) };
      }
      if (KNOWN_GAPS[c.name]) result.knownGap = KNOWN_GAPS[c.name];
      // A known gap is reported, not kept: only an unexpected result leaves its vault for inspection.
      if (result.changed && !KNOWN_SIDE_EFFECTS[c.name]) result.reason += ` — but changed ${result.changed.join(', ')}`;
      const expected = (DETECTED.includes(result.outcome) && (!result.changed || KNOWN_SIDE_EFFECTS[c.name])) || (result.outcome === 'undetected' && result.knownGap);
      if (expected) removeDir(dir);
      else {
        keep = true;
        result.vaultDir = dir;
      }
      log(`${result.outcome.padEnd(10)} ${c.name} — ${result.reason}${result.changed ? ` [changed on refusal: ${result.changed.join(', ')}]` : ''}${result.vaultDir ? ` (vault left at ${result.vaultDir})` : ''}`);
      cases.push(result);
    }
    const detected = cases.filter((r) => DETECTED.includes(r.outcome)).length;
    if (!keep) removeDir(root);
    for (const d of [fx.other]) if (!keep) removeDir(resolve(d, '..'));
    if (!keep) removeDir(resolve(fx.base, '..'));
    return { tried: cases.length, detected, changedOnRefusal: cases.filter((r) => r.changed).length, cases };
  },
};
