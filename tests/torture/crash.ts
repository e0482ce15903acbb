/**
 * Crash suite (issue 18, point 1): a child process (crash-child.ts) performs random real operations
 * through core's dispatcher and acknowledges each in a side file once core returned success; this
 * parent kills it with SIGKILL at a random moment, then checks the vault as the next start would see
 * it: it opens through core with the same passphrase, `integrity_check` and `cipher_integrity_check`
 * pass, the audit chain verifies, and every acknowledged operation is present. Repeated on the same
 * vault `kills` times. Figure: acknowledged operations lost over N kills (must be 0).
 *
 * Short form: tests/integration/torture-crash.test.ts (20 kills). Long form: `crashSuite.run({ kills: 100 })`.
 * A failure names the round and the operation, and the vault directory is left in place (its path is
 * in the failure).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CaseDetail } from '../../electron/common/caseDetail';
import { verifyChain } from '../../electron/core/audit/audit.service';
import { Db } from '../../electron/core/db/connection';
import { createCore } from '../../electron/core/index';
import { adminAuditKey, adminDataKey } from '../fixtures/raw';
import { PASS, team } from '../fixtures/team';
import { removeDir } from '../fixtures/vault';
import { CRASH_NOW, CRASH_OFFICER, rng, type SideLine } from './crash-ops';

const CHILD = resolve(__dirname, 'crash-child.ts');
const ROOT = resolve(__dirname, '../..');

export interface CrashResult {
  kills: number;
  acknowledged: number;
  lost: number;
  failures: string[];
  /** Set when something failed: the vault left for inspection. */
  vaultDir?: string;
}

/** Starts the child and kills it `delayMs` after it has signed in; resolves how it ended. */
function runChild(dataDir: string, sideFile: string, round: number, seed: number, delayMs: number): Promise<{ signal: NodeJS.Signals | null; code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, sideFile, String(round), String(seed)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
      if (!timer && b.toString().includes('ready')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    // A child that never signs in is killed after a generous wait, and reported by its missing acks/stderr.
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      done({ code, signal, stderr });
    });
  });
}

function readSide(sideFile: string): SideLine[] {
  if (!existsSync(sideFile)) return [];
  // A kill can only cut the line being written after the last fsync: that line was never an ack.
  return readFileSync(sideFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as SideLine];
      } catch {
        return [];
      }
    });
}

/** The given names a case may carry: its last acknowledged one, or one of an unacknowledged edit sent after it. */
function allowedNames(lines: SideLine[], caseId: string): { acked: SideLine | undefined; allowed: Set<string> } {
  const acked = new Set(lines.filter((l) => l.t === 'ack').map((l) => l.id));
  let last: SideLine | undefined;
  let allowed = new Set<string>();
  for (const l of lines) {
    if (l.caseId !== caseId && !(l.kind === 'intake' && l.t === 'ack' && l.caseId === caseId)) continue;
    if ((l.kind === 'intake' || l.kind === 'edit') && l.t === 'ack') {
      last = l;
      allowed = new Set([l.marker!]);
    } else if (l.kind === 'edit' && l.t === 'intent' && !acked.has(l.id)) {
      allowed.add(l.marker!);
    }
  }
  return { acked: last, allowed };
}

