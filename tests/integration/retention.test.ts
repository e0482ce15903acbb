/**
 * Retention, legal holds and the purge through the real core and a real vault (issue 13). The clock
 * is core's injected one, moved forward by years between steps. Fictional people only; the markers
 * are invented strings placed in every free-text and sealed field, so a raw scan of the decrypted
 * pages can tell whether anything of a purged case is left.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../electron/common/caseDetail';
import type { CaseRetention, PurgeRow } from '../../electron/common/contract.retention';
import type { ExportEntry } from '../../electron/common/contract.exports';
import { ART_50_5_FACTORS } from '../../electron/common/guidance';
import type { Interpreter } from '../../electron/common/protection';
import { DEFAULT_RETENTION_MONTHS, type RetentionPeriods } from '../../electron/common/retention';
import sqlcipher from '@journeyapps/sqlcipher';
import type { ExportPlatform, MamoriCoreApi } from '../../electron/core/index';
import { CASE_PARTS, CASE_RECORDS_KEPT } from '../../electron/core/retention/retention.repository';
import { interviewPlan } from '../../renderer/test/fixtures';
import { intake } from '../fixtures/cases';
import { markersInPages } from '../fixtures/pages';
import { adminDataKey, withRawVault } from '../fixtures/raw';
import { auditRows, team as makeTeam } from '../fixtures/team';
import { cleanVaultsAfterEach, code, ok, signInAdmin, tempDir } from '../fixtures/vault';

const dirs = cleanVaultsAfterEach(afterEach);
/** 2026-11-26 09:00 UTC, and a clock the test moves on. */
const START = Date.parse('2026-11-26T09:00:00Z');

async function setUp(platform?: ExportPlatform) {
  const clock = { now: START };
  const t = await makeTeam(dirs, () => clock.now, platform ? { exportPlatform: platform } : {});
  const asAdmin = async () => {
    await t.core.lock('user');
    await signInAdmin(t.core);
  };
  /** Sets the clock while nobody is signed in (a long idle would lock the session anyway). */
  const at = (iso: string) => async () => {
    await t.core.lock('user');
    clock.now = Date.parse(iso);
  };
  return { ...t, clock, asAdmin, at };
}

type Team = Awaited<ReturnType<typeof setUp>>;

/** An officer's intake, closed by the supervisor with `outcome`; returns the closed case. */
async function closedCase(t: Team, familyName: string, outcome = 'returned-home'): Promise<CaseDetail> {
  await t.as('officer.a');
  const c = await ok<CaseDetail>(t.core, 'cases:create', intake({ familyName }));
  await t.as('sup.c');
  return ok<CaseDetail>(t.core, 'cases:transition', { caseId: c.id, version: c.version, to: 'closed', reason: 'Returned home with IOM support', outcome });
}

const purgeList = (core: MamoriCoreApi, withinDays = 0) => ok<{ today: string; total: number; rows: PurgeRow[] }>(core, 'retention:list', { withinDays });
const references = (rows: PurgeRow[]) => rows.map((r) => r.reference);

describe('closing a case with its outcome', () => {
  it('requires an outcome to close and clears it on reopening, so an open case never carries one', async () => {
    const t = await setUp();
    await t.as('officer.a');
    let c = await ok<CaseDetail>(t.core, 'cases:create', intake());
    expect(c.closing).toBeNull();
    await t.as('sup.c');
    const noOutcome = await t.core.dispatch('cases:transition', { caseId: c.id, version: c.version, to: 'closed', reason: 'Returned home' });
    expect(noOutcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'outcome', message: 'case.outcome.required' }] } });
    // Nobody closes a case as 'unspecified' (kept for cases closed before outcomes were recorded), and an outcome belongs to closing only.
    expect(await code(t.core.dispatch('cases:transition', { caseId: c.id, version: c.version, to: 'closed', reason: 'Returned home', outcome: 'unspecified' }))).toBe('INVALID_INPUT');
    expect(await code(t.core.dispatch('cases:transition', { caseId: c.id, version: c.version, to: 'identification', outcome: 'returned-home' }))).toBe('INVALID_INPUT');

    c = await ok<CaseDetail>(t.core, 'cases:transition', { caseId: c.id, version: c.version, to: 'closed', reason: 'Returned home with IOM', outcome: 'returned-home' });
    expect(c).toMatchObject({ stage: 'closed', closing: { outcome: 'returned-home', closedAt: new Date(START).toISOString() } });
    const closed = await auditRows(t.core, { caseRef: c.reference, action: 'case.stage-changed' });
    expect(closed[0].details).toEqual({ from: 'intake', to: 'closed', outcome: 'returned-home' });

    await t.as('sup.c');
    c = await ok<CaseDetail>(t.core, 'cases:transition', { caseId: c.id, version: c.version, to: 'protection', reason: 'New facts came to light' });
    expect(c).toMatchObject({ stage: 'protection', closing: null });
    await withRawVault(t.dataDir, async (tx) => {
      expect(await tx.get('SELECT closing_outcome, closed_at FROM cases WHERE id = ?', [c.id])).toEqual({ closing_outcome: null, closed_at: null });
    });
    await t.core.close();
  });
});

