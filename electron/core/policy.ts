/**
 * The access policy (DESIGN.md §3): one entry per contract channel, consulted by the dispatcher
 * before any service runs. A channel without an entry does not compile.
 */
import type { Channel } from '../common/channels';
import { ROLES, type Role } from '../common/contract';

export type Rule = { signedIn: false } | { signedIn: true; roles: readonly Role[] };

const ANYONE: Rule = { signedIn: false };
const ANY_ROLE: Rule = { signedIn: true, roles: ROLES };
const only = (...roles: Role[]): Rule => ({ signedIn: true, roles });

export const POLICY: Record<Channel, Rule> = {
  'vault:status': ANYONE,
  'vault:create': ANYONE,
  'session:current': ANYONE,
  'session:signIn': ANYONE,
  'session:lock': ANY_ROLE,
  'session:signOut': ANY_ROLE,
  'session:touch': ANY_ROLE,
  'settings:get': ANY_ROLE,
  'settings:update': only('administrator'),
  'users:setLocale': ANY_ROLE,
};

export type Decision = 'allow' | 'NOT_SIGNED_IN' | 'FORBIDDEN';

export function can(session: { role: Role } | null, channel: Channel): Decision {
  const rule = POLICY[channel];
  if (!rule.signedIn) return 'allow';
  if (!session) return 'NOT_SIGNED_IN';
  return rule.roles.includes(session.role) ? 'allow' : 'FORBIDDEN';
}
