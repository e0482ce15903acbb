import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../electron/common/contract';
import { i18n } from '../i18n/i18n';
import { useLabels } from '../i18n/labels';
import { validate, validationKey } from './validation';

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

describe('a text over its limit', () => {
  it('keeps the limit and the length for its translation, from the form and from core alike', () => {
    expect(errorFor({ displayName: 'x'.repeat(135) })).toEqual({ displayName: 'validation.text.tooLong?max=120&length=135' });
    // Core sends the same message back without zod's code.
    expect(validationKey({ message: 'text.tooLong?max=4000&length=4012' })).toBe('validation.text.tooLong?max=4000&length=4012');
    // A limit with no message of its own still says the limit.
    const plain = z.object({ code: z.string().max(60) }).safeParse({ code: 'x'.repeat(61) });
    expect(plain.success ? null : validationKey(plain.error.issues[0])).toBe('validation.text.tooLongMax?max=60');
  });

  it('says the limit and how long the text is, in Japanese and in English', async () => {
    const { result } = renderHook(() => useLabels());
    await act(() => i18n.changeLanguage('ja'));
    expect(result.current.tx('validation.text.tooLong?max=120&length=135')).toBe('120文字以内で入力してください（現在 135文字）。');
    expect(result.current.tx('validation.text.tooLongMax?max=60')).toBe('60文字以内で入力してください。');
    await act(() => i18n.changeLanguage('en'));
    expect(result.current.tx('validation.text.tooLong?max=20000&length=20001')).toBe('Enter at most 20,000 characters (now 20,001).');
    expect(result.current.tx('validation.text.tooLongMax?max=60')).toBe('Enter at most 60 characters.');
  });
});