describe('retention periods', () => {
  it('start at the defaults; administrators change them within bounds, audited; supervisors read them; nobody else', async () => {
    const t = await setUp();
    await t.asAdmin();
    expect(await ok<RetentionPeriods>(t.core, 'retention:policy')).toEqual(DEFAULT_RETENTION_MONTHS);
    const periods = { ...DEFAULT_RETENTION_MONTHS, 'returned-home': 24, 'not-identified': 18 };
    expect(await ok<RetentionPeriods>(t.core, 'retention:setPolicy', { periods })).toEqual(periods);
    // Out of range, not whole, missing, or 'unspecified' shorter than a known outcome: refused, nothing changed.
    for (const bad of [
      { ...periods, other: 0 },
      { ...periods, other: 601 },
      { ...periods, other: 1.5 },
      { ...periods, other: undefined },
      { ...periods, unspecified: 60 },
    ]) {
      expect(await code(t.core.dispatch('retention:setPolicy', { periods: bad }))).toBe('INVALID_INPUT');
    }
    const shortUnspecified = await t.core.dispatch('retention:setPolicy', { periods: { ...periods, unspecified: 60 } });
    expect(!shortUnspecified.ok && shortUnspecified.error.issues).toEqual([{ path: 'periods.unspecified', message: 'retention.unspecified.shortest' }]);
    expect(await ok<RetentionPeriods>(t.core, 'retention:policy')).toEqual(periods);
    const trail = await auditRows(t.core, { action: 'retention.policy-updated' });
    expect(trail.map((e) => e.details)).toEqual([{ before: 'returned-home=60,not-identified=36', after: 'returned-home=24,not-identified=18' }]);

    await t.as('sup.c');
    expect(await ok<RetentionPeriods>(t.core, 'retention:policy')).toEqual(periods);
    expect(await code(t.core.dispatch('retention:setPolicy', { periods: DEFAULT_RETENTION_MONTHS }))).toBe('FORBIDDEN');
    await t.as('officer.a');
    expect(await code(t.core.dispatch('retention:policy', {}))).toBe('FORBIDDEN');
    await t.core.close();
  });

  it('an unreadable stored period counts as the longest, never making a case due sooner', async () => {
    const t = await setUp();
    await t.core.lock('user');
    await withRawVault(t.dataDir, (tx) => tx.run("UPDATE settings SET value = 'soon' WHERE key = 'retention_months.returned-home'"));
    await t.asAdmin();
    expect(await ok<RetentionPeriods>(t.core, 'retention:policy')).toMatchObject({ 'returned-home': 600, unspecified: 600 });
    await t.core.close();
  });
});

