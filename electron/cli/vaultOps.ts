/**
 * `vault backup`, `vault restore`, `vault rotate-key`, `vault recovery-key --reissue`: the same
 * core channels the app uses (same checks, same audit entries, same errors), with the file the
 * user named on the command line standing in for the OS dialog. Progress goes to stderr on a TTY.
 */
import { resolve } from 'node:path';
import type { BackupProgress } from '../common/contract.backup';
import type { Result } from '../common/contract';
import { createCore } from '../core/index';
import type { MamoriCoreApi } from '../core/core.types';
import { CoreError } from '../core/errors';

type Out = (line: string) => void;

/** Reports a core failure as the CLI reports any CoreError (one line, no stack). */
function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new CoreError(r.error.code, r.error.message, { retryAfterMs: r.error.retryAfterMs, issues: r.error.issues });
  return r.value as T;
}

const PHASES: Record<BackupProgress['phase'], string> = { copying: 'copying pages', verifying: 'verifying', writing: 'writing', rekeying: 'rekeying', done: 'done' };

function progressLine(tty: boolean): (p: BackupProgress) => void {
  if (!tty) return () => undefined;
  return (p) => {
    const pct = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 0;
    process.stderr.write(`\r${p.operation}: ${PHASES[p.phase]} ${p.phase === 'copying' || p.phase === 'writing' ? `${pct}%` : ''}`.padEnd(48));
    if (p.phase === 'done') process.stderr.write('\n');
  };
}

function coreFor(dataDir: string, files: { to?: string; from?: string }): MamoriCoreApi {
  const core = createCore({
    dataDir,
    backupDialogs: {
      chooseBackupTarget: async () => (files.to ? resolve(files.to) : null),
      chooseBackupSource: async () => (files.from ? resolve(files.from) : null),
    },
  });
  core.onEvent((event, payload) => {
    if (event === 'vault:progress') progressLine(process.stderr.isTTY === true)(payload as BackupProgress);
  });
  return core;
}

async function signedIn<T>(core: MamoriCoreApi, username: string, passphrase: string, fn: () => Promise<T>): Promise<T> {
  value(await core.dispatch('session:signIn', { username, passphrase }));
  try {
    return await fn();
  } finally {
    await core.close();
  }
}

export async function backupCommand(dataDir: string, to: string, username: string, passphrase: string, out: Out): Promise<void> {
  const core = coreFor(dataDir, { to });
  const record = await signedIn(core, username, passphrase, async () => value<{ fileName: string; bytes: number; sha256: string; caseCount: number; auditSeq: number }>(await core.dispatch('backup:create', {})));
  out(`verified backup written: ${record.fileName} (${record.bytes} bytes, ${record.caseCount} cases, audit head #${record.auditSeq})`);
  out(`sha256:          ${record.sha256}`);
}

export async function restoreCommand(dataDir: string, from: string, username: string, passphrase: string, replace: string | undefined, out: Out): Promise<void> {
  const core = coreFor(dataDir, { from });
  type Restored = { backupCreatedAt: string; caseCount: number; auditSeq: number; setAside: string | null };
  let result: Restored;
  if (replace === undefined) {
    result = value<Restored>(await core.dispatch('backup:restoreInto', { username, passphrase }));
  } else {
    // A vault that opens is replaced by its administrator signed in; one too damaged to open, as from the damaged-vault screen.
    const signIn = await core.dispatch('session:signIn', { username, passphrase });
    if (signIn.ok) {
      result = value<Restored>(await core.dispatch('backup:restore', { username, passphrase, confirmation: replace }));
    } else if (signIn.error.code === 'VAULT_DAMAGED' || signIn.error.code === 'VAULT_ROLLED_BACK') {
      result = value<Restored>(await core.dispatch('backup:restoreInto', { username, passphrase, confirmation: replace }));
    } else {
      value(signIn);
      return;
    }
  }
  await core.close();
  out(`restored the backup of ${result.backupCreatedAt} (${result.caseCount} cases, audit head #${result.auditSeq}) into ${dataDir}`);
  if (result.setAside) out(`the vault it replaced is kept in ${resolve(dataDir, result.setAside)}`);
}

export async function rotateKeyCommand(dataDir: string, username: string, passphrase: string, reason: string, out: Out): Promise<void> {
  const core = coreFor(dataDir, {});
  const r = await signedIn(core, username, passphrase, async () =>
    value<{ generation: number; recoveryKey: string; accountsNeedingReset: { displayName: string }[] }>(await core.dispatch('vault:rotateKey', { reason })),
  );
  out(`data key rotated (generation ${r.generation}); every keyslot resealed.`);
  if (r.accountsNeedingReset.length) out(`accounts that need a passphrase reset: ${r.accountsNeedingReset.map((a) => a.displayName).join(', ')}`);
  printRecoveryKey(r.recoveryKey, out);
}

export async function reissueRecoveryKeyCommand(dataDir: string, username: string, passphrase: string, reason: string, out: Out): Promise<void> {
  const core = coreFor(dataDir, {});
  const r = await signedIn(core, username, passphrase, async () => value<{ recoveryKey: string }>(await core.dispatch('vault:reissueRecoveryKey', { reason })));
  out('a new recovery key was issued; the previous one no longer opens the vault.');
  printRecoveryKey(r.recoveryKey, out);
}

/**
 * `sealing grant`: when no supervisor can grant (the only one's passphrase was reset), the
 * recovery key grants an account's pending key through the escrow. `keyId` is what the account's
 * holder reads out from their screen; the recovery key is replaced at once.
 */
export async function escrowGrantCommand(dataDir: string, username: string, passphrase: string, account: string, keyId: string, recoveryKey: () => Promise<string>, out: Out): Promise<void> {
  const core = coreFor(dataDir, {});
  const r = await signedIn(core, username, passphrase, async () => {
    const { users } = value<{ users: { id: string; username: string }[] }>(await core.dispatch('users:list', {}));
    const target = users.find((u) => u.username === account);
    if (!target) throw new CoreError('NOT_FOUND', `no account "${account}"`);
    return value<{ cases: number; recoveryKey: string }>(
      await core.dispatch('sealing:grantWithRecoveryKey', { userId: target.id, keyId: keyId.replace(/[\s-]/g, '').toLowerCase(), recoveryKey: await recoveryKey() }),
    );
  });
  out(`granted: ${account} now holds the keys of ${r.cases} case(s); recorded in the audit trail.`);
  out('the recovery key that was typed no longer opens the vault.');
  printRecoveryKey(r.recoveryKey, out);
}

function printRecoveryKey(key: string, out: Out): void {
  out('');
  out('NEW RECOVERY KEY (shown once; write it down, seal it, store it apart from this computer; destroy the old one):');
  out('');
  out(`    ${key}`);
  out('');
}
