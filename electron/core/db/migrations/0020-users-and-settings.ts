import type { Migration } from './migration';

/** Accounts (their keys live in keyslots.json, never here) and vault-wide settings. */
export const migration0020: Migration = {
  version: 20,
  name: 'users-and-settings',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'auditor', 'administrator')),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        must_change_passphrase INTEGER NOT NULL DEFAULT 0 CHECK (must_change_passphrase IN (0, 1)),
        locale TEXT CHECK (locale IN ('en', 'ja')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      INSERT INTO settings (key, value) VALUES ('auto_lock_minutes', '5');
    `);
  },
};