describe('the purge list', () => {
  it('lists a closed case from the day its period has run, soonest first, for administrators and supervisors only', async () => {
    const t = await setUp();
    const home = await closedCase(t, 'HOMEWARD', 'returned-home'); // 60 months
    const notVictim = await closedCase(t, 'NOTVICTIM', 'not-identified'); // 36 months
    await t.as('officer.a');
    const open = await ok<CaseDetail>(t.core, 'cases:create', intake({ familyName: 'STILLOPEN' }));

    await t.asAdmin();
    expect(await purgeList(t.core)).toMatchObject({ today: '2026-11-26', total: 0, rows: [] });
    // Looking a year ahead shows nothing yet either; three years ahead shows the not-identified case, due but not today.
    expect((await purgeList(t.core, 365)).rows).toEqual([]);

    // The day before three years have run: not yet; that day: due.
    await t.at('2029-11-25T23:59:00Z')();
    await t.asAdmin();
    expect((await purgeList(t.core)).rows).toEqual([]);
    expect((await purgeList(t.core, 30)).rows).toEqual([
      { caseId: notVictim.id, reference: notVictim.reference, outcome: 'not-identified', closedOn: '2026-11-26', dueOn: '2029-11-26', due: false, hold: null },
    ]);
    await t.at('2029-11-26T00:00:00Z')();
    await t.asAdmin();
    expect((await purgeList(t.core)).rows).toMatchObject([{ reference: notVictim.reference, due: true }]);

    // Five years on both are due, the older due date first; the open case never is.
    await t.at('2031-12-01T09:00:00Z')();
    await t.as('sup.c');
    const list = await purgeList(t.core);
    expect(references(list.rows)).toEqual([notVictim.reference, home.reference]);
    expect(list.rows[1]).toMatchObject({ outcome: 'returned-home', closedOn: '2026-11-26', dueOn: '2031-11-26', due: true });
    expect(references(list.rows)).not.toContain(open.reference);
    await t.as('officer.a');
    expect(await code(t.core.dispatch('retention:list', {}))).toBe('FORBIDDEN');

    // A shorter period applies at once; reading the list is audited by counts.
    await t.asAdmin();
    await ok(t.core, 'retention:setPolicy', { periods: { ...DEFAULT_RETENTION_MONTHS, 'returned-home': 12 } });
    expect((await purgeList(t.core)).rows.find((r) => r.reference === home.reference)?.dueOn).toBe('2027-11-26');
    const listed = await auditRows(t.core, { action: 'retention.listed' });
    expect(listed[0].details).toEqual({ withinDays: 0, results: 2, purgeable: 2, held: 0 });
    await t.core.close();
  });
});

describe('legal holds', () => {
  it('a supervisor places a hold with a reason; a held case is listed as held and refuses a purge; released, it can go', async () => {
    const t = await setUp();
    const held = await closedCase(t, 'HELDCASE');
    const other = await closedCase(t, 'OTHERCASE');

    // Officers see no hold and cannot place one.
    await t.as('officer.a');
    expect(await code(t.core.dispatch('retention:case', { caseId: held.id }))).toBe('FORBIDDEN');
    expect(await code(t.core.dispatch('retention:placeHold', { caseId: held.id, reason: 'Officer wants it kept' }))).toBe('FORBIDDEN');

    await t.as('sup.c');
    expect(await code(t.core.dispatch('retention:placeHold', { caseId: held.id, reason: 'no' }))).toBe('INVALID_INPUT');
    const placed = await ok<CaseRetention>(t.core, 'retention:placeHold', { caseId: held.id, reason: 'Prosecution of the broker is pending (fictional)' });
    expect(placed).toMatchObject({
      reference: held.reference,
      closing: { outcome: 'returned-home', closedOn: '2026-11-26', dueOn: '2031-11-26', due: false },
      hold: { placedBy: 'Supervisor Chiba', reason: 'Prosecution of the broker is pending (fictional)', releasedAt: null },
    });
    expect(await code(t.core.dispatch('retention:placeHold', { caseId: held.id, reason: 'Second hold on top' }))).toBe('LEGAL_HOLD_STATE');
    expect(await code(t.core.dispatch('retention:releaseHold', { caseId: other.id, reason: 'Nothing to release' }))).toBe('LEGAL_HOLD_STATE');
    // A hold is not a change of the case: its version stands (a pending approval would too).
    expect((await ok<CaseDetail>(t.core, 'cases:get', { caseId: held.id })).version).toBe(held.version);

    await t.at('2032-01-10T09:00:00Z')();
    await t.asAdmin();
    const rows = (await purgeList(t.core)).rows;
    expect(rows.map((r) => [r.reference, r.hold?.reason ?? null])).toEqual([
      [held.reference, 'Prosecution of the broker is pending (fictional)'],
      [other.reference, null],
    ]);
    // A purge that includes the held case purges nothing at all, not even the other one.
    expect(await code(t.core.dispatch('retention:purge', { caseIds: [other.id, held.id], reason: 'Retention period ended' }))).toBe('LEGAL_HOLD');
    expect(references((await purgeList(t.core)).rows)).toEqual([held.reference, other.reference]);

    await t.as('sup.c');
    const released = await ok<CaseRetention>(t.core, 'retention:releaseHold', { caseId: held.id, reason: 'Prosecution concluded (fictional)' });
    expect(released.hold).toBeNull();
    expect(released.holds).toMatchObject([{ reason: 'Prosecution of the broker is pending (fictional)', releasedBy: 'Supervisor Chiba', releaseReason: 'Prosecution concluded (fictional)' }]);
    await t.asAdmin();
    expect(await ok(t.core, 'retention:purge', { caseIds: [held.id], reason: 'Retention period ended' })).toMatchObject({
      purged: [{ reference: held.reference, outcome: 'returned-home', closedOn: '2026-11-26', purgedOn: '2032-01-10' }],
    });

    // Both hold entries are in the trail with their reasons (a supervisor's words, as every stated reason is).
    const trail = await auditRows(t.core, { caseRef: held.reference });
    expect(trail.filter((e) => e.action.startsWith('case.hold-')).map((e) => [e.action, e.details.reason])).toEqual([
      ['case.hold-released', 'Prosecution concluded (fictional)'],
      ['case.hold-placed', 'Prosecution of the broker is pending (fictional)'],
    ]);
    await t.core.close();
  });
});

