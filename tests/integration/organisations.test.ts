/**
 * The registry of TITP organisations and brokers (issue 15) through core: who may read and edit,
 * bad input refused with nothing saved, search as a case worker types it, bans and violations as
 * the case page and My work show them, and what an officer learns of other officers' cases.
 * Every organisation and number here is invented.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../electron/common/caseDetail';
import type { FollowupList, Organisation, OrganisationRow } from '../../electron/common/contract.organisations';
import type { MyWork } from '../../electron/common/contract.work';
import { isValidCorporateNumber } from '../../electron/common/organisations';
import { interviewPlan } from '../../renderer/test/fixtures';
import { intake } from '../fixtures/cases';
import { withRawVault } from '../fixtures/raw';
import { auditRows, team } from '../fixtures/team';
import { cleanVaultsAfterEach, code, ok } from '../fixtures/vault';

const dirs = cleanVaultsAfterEach(afterEach);

/** A corporate number with a correct check digit for the 12-digit base (法人番号). */
function corporateNumber(base: string): string {
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return `${9 - (sum % 9)}${base}`;
}

const org = (o: Partial<Record<string, unknown>> = {}) => ({
  type: 'implementing',
  nameJa: '株式会社架空縫製',
  nameLatin: 'Kaku Sewing Fictional Co.',
  corporateNumber: '',
  prefecture: '21',
  country: '',
  licenceNumber: '',
  relatedIds: [],
  notes: '',
  ...o,
});

function abscondedIntern(familyName: string) {
  const base = intake({ familyName, nationality: 'VNM' });
  return {
    ...base,
    immigration: { ...base.immigration, statusOfResidence: 'technical-intern-2-ro' as const, periodOfStayExpiry: '2027-03-31', statusValidity: 'valid' as const, statusValiditySince: null, abscondedFromTraining: true, abscondedSince: '2026-10-02' },
    exploitation: { ...base.exploitation, types: ['labour-titp' as const], screening: 'later' as const, screenedOn: null },
  };
}

