/**
 * Audit trail at 1,000,000 entries. Targets (people/permissions issue): a filtered page of 50
 * under 50 ms. Issue 17: a full verification (every MAC, signatures since the checkpoint) under
 * 3 s. Baselines: the same query in raw SQL; for verification, the bare read of what the MAC
 * covers (SQL only, no hashing), row by row and page by page exactly as the MAC pass reads it.
 * Deep verification (every Ed25519 signature) and the routine check after sign-in (the entries
 * since the checkpoint) are reported beside it.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { signerFrom } from '../../electron/core/crypto/signing';
import { join } from 'node:path';
import { appendAuditBatch, MAC_PASS_PAGE } from '../../electron/core/audit/audit.service';
import { listPage } from '../../electron/core/audit/audit.repository';
import { Db } from '../../electron/core/db/connection';
import { syntheticAuditEntries } from '../fixtures/audit-trail';
import { adminAuditKey, adminDataKey } from '../fixtures/raw';
import { ADMIN, newVault, ok, removeDir } from '../fixtures/vault';
import type { Benchmark } from './benchmarks';
import { measure } from './measure';
import type { BenchResult } from './run';

const SIZE = Number(process.env.MAMORI_BENCH_AUDIT_SIZE ?? 1_000_000);

/** Reads page after page until one comes back empty. */
async function pages(read: (after: number) => Promise<{ n: number; last: number }>): Promise<number> {
  let after = 0;
  let total = 0;
  for (;;) {
    const page = await read(after);
    if (page.n === 0) return total;
    total += page.n;
    after = page.last;
  }
}

export const auditBenchmark: Benchmark = {
  name: 'audit',
  async run(): Promise<BenchResult[]> {
    const { dataDir, core } = await newVault();
    try {
      const actors: string[] = Array.from({ length: 20 }, () => randomUUID());
      const auditKey = await adminAuditKey(dataDir);
      const db = await Db.open(join(dataDir, 'mamori.db'), await adminDataKey(dataDir), { create: false });
      // Every actor signs: each registers its key (first use), then each entry carries its actor's signature.
      const signers = new Map(actors.map((id) => [id, signerFrom(id, generateKeyPairSync('ed25519').privateKey)]));
      const at = new Date().toISOString();
      const registrations = actors.map((id) => ({ at, actorId: id, actorRole: 'officer', action: 'user.signing-key-registered' as const, target: `user:${id}`, details: { key: signers.get(id)!.publicKey, role: 'officer' } }));
      const entries = [...registrations, ...syntheticAuditEntries(SIZE - registrations.length, actors)];
      const signerOf = (e: { actorId: string | null }) => (e.actorId ? signers.get(e.actorId) : undefined);
      for (let i = 0; i < entries.length; i += 50_000) {
        await db.transaction((tx) => appendAuditBatch(tx, auditKey, entries.slice(i, i + 50_000), signerOf));
      }
      await db.close();
      await ok(core, 'session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });

      const filters: [string, Record<string, string>][] = [
        ['no filter', {}],
        ['by actor', { actorId: actors[3] }],
        ['by action', { action: 'settings.updated' }],
        ['by case reference', { caseRef: 'TV-2026-0042' }],
        ['by actor and month', { actorId: actors[7], from: '2026-06-01T00:00:00.000Z', to: '2026-06-30T23:59:59.999Z' }],
      ];
      const results: BenchResult[] = [];
      // Baseline: the same SQL on a plain connection, without dispatcher, policy or output parsing.
      const raw = await Db.open(join(dataDir, 'mamori.db'), await adminDataKey(dataDir), { create: false });
      for (const [label, filter] of filters) {
        const t = await measure(() => ok(core, 'audit:list', { filter, limit: 50 }), 30, { warmup: 3 });
        const base = await measure(() => raw.read((tx) => listPage(tx, { ...filter, limit: 50 })), 30, { warmup: 3 });
        results.push({ name: `audit list page (50, ${label})`, size: SIZE, ...t, baseline_ms: base.median_ms });
      }
      // Verification baselines: read what the MAC covers, pages of 10,000, with no hashing.
      const readRows = () => pages((after) => raw.read((tx) => tx.all<{ seq: number }>('SELECT seq, at, actor_id, actor_role, action, case_ref, target, details, mac FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 10000', [after])).then((r) => ({ n: r.length, last: r[r.length - 1]?.seq ?? after })));
      const readText = () => pages((after) => raw.read((tx) => tx.get<{ n: number; last: number }>(MAC_PASS_PAGE, [after, after, after + 10000])).then((r) => ({ n: r?.n ?? 0, last: r?.last ?? after })));
      // As verification reads (see Db.withoutKeptStatements): the list pages above left statements kept on this connection.
      const rowsBase = await raw.withoutKeptStatements(() => measure(readRows, 3, { warmup: 1 }));
      const textBase = await raw.withoutKeptStatements(() => measure(readText, 3, { warmup: 0 }));
      results.push({ name: 'audit chain: raw SQL read of the MACed columns, as rows (baseline)', size: SIZE, ...rowsBase });
      results.push({ name: 'audit chain: raw SQL read of the MACed columns, one run of bytes per page as the MAC pass reads it (baseline)', size: SIZE, ...textBase });
      await raw.close();
      // The first verification checks every signature (no checkpoint yet) and records the checkpoint.
      const verified = await ok<{ intact: boolean; signed?: number }>(core, 'audit:verify');
      if (!verified.intact || (verified.signed ?? 0) < SIZE) throw new Error(`the synthetic trail did not verify as signed: ${JSON.stringify(verified)}`);
      const v = await measure(() => ok(core, 'audit:verify'), 3, { warmup: 0 });
      results.push({ name: 'audit chain verification, full (every MAC; signatures since the checkpoint at the head)', size: SIZE, ...v, baseline_ms: textBase.median_ms });
      // The routine check after sign-in: only the entries since the checkpoint the last verification recorded.
      const routine = await measure(() => ok(core, 'audit:verify', { macs: 'since-checkpoint' }), 3, { warmup: 0 });
      results.push({ name: 'audit chain routine check after sign-in (MACs and signatures since the checkpoint)', size: SIZE, ...routine });
      const deep = await measure(() => ok(core, 'audit:verify', { signatures: 'all' }), 1, { warmup: 0 });
      results.push({ name: 'audit chain verification, deep (every MAC and every signature)', size: SIZE, ...deep, baseline_ms: textBase.median_ms });
      return results;
    } finally {
      await core.close();
      removeDir(join(dataDir, '..'));
    }
  },
};
