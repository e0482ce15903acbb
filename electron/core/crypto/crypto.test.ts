import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, lowerScryptCostForTests, newSlotScryptParams, parseRecoveryKey, SCRYPT_PARAMS, unwrapKey, wrapKey } from './crypto';

describe('recovery key format', () => {
  it('round-trips 256 bits through 13 groups of 4 unambiguous characters', () => {
    for (let i = 0; i < 50; i++) {
      const key = randomBytes(32);
      const text = formatRecoveryKey(key);
      expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(parseRecoveryKey(text)?.equals(key)).toBe(true);
    }
  });

  it('forgives case, spacing and O/I/L look-alikes when typed back, and rejects garbage', () => {
    const key = Buffer.alloc(32, 0);
    key[31] = 1;
    const text = formatRecoveryKey(key);
    expect(text.endsWith('0001')).toBe(true);
    expect(parseRecoveryKey(text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1$/, 'l'))?.equals(key)).toBe(true);
    expect(parseRecoveryKey('not a key')).toBeNull();
    expect(parseRecoveryKey('Z'.repeat(52))).toBeNull();
  });
});

describe('key wrapping', () => {
  it('unwraps only with the same key-encryption key and the same associated data', () => {
    const key = randomBytes(32);
    const kek = randomBytes(32);
    const w = wrapKey(key, kek, 'vault\0slot\0user\0u1');
    expect(unwrapKey(w, kek, 'vault\0slot\0user\0u1')?.equals(key)).toBe(true);
    expect(unwrapKey(w, randomBytes(32), 'vault\0slot\0user\0u1')).toBeNull();
    expect(unwrapKey(w, kek, 'vault\0slot\0user\0u2')).toBeNull();
  });
});

describe('the cost of new keyslots', () => {
  it('cannot be lowered inside Electron, nor raised above the app cost by the test hook', () => {
    const versions = process.versions as Record<string, string | undefined>;
    versions.electron = '45.5.0';
    try {
      expect(() => lowerScryptCostForTests({ N: 2 ** 10, r: 8, p: 1 })).toThrow(/cannot be lowered in the app/);
    } finally {
      delete versions.electron;
    }
    expect(() => lowerScryptCostForTests({ N: 2 ** 18, r: 8, p: 1 })).toThrow(RangeError);
    expect(newSlotScryptParams()).toEqual(SCRYPT_PARAMS);
  });
});
