import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Db, type Tx } from '../../electron/core/db/connection';
import { MIGRATIONS, SCHEMA_VERSION, migrate, schemaVersion } from '../../electron/core/db/migrations';
import { listCases, trigramQuery } from '../../electron/core/cases/cases.repository';
import { fillSearchIndexes } from '../../electron/core/db/migrations/0180-name-index';
import { casesOwedWrap, casesWithPlainValues, dropSettledWrapsDue, holdersOwedWraps } from '../../electron/core/sealing/sealing.repository';
import { missingConsiderations, overdueExpiries, upcomingDeadlines } from '../../electron/core/work/work.repository';
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

/** The query plan of each statement `run` reads with `all` (as the repositories write it), instead of running it. */
function planOf(db: Db, run: (tx: Tx) => Promise<unknown>): Promise<string> {
  return db.read(async (read) => {
    const plans: string[] = [];
    const tx = { ...read, all: async (sql: string, params?: unknown[]) => (plans.push((await read.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params as never)).map((p) => p.detail).join(' ')), []) } as Tx;
    await run(tx);
    return plans.join(' | ');
  });
}

/** Every row of every table (sorted, so WITHOUT ROWID tables compare too) and every schema entry. */
async function contents(db: Db): Promise<{ rows: Record<string, unknown[]>; schema: unknown[] }> {
  const schema = await db.pragma<{ type: string; name: string; sql: string | null }>('SELECT type, name, sql FROM sqlite_master ORDER BY name');
  const rows: Record<string, unknown[]> = {};
  for (const { name } of schema.filter((s) => s.type === 'table' && !s.sql?.startsWith('CREATE VIRTUAL'))) {
    const all = await db.read((tx) => tx.all(`SELECT * FROM "${name}"`));
    rows[name] = all.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return { rows, schema };
}

/**
 * A version-50 vault with a little of everything (fictional people only): two staff, two cases
 * with details, an officer, a note, a sealed value, an adverse party, an interpreter and an
 * interview, the considerations and wishes histories, deadlines, and audit entries.
 */
async function seedVersion50(db: Db): Promise<void> {
  expect(await schemaVersion(db)).toBe(50);
  await db.transaction(async (tx) => {
    await tx.run("INSERT INTO meta (key, value) VALUES ('vault_id', 'vault-synthetic-1')");
    await tx.run("INSERT INTO users (id, username, display_name, role, created_at, updated_at) VALUES ('u-officer', 'officer.test', 'Test Officer', 'officer', 't', 't')");
    await tx.run("INSERT INTO users (id, username, display_name, role, created_at, updated_at) VALUES ('u-supervisor', 'supervisor.test', 'Test Supervisor', 'supervisor', 't', 't')");
    for (const [num, id, seq, name] of [
      [7, 'c-1', 1, ['SANTOS', 'Maria Fictiva']],
      [8, 'c-2', 2, ['NGUYEN', 'Thi Fictiva']],
    ] as const) {
      await tx.run(
        `INSERT INTO cases (num, id, reference, ref_year, ref_seq, stage, risk_level, masked_name, sex, nationality, situation, supervisor_id, created_at, created_by, updated_at)
         VALUES (?, ?, ?, 2026, ?, 'decision', 'high', ?, 'female', 'PHL', 'overstay', 'u-supervisor', '2026-10-01T09:00:00Z', 'u-officer', '2026-10-01T09:00:00Z')`,
        [num, id, `TV-2026-000${seq}`, seq, `${name[0][0]}. ${name[1][0]}.`],
      );
      await tx.run(
        `INSERT INTO case_details (case_num, family_name, given_name, family_name_native, given_name_native, languages, interpreter_needed, status_of_residence,
           period_of_stay_expiry, measure_conditions, reporting_dates, exploitation, referral_source, identification_status)
         VALUES (?, ?, ?, '', '', '["tl"]', 1, 'none', '2026-12-20', '', '[{"date":"2026-12-05","note":"station"}]', '{}', 'police', 'identified')`,
        [num, name[0], name[1]],
      );
      await tx.run("INSERT INTO case_officers (case_num, user_id) VALUES (?, 'u-officer')", [num]);
      await tx.run("INSERT INTO case_deadlines (case_num, kind, date) VALUES (?, 'period-of-stay-expiry', '2026-12-20')", [num]);
    }
    await tx.run("INSERT INTO case_notes (id, case_id, at, author_id, type, sealed, body) VALUES ('n-1', 'c-1', 't', 'u-officer', 'general', 0, 'Synthetic note: fictional case.')");
    await tx.run("INSERT INTO case_sealed (case_id, field, value, updated_at, updated_by) VALUES ('c-1', 'whereabouts', '{\"type\":\"shelter\"}', 't', 'u-officer')");
    await tx.run("INSERT INTO case_events (id, case_id, at, actor_id, kind, from_stage, to_stage) VALUES ('ev-1', 'c-1', 't', 'u-officer', 'stage', 'protection', 'decision')");
    await tx.run("INSERT INTO adverse_parties (id, case_id, role, name, organisation, contact, notes, created_at, updated_at) VALUES ('ap-1', 'c-1', 'broker', 'Fictional Broker', 'Example Agency', '', '', 't', 't')");
    await tx.run("INSERT INTO interpreters (id, name, languages, active, created_at, updated_at) VALUES ('i-1', 'Test Interpreter', '[\"tl\"]', 1, 't', 't')");
    await tx.run(
      "INSERT INTO interviews (id, case_id, status, planned_at, plan, interpreter_id, created_at, created_by, updated_at) VALUES ('iv-1', 'c-1', 'held', '2026-10-10T10:00:00Z', '{}', 'i-1', 't', 'u-officer', 't')",
    );
    await tx.run(
      "INSERT INTO case_considerations (id, case_id, kind, level, evidence, notes, assessed_on, recorded_at, recorded_by) VALUES ('k-1', 'c-1', 'danger-on-return', 'high', 'synthetic', '', '2026-10-11', 't', 'u-officer')",
    );
    await tx.run("INSERT INTO case_wishes (id, case_id, wish, own_words, expressed_on, recorded_at, recorded_by) VALUES ('w-1', 'c-1', 'remain', 'Synthetic words.', '2026-10-11', 't', 'u-officer')");
    await tx.run("INSERT INTO audit_log (seq, at, actor_id, actor_role, action, case_ref, mac) VALUES (1, 't', 'u-officer', 'officer', 'cases:create', 'TV-2026-0001', 'mac-1')");
    await tx.run("INSERT INTO audit_log (seq, at, actor_id, actor_role, action, case_ref, mac) VALUES (2, 't', 'u-officer', 'officer', 'cases:get', 'TV-2026-0001', 'mac-2')");
  });
}

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

  it('0060 adds residence decisions beside the data of a version-50 vault, and keeps decided records immutable', async () => {
    const db = await freshDb();
    await migrate(db, 50);
    await seedVersion50(db);
    const before = await contents(db);

    expect(await migrate(db, 60)).toEqual([60]);
    expect(await schemaVersion(db)).toBe(60);
    expect(await tables(db)).toEqual(
      expect.arrayContaining(['decisions', 'decision_events', 'decisions_decided_immutable', 'decisions_no_delete', 'decision_events_no_update', 'decision_events_no_delete']),
    );
    // Everything that was there before is there unchanged: every row of every earlier table, and its schema.
    const earlierTables = async () => {
      const { rows } = await contents(db);
      return Object.fromEntries(Object.keys(before.rows).map((t) => [t, rows[t]]));
    };
    const after = await contents(db);
    expect(await earlierTables()).toEqual(before.rows);
    expect(after.schema).toEqual(expect.arrayContaining(before.schema));
    expect(after.rows.decisions).toEqual([]);

    const run = (sql: string, params: (string | null)[] = []) => db.transaction((tx) => tx.run(sql, params));
    const status = async (id: string) => (await db.read((tx) => tx.get<{ status: string }>('SELECT status FROM decisions WHERE id = ?', [id])))?.status;
    const insertDraft = (id: string, caseId = 'c-1', by = 'u-officer') =>
      run("INSERT INTO decisions (id, case_id, status, draft, created_at, created_by, updated_at) VALUES (?, ?, 'draft', '{\"pathway\":\"special-permission\"}', '2026-11-01T09:00:00Z', ?, '2026-11-01T09:00:00Z')", [id, caseId, by]);
    const submitAndApprove = async (id: string, hash: string) => {
      await run("UPDATE decisions SET status = 'pending', submitted_at = '2026-11-02T09:00:00Z', submitted_by = 'u-officer', snapshot = '{\"case\":\"TV-2026-0001\"}', snapshot_hash = ? WHERE id = ?", [hash, id]);
      await run("UPDATE decisions SET status = 'approved', decided_at = '2026-11-03T09:00:00Z', decided_by = 'u-supervisor' WHERE id = ?", [id]);
    };

    // A recommendation belongs to an existing case and is made by an existing user.
    await expect(insertDraft('d-x', 'no-such-case')).rejects.toThrow(/FOREIGN KEY/);
    await expect(insertDraft('d-x', 'c-1', 'no-such-user')).rejects.toThrow(/FOREIGN KEY/);
    await expect(run("INSERT INTO decisions (id, case_id, status, draft, created_at, created_by, updated_at) VALUES ('d-x', 'c-1', 'decided', '{}', 't', 'u-officer', 't')")).rejects.toThrow(/CHECK/);

    // A draft is edited freely; only one recommendation per case is in the works at a time.
    await insertDraft('d-1');
    await run("UPDATE decisions SET draft = '{\"pathway\":\"renewal\"}', updated_at = '2026-11-01T10:00:00Z' WHERE id = 'd-1'");
    await expect(insertDraft('d-2')).rejects.toThrow(/UNIQUE/);
    await insertDraft('d-other-case', 'c-2');
    await submitAndApprove('d-1', 'hash-1');
    expect(await status('d-1')).toBe('approved');

    // An approved decision never changes and is never deleted.
    await expect(run("UPDATE decisions SET draft = '{}' WHERE id = 'd-1'")).rejects.toThrow(/a decided record cannot be changed/);
    await expect(run("UPDATE decisions SET status = 'pending' WHERE id = 'd-1'")).rejects.toThrow(/a decided record cannot be changed/);
    await expect(run("UPDATE decisions SET status = 'superseded' WHERE id = 'd-1'")).rejects.toThrow(/a decided record cannot be changed/);
    await expect(run("DELETE FROM decisions WHERE id = 'd-1'")).rejects.toThrow(/decisions are never deleted/);
    await expect(run("DELETE FROM decisions WHERE id = 'd-other-case'")).rejects.toThrow(/decisions are never deleted/);

    // Once approved, the case may get a new recommendation; its approval supersedes the old one, and only that.
    await insertDraft('d-2');
    await submitAndApprove('d-2', 'hash-2');
    await expect(run("UPDATE decisions SET status = 'superseded', superseded_by = 'd-2', snapshot_hash = 'forged' WHERE id = 'd-1'")).rejects.toThrow(
      /a decided record cannot be changed/,
    );
    await expect(run("UPDATE decisions SET status = 'superseded', superseded_by = 'no-such-decision' WHERE id = 'd-1'")).rejects.toThrow(/FOREIGN KEY/);
    await run("UPDATE decisions SET status = 'superseded', superseded_by = 'd-2' WHERE id = 'd-1'");
    expect(await db.read((tx) => tx.get('SELECT status, superseded_by, snapshot_hash, decided_by FROM decisions WHERE id = ?', ['d-1']))).toEqual({
      status: 'superseded',
      superseded_by: 'd-2',
      snapshot_hash: 'hash-1',
      decided_by: 'u-supervisor',
    });
    await expect(run("UPDATE decisions SET status = 'approved', superseded_by = NULL WHERE id = 'd-1'")).rejects.toThrow(/a decided record cannot be changed/);
    await expect(run("UPDATE decisions SET superseded_by = 'd-other-case' WHERE id = 'd-1'")).rejects.toThrow(/a decided record cannot be changed/);

    // The history of a decision is append-only.
    await run("INSERT INTO decision_events (id, decision_id, kind, at, actor_id, snapshot_hash) VALUES ('e-1', 'd-1', 'approved', '2026-11-03T09:00:00Z', 'u-supervisor', 'hash-1')");
    await expect(run("INSERT INTO decision_events (id, decision_id, kind, at, actor_id) VALUES ('e-2', 'd-1', 'rejected', 't', 'u-supervisor')")).rejects.toThrow(/CHECK/);
    await expect(run("INSERT INTO decision_events (id, decision_id, kind, at, actor_id) VALUES ('e-2', 'no-such-decision', 'returned', 't', 'u-supervisor')")).rejects.toThrow(
      /FOREIGN KEY/,
    );
    await expect(run("UPDATE decision_events SET comment = 'edited' WHERE id = 'e-1'")).rejects.toThrow(/history is append-only/);
    await expect(run("DELETE FROM decision_events WHERE id = 'e-1'")).rejects.toThrow(/history is append-only/);

    // The earlier data still reads the same after all that.
    expect(await earlierTables()).toEqual(before.rows);
    await db.close();
  });

  it('0070 records the immigration facts apart, maps every old situation to them, and derives the first day of violation', async () => {
    const db = await freshDb();
    await migrate(db, 60);
    // One case per old situation (fictional), with what the facts must become: validity, since,
    // unauthorised work, absconded, deportation procedure, custody, violation_from.
    type Expected = [validity: string, since: string | null, work: number, absconded: number, deportation: number, custody: string, violationFrom: string | null];
    const cases: [situation: string, status: string, expiry: string | null, since: string | null, expected: Expected][] = [
      ['valid-status', 'student', '2027-03-31', null, ['valid', null, 0, 0, 0, 'none', '2027-04-01']],
      ['valid-status', 'permanent-resident', null, null, ['valid', null, 0, 0, 0, 'none', null]],
      ['valid-status', 'none', null, null, ['none', null, 0, 0, 0, 'none', '0000-01-01']],
      ['overstay', 'entertainer', '2026-05-31', null, ['expired', '2026-05-31', 0, 0, 0, 'none', '0000-01-01']],
      ['overstay', 'entertainer', '2026-05-31', '2026-06-01', ['expired', '2026-06-01', 0, 0, 0, 'none', '0000-01-01']],
      ['illegal-entry', 'temporary-visitor', null, '2025-01-10', ['none', '2025-01-10', 0, 0, 0, 'none', '0000-01-01']],
      ['unauthorised-work', 'student', '2027-03-31', '2026-02-01', ['valid', null, 1, 0, 1, 'none', '0000-01-01']],
      ['status-revoked', 'technical-intern-2', '2027-03-31', '2026-08-01', ['revoked', '2026-08-01', 0, 0, 0, 'none', '0000-01-01']],
      ['absconded-titp', 'technical-intern-2', '2027-03-31', '2026-07-15', ['valid', null, 0, 1, 0, 'none', '2027-04-01']],
      ['deportation-procedure', 'entertainer', '2026-01-31', null, ['valid', null, 0, 0, 1, 'none', '0000-01-01']],
      ['detained', 'entertainer', '2026-01-31', '2026-09-01', ['valid', null, 0, 0, 1, 'detained', '0000-01-01']],
      ['provisional-release', 'none', null, '2026-09-20', ['none', null, 0, 0, 1, 'provisional-release', '0000-01-01']],
      ['supervision-measures', 'entertainer', null, '2026-10-01', ['valid', null, 0, 0, 1, 'supervision-measures', '0000-01-01']],
    ];
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO users (id, username, display_name, role, created_at, updated_at) VALUES ('u', 'u', 'U', 'officer', 't', 't')");
      for (const [n, [situation, status, expiry, since]] of cases.entries()) {
        await tx.run(
          `INSERT INTO cases (num, id, reference, ref_year, ref_seq, stage, risk_level, masked_name, sex, nationality, situation, created_at, created_by, updated_at)
           VALUES (?, ?, ?, 2026, ?, 'protection', 'low', 'A. B.', 'female', 'VNM', ?, 't', 'u', 't')`,
          [n + 1, `c-${n + 1}`, `TV-2026-${String(n + 1).padStart(4, '0')}`, n + 1, situation],
        );
        // Indicators answered on even cases: the checklist counted as gone through.
        const exploitation = n % 2 === 0 ? '{"types":["labour-titp"],"indicators":{"unpaid-wages":{"present":true,"note":""}}}' : '{"types":[],"indicators":{}}';
        await tx.run(
          `INSERT INTO case_details (case_num, family_name, given_name, family_name_native, given_name_native, languages, interpreter_needed, status_of_residence,
             period_of_stay_expiry, situation_since, measure_conditions, reporting_dates, exploitation, referral_source, identification_status)
           VALUES (?, 'FICTIVA', 'Test', '', '', '["vi"]', 1, ?, ?, ?, '', '[]', ?, 'otit', 'possible')`,
          [n + 1, status, expiry, since, exploitation],
        );
      }
    });
    const before = await contents(db);

    expect(await migrate(db, 70)).toEqual([70]);
    const rows = await db.read((tx) =>
      tx.all<Record<string, unknown>>(
        `SELECT c.num, d.status_of_residence, d.status_validity, d.status_validity_since, d.unauthorised_work, d.absconded, d.absconded_since, d.deportation_procedure,
                c.custody, d.custody_since, c.violation_from, c.screening_due, d.exploitation FROM cases c JOIN case_details d ON d.case_num = c.num ORDER BY c.num`,
      ),
    );
    expect(rows.map((r) => [r.status_validity, r.status_validity_since, r.unauthorised_work, r.absconded, r.deportation_procedure, r.custody, r.violation_from])).toEqual(
      cases.map(([, , , , expected]) => expected),
    );
    // The dates the situation had stay with the fact they belong to.
    expect(rows[8]).toMatchObject({ absconded_since: '2026-07-15', custody_since: null });
    expect(rows[10]).toMatchObject({ custody_since: '2026-09-01' });
    // An illegal entry recorded with a status keeps no status.
    expect(rows[5]).toMatchObject({ status_of_residence: 'none' });
    // Screening: answered indicators count as a completed checklist (date not recorded); the absconded intern screened is not due.
    expect(rows.map((r) => JSON.parse(r.exploitation as string).screening)).toEqual(cases.map((_, n) => (n % 2 === 0 ? 'completed' : 'not-started')));
    expect(rows.every((r) => JSON.parse(r.exploitation as string).screenedOn === null)).toBe(true);
    expect(rows.map((r) => r.screening_due)).toEqual(cases.map(() => 0));

    // The situation is gone, and nothing else changed.
    const after = await contents(db);
    const columns = async (table: string) => (await db.pragma<{ name: string }>(`PRAGMA table_info(${table})`)).map((c) => c.name);
    expect(await columns('cases')).not.toContain('situation');
    expect(await columns('case_details')).not.toContain('situation_since');
    for (const table of Object.keys(before.rows).filter((t) => t !== 'cases' && t !== 'case_details')) expect(after.rows[table], table).toEqual(before.rows[table]);
    const names = (rs: unknown[]) => (rs as { family_name?: string; reference?: string }[]).map((r) => r.family_name ?? r.reference);
    expect(names(after.rows.case_details)).toEqual(names(before.rows.case_details));
    expect(names(after.rows.cases)).toEqual(names(before.rows.cases));

    // The standing filter reads its index; the check constraints hold.
    const plan = await db.pragma<{ detail: string }>("EXPLAIN QUERY PLAN SELECT count(*) FROM cases c WHERE c.violation_from <= '2026-11-29'");
    expect(plan.map((p) => p.detail).join(' ')).toContain('cases_by_violation_from');
    await expect(db.transaction((tx) => tx.run("UPDATE cases SET custody = 'jailed' WHERE num = 1"))).rejects.toThrow(/CHECK/);
    await db.close();
  });

  it('0080 adds the append-only export register and the preferred name, beside the data of a version-70 vault', async () => {
    const db = await freshDb();
    await migrate(db, 50);
    await seedVersion50(db);
    await migrate(db, 70);
    const before = await contents(db);

    expect(await migrate(db, 80)).toEqual([80]);
    expect(await tables(db)).toEqual(expect.arrayContaining(['exports', 'exports_no_update', 'exports_no_delete']));
    // Every earlier row is there; the person gains an empty preferred name.
    const after = await contents(db);
    for (const table of Object.keys(before.rows).filter((t) => t !== 'case_details')) expect(after.rows[table], table).toEqual(before.rows[table]);
    expect(after.rows.case_details).toEqual((before.rows.case_details as Record<string, unknown>[]).map((r) => ({ ...r, preferred_name: '' })));

    const run = (sql: string, params: (string | number | null)[] = []) => db.transaction((tx) => tx.run(sql, params));
    const insert = (number: string, seq: number, sha = 'a'.repeat(64)) =>
      run(
        `INSERT INTO exports (number, year, seq, case_id, case_ref, profile, medium, copy, recipient, purpose, exported_by, exported_at, pages, sha256, anchor_seq, anchor_mac)
         VALUES (?, 2026, ?, 'c-1', 'TV-2026-0001', 'shelter-handover', 'pdf', 1, 'Fictional shelter', 'Synthetic handover', 'u-officer', '2026-11-29T00:00:00Z', 2, ?, 2, 'mac-2')`,
        [number, seq, sha],
      );
    await insert('EXP-2026-000001', 1);
    // The register is never changed or emptied; numbers and the profile and medium are checked.
    await expect(run("UPDATE exports SET recipient = 'someone else' WHERE number = 'EXP-2026-000001'")).rejects.toThrow(/append-only/);
    await expect(run("DELETE FROM exports WHERE number = 'EXP-2026-000001'")).rejects.toThrow(/append-only/);
    await expect(insert('EXP-2026-000002', 1)).rejects.toThrow(/UNIQUE/);
    await expect(insert('EXP-2026-000003', 3, 'short')).rejects.toThrow(/CHECK/);
    await expect(run("INSERT INTO exports (number, year, seq, case_id, case_ref, profile, medium, copy, recipient, purpose, exported_by, exported_at, pages, sha256, anchor_seq, anchor_mac) VALUES ('EXP-2026-000004', 2026, 4, 'c-1', 'r', 'everything', 'pdf', 1, 'x', 'y', 'u-officer', 't', 1, ?, 1, 'm')", ['b'.repeat(64)])).rejects.toThrow(/CHECK/);
    await expect(run("INSERT INTO exports (number, year, seq, case_id, case_ref, profile, medium, copy, recipient, purpose, exported_by, exported_at, pages, sha256, anchor_seq, anchor_mac) VALUES ('EXP-2026-000005', 2026, 5, 'no-such-case', 'r', 'shelter-handover', 'pdf', 1, 'x', 'y', 'u-officer', 't', 1, ?, 1, 'm')", ['c'.repeat(64)])).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });

  it('0090 records how closed cases ended, adds legal holds and tombstones, and makes purge the one exception to the append-only records', async () => {
    const db = await freshDb();
    await migrate(db, 50);
    await seedVersion50(db);
    await migrate(db, 80);
    const run = (sql: string, params: (string | number | null)[] = []) => db.transaction((tx) => tx.run(sql, params));
    // c-2 was closed by a supervisor (its last move to closed is on the timeline); a third case was closed with no event left.
    await run("UPDATE cases SET stage = 'closed', updated_at = '2026-10-25T09:00:00Z' WHERE id = 'c-2'");
    await run("INSERT INTO case_events (id, case_id, at, actor_id, kind, from_stage, to_stage, reason) VALUES ('ev-2', 'c-2', '2026-10-20T09:00:00Z', 'u-supervisor', 'stage', 'decision', 'closed', 'Returned home')");
    await run("INSERT INTO case_events (id, case_id, at, actor_id, kind, from_stage, to_stage, reason) VALUES ('ev-3', 'c-2', '2026-10-01T09:00:00Z', 'u-supervisor', 'stage', 'decision', 'closed', 'Closed once before')");
    await run(
      `INSERT INTO cases (num, id, reference, ref_year, ref_seq, stage, risk_level, masked_name, sex, nationality, supervisor_id, created_at, created_by, updated_at)
       VALUES (9, 'c-3', 'TV-2025-0003', 2025, 3, 'closed', 'low', 'A. B.', 'female', 'VNM', 'u-supervisor', '2025-01-01T09:00:00Z', 'u-officer', '2025-06-30T09:00:00Z')`,
    );
    await run(
      `INSERT INTO case_details (case_num, family_name, given_name, family_name_native, given_name_native, languages, interpreter_needed, status_of_residence,
         measure_conditions, reporting_dates, exploitation, referral_source, identification_status) VALUES (9, 'FICTIVA', 'Test', '', '', '["vi"]', 1, 'none', '', '[]', '{}', 'otit', 'possible')`,
    );
    await run("INSERT INTO decisions (id, case_id, status, draft, created_at, created_by, updated_at) VALUES ('d-1', 'c-1', 'draft', '{}', 't', 'u-officer', 't')");
    await run(
      `INSERT INTO exports (number, year, seq, case_id, case_ref, profile, medium, copy, recipient, purpose, exported_by, exported_at, pages, sha256, sealed_reason, anchor_seq, anchor_mac)
       VALUES ('EXP-2026-000001', 2026, 1, 'c-2', 'TV-2026-0002', 'shelter-handover', 'pdf', 1, 'Fictional shelter', 'Synthetic handover', 'u-officer', '2026-10-02T00:00:00Z', 2, ?, '', 2, 'mac-2')`,
      ['a'.repeat(64)],
    );
    const before = await contents(db);

    expect(await migrate(db, 90)).toEqual([90]);
    expect(await tables(db)).toEqual(expect.arrayContaining(['legal_holds', 'case_purges', 'cases_closing_on_update', 'case_purges_closed_and_free', 'cases_deleted_only_by_purge']));
    const after = await contents(db);
    // Closed cases ended 'unspecified' (the longest period) when their last move to closed was made, or their last change; open ones have no closing.
    expect(after.rows.cases).toEqual(
      (before.rows.cases as Record<string, unknown>[]).map((c) => ({
        ...c,
        closing_outcome: c.stage === 'closed' ? 'unspecified' : null,
        closed_at: c.id === 'c-2' ? '2026-10-20T09:00:00Z' : c.id === 'c-3' ? '2025-06-30T09:00:00Z' : null,
      })),
    );
    // Every other row is as it was, the export register included (rebuilt without its foreign key to cases).
    for (const table of Object.keys(before.rows).filter((t) => t !== 'cases' && t !== 'settings')) expect(after.rows[table], table).toEqual(before.rows[table]);
    const periods = Object.fromEntries((after.rows.settings as { key: string; value: string }[]).filter((r) => r.key.startsWith('retention_months.')).map((r) => [r.key, r.value]));
    expect(periods).toEqual({
      'retention_months.residence-granted': '120',
      'retention_months.returned-home': '60',
      'retention_months.not-identified': '36',
      'retention_months.transferred': '60',
      'retention_months.contact-lost': '120',
      'retention_months.other': '120',
      'retention_months.unspecified': '360',
    });
    const plan = await db.pragma<{ detail: string }>("EXPLAIN QUERY PLAN SELECT id FROM cases c WHERE c.stage = 'closed' AND c.closing_outcome = 'returned-home' AND c.closed_at < '2021-01-01'");
    expect(plan.map((p) => p.detail).join(' ')).toContain('cases_closed');

    // A case carries a closing exactly while it is closed.
    await expect(run("UPDATE cases SET stage = 'closed' WHERE id = 'c-1'")).rejects.toThrow(/closing exactly while it is closed/);
    await expect(run("UPDATE cases SET stage = 'protection' WHERE id = 'c-2'")).rejects.toThrow(/closing exactly while it is closed/);
    await expect(run("UPDATE cases SET closing_outcome = 'deported' WHERE id = 'c-2'")).rejects.toThrow(/CHECK/);
    await run("UPDATE cases SET stage = 'protection', closing_outcome = NULL, closed_at = NULL WHERE id = 'c-3'");
    await run("UPDATE cases SET stage = 'closed', closing_outcome = 'returned-home', closed_at = '2026-11-01T00:00:00Z' WHERE id = 'c-3'");

    // Nothing of a case goes without its tombstone; a tombstone only for a closed case with no hold in force.
    await expect(run("DELETE FROM case_wishes WHERE case_id = 'c-1'")).rejects.toThrow(/append-only/);
    await expect(run("DELETE FROM decisions WHERE case_id = 'c-1'")).rejects.toThrow(/never deleted/);
    await expect(run("DELETE FROM cases WHERE id = 'c-2'")).rejects.toThrow(/only by a purge/);
    await expect(run("UPDATE exports SET recipient = '', purpose = '' WHERE case_id = 'c-2'")).rejects.toThrow(/append-only/);
    const tombstone = (caseId: string, ref: string, seq: number) =>
      run(
        "INSERT INTO case_purges (case_id, reference, ref_year, ref_seq, opened_at, closed_at, outcome, purged_at, purged_by) VALUES (?, ?, 2026, ?, 't', 't', 'unspecified', 't', 'u-officer')",
        [caseId, ref, seq],
      );
    await expect(tombstone('c-1', 'TV-2026-0001', 1)).rejects.toThrow(/only a closed case without a legal hold/);
    await run("INSERT INTO legal_holds (id, case_id, placed_at, placed_by, reason) VALUES ('h-1', 'c-2', 't', 'u-supervisor', 'Prosecution pending')");
    await expect(run("INSERT INTO legal_holds (id, case_id, placed_at, placed_by, reason) VALUES ('h-2', 'c-2', 't', 'u-supervisor', 'Twice')")).rejects.toThrow(/UNIQUE/);
    await expect(tombstone('c-2', 'TV-2026-0002', 2)).rejects.toThrow(/only a closed case without a legal hold/);
    await expect(run("UPDATE legal_holds SET reason = 'edited' WHERE id = 'h-1'")).rejects.toThrow(/only ever released/);
    await expect(run("UPDATE legal_holds SET released_at = 't2' WHERE id = 'h-1'")).rejects.toThrow(/CHECK/);
    await run("UPDATE legal_holds SET released_at = 't2', released_by = 'u-supervisor', release_reason = 'Prosecution ended' WHERE id = 'h-1'");
    await expect(run("UPDATE legal_holds SET release_reason = 'again' WHERE id = 'h-1'")).rejects.toThrow(/only ever released/);
    await expect(run("DELETE FROM legal_holds WHERE id = 'h-1'")).rejects.toThrow(/never deleted/);

    // With its tombstone, the purge may remove the case and blank the register's case content, and nothing else.
    await tombstone('c-2', 'TV-2026-0002', 2);
    await expect(run("UPDATE exports SET recipient = 'someone else' WHERE case_id = 'c-2'")).rejects.toThrow(/append-only/);
    await expect(run("UPDATE exports SET recipient = '', purpose = '', pages = 9 WHERE case_id = 'c-2'")).rejects.toThrow(/append-only/);
    await run("UPDATE exports SET recipient = '', purpose = '', sealed_reason = '' WHERE case_id = 'c-2'");
    await expect(run("DELETE FROM exports WHERE case_id = 'c-2'")).rejects.toThrow(/append-only/);
    await run("DELETE FROM legal_holds WHERE case_id = 'c-2'");
    await run("DELETE FROM case_events WHERE case_id = 'c-2'");
    await run("DELETE FROM case_officers WHERE case_num = 8");
    await run("DELETE FROM case_deadlines WHERE case_num = 8");
    await run("DELETE FROM case_details WHERE case_num = 8");
    await run("DELETE FROM cases WHERE id = 'c-2'");
    expect(await db.read((tx) => tx.get("SELECT case_ref, recipient, purpose, sha256 FROM exports WHERE case_id = 'c-2'"))).toEqual({ case_ref: 'TV-2026-0002', recipient: '', purpose: '', sha256: 'a'.repeat(64) });
    await expect(run("UPDATE case_purges SET reference = 'x' WHERE case_id = 'c-2'")).rejects.toThrow(/append-only/);
    await expect(run("DELETE FROM case_purges WHERE case_id = 'c-2'")).rejects.toThrow(/append-only/);
    // A new register row still names an existing case; the other cases' histories are still append-only.
    await expect(
      run(
        `INSERT INTO exports (number, year, seq, case_id, case_ref, profile, medium, copy, recipient, purpose, exported_by, exported_at, pages, sha256, anchor_seq, anchor_mac)
         VALUES ('EXP-2026-000002', 2026, 2, 'c-2', 'TV-2026-0002', 'shelter-handover', 'pdf', 1, 'x', 'y', 'u-officer', 't', 1, ?, 1, 'm')`,
        ['b'.repeat(64)],
      ),
    ).rejects.toThrow(/existing case/);
    await expect(run("DELETE FROM case_considerations WHERE case_id = 'c-1'")).rejects.toThrow(/append-only/);
    expect((await db.pragma<unknown>('PRAGMA foreign_key_check')).length).toBe(0);
    await db.close();
  });

  it('0100 adds the append-only backup register beside the data of a version-90 vault', async () => {
    const db = await freshDb();
    await migrate(db, 50);
    await seedVersion50(db);
    await migrate(db, 90);
    const before = await contents(db);
    expect(await migrate(db, 100)).toEqual([100]);
    expect(await tables(db)).toEqual(expect.arrayContaining(['backups', 'backups_no_update', 'backups_no_delete']));
    const after = await contents(db);
    for (const table of Object.keys(before.rows)) expect(after.rows[table], table).toEqual(before.rows[table]);
    const run = (sql: string, params: (string | number | null)[] = []) => db.transaction((tx) => tx.run(sql, params));
    const insert = (id: string, sha = 'a'.repeat(64), by = 'u-supervisor') =>
      run(`INSERT INTO backups (id, created_at, created_by, file_name, bytes, sha256, case_count, audit_seq, schema_version) VALUES (?, 't', ?, 'b.mamori-backup', 100, ?, 2, 9, 100)`, [id, by, sha]);
    await insert('b-1');
    await expect(run("UPDATE backups SET file_name = 'x' WHERE id = 'b-1'")).rejects.toThrow(/append-only/);
    await expect(run("DELETE FROM backups WHERE id = 'b-1'")).rejects.toThrow(/append-only/);
    await expect(insert('b-2', 'short')).rejects.toThrow(/CHECK/);
    await expect(insert('b-3', 'b'.repeat(64), 'no-such-user')).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });

  it('0110 records every editor of a recommendation, filled from the creator, the submitter and the trail', async () => {
    const db = await freshDb();
    await migrate(db, 50);
    await seedVersion50(db);
    await migrate(db, 100);
    const run = (sql: string, params: (string | number | null)[] = []) => db.transaction((tx) => tx.run(sql, params));
    await run("INSERT INTO decisions (id, case_id, status, draft, created_at, created_by, updated_at) VALUES ('d-1', 'c-1', 'draft', '{}', '2026-10-01T00:00:00Z', 'u-officer', 't')");
    await run("INSERT INTO decisions (id, case_id, status, draft, created_at, created_by, updated_at, submitted_at, submitted_by) VALUES ('d-2', 'c-2', 'pending', '{}', '2026-10-02T00:00:00Z', 'u-officer', 't', '2026-10-04T00:00:00Z', 'u-officer')");
    // The supervisor once saved d-2's draft; a saved draft of a decision that no longer exists is ignored.
    const entry = (seq: number, actor: string, target: string, at: string) =>
      run("INSERT INTO audit_log (seq, at, actor_id, actor_role, action, target, mac) VALUES (?, ?, ?, 'supervisor', 'decision.draft-saved', ?, 'm')", [seq, at, actor, target]);
    const seq = ((await db.read((tx) => tx.get<{ s: number }>('SELECT coalesce(max(seq), 0) AS s FROM audit_log'))) as { s: number }).s;
    await entry(seq + 1, 'u-supervisor', 'decision:d-2', '2026-10-03T00:00:00Z');
    await entry(seq + 2, 'u-supervisor', 'decision:d-2', '2026-10-03T05:00:00Z');
    await entry(seq + 3, 'u-supervisor', 'decision:d-gone', '2026-10-03T06:00:00Z');
    const before = await contents(db);

    expect(await migrate(db, 110)).toEqual([110]);
    const after = await contents(db);
    for (const table of Object.keys(before.rows)) expect(after.rows[table], table).toEqual(before.rows[table]);
    expect(await db.read((tx) => tx.all('SELECT decision_id, user_id, first_at FROM decision_editors ORDER BY decision_id, first_at'))).toEqual([
      { decision_id: 'd-1', user_id: 'u-officer', first_at: '2026-10-01T00:00:00Z' },
      { decision_id: 'd-2', user_id: 'u-officer', first_at: '2026-10-02T00:00:00Z' },
      { decision_id: 'd-2', user_id: 'u-supervisor', first_at: '2026-10-03T00:00:00Z' },
    ]);
    await expect(run("UPDATE decision_editors SET user_id = 'u-officer' WHERE decision_id = 'd-2' AND user_id = 'u-supervisor'")).rejects.toThrow(/append-only/);
    await expect(run("DELETE FROM decision_editors WHERE decision_id = 'd-2'")).rejects.toThrow(/append-only/);
    await expect(run("INSERT INTO decision_editors (decision_id, user_id, first_at) VALUES ('d-1', 'no-such-user', 't')")).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });

  it('0120 gives every audit entry room for its author\'s signature, leaving the trail as it was', async () => {
    const db = await freshDb();
    await migrate(db, 50);
    await seedVersion50(db);
    await migrate(db, 110);
    const before = await contents(db);
    expect(await migrate(db, 120)).toEqual([120]);
    const after = await contents(db);
    for (const table of Object.keys(before.rows).filter((t) => t !== 'audit_log')) expect(after.rows[table], table).toEqual(before.rows[table]);
    expect(after.rows.audit_log).toEqual((before.rows.audit_log as Record<string, unknown>[]).map((r) => ({ ...r, signer_key: null, signature: null })));
    // Still append-only.
    await expect(db.transaction((tx) => tx.run("UPDATE audit_log SET signature = 'x' WHERE seq = 1"))).rejects.toThrow(/append-only/);
    await db.close();
  });

  it('0130 adds the sealing keys and wraps, leaving every sealed value where and as it was (encrypted by a supervisor\'s sign-in after)', async () => {
    const db = await freshDb();
    await migrate(db, 50);
    await seedVersion50(db);
    await migrate(db, 120);
    const before = await contents(db);
    expect(await migrate(db, 130)).toEqual([130]);
    const after = await contents(db);
    for (const table of Object.keys(before.rows)) expect(after.rows[table], table).toEqual(before.rows[table]);
    expect(after.rows.sealing_keys).toEqual([]);
    expect(after.rows.case_keys).toEqual([]);
    // One current key per holder: a second pending or granted key for the same account is refused.
    const run = (sql: string) => db.transaction((tx) => tx.run(sql));
    await run("INSERT INTO sealing_keys (key_id, holder, public_key, status, registered_at) VALUES ('k1', 'u-officer', 'p', 'granted', 't')");
    await expect(run("INSERT INTO sealing_keys (key_id, holder, public_key, status, registered_at) VALUES ('k2', 'u-officer', 'p', 'pending', 't')")).rejects.toThrow(/UNIQUE/);
    await expect(run("INSERT INTO case_keys (case_id, holder, key_id, generation, wrapped) VALUES ('no-such-case', 'u-officer', 'k1', 1, 'w')")).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });

  it('0140 adds the organisations registry, empty, beside every case as it was; its history is append-only', async () => {
    const db = await freshDb();
    await migrate(db, 50);
    await seedVersion50(db);
    await migrate(db, 130);
    const before = await contents(db);
    expect(await migrate(db, 140)).toEqual([140]);
    const after = await contents(db);
    for (const table of Object.keys(before.rows)) expect(after.rows[table], table).toEqual(before.rows[table]);
    for (const table of ['organisations', 'organisation_relations', 'organisation_statuses', 'organisation_violations', 'organisation_missing_reports', 'organisation_followups', 'case_organisations']) expect(after.rows[table], table).toEqual([]);
    const run = (sql: string) => db.transaction((tx) => tx.run(sql));
    await run(`INSERT INTO organisations (id, type, name_ja, name_latin, corporate_number, prefecture, country, licence_number, notes, search_names, created_at, created_by, updated_at)
               VALUES ('o-1', 'implementing', '架空', 'Fictional', NULL, '21', '', '', '', 'fictional', 't', 'u-supervisor', 't')`);
    await run("INSERT INTO organisation_statuses (id, organisation_id, kind, from_date, to_date, decision_reference, recorded_at, recorded_by) VALUES ('s-1', 'o-1', 'banned', '2026-01-01', '2026-12-31', 'R', 't', 'u-supervisor')");
    await expect(run("UPDATE organisation_statuses SET to_date = '2027-01-01' WHERE id = 's-1'")).rejects.toThrow(/append-only/);
    await expect(run("DELETE FROM organisation_statuses WHERE id = 's-1'")).rejects.toThrow(/append-only/);
    // A ban cannot end before it starts, and only a ban has an end.
    await expect(run("INSERT INTO organisation_statuses (id, organisation_id, kind, from_date, to_date, decision_reference, recorded_at, recorded_by) VALUES ('s-2', 'o-1', 'banned', '2026-05-01', '2026-04-01', 'R', 't', 'u-supervisor')")).rejects.toThrow(/CHECK/);
    await expect(run("INSERT INTO organisation_statuses (id, organisation_id, kind, from_date, to_date, decision_reference, recorded_at, recorded_by) VALUES ('s-3', 'o-1', 'name-disclosed', '2026-05-01', '2026-06-01', 'R', 't', 'u-supervisor')")).rejects.toThrow(/CHECK/);
    await db.close();
  });

  it('0160 lets an adverse party name its registry entry, leaving every party unlinked and every other row as it was', async () => {
    const db = await freshDb();
    await migrate(db, 50);
    await seedVersion50(db);
    await migrate(db, 140);
    const run = (sql: string) => db.transaction((tx) => tx.run(sql));
    await run(`INSERT INTO organisations (id, type, name_ja, name_latin, corporate_number, prefecture, country, licence_number, notes, search_names, created_at, created_by, updated_at)
               VALUES ('o-1', 'broker', '架空エージェンシー', 'Example Agency', NULL, '', 'PHL', '', '', 'example agency', 't', 'u-supervisor', 't')`);
    await run("INSERT INTO case_organisations (case_id, organisation_id, linked_at, linked_by) VALUES ('c-1', 'o-1', 't', 'u-officer')");
    // Whatever another branch numbers between 140 and 160 runs first.
    await migrate(db, 159);
    const before = await contents(db);
    expect(await migrate(db, 160)).toEqual([160]);
    const after = await contents(db);
    for (const table of Object.keys(before.rows).filter((t) => t !== 'adverse_parties')) expect(after.rows[table], table).toEqual(before.rows[table]);
    expect(after.rows.adverse_parties).toEqual((before.rows.adverse_parties as Record<string, unknown>[]).map((r) => ({ ...r, organisation_id: null })));
    expect(after.rows.adverse_parties).toHaveLength(1);
    await run("UPDATE adverse_parties SET organisation_id = 'o-1' WHERE id = 'ap-1'");
    expect(await db.read((tx) => tx.all('SELECT name, organisation_id FROM adverse_parties'))).toEqual([{ name: 'Fictional Broker', organisation_id: 'o-1' }]);
    await expect(run("UPDATE adverse_parties SET organisation_id = 'no-such-organisation' WHERE id = 'ap-1'")).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });

  it('0170 adds the decided stage and moves every case whose recommendation was approved there, with its timeline event and statistics count', async () => {
    const db = await freshDb();
    await migrate(db, 50);
    await seedVersion50(db);
    await migrate(db, 160);
    const run = (sql: string, params: (string | number | null)[] = []) => db.transaction((tx) => tx.run(sql, params));
    // c-1: approved and nothing pending (it stayed at approval); c-2: a recommendation still waits.
    await run("UPDATE cases SET stage = 'approval'");
    const decision = (id: string, caseId: string, status: string, decided: boolean) =>
      run(
        `INSERT INTO decisions (id, case_id, status, draft, created_at, created_by, updated_at, submitted_at, submitted_by, snapshot, snapshot_hash, decided_at, decided_by)
         VALUES (?, ?, ?, '{}', '2026-10-02T00:00:00Z', 'u-officer', 't', '2026-10-03T00:00:00Z', 'u-officer', '{}', 'h', ?, ?)`,
        [id, caseId, status, decided ? '2026-10-05T08:00:00Z' : null, decided ? 'u-supervisor' : null],
      );
    await decision('d-1', 'c-1', 'approved', true);
    await decision('d-2', 'c-2', 'approved', true);
    await decision('d-3', 'c-2', 'pending', false);
    const stageCounts = () => db.read((tx) => tx.all("SELECT value, n FROM statistics_counts WHERE dimension = 'stage' AND n > 0 ORDER BY value"));
    expect(await stageCounts()).toEqual([{ value: 'approval', n: 2 }]);
    const before = await contents(db);

    expect(await migrate(db, 170)).toEqual([170]);
    const after = await contents(db);
    expect(await db.read((tx) => tx.all('SELECT id, stage FROM cases ORDER BY id'))).toEqual([
      { id: 'c-1', stage: 'decided' },
      { id: 'c-2', stage: 'approval' },
    ]);
    expect(await db.read((tx) => tx.all("SELECT case_id, at, actor_id, kind, from_stage, to_stage, reason FROM case_events WHERE to_stage = 'decided'"))).toEqual([
      { case_id: 'c-1', at: '2026-10-05T08:00:00Z', actor_id: 'u-supervisor', kind: 'stage', from_stage: 'approval', to_stage: 'decided', reason: '' },
    ]);
    expect(await stageCounts()).toEqual([
      { value: 'approval', n: 1 },
      { value: 'decided', n: 1 },
    ]);
    for (const table of Object.keys(before.rows).filter((t) => !['cases', 'case_events', 'statistics_counts'].includes(t))) expect(after.rows[table], table).toEqual(before.rows[table]);
    // The schema is as it was but for the one value the stage check gained.
    const sqlOf = (schema: unknown[]) => (schema as { name: string; sql: string | null }[]).map((e) => (e.name === 'cases' ? { ...e, sql: e.sql?.replace(", 'decided'", '') } : e));
    expect(sqlOf(after.schema)).toEqual(sqlOf(before.schema));
    expect((after.schema as { name: string; sql: string }[]).find((e) => e.name === 'cases')?.sql).toContain("'approval', 'decided', 'closed'");
    expect(await db.pragma('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    // The check still refuses an unknown stage, and the closing triggers still hold.
    await run("UPDATE cases SET stage = 'decided' WHERE id = 'c-2'");
    await expect(run("UPDATE cases SET stage = 'finished' WHERE id = 'c-2'")).rejects.toThrow(/CHECK/);
    await expect(run("UPDATE cases SET closing_outcome = 'other' WHERE id = 'c-2'")).rejects.toThrow(/closing exactly while it is closed/);
    await db.close();
  });

  it('0180 moves names to their own index, filled from every case with its normalised words, and keeps the trigram index for references and notes', async () => {
    const db = await freshDb();
    await migrate(db, 50);
    await seedVersion50(db);
    await migrate(db, 170);
    const run = (sql: string, params: (string | number | null)[] = []) => db.transaction((tx) => tx.run(sql, params));
    await run("UPDATE case_details SET family_name_native = 'サントス', given_name_native = 'マリア', aliases = '[\"Marifi\"]' WHERE case_num = 7");
    await run("INSERT INTO case_notes (id, case_id, at, author_id, type, sealed, body) VALUES ('n-2', 'c-2', 't', 'u-officer', 'general', 0, 'Met at the lantern festival')");
    await run("INSERT INTO case_notes (id, case_id, at, author_id, type, sealed, body) VALUES ('n-3', 'c-2', 't', 'u-officer', 'general', 1, 'sealed-zephyrine')");
    const before = await contents(db);

    expect(await migrate(db, 180)).toEqual([180]);
    const after = await contents(db);
    expect(await tables(db)).not.toContain('cases_name_prefix');
    const names = () => db.read((tx) => tx.all('SELECT term, case_num FROM case_names ORDER BY case_num, term'));
    const filled = await names();
    expect(filled).toEqual([
      ...['fictiva', 'maria', 'marifi', 'santos', 'さんとす', 'さんとすまりあ', 'まりあ'].map((term) => ({ term, case_num: 7 })),
      ...['fictiva', 'nguyen', 'thi'].map((term) => ({ term, case_num: 8 })),
    ]);
    const fts = (q: string) => db.read((tx) => tx.all<{ rowid: number }>('SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? ORDER BY rowid', [trigramQuery(q)]));
    expect(await fts('lantern fest')).toEqual([{ rowid: 8 }]);
    expect(await fts('synthetic note')).toEqual([{ rowid: 7 }]);
    expect(await fts('tv-2026-0002')).toEqual([{ rowid: 8 }]);
    // Names are no longer in it, nor ever a sealed value (a sealed note, a sealed field).
    expect(await fts('santos')).toEqual([]);
    expect(await fts('zephyrine')).toEqual([]);
    expect(await fts('shelter')).toEqual([]);
    expect(JSON.stringify(filled)).not.toMatch(/zephyrine|shelter/);
    await expect(db.read((tx) => tx.all("SELECT rowid FROM cases_fts WHERE names MATCH 'santos'"))).rejects.toThrow(/no such column|names/);
    // Every table as it was but the search indexes' own (the shadow tables of both FTS5 indexes).
    for (const table of Object.keys(before.rows).filter((t) => !/^cases_(fts|name_prefix)_/.test(t))) expect(after.rows[table], table).toEqual(before.rows[table]);
    expect(await db.pragma('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    // The same fill a case at a time (the migration reads a large vault in batches).
    await db.transaction(async (tx) => {
      await tx.run('DELETE FROM case_names');
      await tx.run("INSERT INTO cases_fts (cases_fts) VALUES ('delete-all')");
      await fillSearchIndexes(tx, 1);
    });
    expect(await names()).toEqual(filled);
    expect(await fts('lantern fest')).toEqual([{ rowid: 8 }]);
    // A name row cannot point at no case.
    await expect(run("INSERT INTO case_names (term, case_num) VALUES ('x', 99)")).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });

  it('0190 puts the case number in the date index of deadlines and the stage in the update-order indexes, so My work walks indexes, and changes no row', async () => {
    const db = await freshDb();
    await migrate(db, 50);
    await seedVersion50(db);
    await migrate(db, 180);
    const before = await contents(db);
    expect(await migrate(db, 190)).toEqual([190]);
    const after = await contents(db);
    for (const table of Object.keys(before.rows)) expect(after.rows[table], table).toEqual(before.rows[table]);
    const columns = async (index: string) => (await db.pragma<{ name: string }>(`PRAGMA index_info(${index})`)).map((c) => c.name);
    expect(await columns('case_deadlines_by_date')).toEqual(['date', 'kind', 'case_num']);
    expect(await columns('cases_by_updated_at')).toEqual(['updated_at', 'num', 'stage']);
    expect(await columns('cases_screening_due')).toEqual(['updated_at', 'stage']);
    // The plan of My work's own queries, as the repository writes them.
    const owner = { role: 'officer' as const, userId: 'u-officer' };
    expect(await planOf(db, (tx) => overdueExpiries(tx, owner, '2026-11-29'))).toContain('COVERING INDEX case_deadlines_by_date');
    expect(await planOf(db, (tx) => upcomingDeadlines(tx, owner, '2026-11-29', '2026-12-29'))).toContain('COVERING INDEX case_deadlines_by_date');
    expect(await planOf(db, (tx) => missingConsiderations(tx, owner))).toContain('INDEX cases_by_updated_at');
    // The case list's default order still walks that index, whole, with nothing left to sort.
    const list = await planOf(db, (tx) => listCases(tx, { filter: { deadlineWithinDays: 30 }, sort: 'updated', offset: 0, limit: 50, today: '2026-11-29', onlyAssignedTo: null }));
    expect(list).toContain('SCAN c USING INDEX cases_by_updated_at');
    expect(list).not.toContain('TEMP B-TREE');
    expect(await db.pragma('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    await db.close();
  });

  it('0200 indexes what a supervisor\'s sign-in looks for (sealed values not yet encrypted, an officer\'s cases by number), so it reads no case\'s row, and changes no row', async () => {
    const db = await freshDb();
    await migrate(db, 50);
    await seedVersion50(db);
    await migrate(db, 190);
    const run = (sql: string, params: (string | number | null)[] = []) => db.transaction((tx) => tx.run(sql, params));
    await run("INSERT INTO case_notes (id, case_id, at, author_id, type, sealed, body) VALUES ('n-2', 'c-2', 't', 'u-officer', 'general', 1, 'mse1:ciphertext')");
    await run("INSERT INTO case_notes (id, case_id, at, author_id, type, sealed, body) VALUES ('n-3', 'c-2', 't', 'u-officer', 'general', 0, 'an open note')");
    const before = await contents(db);
    expect(await migrate(db, 200)).toEqual([200]);
    const after = await contents(db);
    for (const table of Object.keys(before.rows)) expect(after.rows[table], table).toEqual(before.rows[table]);

    const plan = await planOf(db, (tx) => casesWithPlainValues(tx));
    for (const index of ['case_sealed_plain', 'case_notes_sealed_plain', 'interview_records_plain']) expect(plan).toContain(`USING INDEX ${index}`);
    expect((await db.pragma<{ name: string }>('PRAGMA index_info(cases_id_by_num)')).map((c) => c.name)).toEqual(['num', 'id']);
    // The seeded case's plaintext sealed value is found; an encrypted note and an open note are not.
    const plainCases = () => db.read((tx) => casesWithPlainValues(tx));
    const seeded = await plainCases();
    expect(seeded).not.toContain('c-2');
    await run("UPDATE case_notes SET body = 'written before its case had a key' WHERE id = 'n-2'");
    expect(await plainCases()).toEqual([...seeded, 'c-2'].sort());
    await run("UPDATE case_notes SET body = 'mse1:again' WHERE id = 'n-2'");
    expect(await plainCases()).toEqual(seeded);
    expect(await db.pragma('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    await db.close();
  });

  it("0210 keeps a ledger of the case keys each granted holder is owed, filled with today's gaps and kept by triggers, so a sign-in walks no case", async () => {
    const db = await freshDb();
    await migrate(db, 50);
    await seedVersion50(db);
    await migrate(db, 200);
    const run = (sql: string, params: (string | number | null)[] = []) => db.transaction((tx) => tx.run(sql, params));
    const key = (keyId: string, holder: string, status: string) =>
      run("INSERT INTO sealing_keys (key_id, holder, public_key, status, registered_at) VALUES (?, ?, 'p', ?, 't')", [keyId, holder, status]);
    const wrap = (caseId: string, holder: string, keyId: string) =>
      run("INSERT INTO case_keys (case_id, holder, key_id, generation, wrapped) VALUES (?, ?, ?, 1, 'w') ON CONFLICT (case_id, holder) DO UPDATE SET key_id = excluded.key_id", [caseId, holder, keyId]);
    await run("INSERT INTO users (id, username, display_name, role, created_at, updated_at) VALUES ('u-supervisor-2', 'supervisor.two', 'Second Supervisor', 'supervisor', 't', 't')");
    await key('k-sup', 'u-supervisor', 'granted');
    await key('k-sup2', 'u-supervisor-2', 'granted');
    await key('k-off', 'u-officer', 'granted');
    await key('k-esc', 'escrow', 'granted');
    // Case c-1 has a key sealed to the supervisor and the escrow only; c-2 has none.
    await wrap('c-1', 'u-supervisor', 'k-sup');
    await wrap('c-1', 'escrow', 'k-esc');
    const before = await contents(db);
    expect(await migrate(db, 210)).toEqual([210]);
    const after = await contents(db);
    for (const table of Object.keys(before.rows)) expect(after.rows[table], table).toEqual(before.rows[table]);
    const owed = () => db.read((tx) => tx.all<{ case_id: string; holder: string }>('SELECT case_id, holder FROM case_wraps_due ORDER BY case_id, holder'));
    // Today's gaps: the officer's and the second supervisor's wraps of c-1. A case without a key owes nothing.
    expect(await owed()).toEqual([
      { case_id: 'c-1', holder: 'u-officer' },
      { case_id: 'c-1', holder: 'u-supervisor-2' },
    ]);
    expect(await db.read((tx) => holdersOwedWraps(tx))).toEqual(new Set(['u-officer', 'u-supervisor-2']));
    expect(await db.read((tx) => casesOwedWrap(tx, 'u-officer', 'k-off', true))).toEqual(['c-1']);
    expect(await planOf(db, (tx) => casesOwedWrap(tx, 'u-officer', 'k-off', true))).toMatch(/^SEARCH d USING COVERING INDEX case_wraps_due_by_holder/);

    // A wrap to the holder's current key settles its row; one to another key does not.
    await wrap('c-1', 'u-officer', 'k-old');
    expect((await owed()).map((r) => r.holder)).toContain('u-officer');
    await wrap('c-1', 'u-officer', 'k-off');
    expect(await owed()).toEqual([{ case_id: 'c-1', holder: 'u-supervisor-2' }]);
    // A revoked key takes its rows with it; a key granted (or made granted) is owed every keyed case it is entitled to.
    await run("UPDATE sealing_keys SET status = 'revoked' WHERE key_id = 'k-sup2'");
    expect(await owed()).toEqual([]);
    await key('k-sup3', 'u-supervisor-2', 'pending');
    expect(await owed()).toEqual([]);
    await run("UPDATE sealing_keys SET status = 'granted' WHERE key_id = 'k-sup3'");
    expect(await owed()).toEqual([{ case_id: 'c-1', holder: 'u-supervisor-2' }]);
    // An officer assigned a keyed case is owed its key; removed, nothing. A case without a key owes nothing.
    await run("INSERT INTO users (id, username, display_name, role, created_at, updated_at) VALUES ('u-officer-2', 'officer.two', 'Second Officer', 'officer', 't', 't')");
    await key('k-off2', 'u-officer-2', 'granted');
    await run("INSERT INTO case_officers (case_num, user_id) VALUES (7, 'u-officer-2'), (8, 'u-officer-2')");
    expect(await owed()).toEqual([
      { case_id: 'c-1', holder: 'u-officer-2' },
      { case_id: 'c-1', holder: 'u-supervisor-2' },
    ]);
    await run("DELETE FROM case_officers WHERE case_num = 7 AND user_id = 'u-officer-2'");
    expect(await owed()).toEqual([{ case_id: 'c-1', holder: 'u-supervisor-2' }]);
    // A row that owes nothing any more (here: the case lost its key) is dropped by the upkeep's tidy-up, not before.
    await run("DELETE FROM case_keys WHERE case_id = 'c-1'");
    expect(await owed()).toEqual([{ case_id: 'c-1', holder: 'u-supervisor-2' }]);
    await db.transaction((tx) => dropSettledWrapsDue(tx, 'u-supervisor-2', 'k-sup3', false));
    expect(await owed()).toEqual([]);
    expect(await db.pragma('PRAGMA index_list(cases)')).not.toContainEqual(expect.objectContaining({ name: 'cases_id_by_num' }));
    expect(await db.pragma('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    await db.close();
  });

  it('0220 keeps the number of cases in one row, counted from the cases there are and kept by their insert and purge, for the unfiltered list', async () => {
    const db = await freshDb();
    await migrate(db, 50);
    await seedVersion50(db);
    await migrate(db, 210);
    const before = await contents(db);
    expect(await migrate(db, 220)).toEqual([220]);
    const after = await contents(db);
    for (const table of Object.keys(before.rows)) expect(after.rows[table], table).toEqual(before.rows[table]);
    const list = () => db.read((tx) => listCases(tx, { filter: {}, sort: 'updated', offset: 0, limit: 50, today: '2026-11-29', onlyAssignedTo: null }));
    expect(after.rows.case_count).toEqual([{ one: 1, n: 2 }]);
    expect((await list()).total).toBe(2);
    // The unfiltered total is that row, read, not counted (edited offline, only the total shown changes).
    await db.transaction((tx) => tx.run('UPDATE case_count SET n = 99'));
    expect(await list()).toEqual(expect.objectContaining({ total: 99, rows: [expect.objectContaining({ id: 'c-2' }), expect.objectContaining({ id: 'c-1' })] }));
    await db.transaction((tx) => tx.run('UPDATE case_count SET n = 2'));
    // A third case, a copy of the first under another number, closed (so that it can be purged).
    const columns = (await db.pragma<{ name: string }>('PRAGMA table_info(cases)')).map((c) => c.name);
    const copied: Record<string, string> = { num: '9', id: "'c-3'", reference: "'TV-2026-0003'", ref_seq: '3', stage: "'closed'", closed_at: "'2026-11-20T09:00:00Z'", closing_outcome: "'unspecified'" };
    await db.transaction((tx) => tx.run(`INSERT INTO cases (${columns.join(', ')}) SELECT ${columns.map((c) => copied[c] ?? c).join(', ')} FROM cases WHERE id = 'c-1'`));
    expect((await list()).total).toBe(3);
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO case_purges (case_id, reference, ref_year, ref_seq, opened_at, closed_at, outcome, purged_at, purged_by) VALUES ('c-3', 'TV-2026-0003', 2026, 3, 't', 't', 'unspecified', 't', 'u-officer')");
      await tx.run("DELETE FROM cases WHERE id = 'c-3'");
    });
    expect((await list()).total).toBe(2);
    // A filter still counts the cases it matches.
    expect((await db.read((tx) => listCases(tx, { filter: { nationality: 'PHL' }, sort: 'updated', offset: 0, limit: 50, today: '2026-11-29', onlyAssignedTo: null }))).total).toBe(2);
    await expect(db.transaction((tx) => tx.run('INSERT INTO case_count (one, n) VALUES (2, 0)'))).rejects.toThrow(/CHECK/);
    expect(await db.pragma('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
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
