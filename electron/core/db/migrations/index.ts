/**
 * Forward-only migrations, numbered in steps of 10 (a number may be left to a migration written in
 * parallel, e.g. 0160). Each runs in its own transaction together
 * with its `PRAGMA user_version`; a database from a newer version is refused untouched.
 */
import type { Db } from '../connection';
import { CoreError } from '../../errors';
import { migration0010 } from './0010-vault-and-audit';
import { migration0020 } from './0020-users-and-settings';
import { migration0030 } from './0030-accounts-and-audit-paging';
import { migration0040 } from './0040-cases';
import { migration0050 } from './0050-protection';
import { migration0060 } from './0060-decisions';
import { migration0070 } from './0070-immigration-facts';
import { migration0080 } from './0080-exports';
import { migration0100 } from './0100-backups';
import { migration0110 } from './0110-decision-editors';
import { migration0120 } from './0120-audit-signatures';
import { migration0090 } from './0090-retention';
import { migration0130 } from './0130-sealing';
import { migration0140 } from './0140-organisations';
import { migration0150 } from './0150-statistics-counts';
import { migration0160 } from './0160-adverse-party-organisations';
import { migration0170 } from './0170-decided-stage';
import { migration0180 } from './0180-name-index';
import { migration0190 } from './0190-my-work-indexes';
import { migration0200 } from './0200-sign-in-upkeep-indexes';
import { migration0210 } from './0210-case-wraps-due';
import { migration0220 } from './0220-case-count';
import type { Migration } from './migration';

export type { Migration };

export const MIGRATIONS: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060, migration0070, migration0080, migration0090, migration0100, migration0110, migration0120, migration0130, migration0140, migration0150, migration0160, migration0170, migration0180, migration0190, migration0200, migration0210, migration0220];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export async function schemaVersion(db: Db): Promise<number> {
  const [row] = await db.pragma<{ user_version: number }>('PRAGMA user_version');
  return row.user_version;
}

/** Brings the database to `target` (default: the newest). Returns the versions applied. */
export async function migrate(db: Db, target: number = SCHEMA_VERSION): Promise<number[]> {
  const current = await schemaVersion(db);
  if (current > SCHEMA_VERSION) throw new CoreError('VAULT_TOO_NEW', `schema ${current} > ${SCHEMA_VERSION}`);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    await db.transaction(async (tx) => {
      await m.up(tx);
      await tx.exec(`PRAGMA user_version = ${m.version}`);
    });
    applied.push(m.version);
  }
  return applied;
}
