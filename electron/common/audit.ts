/** Every kind of audit entry, so the UI can name each in the user's language and filter by it. */
export const AUDIT_ACTIONS = [
  'vault.created',
  'vault.recovery-key-issued',
  'session.signed-in',
  'session.sign-in-failed',
  'session.locked',
  'session.signed-out',
  'settings.updated',
  'user.locale-changed',
  'user.created',
  'user.disabled',
  'user.passphrase-reset',
  'user.passphrase-changed',
  'user.sign-in-unlocked',
  'vault.recovered',
  'audit.verified',
  'audit.exported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