describe('the purge', () => {
  it('removes the case and leaves only its tombstone and audit entries with the reference and dates; the chain still verifies', async () => {
    const t = await setUp();
    const gone = await closedCase(t, 'PURGEME');
    const kept = await closedCase(t, 'KEEPME', 'residence-granted');
    await t.at('2032-01-10T09:00:00Z')();
    await t.asAdmin();
    // Administrators only; an empty or unknown reason is refused.
    expect(await code(t.core.dispatch('retention:purge', { caseIds: [gone.id], reason: '' }))).toBe('INVALID_INPUT');
    expect(await code(t.core.dispatch('retention:purge', { caseIds: [gone.id, gone.id], reason: 'Retention period ended' }))).toBe('INVALID_INPUT');
    // Not yet due (10 years): refused, and nothing else purged with it.
    expect(await code(t.core.dispatch('retention:purge', { caseIds: [gone.id, kept.id], reason: 'Retention period ended' }))).toBe('NOT_DUE_FOR_PURGE');
    await t.as('sup.c');
    expect(await code(t.core.dispatch('retention:purge', { caseIds: [gone.id], reason: 'Retention period ended' }))).toBe('FORBIDDEN');
    await t.asAdmin();
    await ok(t.core, 'retention:purge', { caseIds: [gone.id], reason: 'Retention period ended' });
    expect(await code(t.core.dispatch('retention:purge', { caseIds: [gone.id], reason: 'Retention period ended' }))).toBe('NOT_FOUND');

    // The case is gone for everyone; the other stays.
    await t.as('sup.c');
    expect(await code(t.core.dispatch('cases:get', { caseId: gone.id }))).toBe('NOT_FOUND');
    const list = await ok<{ rows: { reference: string }[] }>(t.core, 'cases:list', { limit: 200 });
    expect(list.rows.map((r) => r.reference)).toEqual([kept.reference]);
    expect((await ok<{ total: number }>(t.core, 'cases:list', { filter: { query: 'PURGEME' } })).total).toBe(0);

    // The trail: the purge entry holds the reference, outcome and dates only; the run records who, how many and why.
    const trail = await auditRows(t.core, { caseRef: gone.reference });
    const purged = trail.find((e) => e.action === 'case.purged');
    expect(purged?.details).toEqual({ outcome: 'returned-home', closedAt: '2026-11-26T09:00:00.000Z', purgedAt: '2032-01-10T09:00:00.000Z' });
    expect(trail.map((e) => e.action)).toEqual(['case.purged', 'case.stage-changed', 'case.created']);
    expect(JSON.stringify(trail)).not.toMatch(/PURGEME|SANTOS|Maria/i);
    const run = await auditRows(t.core, { action: 'retention.purged' });
    expect(run.map((e) => e.details)).toEqual([{ cases: 1, reason: 'Retention period ended' }]);
    expect((await auditRows(t.core, { action: 'retention.compacted' })).length).toBe(1);
    expect(await ok(t.core, 'audit:verify')).toMatchObject({ intact: true });

    // The tombstone keeps the reference: the next intake of that year does not reuse it.
    await t.core.lock('user');
    const tombstone = await withRawVault(t.dataDir, (tx) => tx.all('SELECT reference, opened_at, closed_at, outcome, purged_at FROM case_purges'));
    expect(tombstone).toEqual([{ reference: gone.reference, opened_at: '2026-11-26T09:00:00.000Z', closed_at: '2026-11-26T09:00:00.000Z', outcome: 'returned-home', purged_at: '2032-01-10T09:00:00.000Z' }]);
    await t.at('2026-12-01T09:00:00Z')();
    await t.as('officer.a');
    const next = await ok<CaseDetail>(t.core, 'cases:create', intake({ familyName: 'NEWCOMER' }));
    expect([gone.reference, kept.reference]).not.toContain(next.reference);
    expect(next.reference).toBe('TV-2026-0003');
    await t.core.close();
  });

  it('refuses a case that was reopened, and a failed purge leaves every row of the vault as it was', async () => {
    const t = await setUp();
    const a = await closedCase(t, 'FIRSTCASE');
    const b = await closedCase(t, 'REOPENED');
    await t.at('2032-01-10T09:00:00Z')();
    await t.asAdmin();
    const listed = (await purgeList(t.core)).rows.map((r) => r.caseId);
    expect(listed).toEqual([a.id, b.id]);
    // Meanwhile a supervisor reopens one of them.
    await t.as('sup.c');
    await ok(t.core, 'cases:transition', { caseId: b.id, version: b.version, to: 'protection', reason: 'The person came back' });
    await t.core.lock('user');
    const everything = () =>
      withRawVault(t.dataDir, async (tx) => {
        const tables = await tx.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        const rows: Record<string, unknown[]> = {};
        for (const { name } of tables) rows[name] = await tx.all(`SELECT * FROM "${name}"`);
        // Sign-in and lock are recorded around the attempt; nothing else may differ.
        rows.audit_log = (rows.audit_log as { action: string }[]).filter((e) => !e.action.startsWith('session.'));
        return rows;
      });
    const before = await everything();
    await signInAdmin(t.core);
    expect(await code(t.core.dispatch('retention:purge', { caseIds: listed, reason: 'Retention period ended' }))).toBe('NOT_DUE_FOR_PURGE');
    await t.core.lock('user');
    expect(await everything()).toEqual(before);
    await t.core.close();
  });

  it('knows every table that holds a part of a case: the list in core matches the schema\'s keys', async () => {
    const t = await setUp();
    await t.core.lock('user');
    const linked = await withRawVault(t.dataDir, async (tx) => {
      const tables = (await tx.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")).map((r) => r.name);
      const refs = new Map<string, string[]>();
      const columns = new Map<string, string[]>();
      for (const table of tables) {
        refs.set(table, (await tx.all<{ table: string }>(`SELECT "table" FROM pragma_foreign_key_list('${table}')`)).map((r) => r.table));
        columns.set(table, (await tx.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)).map((r) => r.name));
      }
      // A table is part of a case if it references one (or a part of one), or names one by id or number without a key.
      const parts = new Set(['cases']);
      for (let grew = true; grew; ) {
        grew = false;
        for (const table of tables) {
          if (parts.has(table)) continue;
          const named = columns.get(table)!.some((c) => c === 'case_id' || c === 'case_num');
          if (named || refs.get(table)!.some((r) => parts.has(r))) {
            parts.add(table);
            grew = true;
          }
        }
      }
      // The tombstone names a case on purpose: it is what a purge leaves.
      parts.delete('case_purges');
      return [...parts].sort();
    });
    expect([...CASE_PARTS.map((p) => p.table), ...CASE_RECORDS_KEPT].sort()).toEqual(linked);
    await t.core.close();
  });

  it('recovers from a compaction that could not finish: the purge stands, and an empty purge compacts the file later', async () => {
    const t = await setUp();
    const c = await closedCase(t, 'HALFDONE');
    await t.at('2032-01-10T09:00:00Z')();
    await t.asAdmin();
    // Another connection keeps an old snapshot open, so the log cannot be emptied into the file.
    const reader = await openReader(t.dataDir, { snapshot: true });
    try {
      expect(await code(t.core.dispatch('retention:purge', { caseIds: [c.id], reason: 'Retention period ended' }))).toBe('COMPACTION_FAILED');
      expect((await purgeList(t.core)).rows).toEqual([]);
      expect(await auditRows(t.core, { action: 'case.purged' })).toHaveLength(1);
      expect(await auditRows(t.core, { action: 'retention.compacted' })).toHaveLength(0);
    } finally {
      await reader.close();
    }
    await t.asAdmin();
    expect(await ok(t.core, 'retention:purge', { caseIds: [], reason: 'Compact after the failed attempt' })).toEqual({ purged: [] });
    expect(await auditRows(t.core, { action: 'retention.compacted' })).toHaveLength(1);
    await t.core.close();
    expect(await markersInPages(t.dataDir, ['HALFDONE'])).toEqual([]);
  });
});

