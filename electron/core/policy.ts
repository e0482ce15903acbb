/**
 * The access policy (DESIGN.md §3): one entry per contract channel, consulted by the dispatcher
 * before any service runs. A channel without an entry does not compile.
 */
import type { Channel } from '../common/channels';
import { ROLES, type Role } from '../common/accounts';

export type Rule = { readonly signedIn: false } | { readonly signedIn: true; readonly roles: readonly Role[] };

const ANYONE = { signedIn: false } as const;
const ANY_ROLE = { signedIn: true, roles: ROLES } as const;
const only = (...roles: Role[]) => ({ signedIn: true, roles }) as const;
/** Administrators and auditors never see case content (DESIGN.md §3). */
const CASEWORK = only('officer', 'supervisor');

export const POLICY = {
  'vault:status': ANYONE,
  'vault:create': ANYONE,
  'vault:recover': ANYONE,
  'vault:diagnostics': ANYONE,
  'vault:keys': only('administrator'),
  'vault:rotateKey': only('administrator'),
  'vault:reissueRecoveryKey': only('administrator'),
  'session:current': ANYONE,
  'session:signIn': ANYONE,
  'session:lock': ANY_ROLE,
  'session:signOut': ANY_ROLE,
  'session:touch': ANY_ROLE,
  // Signed out too: the damaged-vault screen copies its diagnostics.
  'session:copied': ANYONE,
  'session:changePassphrase': ANY_ROLE,
  // Sealed information's keys: anyone sees their own status; supervisors grant (checked again in the service).
  'sealing:status': ANY_ROLE,
  'sealing:grant': only('supervisor'),
  // The escrow, opened by the recovery key, when no supervisor can grant; administrators hold no case key themselves.
  'sealing:grantWithRecoveryKey': only('administrator'),
  'settings:get': ANY_ROLE,
  'settings:update': only('administrator'),
  'users:setLocale': ANY_ROLE,
  'users:setLastView': ANY_ROLE,
  'users:list': only('administrator'),
  'users:create': only('administrator'),
  'users:disable': only('administrator'),
  'users:resetPassphrase': only('administrator'),
  'users:unlockSignIn': only('administrator'),
  'audit:actors': only('auditor', 'administrator'),
  'audit:list': only('auditor', 'administrator'),
  'audit:verify': only('auditor', 'administrator'),
  'audit:export': only('auditor', 'administrator'),
  // Case content: officers (their assigned cases: checked per case in the service) and supervisors.
  'cases:create': CASEWORK,
  'cases:list': CASEWORK,
  'cases:get': CASEWORK,
  'cases:update': CASEWORK,
  'cases:assign': only('supervisor'),
  'cases:transition': CASEWORK,
  'cases:revealSealed': CASEWORK,
  'cases:setSealed': CASEWORK,
  'cases:addNote': CASEWORK,
  'cases:revealNote': CASEWORK,
  'cases:saveAdverseParty': CASEWORK,
  'cases:removeAdverseParty': CASEWORK,
  'cases:checkConflict': CASEWORK,
  'cases:acknowledgeConflict': CASEWORK,
  'cases:accessLog': only('supervisor'),
  'cases:staff': CASEWORK,
  'interpreters:list': CASEWORK,
  'interpreters:save': CASEWORK,
  'interpreters:revealContact': CASEWORK,
  // The registry of TITP organisations and brokers: case workers read and link to cases they reach; supervisors edit.
  'organisations:search': CASEWORK,
  'organisations:get': CASEWORK,
  'organisations:save': only('supervisor'),
  'organisations:recordStatus': only('supervisor'),
  'organisations:recordViolation': only('supervisor'),
  'organisations:recordMissingReport': only('supervisor'),
  'organisations:forCase': CASEWORK,
  'organisations:linkCase': CASEWORK,
  'organisations:unlinkCase': CASEWORK,
  // Same-workplace follow-up: supervisors plan it; the assigned officer records what came of it (checked in the service).
  'organisations:followups': CASEWORK,
  'organisations:saveFollowup': CASEWORK,
  'interviews:plan': CASEWORK,
  'interviews:override': only('supervisor'),
  'interviews:start': CASEWORK,
  'interviews:record': CASEWORK,
  'interviews:revealRecord': CASEWORK,
  'protection:recordConsideration': CASEWORK,
  'protection:recordWish': CASEWORK,
  'protection:recordIomConsent': CASEWORK,
  'work:mine': CASEWORK,
  'decisions:saveDraft': CASEWORK,
  'decisions:submit': CASEWORK,
  'decisions:approve': only('supervisor'),
  'decisions:return': only('supervisor'),
  'decisions:queue': only('supervisor'),
  // Printed summaries: case workers of cases they reach (checked per case); sealed items supervisors only (checked in the service).
  'exports:preview': CASEWORK,
  'exports:savePdf': CASEWORK,
  'exports:print': CASEWORK,
  'exports:list': CASEWORK,
  'backup:status': only('administrator'),
  'backup:create': only('administrator'),
  'backup:setReminder': only('administrator'),
  'backup:restore': only('administrator'),
  'backup:restoreInto': ANYONE,
  // Retention: administrators set the periods and purge (no case content: references, outcomes and
  // dates only); supervisors see the list read-only and place or release legal holds. Officers never
  // see a hold: it is a supervisor's instrument on a file, not part of the casework.
  'retention:policy': only('supervisor', 'administrator'),
  'retention:setPolicy': only('administrator'),
  'retention:list': only('supervisor', 'administrator'),
  'retention:case': only('supervisor'),
  'retention:placeHold': only('supervisor'),
  'retention:releaseHold': only('supervisor'),
  'retention:purge': only('administrator'),
  // Statistics: aggregate counts only, suppressed in core below the vault's k (no case content, no
  // reference): the supervisors who report them and the administrators who run the office.
  'statistics:table': only('supervisor', 'administrator'),
  'statistics:exportCsv': only('supervisor', 'administrator'),
} as const satisfies Record<Channel, Rule>;

/** The channels that need a signed-in session: their handlers receive one, never null. */
export type SignedInChannel = { [C in Channel]: (typeof POLICY)[C]['signedIn'] extends true ? C : never }[Channel];

/** What a user holding a temporary passphrase may do before replacing it. */
const BEFORE_PASSPHRASE_CHANGE: ReadonlySet<Channel> = new Set<Channel>([
  'session:current',
  'session:lock',
  'session:signOut',
  'session:touch',
  'session:changePassphrase',
  'users:setLocale',
]);

export type Decision = 'allow' | 'NOT_SIGNED_IN' | 'FORBIDDEN' | 'PASSPHRASE_CHANGE_REQUIRED';

export function can(session: { role: Role; mustChangePassphrase?: boolean } | null, channel: Channel): Decision {
  const rule: Rule = POLICY[channel];
  if (!rule.signedIn) return 'allow';
  if (!session) return 'NOT_SIGNED_IN';
  if (!rule.roles.includes(session.role)) return 'FORBIDDEN';
  if (session.mustChangePassphrase && !BEFORE_PASSPHRASE_CHANGE.has(channel)) return 'PASSPHRASE_CHANGE_REQUIRED';
  return 'allow';
}
