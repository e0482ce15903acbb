import type { AuditEntry } from '../../electron/common/contract.audit';
import type { SessionInfo, UserAccount } from '../../electron/common/accounts';
import type { InterviewPlan } from '../../electron/common/protection';

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
    settings: { autoLockMinutes: 5, statisticsThreshold: 10 },
  };
}

/** An account as `users:list` returns it; ids are UUIDs because the contract requires them. */
export function accountFor(overrides: Partial<UserAccount> = {}): UserAccount {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'officer.test',
    displayName: 'Testperson Kanade',
    role: 'officer',
    status: 'active',
    mustChangePassphrase: false,
    lockedOut: false,
    createdAt: '2026-01-05T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** Entries numbered `from` down to `from - count + 1`, newest first, as `audit:list` pages them. */
export function auditEntries(from: number, count: number, overrides: Partial<AuditEntry> = {}): AuditEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    seq: from - i,
    at: '2026-03-02T01:02:03.000Z',
    actorId: 'user-9',
    actorName: 'Testperson Audit',
    actorRole: 'auditor',
    action: 'session.signed-in',
    caseRef: null,
    target: null,
    details: {},
    shown: { target: null, details: [] },
    ...overrides,
  }));
}

/**
 * An interview plan that meets every safeguard but the ones a test changes: a private agency room
 * that does not disclose whereabouts, the victim stable and told of their rights. Shared by the
 * component tests and the integration tests (which pass real officer ids).
 */
export function interviewPlan(officersPresent: InterviewPlan['officersPresent'], change: Partial<InterviewPlan> = {}): InterviewPlan {
  return {
    plannedAt: '2026-04-10T10:00',
    durationMinutes: 60,
    breaks: '',
    placeType: 'agency-private-room',
    placeLabel: 'Interview room 3',
    placePrivate: true,
    placeDisclosesWhereabouts: false,
    officersPresent,
    noFemaleOfficerReason: '',
    interpreterId: null,
    noInterpreterReason: '',
    condition: 'stable',
    conditionNotes: '',
    rightsExplained: true,
    ...change,
  };
}
