/** The vault's channels: whether it exists, first run, and recovery with the recovery key. */
import { CoreError } from '../errors';
import type { HandlerSlice } from '../handler';
import { recoverAdministrator } from '../users/recovery.service';
import { insertUser } from '../users/users.repository';
import { createVault, vaultExists } from './vault.service';

export const vaultHandlers: HandlerSlice<'vault'> = {
  'vault:status': async (_input, env) => ({ exists: vaultExists(env.dataDir), unlocked: env.session !== null }),
  'vault:create': async (input, env) => {
    // The first administrator's account row is written inside the vault's creating transaction.
    const { recoveryKey } = await createVault({ dataDir: env.dataDir, ...input, now: new Date(env.now()) }, insertUser);
    return { recoveryKey };
  },
  'vault:recover': async (input, env) => {
    if (env.session) throw new CoreError('VAULT_IN_USE');
    if (!vaultExists(env.dataDir)) throw new CoreError('VAULT_NOT_FOUND');
    await recoverAdministrator(env.dataDir, input.username, input.recoveryKey, input.newPassphrase, env.now());
    return null;
  },
};
