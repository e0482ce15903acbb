/**
 * Verified backup and restore of the 100,000-case demo vault (issue 13 target: the backup within
 * 3× a plain file copy of the same database, plus verification). Through core: `backup:create`
 * (VACUUM INTO, page/structure/audit-chain verification, packing, read-back check, rename) and
 * `backup:restoreInto` (manifest and hashes, copy out, the same verification, the swap). Beside
 * them: the raw file copy of the closed database (the baseline), and the verification alone.
 */
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { verifyCopy } from '../../electron/core/backup/backup.service';
import { seedDemoVault } from '../../electron/core/demo/demo.service';
import { Db } from '../../electron/core/db/connection';
import { createCore } from '../../electron/core/index';
import { adminAuditKey, adminDataKey } from '../fixtures/raw';
import { ADMIN, newVault, ok, removeDir, tempDir } from '../fixtures/vault';
import type { Benchmark } from './benchmarks';
import { measure } from './measure';
import type { BenchResult } from './run';

const SIZE = Number(process.env.MAMORI_BENCH_CASES ?? 100_000);
const RUNS = Number(process.env.MAMORI_BENCH_BACKUP_RUNS ?? 3);

export const backupBenchmark: Benchmark = {
  name: 'backup',
  async run(): Promise<BenchResult[]> {
    const { dataDir, core: creator } = await newVault();
    await creator.close();
    const out = tempDir('mamori-bench-backup-');
    try {
      await seedDemoVault(dataDir, { username: ADMIN.username, passphrase: ADMIN.passphrase }, { cases: SIZE, seed: 11, demoPassphrase: ADMIN.passphrase, now: Date.now() });
      const dbFile = join(dataDir, 'mamori.db');
      const mb = statSync(dbFile).size / 2 ** 20;
      const mbs = (ms: number) => Math.round((mb / (ms / 1000)) * 10) / 10;
      let n = 0;
      const copy = await measure(async () => copyFileSync(dbFile, join(out, `raw-${n++}.db`)), RUNS);

      const key = await adminDataKey(dataDir);
      const auditKey = await adminAuditKey(dataDir);
      const raw = await Db.open(dbFile, key, { create: false, readOnly: true });
      const head = await raw.read((tx) => tx.get<{ seq: number; mac: string }>('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1'));
      await raw.close();
      const verify = await measure(() => verifyCopy(join(out, 'raw-0.db'), key, auditKey, head!), RUNS);

      const targets: string[] = [];
      const core = createCore({
        dataDir,
        backupDialogs: { chooseBackupTarget: async () => (targets.push(join(out, `b-${targets.length}`)), targets[targets.length - 1]), chooseBackupSource: async () => `${targets[0]}.mamori-backup` },
      });
      await ok(core, 'session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const backup = await measure(() => ok(core, 'backup:create'), RUNS);
      await core.close();

      let r = 0;
      let restoreCore: ReturnType<typeof createCore> | undefined;
      const restore = await measure(() => ok(restoreCore!, 'backup:restoreInto', { username: ADMIN.username, passphrase: ADMIN.passphrase }), RUNS, {
        setup: async () => {
          await restoreCore?.close();
          const dir = join(out, `restored-${r++}`);
          rmSync(dir, { recursive: true, force: true });
          mkdirSync(dir);
          restoreCore = createCore({ dataDir: dir, backupDialogs: { chooseBackupTarget: async () => null, chooseBackupSource: async () => `${targets[0]}.mamori-backup` } });
        },
      });
      await restoreCore?.close();
      const row = (name: string, t: { median_ms: number; p95_ms: number }): BenchResult => ({
        name: `${name} (${mb.toFixed(0)} MiB: ${mbs(t.median_ms)} MB/s; raw copy ${mbs(copy.median_ms)} MB/s)`,
        size: SIZE,
        ...t,
        baseline_ms: copy.median_ms,
      });
      return [
        row('verified backup through core', backup),
        row('verified restore through core', restore),
        { name: 'verification alone (page HMACs, structure, audit chain)', size: SIZE, ...verify },
      ];
    } finally {
      removeDir(join(dataDir, '..'));
      removeDir(out);
    }
  },
};
