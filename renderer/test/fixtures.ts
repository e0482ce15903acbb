import type { SessionInfo } from '../../electron/common/contract';

/** Synthetic people only. */
export function sessionFor(overrides: Partial<SessionInfo['user']> = {}): SessionInfo {
  return {
    user: {
      id: 'user-1',
      username: 'officer.test',
      displayName: 'Testperson Kanade',
      role: 'officer',
      locale: null,
      lastView: null,
      mustChangePassphrase: false,
      ...overrides,
    },
    settings: { autoLockMinutes: 5 },
  };
}
