import { afterEach, describe, expect, it } from 'vitest';
import { applyCaseEdit, type CaseDetail, type CaseEdit } from '../../electron/common/caseDetail';
import { trigramQuery } from '../../electron/core/cases/cases.repository';
import { intake } from '../fixtures/cases';
import { generateCases, insertGenerated } from '../../electron/core/demo/demoCases';
import { auditRows, reopenTeam, team as makeTeam } from '../fixtures/team';
import { withRawVault } from '../fixtures/raw';
import { cleanVaultsAfterEach, code, filesOf, ok, signInAdmin } from '../fixtures/vault';

const dirs = cleanVaultsAfterEach(afterEach);
const team = (now?: () => number) => makeTeam(dirs, now);

describe('case files', () => {
  it('keeps an officer to the cases assigned to them, through the dispatcher', async () => {
    const { core, users, as } = await team();
    await as('officer.a');
    const c = await ok<CaseDetail>(core, 'cases:create', intake());
    expect(c.reference).toMatch(/^TV-\d{4}-0001$/);
    expect(c.officers.map((o) => o.displayName)).toEqual(['Officer Aoki']);
    expect((await ok<{ total: number }>(core, 'cases:list', {})).total).toBe(1);

    await as('officer.b');
    expect(await ok(core, 'cases:list', {})).toEqual({ total: 0, rows: [] });
    expect((await ok<{ total: number }>(core, 'cases:list', { filter: { query: 'SANTOS' } })).total).toBe(0);
    expect(await code(core.dispatch('cases:get', { caseId: c.id }))).toBe('NOT_FOUND');
    expect(await code(core.dispatch('cases:update', { caseId: c.id, version: c.version, riskLevel: 'low' }))).toBe('NOT_FOUND');
    expect(await code(core.dispatch('cases:addNote', { caseId: c.id, noteType: 'general', body: 'x', sealed: false }))).toBe('NOT_FOUND');
    expect(await code(core.dispatch('cases:revealSealed', { caseId: c.id, field: 'whereabouts', reason: 'curious about it' }))).toBe('NOT_FOUND');
    expect(await code(core.dispatch('cases:assign', { caseId: c.id, version: c.version, officerIds: [users['officer.b'].id], supervisorId: null }))).toBe('FORBIDDEN');

    await as('sup.c');
    const assigned = await ok<CaseDetail>(core, 'cases:assign', {
      caseId: c.id,
      version: c.version,
      officerIds: [users['officer.b'].id],
      supervisorId: users['sup.c'].id,
    });
    expect(assigned.officers.map((o) => o.displayName)).toEqual(['Officer Baba']);
    expect(assigned.supervisor?.displayName).toBe('Supervisor Chiba');

    await as('officer.b');
    expect((await ok<CaseDetail>(core, 'cases:get', { caseId: c.id })).person.familyName).toBe('SANTOS');
    await as('officer.a');
    expect(await code(core.dispatch('cases:get', { caseId: c.id }))).toBe('NOT_FOUND');

    // Administrators and auditors see no case content at all.
    await core.lock('user');
    await signInAdmin(core);
    expect(await code(core.dispatch('cases:list', {}))).toBe('FORBIDDEN');
    expect(await code(core.dispatch('cases:get', { caseId: c.id }))).toBe('FORBIDDEN');
    await core.close();
  });

  it('masks names in the list and finds cases by name, alias, reference and non-sealed notes only', async () => {
    const { core, as } = await team();
    await as('officer.a');
    const c = await ok<CaseDetail>(core, 'cases:create', intake());
    const second = intake({ familyName: 'NGUYEN', givenName: 'Thi Fictive', nationality: 'VNM' });
    second.person.aliases = [];
    await ok(core, 'cases:create', second);
    const list = await ok<{ rows: { maskedName: string; reference: string }[] }>(core, 'cases:list', { sort: 'reference' });
    expect(list.rows.map((r) => r.maskedName)).toEqual(['N. T.', 'S. M.']);
    expect(JSON.stringify(list)).not.toMatch(/SANTOS|NGUYEN|Maria/);

    const find = async (query: string) => (await ok<{ rows: { reference: string }[] }>(core, 'cases:list', { filter: { query } })).rows.map((r) => r.reference);
    expect(await find('santos')).toEqual([c.reference]);
    expect(await find('ＳＡＮＴＯＳ')).toEqual([c.reference]);
    expect(await find('marifi')).toEqual([c.reference]);
    expect(await find(c.reference)).toEqual([c.reference]);
    expect(await find('NG')).toHaveLength(1);
    const kanji = intake({ familyName: 'TANAKA', givenName: 'Yui', nationality: 'PHL' });
    kanji.person.familyNameNative = '田中';
    kanji.person.givenNameNative = 'ユイ';
    kanji.person.aliases = [];
    const t = await ok<CaseDetail>(core, 'cases:create', kanji);
    expect(await find('田中')).toEqual([t.reference]);
    expect(await find('ゆい')).toEqual([t.reference]);

    await ok(core, 'cases:addNote', { caseId: c.id, noteType: 'visit', body: 'Met at the consulate about lantern festival plans', sealed: false });
    await ok(core, 'cases:addNote', { caseId: c.id, noteType: 'contact', body: 'Safe phone kept by shelter matron zephyrine', sealed: true });
    expect(await find('lantern festival')).toEqual([c.reference]);
    expect(await find('zephyrine')).toEqual([]);
    await core.close();
  });

  it('finds a name by any of its words or their beginning, in either kana, full-width or accented, and follows an edit of the person', async () => {
    const { dataDir, core, as } = await team();
    await as('officer.a');
    const make = async (p: Partial<CaseDetail['person']>) => {
      const input = intake();
      input.person = { ...input.person, aliases: [], ...p };
      return ok<CaseDetail>(core, 'cases:create', input);
    };
    const kana = await make({ familyName: 'TANAKA', givenName: 'Hanako Fictiva', familyNameNative: 'タナカ', givenNameNative: 'ハナコ' });
    const viet = await make({ familyName: 'Nguyễn', givenName: 'Thị Lan', nationality: 'VNM' });
    const long = await make({ familyName: 'CHAIYAPORN', givenName: 'Malee', nationality: 'THA', aliases: ["O'Neill-Fictiva"] });
    const find = async (query: string) => (await ok<{ rows: { reference: string }[] }>(core, 'cases:list', { filter: { query }, sort: 'reference' })).rows.map((r) => r.reference).sort();

    // カタカナ found by ひらがな, half-width and the native name written together.
    expect(await find('たなか')).toEqual([kana.reference]);
    expect(await find('ﾀﾅｶ')).toEqual([kana.reference]);
    expect(await find('た')).toEqual([kana.reference]);
    expect(await find('たなかはなこ')).toEqual([kana.reference]);
    expect(await find('はなこ')).toEqual([kana.reference]);
    // Latin: case, full width, accents, a given name, a prefix, the full name in either order, an alias and its parts.
    expect(await find('nguyen')).toEqual([viet.reference]);
    expect(await find('NGUYỄN')).toEqual([viet.reference]);
    expect(await find('lan nguyen')).toEqual([viet.reference]);
    expect(await find('ｔｈｉ')).toEqual([viet.reference]);
    expect(await find('ch')).toEqual([long.reference]);
    expect(await find('oneill')).toEqual([long.reference]);
    expect(await find('fictiva')).toEqual([kana.reference, long.reference].sort());
    expect(await find('lan tanaka')).toEqual([]);
    // A piece from the middle of a name is not a name search any more (names are not in the trigram index).
    expect(await find('yaporn')).toEqual([]);

    // Notes: a word found whole, never by trigrams that lie apart in an ASCII note; a Japanese note in either kana.
    await ok(core, 'cases:addNote', { caseId: viet.id, noteType: 'general', body: 'Plant antenna intern', sealed: false });
    expect(await find('antenna')).toEqual([viet.reference]);
    expect(await find('lantern')).toEqual([]);
    await ok(core, 'cases:addNote', { caseId: viet.id, noteType: 'general', body: 'グエンさんと面談した', sealed: false });
    expect(await find('ぐえんさんと')).toEqual([viet.reference]);
    expect(await find('面談')).toEqual([]); // two characters: names only
    expect(await find('面談した')).toEqual([viet.reference]);
    // A case with a note SQL cannot fold is taken on the index's word (viet: its trigrams lie apart).
    await ok(core, 'cases:addNote', { caseId: kana.id, noteType: 'general', body: 'ＮＧＯ staff saw the ＬＡＮＴＥＲＮ', sealed: false });
    expect(await find('lantern')).toEqual([kana.reference, viet.reference].sort());

    // An edit of the person replaces the case's words; other saves leave them.
    const edited = await ok<CaseDetail>(core, 'cases:get', { caseId: long.id });
    await ok(core, 'cases:update', { caseId: long.id, version: edited.version, person: { ...edited.person, familyName: 'BOONMA', aliases: [] } });
    expect(await find('chaiyaporn')).toEqual([]);
    expect(await find('oneill')).toEqual([]);
    expect(await find('boonma')).toEqual([long.reference]);
    await core.close();
    const terms = await withRawVault(dataDir, (tx) => tx.all<{ term: string }>('SELECT term FROM case_names WHERE case_num = (SELECT num FROM cases WHERE id = ?) ORDER BY term', [long.id]));
    expect(terms.map((t) => t.term)).toEqual(['boonma', 'malee']);
  });

  it('pages a search that finds many cases in the same order as one that finds few (the sort index walked past 1,000)', async () => {
    const { dataDir, core, users } = await team();
    await core.close();
    const now = new Date('2026-11-20T00:00:00Z');
    await withRawVault(dataDir, (tx) =>
      insertGenerated(tx, generateCases({ count: 5000, seed: 11, year: 2026, firstSeq: 1, officerIds: [users['officer.a'].id], supervisorId: users['sup.c'].id, now })),
    );
    const expected = (query: string, order: string, offset: number) =>
      withRawVault(dataDir, async (tx) => ({
        total: (await tx.get<{ n: number }>(`SELECT count(DISTINCT case_num) AS n FROM case_names WHERE term >= ? AND term < ?`, [query, String.fromCharCode(query.charCodeAt(0) + 1)]))!.n,
        rows: (
          await tx.all<{ reference: string }>(
            `SELECT reference FROM cases WHERE num IN (SELECT case_num FROM case_names WHERE term >= ? AND term < ?) ORDER BY ${order} LIMIT 50 OFFSET ?`,
            [query, String.fromCharCode(query.charCodeAt(0) + 1), offset],
          )
        ).map((r) => r.reference),
      }));
    const many = await expected('s', 'updated_at DESC, num DESC', 120);
    const few = await expected('b', 'updated_at DESC, num DESC', 0);
    expect(many.total).toBeGreaterThan(1000);
    expect(few.total).toBeLessThan(1000);
    const t = reopenTeam(dataDir);
    await t.as('sup.c');
    const list = (query: string, sort: string, offset: number) =>
      ok<{ total: number; rows: { reference: string }[] }>(t.core, 'cases:list', { filter: { query }, sort, offset, limit: 50 }).then((r) => ({ total: r.total, rows: r.rows.map((x) => x.reference) }));
    expect(await list('s', 'updated', 120)).toEqual(many);
    expect(await list('b', 'updated', 0)).toEqual(few);
    expect(await list('s', 'reference', 0)).toEqual(await expected('s', 'ref_year DESC, ref_seq DESC', 0));
    // With another filter the count reads the cases as before.
    const stage = await ok<{ total: number }>(t.core, 'cases:list', { filter: { query: 's', stage: 'intake' } });
    expect(stage.total).toBe(
      await withRawVault(dataDir, async (tx) => (await tx.get<{ n: number }>("SELECT count(*) AS n FROM cases WHERE stage = 'intake' AND num IN (SELECT case_num FROM case_names WHERE term >= 's' AND term < 't')"))!.n),
    );
    await t.core.close();
  });

  it('seals whereabouts: absent from every response until a reason is given, audited, never indexed or on disk in clear', async () => {
    const { dataDir, core, as } = await team();
    await as('officer.a');
    let c = await ok<CaseDetail>(core, 'cases:create', intake());
    const secret = 'Shelter Hikari-FICTIONAL 7-7-7 Nowhere-cho';
    c = await ok<CaseDetail>(core, 'cases:setSealed', {
      caseId: c.id,
      version: c.version,
      sealed: { field: 'whereabouts', value: { locationType: 'shelter', name: 'Hikari', address: secret, phone: '', safeContactMethod: 'via NGO caseworker' } },
    });
    expect(c.sealed).toEqual({ whereabouts: true, 'identity-documents': false, 'residence-card-number': false });
    const opened = await ok(core, 'cases:get', { caseId: c.id });
    expect(JSON.stringify(opened)).not.toContain('Nowhere');
    expect(JSON.stringify(await ok(core, 'cases:list', {}))).not.toContain('Nowhere');
    expect((await ok<{ total: number }>(core, 'cases:list', { filter: { query: 'Nowhere' } })).total).toBe(0);

    expect(await code(core.dispatch('cases:revealSealed', { caseId: c.id, field: 'whereabouts', reason: '' }))).toBe('INVALID_INPUT');
    const shown = await ok<{ field: string; value: { address: string } }>(core, 'cases:revealSealed', {
      caseId: c.id,
      field: 'whereabouts',
      reason: 'Arranging the interview at the shelter',
    });
    expect(shown.value.address).toBe(secret);

    const trail = await auditRows(core, { caseRef: c.reference });
    const actions = trail.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['case.created', 'case.sealed-updated', 'case.viewed', 'case.sealed-revealed']));
    const reveal = trail.find((e) => e.action === 'case.sealed-revealed')!;
    expect(reveal.details).toEqual({ field: 'whereabouts', reason: 'Arranging the interview at the shelter' });
    expect(reveal.actorName).toBe('Officer Aoki');
    expect(JSON.stringify(trail)).not.toContain('Nowhere');
    await core.close();

    // The index holds no sealed text, and no file of the data directory holds it in clear.
    const indexed = await withRawVault(dataDir, (tx) => tx.all<{ n: number }>('SELECT count(*) AS n FROM cases_fts WHERE cases_fts MATCH ?', [trigramQuery('nowhere')]));
    expect(indexed[0].n).toBe(0);
    const names = await withRawVault(dataDir, (tx) => tx.all<{ term: string }>('SELECT term FROM case_names ORDER BY term'));
    expect(names.map((n) => n.term)).toEqual(['marifi', 'maria', 'santos', 'fictiva'].sort());
    for (const f of filesOf(dataDir)) expect(f.bytes.includes(Buffer.from('Nowhere-cho')), f.name).toBe(false);
  });

  it('refuses a stale save and changes nothing', async () => {
    const { core, as } = await team();
    await as('officer.a');
    const c = await ok<CaseDetail>(core, 'cases:create', intake());
    const v1 = applyCaseEdit(c, await ok<CaseEdit>(core, 'cases:update', { caseId: c.id, version: c.version, riskLevel: 'critical' }));
    expect(v1.version).toBe(c.version + 1);
    expect(await code(core.dispatch('cases:update', { caseId: c.id, version: c.version, riskLevel: 'low' }))).toBe('STALE_VERSION');
    const party = { role: 'broker', name: 'Fictional Broker', nameVariants: [], organisation: '', contact: '', notes: '' };
    expect(await code(core.dispatch('cases:saveAdverseParty', { caseId: c.id, version: c.version, party }))).toBe('STALE_VERSION');
    const now = await ok<CaseDetail>(core, 'cases:get', { caseId: c.id });
    expect(now.riskLevel).toBe('critical');
    expect(now.adverseParties).toEqual([]);
    expect(now.version).toBe(v1.version);
    await core.close();
  });

  it('checks names against adverse parties with normalisation and records an acknowledged conflict', async () => {
    const { core, as } = await team();
    await as('officer.a');
    let c = await ok<CaseDetail>(core, 'cases:create', intake());
    c = await ok<CaseDetail>(core, 'cases:saveAdverseParty', {
      caseId: c.id,
      version: c.version,
      party: { role: 'employer', name: 'Tanaka Kazuo', nameVariants: ['タナカ カズオ', '田中 一夫'], organisation: 'Fictional Foods KK', contact: '', notes: '' },
    });
    const partyId = c.adverseParties[0].id;
    for (const name of ['KAZUO TANAKA', 'たなか かずお', '田中一夫', 'ｔａｎａｋａ ｋａｚｕｏ']) {
      expect((await ok<{ matches: { partyId: string }[] }>(core, 'cases:checkConflict', { caseId: c.id, name })).matches, name).toEqual([
        { partyId, name: 'Tanaka Kazuo', role: 'employer' },
      ]);
    }
    expect((await ok<{ matches: unknown[] }>(core, 'cases:checkConflict', { caseId: c.id, name: 'Sato Yui' })).matches).toEqual([]);
    expect(
      await code(core.dispatch('cases:acknowledgeConflict', { caseId: c.id, name: 'Tanaka K', context: 'interpreter', partyIds: [partyId], reason: 'no' })),
    ).toBe('INVALID_INPUT');
    const after = await ok<CaseDetail>(core, 'cases:acknowledgeConflict', {
      caseId: c.id,
      name: 'Tanaka K',
      context: 'interpreter',
      partyIds: [partyId],
      reason: 'Different person: confirmed by date of birth',
    });
    expect(after.timeline.some((t) => t.kind === 'event' && t.event === 'conflict-acknowledged')).toBe(true);
    const trail = await auditRows(core, { caseRef: c.reference, action: 'case.conflict-acknowledged' });
    expect(trail).toHaveLength(1);
    await core.close();
  });

  it('moves stages by the rules and shows supervisors the access log', async () => {
    const { core, users, as } = await team();
    await as('officer.a');
    let c = await ok<CaseDetail>(core, 'cases:create', intake());
    expect(await code(core.dispatch('cases:transition', { caseId: c.id, version: c.version, to: 'protection' }))).toBe('FORBIDDEN');
    c = await ok<CaseDetail>(core, 'cases:transition', { caseId: c.id, version: c.version, to: 'identification' });
    expect(await code(core.dispatch('cases:transition', { caseId: c.id, version: c.version, to: 'intake', reason: '' }))).toBe('INVALID_INPUT');
    expect(await code(core.dispatch('cases:transition', { caseId: c.id, version: c.version, to: 'closed', reason: 'Returned home', outcome: 'returned-home' }))).toBe('FORBIDDEN');
    expect(await code(core.dispatch('cases:accessLog', { caseId: c.id }))).toBe('FORBIDDEN');
    await as('sup.c');
    c = await ok<CaseDetail>(core, 'cases:transition', { caseId: c.id, version: c.version, to: 'closed', reason: 'Returned home with IOM', outcome: 'returned-home' });
    expect(c.stage).toBe('closed');
    expect(await code(core.dispatch('cases:update', { caseId: c.id, version: c.version, riskLevel: 'low' }))).toBe('FORBIDDEN');
    const log = await ok<{ entries: { action: string; actorName: string }[] }>(core, 'cases:accessLog', { caseId: c.id });
    expect(log.entries.map((e) => `${e.actorName}:${e.action}`)).toEqual(
      expect.arrayContaining(['Officer Aoki:case.created', 'Officer Aoki:case.stage-changed', 'Supervisor Chiba:case.stage-changed']),
    );
    expect(users['sup.c'].role).toBe('supervisor');
    await core.close();
  });

  it('filters by deadlines due, counting overdue expiries and upcoming reporting dates only', async () => {
    const { core, as } = await team(() => Date.UTC(2026, 10, 26, 12));
    await as('officer.a');
    const make = async (familyName: string, immigration: Partial<ReturnType<typeof intake>['immigration']>) => {
      const input = intake({ familyName });
      input.immigration = { ...input.immigration, ...immigration };
      return (await ok<CaseDetail>(core, 'cases:create', input)).reference;
    };
    const soon = await make('SOON', { periodOfStayExpiry: '2026-12-10' });
    const overdue = await make('OVERDUE', { periodOfStayExpiry: '2026-10-01' });
    const reporting = await make('REPORTING', { periodOfStayExpiry: null, deportationProcedure: true, custody: 'provisional-release', reportingDates: [{ date: '2026-11-20', note: '' }, { date: '2026-12-01', note: '' }] });
    await make('LATER', { periodOfStayExpiry: '2027-06-01' });
    await make('NONE', { periodOfStayExpiry: null });
    const due = await ok<{ total: number; rows: { reference: string; nextDeadline: string | null }[] }>(core, 'cases:list', {
      filter: { deadlineWithinDays: 30 },
      sort: 'deadline',
    });
    expect(due.total).toBe(3);
    expect(due.rows.map((r) => [r.reference, r.nextDeadline])).toEqual([
      [overdue, '2026-10-01'],
      [reporting, '2026-12-01'],
      [soon, '2026-12-10'],
    ]);
    await core.close();
  });

  it('validates intake with the contract and explains each field', async () => {
    const { core, as } = await team();
    await as('officer.a');
    const bad = intake();
    bad.person.familyName = '';
    bad.person.nationality = 'Philippines';
    bad.person.languages = [];
    const r = await core.dispatch('cases:create', bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.map((i) => i.path).sort()).toEqual(['person.familyName', 'person.languages', 'person.nationality']);
    expect((await ok<{ total: number }>(core, 'cases:list', {})).total).toBe(0);
    await core.close();
  });
});

