import { describe, expect, it } from 'vitest';
import { isAcceptablePassphrase, normaliseUsername, passphraseLength } from './passphrase';

describe('passphrase policy', () => {
  it('needs 12 characters after NFKC normalisation, with no composition rules', () => {
    expect(isAcceptablePassphrase('abcdefghijk')).toBe(false);
    expect(isAcceptablePassphrase('abcdefghijkl')).toBe(true);
    expect(isAcceptablePassphrase('all lower case words')).toBe(true);
  });

  it('counts characters a person sees, so twelve kanji are enough and eleven are not', () => {
    expect(passphraseLength('守秘義務を必ず守ります')).toBe(11);
    expect(isAcceptablePassphrase('守秘義務を必ず守ります')).toBe(false);
    expect(isAcceptablePassphrase('守秘義務を必ず守りますね')).toBe(true);
    expect(passphraseLength('🔒🔒🔒')).toBe(3);
  });

  it('normalises full-width forms and ligatures before counting', () => {
    expect(passphraseLength('ｆｕｌｌｗｉｄｔｈ')).toBe(9);
    expect('ｆｕｌｌ'.normalize('NFKC')).toBe('full');
  });
});

describe('user names', () => {
  it('match case- and width-insensitively', () => {
    expect(normaliseUsername(' Ｔａｎａｋａ.K ')).toBe('tanaka.k');
  });
});
