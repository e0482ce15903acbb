import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../common/channels';
import { ROLES, type Role } from '../common/contract';
import { can, POLICY } from './policy';

/**
 * The expected decision for every channel and every role, written out by hand.
 * A channel added to the contract without a row here fails this test.
 */
const A = 'allow';
const F = 'FORBIDDEN';
const EXPECTED: Record<Channel, { signedOut: 'allow' | 'NOT_SIGNED_IN'; roles: Record<Role, 'allow' | 'FORBIDDEN'> }> = {
  'vault:status': { signedOut: A, roles: { officer: A, supervisor: A, auditor: A, administrator: A } },
  'vault:create': { signedOut: A, roles: { officer: A, supervisor: A, auditor: A, administrator: A } },
  'session:current': { signedOut: A, roles: { officer: A, supervisor: A, auditor: A, administrator: A } },
  'session:signIn': { signedOut: A, roles: { officer: A, supervisor: A, auditor: A, administrator: A } },
  'session:lock': { signedOut: 'NOT_SIGNED_IN', roles: { officer: A, supervisor: A, auditor: A, administrator: A } },
  'session:signOut': { signedOut: 'NOT_SIGNED_IN', roles: { officer: A, supervisor: A, auditor: A, administrator: A } },
  'session:touch': { signedOut: 'NOT_SIGNED_IN', roles: { officer: A, supervisor: A, auditor: A, administrator: A } },
  'settings:get': { signedOut: 'NOT_SIGNED_IN', roles: { officer: A, supervisor: A, auditor: A, administrator: A } },
  'settings:update': { signedOut: 'NOT_SIGNED_IN', roles: { officer: F, supervisor: F, auditor: F, administrator: A } },
  'users:setLocale': { signedOut: 'NOT_SIGNED_IN', roles: { officer: A, supervisor: A, auditor: A, administrator: A } },
};

describe('the access policy matrix', () => {
  it('has an expectation for every contract channel and a rule for each', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(POLICY).sort()).toEqual([...CHANNELS].sort());
  });

  for (const channel of CHANNELS) {
    it(`${channel}: signed out and every role`, () => {
      expect(can(null, channel)).toBe(EXPECTED[channel].signedOut);
      for (const role of ROLES) expect(can({ role }, channel), role).toBe(EXPECTED[channel].roles[role]);
    });
  }
});