/** Checks the vault after a kill; returns the failures (each naming the round and the operation) and the ops lost. */
async function checkVault(dataDir: string, round: number, lines: SideLine[], keys: { data: Buffer; audit: Buffer }, officerId: string, signInsBefore: number): Promise<{ failures: string[]; lost: Set<string> }> {
  const failures: string[] = [];
  const lost = new Set<string>();
  const acks = lines.filter((l) => l.t === 'ack');
  // The raw file first, as the kill left it (opening it replays the WAL, as any next start does).
  const db = await Db.open(join(dataDir, 'mamori.db'), keys.data, { create: false });
  try {
    const integrity = (await db.pragma<{ integrity_check: string }>('PRAGMA integrity_check')).map((r) => r.integrity_check);
    if (integrity.join() !== 'ok') failures.push(`round ${round}: integrity_check: ${integrity.join('; ')}`);
    const cipher = await db.pragma<Record<string, string>>('PRAGMA cipher_integrity_check');
    if (cipher.length > 0) failures.push(`round ${round}: cipher_integrity_check: ${cipher.map((r) => Object.values(r).join(' ')).join('; ')}`);
    const chain = await verifyChain(db, keys.audit);
    if (!chain.intact) failures.push(`round ${round}: audit chain broken: ${JSON.stringify(chain)}`);
    const signIns = await db.read((tx) => tx.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'session.signed-in' AND actor_id = ?", [officerId]));
    const ackedSignIns = acks.filter((l) => l.kind === 'signin');
    if ((signIns?.n ?? 0) - signInsBefore < ackedSignIns.length) {
      const missing = ackedSignIns.length - ((signIns?.n ?? 0) - signInsBefore);
      failures.push(`round ${round}: ${missing} acknowledged sign-in(s) missing from the trail (last acknowledged: ${ackedSignIns.at(-1)?.id})`);
      ackedSignIns.slice(-missing).forEach((l) => lost.add(l.id));
    }
  } finally {
    await db.close();
  }
  // Then the app's view: the supervisor signs in with the same passphrase and reads every case.
  const core = createCore({ dataDir, locale: 'en', now: () => CRASH_NOW });
  try {
    const signIn = await core.dispatch('session:signIn', { username: 'sup.c', passphrase: PASS.sup });
    if (!signIn.ok) {
      failures.push(`round ${round}: the vault does not open: ${signIn.error.code} ${signIn.error.message}`);
      return { failures, lost: new Set(acks.filter((l) => l.kind !== 'signin').map((l) => l.id)) };
    }
    const byCase = new Map<string, SideLine[]>();
    for (const l of acks) if (l.caseId) byCase.set(l.caseId, [...(byCase.get(l.caseId) ?? []), l]);
    for (const [caseId, ops] of byCase) {
      const r = await core.dispatch('cases:get', { caseId });
      const miss = (l: SideLine, what: string) => {
        lost.add(l.id);
        failures.push(`round ${round}: lost ${l.id} (${l.kind} on case ${caseId}): ${what}`);
      };
      if (!r.ok) {
        ops.forEach((l) => miss(l, `case unreadable: ${r.error.code}`));
        continue;
      }
      const d = r.value as CaseDetail;
      const names = allowedNames(lines, caseId);
      if (names.acked && !names.allowed.has(d.person.givenName)) miss(names.acked, `given name is "${d.person.givenName}", expected one of ${[...names.allowed].join(' | ')}`);
      for (const l of ops) {
        const present =
          l.kind === 'intake' || l.kind === 'edit'
            ? true // checked above through the given name
            : l.kind === 'note'
              ? d.timeline.some((t) => t.kind === 'note' && t.body === l.marker)
              : l.kind === 'interview'
                ? d.protection.interviews.some((i) => i.plan.placeLabel === l.marker)
                : l.kind === 'consideration'
                  ? d.protection.considerations.some((c) => c.evidence === l.marker)
                  : l.kind === 'wish'
                    ? d.protection.wishes.some((w) => w.ownWords === l.marker)
                    : d.decisions.some((x) => x.id === l.decisionId && x.status === 'pending' && x.draft.summary === l.marker);
        if (!present) miss(l, `${l.kind} "${l.marker}" not found`);
      }
    }
  } finally {
    await core.close();
  }
  return { failures, lost };
}

export const crashSuite = {
  name: 'crash',
  /** Long form: `run({ kills: 100 })`. */
  async run(opts: { kills: number; seed?: number; maxDelayMs?: number; log?: (line: string) => void }): Promise<CrashResult> {
    const seed = opts.seed ?? Date.now() % 1_000_000;
    const random = rng(seed);
    const log = opts.log ?? (() => undefined);
    const dirs: string[] = [];
    const t = await team(dirs, () => CRASH_NOW);
    await t.core.close();
    const dataDir = dirs[0];
    const root = resolve(dataDir, '..');
    const sideFile = join(root, 'acknowledged.jsonl');
    const keys = { data: await adminDataKey(dataDir), audit: await adminAuditKey(dataDir) };
    const officerId = t.users[CRASH_OFFICER].id;
    const signInsBefore = await (async () => {
      const db = await Db.open(join(dataDir, 'mamori.db'), keys.data, { create: false, readOnly: true });
      try {
        return (await db.read((tx) => tx.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'session.signed-in' AND actor_id = ?", [officerId])))?.n ?? 0;
      } finally {
        await db.close();
      }
    })();
    const failures: string[] = [];
    const lost = new Set<string>();
    log(`crash suite: seed ${seed}, vault ${dataDir}`);
    for (let round = 1; round <= opts.kills; round++) {
      const delay = Math.floor(random() * (opts.maxDelayMs ?? 2500));
      const end = await runChild(dataDir, sideFile, round, seed, delay);
      if (end.signal !== 'SIGKILL') failures.push(`round ${round}: the child ended by itself (code ${end.code}): ${end.stderr.trim()}`);
      const lines = readSide(sideFile);
      const checked = await checkVault(dataDir, round, lines, keys, officerId, signInsBefore);
      failures.push(...checked.failures);
      checked.lost.forEach((id) => lost.add(id));
      log(`round ${round}: killed ${delay} ms after sign-in, ${lines.filter((l) => l.t === 'ack').length} acknowledged so far, ${checked.failures.length} failures`);
      if (failures.length > 0) break;
    }
    const acknowledged = readSide(sideFile).filter((l) => l.t === 'ack').length;
    if (failures.length > 0) {
      failures.push(`vault left for inspection: ${dataDir} (side file ${sideFile}, seed ${seed})`);
      return { kills: opts.kills, acknowledged, lost: lost.size, failures, vaultDir: dataDir };
    }
    removeDir(root);
    return { kills: opts.kills, acknowledged, lost: 0, failures };
  },
};
