import type { ChannelInput } from '../../../electron/common/contract';
import { call } from '../../api/mamori';

export type CreateVaultInput = ChannelInput<'vault:create'>;

/**
 * Creates the vault and its first administrator; resolves with the recovery key.
 * Never put the recovery key in a store: only the recovery-key step holds it, while it is on screen.
 */
export async function createVault(input: CreateVaultInput): Promise<string> {
  const { recoveryKey } = await call('vault:create', input);
  return recoveryKey;
}

export type RecoverInput = ChannelInput<'vault:recover'>;

/**
 * From the sign-in screen: the recovery key sets a new passphrase for an administrator account;
 * resolves with the new recovery key that replaces the used one (held only while it is on screen).
 */
export async function recoverAdministrator(input: RecoverInput): Promise<string> {
  const { recoveryKey } = await call('vault:recover', input);
  return recoveryKey;
}
