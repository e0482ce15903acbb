import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSlotScryptParams, SCRYPT_PARAMS } from '../crypto/crypto';
import { makeUserSlot, newKeyslotsFile, openUserSlot } from './keyslots';

describe('the cost of new keyslots', () => {
  it('is the full scrypt cost unless a test suite lowered it, and a keyslot records the cost it was made with', async () => {
    expect(newSlotScryptParams()).toEqual(SCRYPT_PARAMS);
    const file = newKeyslotsFile();
    const dataKey = randomBytes(32);
    const { slot } = await makeUserSlot(file, 'user-1', 'someone', 'a passphrase for the cost test', [{ generation: file.generation, key: dataKey }]);
    expect(slot.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    const opened = await openUserSlot({ ...file, slots: [slot] }, slot, 'a passphrase for the cost test');
    expect(opened?.keys[0].key.equals(dataKey)).toBe(true);
  });
});

describe('opening a user slot', () => {
  it('refuses a slot whose public signing key was edited (it is outside the wrapped secrets\' tag)', async () => {
    const file = newKeyslotsFile();
    const { slot } = await makeUserSlot(file, 'user-1', 'someone', 'a passphrase for the edit test', [{ generation: file.generation, key: randomBytes(32) }], { N: 2 ** 12, r: 8, p: 1 });
    const other = await makeUserSlot(file, 'user-2', 'someone else', 'another passphrase here', [], { N: 2 ** 12, r: 8, p: 1 });
    const edited = { ...slot, signingKey: other.slot.signingKey };
    await expect(openUserSlot({ ...file, slots: [edited] }, edited, 'a passphrase for the edit test')).rejects.toMatchObject({ code: 'VAULT_DAMAGED' });
    expect(await openUserSlot({ ...file, slots: [slot] }, slot, 'a passphrase for the edit test')).not.toBeNull();
  });
});
