/**
 * The names of every IPC channel and main→renderer event, with no runtime dependency,
 * so the sandboxed preload can bundle this list without zod. `contract.ts` is checked
 * against it at compile time: a channel exists in both or in neither.
 */
export const CHANNELS = [
  'vault:status',
  'vault:create',
  'vault:recover',
  'vault:diagnostics',
  'vault:keys',
  'vault:rotateKey',
  'vault:reissueRecoveryKey',
  'session:current',
  'session:signIn',
  'session:lock',
  'session:signOut',
  'session:touch',
  'session:copied',
  'session:changePassphrase',
  'sealing:status',
  'sealing:grant',
  'sealing:grantWithRecoveryKey',
  'settings:get',
  'settings:update',
  'users:setLocale',
  'users:setLastView',
  'users:list',
  'users:create',
  'users:disable',
  'users:resetPassphrase',
  'users:unlockSignIn',
  'audit:actors',
  'audit:list',
  'audit:verify',
  'audit:export',
  'cases:create',
  'cases:list',
  'cases:get',
  'cases:update',
  'cases:assign',
  'cases:transition',
  'cases:revealSealed',
  'cases:setSealed',
  'cases:addNote',
  'cases:revealNote',
  'cases:saveAdverseParty',
  'cases:removeAdverseParty',
  'cases:checkConflict',
  'cases:acknowledgeConflict',
  'cases:accessLog',
  'cases:staff',
  'interpreters:list',
  'interpreters:save',
  'interpreters:revealContact',
  'interviews:plan',
  'interviews:override',
  'interviews:start',
  'interviews:record',
  'interviews:revealRecord',
  'protection:recordConsideration',
  'protection:recordWish',
  'protection:recordIomConsent',
  'work:mine',
  'decisions:saveDraft',
  'decisions:submit',
  'decisions:approve',
  'decisions:return',
  'decisions:queue',
  'exports:preview',
  'exports:savePdf',
  'exports:print',
  'exports:list',
  'backup:status',
  'backup:create',
  'backup:setReminder',
  'backup:restore',
  'backup:restoreInto',
  'retention:policy',
  'retention:setPolicy',
  'retention:list',
  'retention:case',
  'retention:placeHold',
  'retention:releaseHold',
  'retention:purge',
  'statistics:table',
  'statistics:exportCsv',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Events core/main push to the renderer. */
export const EVENTS = ['session:locked', 'vault:progress'] as const;
export type EventName = (typeof EVENTS)[number];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENTS as readonly string[]).includes(name);
}
