import { describe, expect, it } from 'vitest';
import { contract } from '../../electron/common/contract';
import { validate } from './validation';

const createVault = contract['vault:create'].input;
const valid = { username: 'admin', displayName: 'Test Admin', passphrase: 'correct horse battery', locale: 'en' };

function errorFor(values: object) {
  const result = validate(createVault, { ...valid, ...values });
  return result.ok ? {} : result.errors;
}

describe('validate with the contract schemas', () => {
  it('maps every message key the schemas use to its own translation', () => {
    expect(errorFor({ username: 'a' })).toEqual({ username: 'validation.username.tooShort' });
    expect(errorFor({ username: 'a'.repeat(65) })).toEqual({ username: 'validation.username.tooLong' });
    expect(errorFor({ username: 'has space' })).toEqual({ username: 'validation.username.characters' });
    expect(errorFor({ displayName: ' ' })).toEqual({ displayName: 'validation.displayName.required' });
    expect(errorFor({ passphrase: 'short' })).toEqual({ passphrase: 'validation.passphrase.tooShort' });
    const signIn = validate(contract['session:signIn'].input, { username: 'x', passphrase: '' });
    expect(signIn.ok ? {} : signIn.errors).toEqual({ passphrase: 'validation.passphrase.required' });
  });

  it('falls back to a generic text for checks without a message key', () => {
    const signIn = validate(contract['session:signIn'].input, { username: ' ', passphrase: 'x' });
    expect(signIn.ok ? {} : signIn.errors).toEqual({ username: 'validation.required' });
  });

  it('returns the parsed data when valid', () => {
    expect(validate(createVault, { ...valid, username: '  admin  ' })).toEqual({
      ok: true,
      data: { ...valid, username: 'admin' },
    });
  });
});
