import type { Migration } from './migration';

/**
 * Signed audit entries (issue 14.3): each entry may carry its actor's Ed25519 signature over the
 * entry and the MAC before it, and the id of the key that made it. Entries written before this
 * version stay unsigned; verification then requires a signature from every actor whose signing
 * key has been registered in the trail (see audit/signatures.ts).
 */
export const migration0120: Migration = {
  version: 120,
  name: 'audit-signatures',
  async up(tx) {
    await tx.exec(`
      ALTER TABLE audit_log ADD COLUMN signer_key TEXT;
      ALTER TABLE audit_log ADD COLUMN signature TEXT;
    `);
  },
};
