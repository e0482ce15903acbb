import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Db } from '../../electron/core/db/connection';
import { MIGRATIONS, SCHEMA_VERSION, migrate, schemaVersion } from '../../electron/core/db/migrations';
import { removeDir, tempDir } from '../fixtures/vault';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});

async function freshDb(): Promise<Db> {
  const dir = tempDir();
  dirs.push(dir);
  return Db.open(join(dir, 'm.db'), randomBytes(32), { create: true });
}

const tables = (db: Db) => db.pragma<{ name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') ORDER BY name").then((r) => r.map((x) => x.name));

describe('migrations', () => {
  it('are numbered in steps of 10 and strictly increasing', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe((i + 1) * 10));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.at(-1)!.version);
  });

  it('0010 creates the vault identity and the append-only audit trail', async () => {
    const db = await freshDb();
    expect(await migrate(db, 10)).toEqual([10]);
    expect(await schemaVersion(db)).toBe(10);
    expect(await tables(db)).toEqual(['audit_log', 'audit_log_no_delete', 'audit_log_no_update', 'meta']);
    await db.close();
  });

  it('0020 adds accounts and settings with a 5-minute auto-lock default', async () => {
    const db = await freshDb();
    await migrate(db, 10);
    expect(await migrate(db, 20)).toEqual([20]);
    expect(await schemaVersion(db)).toBe(20);
    expect(await tables(db)).toEqual(expect.arrayContaining(['users', 'settings']));
    expect(await db.read((tx) => tx.get('SELECT value FROM settings WHERE key = ?', ['auto_lock_minutes']))).toEqual({ value: '5' });
    await expect(
      db.transaction((tx) => tx.run("INSERT INTO users (id, username, display_name, role, created_at, updated_at) VALUES ('u', 'u', 'U', 'superuser', 'x', 'x')")),
    ).rejects.toThrow(/CHECK/);
    await db.close();
  });

  it('0030 adds the per-user last view and a time index on the audit trail', async () => {
    const db = await freshDb();
    await migrate(db, 20);
    expect(await migrate(db, 30)).toEqual([30]);
    const cols = await db.pragma<{ name: string }>('PRAGMA table_info(users)');
    expect(cols.map((c) => c.name)).toContain('last_view');
    const plan = await db.pragma<{ detail: string }>("EXPLAIN QUERY PLAN SELECT seq FROM audit_log WHERE at >= '2026-01-01' ORDER BY at");
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/audit_log_by_at/);
    await db.close();
  });

  it('0040 adds case files, sealed values apart, and a contentless trigram index', async () => {
    const db = await freshDb();
    await migrate(db, 30);
    expect(await migrate(db, 40)).toEqual([40]);
    expect(await tables(db)).toEqual(
      expect.arrayContaining(['cases', 'case_officers', 'case_exploitation_types', 'case_sealed', 'case_notes', 'case_events', 'adverse_parties', 'cases_fts', 'cases_name_prefix']),
    );
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO cases_fts (rowid, names, reference, notes) VALUES (1, 'たなか かずお', 'tv-2026-0001', '')");
      expect(await tx.get("SELECT rowid FROM cases_fts WHERE cases_fts MATCH '\"かずお\"'")).toEqual({ rowid: 1 });
      // Contentless: the index cannot give the text back.
      expect(await tx.get('SELECT names FROM cases_fts WHERE rowid = 1')).toEqual({ names: null });
      await tx.run('DELETE FROM cases_fts WHERE rowid = 1');
      expect(await tx.get("SELECT count(*) AS n FROM cases_fts WHERE cases_fts MATCH '\"かずお\"'")).toEqual({ n: 0 });
    });
    await expect(db.transaction((tx) => tx.run("INSERT INTO case_sealed (case_id, field, value, updated_at, updated_by) VALUES ('c', 'diary', 'x', 't', 'u')"))).rejects.toThrow(
      /CHECK|FOREIGN/,
    );
    await db.close();
  });

  it('0050 adds the protection workflow and fills the deadlines of existing cases', async () => {
    const db = await freshDb();
    await migrate(db, 40);
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO users (id, username, display_name, role, created_at, updated_at) VALUES ('u', 'u', 'U', 'officer', 't', 't')");
      await tx.run(
        `INSERT INTO cases (num, id, reference, ref_year, ref_seq, stage, risk_level, masked_name, sex, nationality, situation, created_at, created_by, updated_at)
         VALUES (7, 'c', 'TV-2026-0001', 2026, 1, 'intake', 'low', 'A. B.', 'female', 'PHL', 'overstay', 't', 'u', 't')`,
      );
      await tx.run(
        `INSERT INTO case_details (case_num, family_name, given_name, family_name_native, given_name_native, languages, interpreter_needed, status_of_residence,
           period_of_stay_expiry, measure_conditions, reporting_dates, exploitation, referral_source, identification_status)
         VALUES (7, 'A', 'B', '', '', '["tl"]', 1, 'none', '2026-12-20', '', '[{"date":"2026-12-05","note":"station"}]', '{}', 'police', 'possible')`,
      );
    });
    expect(await migrate(db, 50)).toEqual([50]);
    expect(await tables(db)).toEqual(expect.arrayContaining(['interpreters', 'interpreter_contacts', 'interviews', 'interview_records', 'case_considerations', 'case_wishes', 'case_iom_consents', 'case_deadlines']));
    expect(await db.read((tx) => tx.all('SELECT case_num, kind, date, note FROM case_deadlines ORDER BY date'))).toEqual([
      { case_num: 7, kind: 'reporting', date: '2026-12-05', note: 'station' },
      { case_num: 7, kind: 'period-of-stay-expiry', date: '2026-12-20', note: '' },
    ]);
    await expect(
      db.transaction((tx) => tx.run("INSERT INTO interviews (id, case_id, status, planned_at, plan, created_at, created_by, updated_at) VALUES ('v', 'c', 'compelled', 't', '{}', 't', 'u', 't')")),
    ).rejects.toThrow(/CHECK/);
    await db.close();
  });

  it('is a no-op on an up-to-date database', async () => {
    const db = await freshDb();
    await migrate(db);
    expect(await migrate(db)).toEqual([]);
    await db.close();
  });

  it('rolls a failing migration back whole, version included', async () => {
    const db = await freshDb();
    await migrate(db, 10);
    await expect(
      db.transaction(async (tx) => {
        await tx.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        await tx.exec('PRAGMA user_version = 20');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await schemaVersion(db)).toBe(10);
    expect(await tables(db)).not.toContain('half_done');
    await db.close();
  });

  it('refuses a database from the future', async () => {
    const db = await freshDb();
    await migrate(db);
    await db.transaction((tx) => tx.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 10}`));
    await expect(migrate(db)).rejects.toMatchObject({ code: 'VAULT_TOO_NEW' });
    expect(await schemaVersion(db)).toBe(SCHEMA_VERSION + 10);
    await db.close();
  });
});
