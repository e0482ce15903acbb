/** The benchmark list. Each entry makes its own synthetic vault in a temporary directory. */
import { join } from 'node:path';
import { createCore, type MamoriCoreApi } from '../../electron/core/index';
import { ADMIN, newVault, ok, removeDir } from '../fixtures/vault';
import { measure } from './measure';
import type { BenchResult } from './run';
import { auditBenchmark } from './audit.bench';
import { backupBenchmark } from './backup.bench';
import { casesBenchmark } from './cases.bench';
import { exportsBenchmark } from './exports.bench';

export interface Benchmark {
  name: string;
  run(): Promise<BenchResult[]>;
}

const signIn = (core: MamoriCoreApi) => ok(core, 'session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });

export const BENCHMARKS: Benchmark[] = [
  {
    // Target (foundation issue): under 1 s. Sign-in = throttle check + scrypt (N=2^17) + unwrap
    // + open + migration check + rollback check + audit entry, on a freshly created vault.
    name: 'unlock',
    async run() {
      const dirs: string[] = [];
      let core: MamoriCoreApi | undefined;
      const times = await measure(() => signIn(core!), 10, {
        setup: async () => {
          await core?.close();
          const { dataDir } = await newVault();
          dirs.push(dataDir);
          core = createCore({ dataDir });
        },
      });
      await core?.close();
      for (const d of dirs) removeDir(join(d, '..'));
      return [{ name: 'unlock', size: 1, ...times }];
    },
  },
  auditBenchmark,
  casesBenchmark,
  exportsBenchmark,
  backupBenchmark,
];