/** A marker for one field: one word (so the name index keeps it whole), found nowhere else. */
const m = (field: string) => `Zqx${field}Mk`;
const NATIVE_MARKER = '標識潜伏甲';
const CARD_MARKER = 'ZQ20260042XQ';

/** A stand-in for Electron's printing: the "PDF" is written where the test says; nothing is rendered. */
function fakePlatform(savePath: string): ExportPlatform {
  return {
    renderPdf: async () => Buffer.from('%PDF-1.4\n<< /Type /Page >>\n%%EOF\n', 'latin1'),
    chooseSavePath: async () => savePath,
    print: async () => true,
  };
}

/**
 * A case with a marker in every free-text and sealed field it has: the person, the immigration
 * conditions and reporting note, the indicators and place, every sealed value, a note and a sealed
 * note, an adverse party, an interview's plan, outcome and sealed record, the three considerations,
 * a wish, an IOM consent, an approved recommendation with its reasons and the approval comment, a
 * summary exported with its recipient and purpose, and the reason it was closed for. Reasons that go
 * into the audit trail (reveals, overrides, holds) carry no marker: the trail is kept whole.
 */
async function caseWithMarkers(t: Team): Promise<{ detail: CaseDetail; markers: string[]; sealedMarkers: string[] }> {
  const markers: string[] = [NATIVE_MARKER];
  /** Sealed values: encrypted under the case's key, so never in the decrypted pages, even before the purge. */
  const sealedMarkers: string[] = [CARD_MARKER];
  const mk = (field: string) => {
    markers.push(m(field));
    return m(field);
  };
  const mkSealed = (field: string) => {
    sealedMarkers.push(m(field));
    return m(field);
  };
  const base = intake();
  await t.as('officer.a');
  let d = await ok<CaseDetail>(t.core, 'cases:create', {
    ...base,
    person: { ...base.person, familyName: mk('Family'), givenName: mk('Given'), familyNameNative: NATIVE_MARKER, givenNameNative: mk('GivenNative'), preferredName: mk('Preferred'), aliases: [mk('Alias')] },
    immigration: { ...base.immigration, measureConditions: mk('Conditions'), reportingDates: [{ date: '2027-01-10', note: mk('ReportNote') }] },
    exploitation: {
      ...base.exploitation,
      indicators: { 'withholds-documents': { present: true, note: mk('IndicatorNote') } },
      place: mk('Place'),
      identificationStatus: 'identified',
      identificationDate: '2026-11-10',
    },
  });
  const ref = () => ({ caseId: d.id, version: d.version });
  for (const sealed of [
    { field: 'whereabouts', value: { locationType: 'shelter', name: mkSealed('ShelterName'), address: mkSealed('Address'), phone: mkSealed('Phone'), safeContactMethod: mkSealed('SafeContact') } },
    { field: 'identity-documents', value: [{ kind: 'passport', number: mkSealed('Passport'), issuer: 'PHL', heldBy: mkSealed('HeldBy') }] },
    { field: 'residence-card-number', value: CARD_MARKER },
  ]) {
    d = await ok<CaseDetail>(t.core, 'cases:setSealed', { ...ref(), sealed });
  }
  d = await ok<CaseDetail>(t.core, 'cases:addNote', { caseId: d.id, noteType: 'general', body: `Contact made. ${mk('Note')}`, sealed: false });
  d = await ok<CaseDetail>(t.core, 'cases:addNote', { caseId: d.id, noteType: 'contact', body: mkSealed('SealedNote'), sealed: true });
  d = await ok<CaseDetail>(t.core, 'cases:saveAdverseParty', {
    ...ref(),
    party: { role: 'broker', name: mk('AdverseName'), nameVariants: [mk('AdverseVariant')], organisation: mk('AdverseOrg'), contact: mk('AdverseContact'), notes: mk('AdverseNotes') },
  });

  const interpreter = await ok<Interpreter>(t.core, 'interpreters:save', {
    interpreter: { name: 'Interp Reyes Fictiva', nameVariants: [], languages: ['tl', 'en'], pledgeDate: '2026-01-10', notes: '', active: true },
  });
  const plan = interviewPlan([{ userId: t.users['officer.a'].id, sex: 'female' }], {
    plannedAt: '2026-11-30T10:00',
    interpreterId: interpreter.id,
    placeLabel: mk('PlaceLabel'),
    breaks: mk('Breaks'),
    conditionNotes: mk('ConditionNotes'),
  });
  d = await ok<CaseDetail>(t.core, 'interviews:plan', { ...ref(), plan });
  const interviewId = d.protection.interviews[0].id;
  d = await ok<CaseDetail>(t.core, 'interviews:start', { ...ref(), interviewId });
  d = await ok<CaseDetail>(t.core, 'interviews:record', { ...ref(), interviewId, result: { outcome: 'held', record: mkSealed('InterviewRecord'), voluntariness: mk('Voluntariness') } });

  for (const [kind, level, extra] of [
    ['danger-on-return', 'high', { notes: mk('DangerNotes') }],
    ['condition-and-protection', 'moderate', {}],
    ['cooperation', 'high', { cooperationStatus: 'cooperating', authorityReference: mk('AuthorityRef') }],
  ] as const) {
    d = await ok<CaseDetail>(t.core, 'protection:recordConsideration', { ...ref(), consideration: { kind, level, evidence: mk(`Evidence${kind.length}`), assessedOn: '2026-11-20', ...extra } });
  }
  d = await ok<CaseDetail>(t.core, 'protection:recordWish', { ...ref(), wish: { wish: 'remain', ownWords: mk('OwnWords'), expressedOn: '2026-11-20' } });
  d = await ok<CaseDetail>(t.core, 'protection:recordIomConsent', { ...ref(), consent: { consent: 'refused', on: '2026-11-21', notes: mk('IomNotes') } });
  for (const to of ['identification', 'protection', 'decision'] as const) d = await ok<CaseDetail>(t.core, 'cases:transition', { ...ref(), to });
  const reason = mk('ConsiderationReason');
  d = await ok<CaseDetail>(t.core, 'decisions:saveDraft', {
    ...ref(),
    draft: {
      pathway: 'special-residence-permission',
      proposedStatus: 'designated-activities',
      proposedPeriod: '1 year',
      considerationReasons: { 'danger-on-return': reason, 'condition-and-protection': reason, cooperation: reason },
      factorReasons: Object.fromEntries(ART_50_5_FACTORS.map((f) => [f, `${mk('FactorReason')} for ${f}.`])),
      summary: mk('Summary'),
      documents: ['srp-application'],
    },
  });
  d = await ok<CaseDetail>(t.core, 'decisions:submit', { ...ref(), decisionId: d.decisions[0].id });
  await ok<ExportEntry>(t.core, 'exports:savePdf', { caseId: d.id, profile: 'shelter-handover', recipient: mk('Recipient'), purpose: mk('Purpose'), locale: 'en' });

  await t.as('sup.c');
  d = await ok<CaseDetail>(t.core, 'decisions:approve', { caseId: d.id, decisionId: d.decisions[0].id, snapshotHash: d.decisions[0].snapshotHash, comment: mk('ApprovalComment') });
  d = await ok<CaseDetail>(t.core, 'cases:transition', { ...ref(), to: 'closed', reason: mk('CloseReason'), outcome: 'residence-granted' });
  return { detail: d, markers, sealedMarkers };
}

