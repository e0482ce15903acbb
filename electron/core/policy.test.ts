import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../common/channels';
import { ROLES, type Role } from '../common/accounts';
import { can, POLICY } from './policy';

/**
 * The expected decision for every channel and every role, written out by hand.
 * Columns: signed out, officer, supervisor, auditor, administrator ('y' allow, '-' refuse).
 * A channel added to the contract without a row here fails this test.
 */
const EXPECTED: Record<Channel, string> = {
  'vault:status': 'y yyyy',
  'vault:create': 'y yyyy',
  'vault:recover': 'y yyyy',
  'vault:diagnostics': 'y yyyy',
  'vault:keys': '- ---y',
  'vault:rotateKey': '- ---y',
  'vault:reissueRecoveryKey': '- ---y',
  'session:current': 'y yyyy',
  'session:signIn': 'y yyyy',
  'session:lock': '- yyyy',
  'session:signOut': '- yyyy',
  'session:touch': '- yyyy',
  'session:copied': 'y yyyy',
  'session:changePassphrase': '- yyyy',
  'sealing:status': '- yyyy',
  'sealing:grant': '- -y--',
  'sealing:grantWithRecoveryKey': '- ---y',
  'settings:get': '- yyyy',
  'settings:update': '- ---y',
  'users:setLocale': '- yyyy',
  'users:setLastView': '- yyyy',
  'users:list': '- ---y',
  'users:create': '- ---y',
  'users:disable': '- ---y',
  'users:resetPassphrase': '- ---y',
  'users:unlockSignIn': '- ---y',
  'audit:actors': '- --yy',
  'audit:list': '- --yy',
  'audit:verify': '- --yy',
  'audit:export': '- --yy',
  'cases:create': '- yy--',
  'cases:list': '- yy--',
  'cases:get': '- yy--',
  'cases:update': '- yy--',
  'cases:assign': '- -y--',
  'cases:transition': '- yy--',
  'cases:revealSealed': '- yy--',
  'cases:setSealed': '- yy--',
  'cases:addNote': '- yy--',
  'cases:revealNote': '- yy--',
  'cases:saveAdverseParty': '- yy--',
  'cases:removeAdverseParty': '- yy--',
  'cases:checkConflict': '- yy--',
  'cases:acknowledgeConflict': '- yy--',
  'cases:accessLog': '- -y--',
  'cases:staff': '- yy--',
  'interpreters:list': '- yy--',
  'interpreters:save': '- yy--',
  'interpreters:revealContact': '- yy--',
  'organisations:search': '- yy--',
  'organisations:get': '- yy--',
  'organisations:save': '- -y--',
  'organisations:recordStatus': '- -y--',
  'organisations:recordViolation': '- -y--',
  'organisations:recordMissingReport': '- -y--',
  'organisations:forCase': '- yy--',
  'organisations:linkCase': '- yy--',
  'organisations:unlinkCase': '- yy--',
  'organisations:followups': '- yy--',
  'organisations:saveFollowup': '- yy--',
  'interviews:plan': '- yy--',
  'interviews:override': '- -y--',
  'interviews:start': '- yy--',
  'interviews:record': '- yy--',
  'interviews:revealRecord': '- yy--',
  'protection:recordConsideration': '- yy--',
  'protection:recordWish': '- yy--',
  'protection:recordIomConsent': '- yy--',
  'work:mine': '- yy--',
  'decisions:saveDraft': '- yy--',
  'decisions:submit': '- yy--',
  'decisions:approve': '- -y--',
  'decisions:return': '- -y--',
  'decisions:queue': '- -y--',
  'exports:preview': '- yy--',
  'exports:savePdf': '- yy--',
  'exports:print': '- yy--',
  'exports:list': '- yy--',
  'backup:status': '- ---y',
  'backup:create': '- ---y',
  'backup:setReminder': '- ---y',
  'backup:restore': '- ---y',
  'backup:restoreInto': 'y yyyy',
  'retention:policy': '- -y-y',
  'retention:setPolicy': '- ---y',
  'retention:list': '- -y-y',
  'retention:case': '- -y--',
  'retention:placeHold': '- -y--',
  'retention:releaseHold': '- -y--',
  'retention:purge': '- ---y',
  'statistics:table': '- -y-y',
  'statistics:exportCsv': '- -y-y',
};

/** Channels a user with a temporary passphrase may still use. */
const BEFORE_CHANGE = ['session:current', 'session:lock', 'session:signOut', 'session:touch', 'session:changePassphrase', 'users:setLocale'];

describe('the access policy matrix', () => {
  it('has an expectation for every contract channel and a rule for each', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(POLICY).sort()).toEqual([...CHANNELS].sort());
  });

  for (const channel of CHANNELS) {
    it(`${channel}: signed out and every role`, () => {
      const [signedOut, roles] = EXPECTED[channel].split(' ');
      expect(can(null, channel)).toBe(signedOut === 'y' ? 'allow' : 'NOT_SIGNED_IN');
      ROLES.forEach((role: Role, i) => expect(can({ role }, channel), role).toBe(roles[i] === 'y' ? 'allow' : 'FORBIDDEN'));
    });

    it(`${channel}: with a temporary passphrase`, () => {
      for (const role of ROLES) {
        const plain = can({ role }, channel);
        const temp = can({ role, mustChangePassphrase: true }, channel);
        if (plain !== 'allow' || POLICY[channel].signedIn === false || BEFORE_CHANGE.includes(channel)) expect(temp).toBe(plain);
        else expect(temp).toBe('PASSPHRASE_CHANGE_REQUIRED');
      }
    });
  }

  it('gives administrators and auditors no channel beyond accounts, settings, the audit trail, vault operations and retention (references and dates, no content) statistics (suppressed counts) and their own sealing status or the escrow', () => {
    for (const channel of CHANNELS) {
      if (can({ role: 'auditor' }, channel) === 'allow' || can({ role: 'administrator' }, channel) === 'allow') {
        expect(channel).toMatch(/^(vault|session|settings|users|audit|backup):|^retention:(policy|setPolicy|list|purge)$|^statistics:(table|exportCsv)$|^sealing:(status|grantWithRecoveryKey)$/);
      }
    }
  });
});
