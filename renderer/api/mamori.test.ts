import { describe, expect, it } from 'vitest';
import type { MamoriApi } from '../../electron/common/contract';
import { fail, installFakeMamori, ok } from '../test/fakeMamori';
import { ApiError, call } from './mamori';

describe('call', () => {
  it('resolves with the value of a successful result', async () => {
    installFakeMamori({ 'vault:status': () => ok({ exists: true, unlocked: true }) });
    await expect(call('vault:status', {})).resolves.toEqual({ exists: true, unlocked: true });
  });

  it('rejects with a typed ApiError carrying code, retry delay and issues', async () => {
    installFakeMamori({ 'session:signIn': () => fail('THROTTLED', { retryAfterMs: 4000 }) });
    const error = await call('session:signIn', { username: 'a', passphrase: 'b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'THROTTLED', retryAfterMs: 4000, issues: undefined });

    installFakeMamori({
      'vault:create': () => fail('INVALID_INPUT', { issues: [{ path: 'username', message: 'username.characters' }] }),
    });
    const invalid = await call('vault:create', { username: 'a', displayName: 'b', passphrase: 'c', locale: 'en' }).catch(
      (e: unknown) => e,
    );
    expect(invalid).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'username', message: 'username.characters' }] });
  });

  it('turns a broken bridge into INTERNAL, never a raw error', async () => {
    const broken: MamoriApi = { invoke: () => Promise.reject(new Error('ipc exploded')), on: () => () => undefined };
    (window as unknown as { mamori: MamoriApi }).mamori = broken;
    await expect(call('session:touch', {})).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('fails with INTERNAL when the bridge is missing', async () => {
    await expect(call('vault:status', {})).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