describe('after a purge, the decrypted pages hold nothing of the case', () => {
  it('finds every marker of a case in the decrypted pages before the purge, and none after it, in the file or its log', async () => {
    const out = tempDir('mamori-retention-');
    const t = await setUp(fakePlatform(join(out, 'summary.pdf')));
    // As in a long working day, the log holds every page written since the vault was opened: the markers' old frames included.
    const keepsLog = await openReader(t.dataDir, { snapshot: false });
    const { detail, markers, sealedMarkers } = await caseWithMarkers(t);
    // A case that stays: its marker must still be found afterwards, so "nothing found" means nothing is there.
    await t.as('officer.a');
    const kept = await ok<CaseDetail>(t.core, 'cases:create', intake({ familyName: m('KeptFamily') }));
    await t.core.lock('user');

    // The scan can fail: before the purge, every marker is in the decrypted pages, and the log holds old copies of them.
    const num = (await withRawVault(t.dataDir, (tx) => tx.get<{ num: number }>('SELECT num FROM cases WHERE id = ?', [detail.id])))!.num;
    const found = await markersInPages(t.dataDir, markers);
    expect(markers.filter((marker) => !found.some((f) => f.marker === marker))).toEqual([]);
    expect(found.some((f) => f.file === 'mamori.db-wal')).toBe(true);
    // Sealed values are encrypted once more under the case's key: the data key alone never shows them.
    expect(await markersInPages(t.dataDir, sealedMarkers)).toEqual([]);

    await t.at('2037-01-05T09:00:00Z')();
    await t.asAdmin();
    expect((await purgeList(t.core)).rows.map((r) => [r.reference, r.outcome, r.dueOn])).toEqual([[detail.reference, 'residence-granted', '2036-11-26']]);
    await ok(t.core, 'retention:purge', { caseIds: [detail.id], reason: 'Retention period ended' });

    // While the vault is still open, and again once it is closed: no marker on any page of the file or the log.
    expect(await markersInPages(t.dataDir, markers)).toEqual([]);
    await t.core.lock('user');
    await keepsLog.close();
    expect(await markersInPages(t.dataDir, [...markers, ...sealedMarkers])).toEqual([]);
    expect((await markersInPages(t.dataDir, [m('KeptFamily')])).length).toBeGreaterThan(0);

    // The search indexes keep no term of it (trigrams of a note, words of a name in the name index), and its export row only the trace.
    const { trigrams, words, exportRow, tombstones, left } = await withRawVault(t.dataDir, async (tx) => {
      await tx.exec("CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, 'cases_fts', 'row')");
      // The trigrams of the note's marker that the kept case's indexed text (names, reference) does not also have.
      const keptText = [m('KeptFamily'), 'Maria Fictiva', 'Marifi', kept.reference].join(' ').toLowerCase();
      const note = m('Note').toLowerCase();
      const grams = [...Array(note.length - 2).keys()].map((i) => note.slice(i, i + 3)).filter((g) => !keptText.includes(g));
      return {
        trigrams: await tx.all(`SELECT term FROM temp.fts_terms WHERE term IN (${grams.map(() => '?').join(', ')})`, grams),
        words: await tx.all('SELECT DISTINCT term FROM case_names WHERE term IN (?, ?)', [m('Family').toLowerCase(), m('KeptFamily').toLowerCase()]),
        exportRow: await tx.get('SELECT case_ref, recipient, purpose, sealed_reason, length(sha256) AS hash FROM exports'),
        tombstones: await tx.get<{ n: number }>('SELECT count(*) AS n FROM case_purges'),
        left: (
          await Promise.all(
            CASE_PARTS.map(async (p) => [p.table, (await tx.get<{ n: number }>(`SELECT count(*) AS n FROM ${p.table} WHERE ${p.where}`, [p.key === 'num' ? num : detail.id]))!.n] as const),
          )
        ).filter(([, n]) => n > 0),
      };
    });
    expect(trigrams).toEqual([]);
    expect(words).toEqual([{ term: m('KeptFamily').toLowerCase() }]);
    expect(exportRow).toEqual({ case_ref: detail.reference, recipient: '', purpose: '', sealed_reason: '', hash: 64 });
    expect(tombstones).toEqual({ n: 1 });
    expect(left).toEqual([]);

    // The register still shows the copy, saying the case was purged; the audit chain still verifies.
    await t.as('officer.a');
    expect((await ok<{ entries: ExportEntry[] }>(t.core, 'exports:list', {})).entries).toMatchObject([{ caseReference: detail.reference, recipient: '', purpose: '', casePurgedOn: '2037-01-05' }]);
    expect(await code(t.core.dispatch('cases:get', { caseId: kept.id }))).toBe('ok');
    await t.asAdmin();
    expect(await ok(t.core, 'audit:verify')).toMatchObject({ intact: true });
    await t.core.close();
  });
});