describe('the organisations registry', () => {
  it('validates the corporate number check digit (法人番号)', () => {
    expect(isValidCorporateNumber('7000012050002')).toBe(true); // the National Tax Agency's own, published
    expect(isValidCorporateNumber('8000012050002')).toBe(false);
    expect(isValidCorporateNumber('700001205000')).toBe(false);
    expect(isValidCorporateNumber(corporateNumber('123456789012'))).toBe(true);
  });

  it('supervisors register the chain; bad input is refused with nothing saved; officers only read', async () => {
    const { dataDir, core, as } = await team(dirs);
    await as('sup.c');
    const supervising = await ok<Organisation>(core, 'organisations:save', {
      organisation: org({ type: 'supervising', nameJa: '架空協同組合', nameLatin: 'Kaku Cooperative (fictional)', corporateNumber: corporateNumber('111122223333'), licenceNumber: '許1712000999' }),
    });
    const employer = await ok<Organisation>(core, 'organisations:save', {
      organisation: org({ corporateNumber: `${corporateNumber('444455556666').slice(0, 4)}-${corporateNumber('444455556666').slice(4)}`, relatedIds: [supervising.id] }),
    });
    expect(employer.corporateNumber).toBe(corporateNumber('444455556666'));
    expect(employer.related.map((r) => r.id)).toEqual([supervising.id]);
    const again = await ok<Organisation>(core, 'organisations:get', { id: supervising.id });
    expect(again.relatedBy.map((r) => r.nameJa)).toEqual(['株式会社架空縫製']);

    const count = () => withRawVault(dataDir, (tx) => tx.get<{ n: number }>('SELECT count(*) AS n FROM organisations'));
    const refused = [
      ['wrong check digit', { organisation: org({ corporateNumber: '1234567890123' }) }, 'INVALID_INPUT'],
      ['duplicate corporate number', { organisation: org({ corporateNumber: corporateNumber('111122223333') }) }, 'ORGANISATION_DUPLICATE'],
      ['an employer naming an employer', { organisation: org({ relatedIds: [employer.id] }) }, 'ORGANISATION_RELATION'],
      ['a licence on an employer', { organisation: org({ licenceNumber: '許1' }) }, 'INVALID_INPUT'],
      ['a 育成就労 type before April 2027', { organisation: org({ type: 'esd-implementing' }) }, 'INVALID_INPUT'],
      ['no name', { organisation: org({ nameJa: '', nameLatin: '' }) }, 'INVALID_INPUT'],
    ] as const;
    await core.lock('user');
    const before = (await count())!.n;
    await as('sup.c');
    for (const [why, input, expected] of refused) expect(await code(core.dispatch('organisations:save', input)), why).toBe(expected);
    expect(await code(core.dispatch('organisations:recordStatus', { id: employer.id, version: employer.version, entry: { kind: 'banned', from: '2026-10-01', to: '2026-09-01', decisionReference: 'FICT-1' } }))).toBe('INVALID_INPUT');
    expect(await code(core.dispatch('organisations:recordStatus', { id: employer.id, version: employer.version, entry: { kind: 'licence-revoked', from: '2026-10-01', decisionReference: 'FICT-1' } }))).toBe('INVALID_INPUT');
    expect(await code(core.dispatch('organisations:save', { id: employer.id, version: employer.version + 5, organisation: org() }))).toBe('STALE_VERSION');
    await core.lock('user');
    expect((await count())!.n).toBe(before);

    await as('officer.a');
    expect(await code(core.dispatch('organisations:save', { organisation: org({ nameJa: '別の架空会社' }) }))).toBe('FORBIDDEN');
    expect((await ok<Organisation>(core, 'organisations:get', { id: employer.id })).nameJa).toBe('株式会社架空縫製');
    const trail = await auditRows(core, { action: 'organisation.created' });
    // Newest first: the types, never the names.
    expect(trail.map((e) => e.details.type)).toEqual(['implementing', 'supervising']);
    expect(JSON.stringify(trail)).not.toContain('架空');
  });

  it('finds entries as a case worker types: two kanji of a name, katakana or hiragana, Latin, a corporate number with hyphens', async () => {
    const { core, as } = await team(dirs);
    await as('sup.c');
    await ok(core, 'organisations:save', { organisation: org({ nameJa: '株式会社カクウ精機', nameLatin: 'Kakuu Seiki Fictional', corporateNumber: corporateNumber('777788889999') }) });
    await ok(core, 'organisations:save', { organisation: org({ type: 'broker', nameJa: '架空人材送出', nameLatin: 'Phantom Manpower (fictional)', prefecture: '', country: 'VNM' }) });
    const names = async (query: string) => (await ok<{ rows: OrganisationRow[] }>(core, 'organisations:search', { query })).rows.map((r) => r.nameLatin);
    expect(await names('精機')).toEqual(['Kakuu Seiki Fictional']);
    expect(await names('かくう')).toEqual(['Kakuu Seiki Fictional']);
    expect(await names('ｶｸｳ')).toEqual(['Kakuu Seiki Fictional']);
    expect(await names('phantom')).toEqual(['Phantom Manpower (fictional)']);
    expect(await names(corporateNumber('777788889999').replace(/(\d{4})(?=\d)/g, '$1-'))).toEqual(['Kakuu Seiki Fictional']);
    expect((await ok<{ rows: OrganisationRow[] }>(core, 'organisations:search', { query: '', type: 'broker' })).rows.map((r) => r.country)).toEqual(['VNM']);
  });

  it('a ban shows on the case it is linked to; an officer sees only their own cases by name; My work flags the fled intern for screening first', async () => {
    const { core, as } = await team(dirs);
    await as('sup.c');
    let employer = await ok<Organisation>(core, 'organisations:save', { organisation: org() });
    employer = await ok<Organisation>(core, 'organisations:recordStatus', { id: employer.id, version: employer.version, entry: { kind: 'banned', from: '2026-01-01', to: '2031-12-31', decisionReference: 'ISA-FICT-2026-7' } });
    employer = await ok<Organisation>(core, 'organisations:recordViolation', { id: employer.id, version: employer.version, violation: { on: '2025-12-01', article: '48', source: 'OTIT inspection (fictional)', note: '' } });
    employer = await ok<Organisation>(core, 'organisations:recordMissingReport', { id: employer.id, version: employer.version, report: { half: '2026-H1', count: 4, source: 'OTIT (fictional)' } });
    expect(employer.standing.ban).toEqual({ from: '2026-01-01', to: '2031-12-31', decisionReference: 'ISA-FICT-2026-7' });
    expect(employer.violationList.map((v) => v.article)).toEqual(['48']);
    expect(employer.missingReports).toEqual([{ half: '2026-H1', count: 4, source: 'OTIT (fictional)' }]);

    await as('officer.a');
    const mine = await ok<CaseDetail>(core, 'cases:create', abscondedIntern('NGUYEN'));
    const { links } = await ok<{ links: OrganisationRow[] }>(core, 'organisations:linkCase', { caseId: mine.id, organisationId: employer.id });
    expect(links.map((l) => [l.nameJa, l.standing.ban?.decisionReference, l.violations])).toEqual([['株式会社架空縫製', 'ISA-FICT-2026-7', 1]]);
    const work = await ok<MyWork>(core, 'work:mine', {});
    expect(work.waiting.filter((w) => w.caseId === mine.id).map((w) => w.kind)).toEqual(['screening-flagged-organisation']);

    await as('officer.b');
    const theirs = await ok<CaseDetail>(core, 'cases:create', abscondedIntern('TRAN'));
    await ok(core, 'organisations:linkCase', { caseId: theirs.id, organisationId: employer.id });
    // Officer B cannot link to (or learn of) officer A's case.
    expect(await code(core.dispatch('organisations:linkCase', { caseId: mine.id, organisationId: employer.id }))).toBe('NOT_FOUND');
    expect(await code(core.dispatch('organisations:forCase', { caseId: mine.id }))).toBe('NOT_FOUND');
    const seenByB = await ok<Organisation>(core, 'organisations:get', { id: employer.id });
    expect(seenByB.involvement.total).toBe(2);
    expect(seenByB.involvement.cases.map((c) => c.reference)).toEqual([theirs.reference]);
    expect(JSON.stringify(seenByB)).not.toContain(mine.reference);

    await as('sup.c');
    expect((await ok<Organisation>(core, 'organisations:get', { id: employer.id })).involvement.cases.map((c) => c.reference).sort()).toEqual([mine.reference, theirs.reference].sort());
    const linked = await auditRows(core, { action: 'case.organisation-linked' });
    expect(linked.map((e) => e.caseRef).sort()).toEqual([mine.reference, theirs.reference].sort());
  });

  it('the interview conflict check covers the organisations linked to the case: an interpreter named like the linked broker is a conflict', async () => {
    const { core, as, users } = await team(dirs);
    await as('sup.c');
    const broker = await ok<Organisation>(core, 'organisations:save', { organisation: org({ type: 'broker', nameJa: 'ラモン・ブローケリオ', nameLatin: 'Ramon Brokerio', prefecture: '', country: 'PHL' }) });
    await as('officer.a');
    let c = await ok<CaseDetail>(core, 'cases:create', intake({ familyName: 'SANTOS' }));
    const interpreter = await ok<{ id: string }>(core, 'interpreters:save', { interpreter: { name: 'brokerio ramon', nameVariants: [], languages: ['tl', 'en'], pledgeDate: '2026-01-10', notes: '', active: true } });
    const plan = interviewPlan([{ userId: users['officer.a'].id, sex: 'female' }], { plannedAt: '2026-11-30T10:00', breaks: '10 minutes every 30 minutes', placeLabel: 'Room 3', interpreterId: interpreter.id });
    c = await ok<CaseDetail>(core, 'interviews:plan', { caseId: c.id, version: c.version, plan });
    expect(c.protection.interviews[0].readiness.items['no-conflict']).toBe('met');
    await ok(core, 'organisations:linkCase', { caseId: c.id, organisationId: broker.id });
    c = await ok<CaseDetail>(core, 'cases:get', { caseId: c.id });
    expect(c.protection.interviews[0].readiness.items['no-conflict']).toBe('unmet');
  });

  it('an adverse party linked to a registry entry: the case shows the entry and its ban, the entry is linked to the case, and both conflict checks know its names', async () => {
    const { core, as, users } = await team(dirs);
    await as('sup.c');
    let employer = await ok<Organisation>(core, 'organisations:save', { organisation: org() });
    employer = await ok<Organisation>(core, 'organisations:recordStatus', { id: employer.id, version: employer.version, entry: { kind: 'banned', from: '2026-01-01', to: '2031-12-31', decisionReference: 'ISA-FICT-2026-9' } });
    employer = await ok<Organisation>(core, 'organisations:recordViolation', { id: employer.id, version: employer.version, violation: { on: '2025-12-01', article: '48', source: 'OTIT inspection (fictional)', note: '' } });

    await as('officer.a');
    let c = await ok<CaseDetail>(core, 'cases:create', abscondedIntern('LE'));
    // An interpreter who goes by the employer's Japanese name, planned before the employer is known.
    const interpreter = await ok<{ id: string }>(core, 'interpreters:save', { interpreter: { name: '株式会社架空縫製', nameVariants: [], languages: ['vi', 'en'], pledgeDate: '2026-01-10', notes: '', active: true } });
    const plan = interviewPlan([{ userId: users['officer.a'].id, sex: 'female' }], { plannedAt: '2026-12-02T10:00', breaks: '10 minutes every 30 minutes', placeLabel: 'Room 3', interpreterId: interpreter.id });
    c = await ok<CaseDetail>(core, 'interviews:plan', { caseId: c.id, version: c.version, plan });
    expect(c.protection.interviews[0].readiness.items['no-conflict']).toBe('met');

    // The party is recorded under a name of its own; the registry entry brings the registered names.
    const party = { role: 'employer', name: 'Factory manager Fictivo', nameVariants: [], organisation: '', contact: '', notes: '', organisationId: employer.id };
    c = await ok<CaseDetail>(core, 'cases:saveAdverseParty', { caseId: c.id, version: c.version, party });
    const [saved] = c.adverseParties;
    expect(saved.organisationId).toBe(employer.id);
    expect(saved.registryEntry).toMatchObject({ id: employer.id, type: 'implementing', nameJa: '株式会社架空縫製', nameLatin: 'Kaku Sewing Fictional Co.', violations: 1 });
    expect(saved.registryEntry?.standing.ban).toEqual({ from: '2026-01-01', to: '2031-12-31', decisionReference: 'ISA-FICT-2026-9' });
    expect((await ok<CaseDetail>(core, 'cases:get', { caseId: c.id })).adverseParties[0].registryEntry?.standing.ban?.decisionReference).toBe('ISA-FICT-2026-9');
    expect((await ok<{ links: OrganisationRow[] }>(core, 'organisations:forCase', { caseId: c.id })).links.map((l) => l.id)).toEqual([employer.id]);
    expect(c.protection.interviews[0].readiness.items['no-conflict']).toBe('unmet');

    const check = async (name: string) => (await ok<{ matches: { partyId: string; role: string }[] }>(core, 'cases:checkConflict', { caseId: c.id, name })).matches;
    expect(await check('kaku sewing  FICTIONAL co.')).toEqual([{ partyId: saved.id, name: 'Factory manager Fictivo', role: 'employer' }]);
    expect(await check('株式会社架空縫製')).toEqual([{ partyId: saved.id, name: 'Factory manager Fictivo', role: 'employer' }]);
    expect(await check('Friendly Neighbour')).toEqual([]);

    // Saved again unchanged: no second link. The case's own link removed: the party's entry is still checked.
    c = await ok<CaseDetail>(core, 'cases:saveAdverseParty', { caseId: c.id, version: c.version, partyId: saved.id, party });
    await ok(core, 'organisations:unlinkCase', { caseId: c.id, organisationId: employer.id });
    c = await ok<CaseDetail>(core, 'cases:get', { caseId: c.id });
    expect(c.adverseParties[0].registryEntry?.id).toBe(employer.id);
    expect(c.protection.interviews[0].readiness.items['no-conflict']).toBe('unmet');

    const linked = await auditRows(core, { action: 'case.organisation-linked' });
    expect(linked.map((e) => [e.caseRef, e.details.organisation])).toEqual([[c.reference, employer.id]]);
    const partySaved = await auditRows(core, { action: 'case.adverse-party-saved' });
    expect(partySaved.map((e) => e.details.organisation)).toEqual([employer.id, employer.id]);
    expect(JSON.stringify(partySaved)).not.toContain('Fictivo');
  });

  it('linking an adverse party to the registry is refused with nothing saved: an unknown entry, a case the officer may not reach, a stale base', async () => {
    const { dataDir, core, as } = await team(dirs);
    await as('sup.c');
    const employer = await ok<Organisation>(core, 'organisations:save', { organisation: org() });
    await as('officer.a');
    const c = await ok<CaseDetail>(core, 'cases:create', abscondedIntern('DO'));
    const party = (organisationId: string) => ({ role: 'employer', name: 'Factory Fictivo', organisationId });
    const state = () =>
      withRawVault(dataDir, async (tx) => ({
        parties: await tx.all('SELECT id, organisation_id FROM adverse_parties'),
        links: await tx.all('SELECT case_id, organisation_id FROM case_organisations'),
        version: (await tx.get<{ version: number }>('SELECT version FROM cases WHERE id = ?', [c.id]))?.version,
        trail: await tx.all("SELECT seq FROM audit_log WHERE action IN ('case.adverse-party-saved', 'case.organisation-linked')"),
      }));
    await core.lock('user');
    const before = await state();

    await as('officer.a');
    const unknown = await core.dispatch('cases:saveAdverseParty', { caseId: c.id, version: c.version, party: party('00000000-0000-4000-8000-00000000f00d') });
    expect(unknown.ok ? null : unknown.error).toMatchObject({ code: 'ORGANISATION_UNKNOWN', message: expect.stringContaining('not in the registry') });
    // The link and the party are one transaction: a stale base leaves no link behind either.
    expect(await code(core.dispatch('cases:saveAdverseParty', { caseId: c.id, version: c.version + 1, party: party(employer.id) }))).toBe('STALE_VERSION');
    await as('officer.b');
    expect(await code(core.dispatch('cases:saveAdverseParty', { caseId: c.id, version: c.version, party: party(employer.id) }))).toBe('NOT_FOUND');
    expect(await code(core.dispatch('cases:saveAdverseParty', { caseId: c.id, version: c.version, party: party('00000000-0000-4000-8000-00000000f00d') }))).toBe('NOT_FOUND');
    await core.lock('user');
    expect(await state()).toEqual(before);
    expect(before.parties).toEqual([]);
  });

  it('same-workplace follow-up: a supervisor lists trainees to interview for officers; each officer sees and records only their own, and counts the rest', async () => {
    const { core, as, users } = await team(dirs);
    await as('sup.c');
    const employer = await ok<Organisation>(core, 'organisations:save', { organisation: org() });
    const add = (trainee: string, officer: 'officer.a' | 'officer.b') =>
      ok<FollowupList>(core, 'organisations:saveFollowup', { organisationId: employer.id, followup: { trainee, plannedOn: '2026-12-10', assignedTo: users[officer].id, note: '' } });
    await add('Trainee Fictiva One', 'officer.a');
    const all = await add('Trainee Fictiva Two', 'officer.b');
    expect(all.entries.map((e) => [e.trainee, e.assignedToName, e.outcome])).toEqual([
      ['Trainee Fictiva One', 'Officer Aoki', 'pending'],
      ['Trainee Fictiva Two', 'Officer Baba', 'pending'],
    ]);
    expect(all.others).toBe(0);
    // Assigned to a supervisor (not an officer): refused, nothing saved.
    expect(await code(core.dispatch('organisations:saveFollowup', { organisationId: employer.id, followup: { trainee: 'X', assignedTo: users['sup.c'].id } }))).toBe('INVALID_INPUT');

    await as('officer.a');
    const mine = await ok<FollowupList>(core, 'organisations:followups', { organisationId: employer.id });
    expect(mine.entries.map((e) => e.trainee)).toEqual(['Trainee Fictiva One']);
    expect(mine.others).toBe(1);
    expect(JSON.stringify(mine)).not.toContain('Two');
    const [entry] = mine.entries;
    // The officer records the outcome; adding, reassigning or renaming is a supervisor's.
    const done = await ok<FollowupList>(core, 'organisations:saveFollowup', { organisationId: employer.id, followupId: entry.id, version: entry.version, followup: { trainee: entry.trainee, plannedOn: '2026-12-11', assignedTo: entry.assignedTo, outcome: 'concern-found', note: 'Wages withheld (fictional)' } });
    expect(done.entries[0]).toMatchObject({ outcome: 'concern-found', plannedOn: '2026-12-11', version: entry.version + 1 });
    expect(await code(core.dispatch('organisations:saveFollowup', { organisationId: employer.id, followupId: entry.id, version: entry.version + 1, followup: { trainee: entry.trainee, assignedTo: users['officer.b'].id } }))).toBe('FORBIDDEN');
    expect(await code(core.dispatch('organisations:saveFollowup', { organisationId: employer.id, followup: { trainee: 'Someone', assignedTo: users['officer.a'].id } }))).toBe('FORBIDDEN');
    expect(await code(core.dispatch('organisations:saveFollowup', { organisationId: employer.id, followupId: entry.id, version: entry.version, followup: { trainee: entry.trainee, assignedTo: entry.assignedTo, outcome: 'no-concern' } }))).toBe('STALE_VERSION');
    await as('officer.b');
    // Officer B cannot touch A's entry: it does not exist for them.
    expect(await code(core.dispatch('organisations:saveFollowup', { organisationId: employer.id, followupId: entry.id, version: entry.version + 1, followup: { trainee: entry.trainee, assignedTo: entry.assignedTo, outcome: 'no-concern' } }))).toBe('NOT_FOUND');
    const saved = await auditRows(core, { action: 'organisation.followup-saved' });
    expect(saved.map((e) => e.details.outcome)).toEqual(['concern-found', 'pending', 'pending']);
    expect(JSON.stringify(saved)).not.toContain('Fictiva');
  });
});
