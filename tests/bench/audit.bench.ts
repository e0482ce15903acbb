/**
 * Audit trail at 1,000,000 entries. Targets (people/permissions issue): a filtered page of 50
 * under 50 ms; full chain verification under 15 s; with every entry signed by its actor (issue
 * 14), verification under 30 s. The same query in raw SQL is the baseline.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { signerFrom } from '../../electron/core/crypto/signing';
import { join } from 'node:path';
import { appendAuditBatch } from '../../electron/core/audit/audit.service';
import { listPage } from '../../electron/core/audit/audit.repository';
import { Db } from '../../electron/core/db/connection';
import { syntheticAuditEntries } from '../fixtures/audit-trail';
import { adminAuditKey, adminDataKey } from '../fixtures/raw';
import { ADMIN, newVault, ok, removeDir } from '../fixtures/vault';
import type { Benchmark } from './benchmarks';
import { measure } from './measure';
import type { BenchResult } from './run';

const SIZE = Number(process.env.MAMORI_BENCH_AUDIT_SIZE ?? 1_000_000);

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
      await raw.close();
      const verified = await ok<{ intact: boolean; signed?: number }>(core, 'audit:verify');
      if (!verified.intact || (verified.signed ?? 0) < SIZE) throw new Error(`the synthetic trail did not verify as signed: ${JSON.stringify(verified)}`);
      const v = await measure(() => ok(core, 'audit:verify'), 3, { warmup: 0 });
      results.push({ name: 'audit chain verification (MACs and every signature)', size: SIZE, ...v });
      return results;
    } finally {
      await core.close();
      removeDir(join(dataDir, '..'));
    }
  },
};