/**
 * A second connection, as another process would open one. With `snapshot` it holds a read
 * transaction until closed; without, it only keeps the log alive (SQLite deletes the log when the
 * last connection to a database closes, so a lock would otherwise leave no old frames behind).
 */
async function openReader(dataDir: string, { snapshot }: { snapshot: boolean }): Promise<{ close(): Promise<void> }> {
  const key = await adminDataKey(dataDir);
  const db = await new Promise<sqlcipher.Database>((resolve, reject) => {
    const d: sqlcipher.Database = new sqlcipher.Database(join(dataDir, 'mamori.db'), sqlcipher.OPEN_READONLY, (err) => (err ? reject(err) : resolve(d)));
  });
  const exec = (sql: string) => new Promise<void>((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));
  await exec(`PRAGMA key = "x'${key.toString('hex')}'"`);
  key.fill(0);
  await new Promise<void>((resolve, reject) => db.get('SELECT count(*) AS n FROM sqlite_master', (err) => (err ? reject(err) : resolve())));
  if (snapshot) {
    await exec('BEGIN');
    await new Promise<void>((resolve, reject) => db.get('SELECT count(*) AS n FROM cases', (err) => (err ? reject(err) : resolve())));
  }
  return {
    close: async () => {
      if (snapshot) await exec('COMMIT');
      await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
