import { afterEach, describe, expect, it } from 'vitest';
import { applyCaseEdit, type CaseDetail, type CaseEdit } from '../../electron/common/caseDetail';
import type { MyWork } from '../../electron/common/contract.work';
import type { Interpreter, InterviewPlan } from '../../electron/common/protection';
import { interviewPlan } from '../../renderer/test/fixtures';
import { intake } from '../fixtures/cases';
import { withRawVault } from '../fixtures/raw';
import { auditRows, team as makeTeam } from '../fixtures/team';
import { cleanVaultsAfterEach, code, filesOf, ok } from '../fixtures/vault';

const dirs = cleanVaultsAfterEach(afterEach);
/** 2026-11-26 09:00 UTC. */
const NOW = Date.parse('2026-11-26T09:00:00Z');
const team = () => makeTeam(dirs, () => NOW);

const RECORD_MARKER = 'Synthetic-interview-record-7Q2';

function plan(officers: { userId: string; sex: 'female' | 'male' }[], change: Partial<InterviewPlan> = {}): InterviewPlan {
  return interviewPlan(officers, { plannedAt: '2026-11-30T10:00', breaks: '10 minutes every 30 minutes', placeLabel: 'Room 3', ...change });
}

const interpreterInput = (name: string, languages = ['tl', 'en']) => ({ name, nameVariants: [], languages, pledgeDate: '2026-01-10', notes: '', active: true });

describe('protection workflow', () => {
  it('a save of the case returns what it changed: laid over the page, it is the case as it is now', async () => {
    const { core, users, as } = await team();
    await as('officer.a');
    const c = await ok<CaseDetail>(core, 'cases:create', intake({ sex: 'female' })); // Tagalog speaker
    await ok(core, 'interviews:plan', { caseId: c.id, version: c.version, plan: plan([{ userId: users['officer.a'].id, sex: 'male' }]) });
    await ok(core, 'cases:addNote', { caseId: c.id, noteType: 'general', body: 'A timeline note (fictional).', sealed: false });
    let d = await ok<CaseDetail>(core, 'cases:get', { caseId: c.id });
    expect(d.protection.interviews[0].readiness.items['female-officer']).toBe('unmet');

    // The risk level alone: the record comes back, and nothing that does not depend on it.
    const risk = await ok<CaseEdit>(core, 'cases:update', { caseId: c.id, version: d.version, riskLevel: 'critical' });
    expect(risk).not.toHaveProperty('interviews');
    expect(risk).not.toHaveProperty('decisions');
    expect(risk).not.toHaveProperty('timeline');
    d = applyCaseEdit(d, risk);
    expect(d).toEqual(await ok<CaseDetail>(core, 'cases:get', { caseId: c.id }));

    // The person: the interviews' safeguards depend on the victim's sex, so they come back too.
    const person = await ok<CaseEdit>(core, 'cases:update', { caseId: c.id, version: d.version, person: { ...d.person, sex: 'male' } });
    expect(person.interviews?.[0].readiness.items['female-officer']).not.toBe('unmet');
    d = applyCaseEdit(d, person);
    expect(d).toEqual(await ok<CaseDetail>(core, 'cases:get', { caseId: c.id }));
  });

  it('blocks an interview without its safeguards, names each in core, and starts it once they are met', async () => {
    const { core, users, as } = await team();
    await as('officer.a');
    const c = await ok<CaseDetail>(core, 'cases:create', intake({ sex: 'female' })); // Tagalog speaker
    const male = { userId: users['officer.a'].id, sex: 'male' as const };

    let d = await ok<CaseDetail>(core, 'interviews:plan', { caseId: c.id, version: c.version, plan: plan([male]) });
    const [planned] = d.protection.interviews;
    expect(planned.status).toBe('planned');
    expect(planned.readiness.ready).toBe(false);
    expect(planned.readiness.items).toMatchObject({ interpreter: 'unmet', 'female-officer': 'unmet', 'private-place': 'met' });
    expect(await code(core.dispatch('interviews:start', { caseId: c.id, version: d.version, interviewId: planned.id }))).toBe('INTERVIEW_NOT_READY');
    // An officer cannot override.
    expect(await code(core.dispatch('interviews:override', { caseId: c.id, version: d.version, interviewId: planned.id, reason: 'officer wants to go ahead' }))).toBe('FORBIDDEN');

    // An interpreter without a pledge cannot be assigned.
    const unpledged = await ok<Interpreter>(core, 'interpreters:save', { interpreter: { ...interpreterInput('Interp Unpledged'), pledgeDate: null } });
    expect(await code(core.dispatch('interviews:plan', { caseId: c.id, version: d.version, interviewId: planned.id, plan: plan([male], { interpreterId: unpledged.id }) }))).toBe(
      'INTERPRETER_UNAVAILABLE',
    );
    const tagalog = await ok<Interpreter>(core, 'interpreters:save', { interpreter: interpreterInput('Interp Reyes Fictiva') });
    const female = { userId: users['officer.b'].id, sex: 'female' as const };
    d = await ok<CaseDetail>(core, 'interviews:plan', { caseId: c.id, version: d.version, interviewId: planned.id, plan: plan([male, female], { interpreterId: tagalog.id }) });
    expect(d.protection.interviews[0].readiness.ready).toBe(true);
    expect(d.protection.interviews[0].interpreterName).toBe('Interp Reyes Fictiva');
    d = await ok<CaseDetail>(core, 'interviews:start', { caseId: c.id, version: d.version, interviewId: planned.id });
    expect(d.protection.interviews[0].status).toBe('in-progress');
    // Started once: it cannot start again or be re-planned.
    expect(await code(core.dispatch('interviews:start', { caseId: c.id, version: d.version, interviewId: planned.id }))).toBe('INTERVIEW_STATE');
  });

  it('lets only a supervisor override unmet safeguards, with a reason, and only for the plan it was given for', async () => {
    const { core, users, as } = await team();
    await as('officer.a');
    const c = await ok<CaseDetail>(core, 'cases:create', intake({ sex: 'female' }));
    const male = { userId: users['officer.a'].id, sex: 'male' as const };
    let d = await ok<CaseDetail>(core, 'interviews:plan', { caseId: c.id, version: c.version, plan: plan([male], { noInterpreterReason: 'No Tagalog interpreter reachable' }) });
    const id = d.protection.interviews[0].id;
    // The officer's reason for no interpreter is recorded, but only a supervisor's override waives it (issue 11).
    expect(d.protection.interviews[0].readiness.items).toMatchObject({ interpreter: 'reason-recorded', 'female-officer': 'unmet' });
    expect(await code(core.dispatch('interviews:start', { caseId: c.id, version: d.version, interviewId: id }))).toBe('INTERVIEW_NOT_READY');

    await as('sup.c');
    d = await ok<CaseDetail>(core, 'interviews:override', { caseId: c.id, version: d.version, interviewId: id, reason: 'Victim asked for this officer' });
    expect(d.protection.interviews[0].override).toMatchObject({ by: 'Supervisor Chiba', reason: 'Victim asked for this officer', items: ['interpreter', 'female-officer'] });

    await as('officer.a');
    // A changed plan drops the override: it was given for the plan as it was.
    d = await ok<CaseDetail>(core, 'interviews:plan', { caseId: c.id, version: d.version, interviewId: id, plan: plan([male], { noInterpreterReason: 'No Tagalog interpreter reachable', placeLabel: 'Room 4' }) });
    expect(d.protection.interviews[0].override).toBeNull();
    expect(await code(core.dispatch('interviews:start', { caseId: c.id, version: d.version, interviewId: id }))).toBe('INTERVIEW_NOT_READY');

    await as('sup.c');
    d = await ok<CaseDetail>(core, 'interviews:override', { caseId: c.id, version: d.version, interviewId: id, reason: 'Victim asked for this officer' });
    await as('officer.a');
    d = await ok<CaseDetail>(core, 'interviews:start', { caseId: c.id, version: d.version, interviewId: id });
    expect(d.protection.interviews[0].status).toBe('in-progress');

    const trail = await auditRows(core, { caseRef: c.reference });
    expect(trail.find((e) => e.action === 'interview.overridden')).toMatchObject({ actorName: 'Supervisor Chiba', details: { items: 'interpreter,female-officer', reason: 'Victim asked for this officer' } });
    expect(trail.find((e) => e.action === 'interview.started')).toMatchObject({ details: { overridden: true } });
  });

  it('reveals a match with an adverse party only to a save, audits a keyed hash of the name asked, and limits how often', async () => {
    const { core, as } = await team();
    await as('officer.a');
    const c = await ok<CaseDetail>(core, 'cases:create', intake({ sex: 'male' }));
    await ok<CaseDetail>(core, 'cases:saveAdverseParty', {
      caseId: c.id,
      version: c.version,
      party: { role: 'broker', name: 'Ramon Brokerio', nameVariants: [], organisation: '', contact: '', notes: '' },
    });
    // Officer B has no access to the case: there is no channel that answers "is this name a suspect?".
    await as('officer.b');
    expect(await code(core.dispatch('interpreters:checkConflict', { name: 'Ramon Brokerio' }))).toBe('UNKNOWN_CHANNEL');
    expect(await code(core.dispatch('interpreters:save', { interpreter: interpreterInput('Ramon Brokerio') }))).toBe('ADVERSE_PARTY_MATCH');
    expect(await code(core.dispatch('interpreters:save', { interpreter: interpreterInput('brokerio  RAMON') }))).toBe('ADVERSE_PARTY_MATCH');
    await ok<Interpreter>(core, 'interpreters:save', { interpreter: interpreterInput('Testdora Lim') });
    expect((await ok<{ interpreters: Interpreter[] }>(core, 'interpreters:list', {})).interpreters.map((i) => i.name)).toEqual(['Testdora Lim']);

    const refused = await auditRows(core, { action: 'interpreter.conflict-refused' });
    expect(refused.map((e) => e.actorName)).toEqual(['Officer Baba', 'Officer Baba']);
    // The same name asked twice, spelt differently, has the same hash; the trail never holds the name.
    const hashes = refused.map((e) => e.details.nameHash);
    expect(hashes[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(hashes[1]).toBe(hashes[0]);
    const saved = await auditRows(core, { action: 'interpreter.saved' });
    expect(saved[0].details.nameHash).not.toBe(hashes[0]);
    expect(JSON.stringify([...refused, ...saved]).toLowerCase()).not.toMatch(/brokerio|testdora/);

    // At most CONFLICT_CHECKS_PER_HOUR saves or refused saves an hour per user (three made above).
    await as('officer.b');
    for (let n = 3; n < 20; n++) await ok(core, 'interpreters:save', { interpreter: interpreterInput(`Testname Number${n}`) });
    const limited = await core.dispatch('interpreters:save', { interpreter: interpreterInput('Ramon Brokerio') });
    expect(limited.ok ? 'ok' : limited.error.code).toBe('CONFLICT_CHECKS_LIMITED');
    expect(limited.ok ? 0 : limited.error.retryAfterMs).toBeGreaterThan(0);
    // Other users are not held back.
    await as('officer.a');
    await ok(core, 'interpreters:save', { interpreter: interpreterInput('Testother Person') });
  });

  it('blocks an interpreter who matches an adverse party, even one accepted in the registry', async () => {
    const { core, users, as } = await team();
    await as('officer.a');
    const c = await ok<CaseDetail>(core, 'cases:create', intake({ sex: 'male' }));
    const withParty = await ok<CaseDetail>(core, 'cases:saveAdverseParty', {
      caseId: c.id,
      version: c.version,
      party: { role: 'broker', name: 'Ramon Brokerio', nameVariants: ['ラモン'], organisation: '', contact: '', notes: '' },
    });
    expect(await code(core.dispatch('interpreters:save', { interpreter: interpreterInput('Ramon Brokerio') }))).toBe('ADVERSE_PARTY_MATCH');
    const risky = await ok<Interpreter>(core, 'interpreters:save', { interpreter: interpreterInput('Ramon Brokerio'), conflictReason: 'Different person, checked by ID' });
    expect(risky.conflictReason).toBe('Different person, checked by ID');

    const d = await ok<CaseDetail>(core, 'interviews:plan', {
      caseId: c.id,
      version: withParty.version,
      plan: plan([{ userId: users['officer.a'].id, sex: 'male' }], { interpreterId: risky.id }),
    });
    expect(d.protection.interviews[0]).toMatchObject({ adverseMatches: 1, readiness: { ready: false, items: { 'no-conflict': 'unmet' } } });
    expect(await code(core.dispatch('interviews:start', { caseId: c.id, version: d.version, interviewId: d.protection.interviews[0].id }))).toBe('INTERVIEW_NOT_READY');
  });

  it('records a declined interview with no adverse mark, and seals a held interview’s record', async () => {
    const { dataDir, core, users, as } = await team();
    await as('officer.a');
    const c = await ok<CaseDetail>(core, 'cases:create', intake({ sex: 'male' }));
    const officer = { userId: users['officer.a'].id, sex: 'male' as const };
    const tagalog = await ok<Interpreter>(core, 'interpreters:save', { interpreter: interpreterInput('Interp Cruz Fictiva') });
    let d = await ok<CaseDetail>(core, 'interviews:plan', { caseId: c.id, version: c.version, plan: plan([officer], { interpreterId: tagalog.id }) });
    const first = d.protection.interviews[0].id;

    // No testimony can be attached to a declined interview.
    expect(
      await code(core.dispatch('interviews:record', { caseId: c.id, version: d.version, interviewId: first, result: { outcome: 'declined', record: 'something said' } })),
    ).toBe('INVALID_INPUT');
    // Held needs a start first.
    expect(await code(core.dispatch('interviews:record', { caseId: c.id, version: d.version, interviewId: first, result: { outcome: 'held', record: 'x', voluntariness: 'x' } }))).toBe(
      'INTERVIEW_STATE',
    );
    const before = d;
    d = await ok<CaseDetail>(core, 'interviews:record', { caseId: c.id, version: d.version, interviewId: first, result: { outcome: 'declined', note: '' } });
    expect(d.protection.interviews[0].status).toBe('declined');
    // Nothing else about the case changed: no risk, flag, stage, note or event.
    expect({ risk: d.riskLevel, flags: d.flags, stage: d.stage, timeline: d.timeline }).toEqual({ risk: before.riskLevel, flags: before.flags, stage: before.stage, timeline: before.timeline });

    d = await ok<CaseDetail>(core, 'interviews:plan', { caseId: c.id, version: d.version, plan: plan([officer], { interpreterId: tagalog.id, plannedAt: '2026-12-02T10:00' }) });
    const second = d.protection.interviews.find((v) => v.status === 'planned')!.id;
    d = await ok<CaseDetail>(core, 'interviews:start', { caseId: c.id, version: d.version, interviewId: second });
    const missingStatement = await core.dispatch('interviews:record', { caseId: c.id, version: d.version, interviewId: second, result: { outcome: 'held', record: RECORD_MARKER } });
    expect(missingStatement).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'result.voluntariness', message: 'interview.voluntariness.required' }] } });
    d = await ok<CaseDetail>(core, 'interviews:record', {
      caseId: c.id,
      version: d.version,
      interviewId: second,
      result: { outcome: 'held', record: RECORD_MARKER, voluntariness: 'Told he could stop at any time; spoke voluntarily.' },
    });
    const held = d.protection.interviews.find((v) => v.id === second)!;
    expect(held).toMatchObject({ status: 'held', hasRecord: true });
    expect(JSON.stringify(d)).not.toContain(RECORD_MARKER);
    expect(JSON.stringify(await ok(core, 'cases:list', { filter: { query: RECORD_MARKER.slice(0, 12) } }))).toContain('"total":0');

    const shown = await ok<{ record: string }>(core, 'interviews:revealRecord', { caseId: c.id, interviewId: second, reason: 'Preparing the recommendation' });
    expect(shown.record).toBe(RECORD_MARKER);
    // An officer of another case learns nothing.
    await as('officer.b');
    expect(await code(core.dispatch('interviews:revealRecord', { caseId: c.id, interviewId: second, reason: 'curious about it' }))).toBe('NOT_FOUND');

    const trail = await auditRows(core, { caseRef: c.reference });
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['interview.planned', 'interview.started', 'interview.recorded', 'interview.record-revealed']));
    expect(trail.find((e) => e.action === 'interview.record-revealed')).toMatchObject({ details: { reason: 'Preparing the recommendation' } });
    expect(JSON.stringify(trail)).not.toContain(RECORD_MARKER);
    await core.lock('user');
    // Encrypted at rest, like every other value: absent from every file of the vault.
    for (const f of filesOf(dataDir)) expect(f.bytes.includes(Buffer.from(RECORD_MARKER))).toBe(false);
    await withRawVault(dataDir, async (db) => {
      const row = await db.get<{ n: number }>("SELECT count(*) AS n FROM interviews WHERE status = 'declined'");
      expect(row?.n).toBe(1);
    });
  });

  it('keeps the considerations, wishes and IOM consent as dated histories, audited, append-only', async () => {
    const { dataDir, core, as } = await team();
    await as('officer.a');
    const c = await ok<CaseDetail>(core, 'cases:create', intake());
    let d = await ok<CaseDetail>(core, 'protection:recordConsideration', {
      caseId: c.id,
      version: c.version,
      consideration: { kind: 'danger-on-return', level: 'moderate', evidence: 'Broker network active in home town', assessedOn: '2026-11-20' },
    });
    d = await ok<CaseDetail>(core, 'protection:recordConsideration', {
      caseId: c.id,
      version: d.version,
      consideration: { kind: 'danger-on-return', level: 'high', evidence: 'Threat message received by family', assessedOn: '2026-11-25' },
    });
    expect(
      await code(
        core.dispatch('protection:recordConsideration', {
          caseId: c.id,
          version: d.version,
          consideration: { kind: 'danger-on-return', level: 'high', evidence: 'x', assessedOn: '2026-11-25', cooperationStatus: 'cooperating' },
        }),
      ),
    ).toBe('INVALID_INPUT');
    d = await ok<CaseDetail>(core, 'protection:recordConsideration', {
      caseId: c.id,
      version: d.version,
      consideration: { kind: 'cooperation', level: 'high', evidence: 'Gave statement to prosecutors', assessedOn: '2026-11-25', cooperationStatus: 'cooperating', authorityReference: 'PP-2026-118' },
    });
    d = await ok<CaseDetail>(core, 'protection:recordWish', { caseId: c.id, version: d.version, wish: { wish: 'undecided', ownWords: 'I need time to think.', expressedOn: '2026-11-20' } });
    d = await ok<CaseDetail>(core, 'protection:recordWish', { caseId: c.id, version: d.version, wish: { wish: 'remain', ownWords: 'I want to stay and work safely.', expressedOn: '2026-11-25' } });
    await ok<CaseDetail>(core, 'protection:recordIomConsent', { caseId: c.id, version: d.version, consent: { consent: 'refused', on: '2026-11-25' } });
    // A stale save changes nothing.
    expect(await code(core.dispatch('protection:recordWish', { caseId: c.id, version: c.version, wish: { wish: 'return', ownWords: 'x', expressedOn: '2026-11-25' } }))).toBe('STALE_VERSION');

    const p = (await ok<CaseDetail>(core, 'cases:get', { caseId: c.id })).protection;
    expect(p.considerations.map((k) => [k.kind, k.level])).toEqual([
      ['cooperation', 'high'],
      ['danger-on-return', 'high'],
      ['danger-on-return', 'moderate'],
    ]);
    expect(p.considerations[0]).toMatchObject({ cooperationStatus: 'cooperating', authorityReference: 'PP-2026-118', recordedBy: 'Officer Aoki' });
    expect(p.wishes.map((w) => w.wish)).toEqual(['remain', 'undecided']);
    expect(p.iomConsents.map((x) => x.consent)).toEqual(['refused']);

    const trail = await auditRows(core, { caseRef: c.reference });
    expect(trail.filter((e) => e.action === 'case.consideration-recorded')).toHaveLength(3);
    expect(trail.filter((e) => e.action === 'case.wish-recorded')).toHaveLength(2);
    expect(trail.filter((e) => e.action === 'case.iom-consent-recorded')).toHaveLength(1);
    await core.lock('user');
    await withRawVault(dataDir, async (db) => {
      await expect(db.run("UPDATE case_wishes SET wish = 'return'")).rejects.toThrow(/append-only/);
      await expect(db.run('DELETE FROM case_considerations')).rejects.toThrow(/append-only/);
    });
  });

  it('lists at most 100 deadlines: the overdue expiries, oldest first, then as many upcoming as there is room for', async () => {
    const { core, as } = await team();
    await as('officer.a');
    const base = intake();
    const expired = (day: number) => ({ ...base.immigration, statusValidity: 'valid' as const, statusValiditySince: null, statusOfResidence: 'technical-intern-2' as const, periodOfStayExpiry: `2026-${day < 31 ? '10' : '11'}-${String(day < 31 ? day : day - 30).padStart(2, '0')}` });
    for (let i = 0; i < 98; i++) await ok(core, 'cases:create', { ...intake({ familyName: `OVERDUE${i}` }), immigration: expired(1 + (i % 55)) });
    for (const day of ['2026-12-01', '2026-12-02', '2026-12-03']) {
      await ok(core, 'cases:create', { ...intake({ familyName: 'SOON' }), immigration: { ...base.immigration, periodOfStayExpiry: null, reportingDates: [{ date: day, note: '' }] } });
    }
    const { deadlines } = await ok<MyWork>(core, 'work:mine', {});
    expect(deadlines).toHaveLength(100);
    expect(deadlines.slice(0, 98).every((x) => x.kind === 'period-of-stay-expiry' && x.date < '2026-11-26')).toBe(true);
    expect(deadlines.slice(0, 98).map((x) => x.date)).toEqual(deadlines.slice(0, 98).map((x) => x.date).sort());
    expect(deadlines.slice(98).map((x) => [x.kind, x.date])).toEqual([['reporting', '2026-12-01'], ['reporting', '2026-12-02']]);
  });

  it('shows each user their interviews, deadlines in the next 30 days and what waits for them', async () => {
    const { core, users, as } = await team();
    await as('officer.a');
    const base = intake();
    const c = await ok<CaseDetail>(core, 'cases:create', {
      ...base,
      immigration: { ...base.immigration, periodOfStayExpiry: '2026-12-20', reportingDates: [{ date: '2026-11-20', note: 'past' }, { date: '2026-12-05', note: '' }, { date: '2027-02-01', note: 'far' }] },
    });
    const overdue = await ok<CaseDetail>(core, 'cases:create', {
      ...intake({ familyName: 'REYES' }),
      immigration: { ...base.immigration, statusValidity: 'valid', statusValiditySince: null, statusOfResidence: 'technical-intern-2', periodOfStayExpiry: '2026-11-01' },
    });
    // A violator's long-past expiry is history, not a deadline.
    await ok<CaseDetail>(core, 'cases:create', { ...intake({ familyName: 'LIM' }), immigration: { ...base.immigration, periodOfStayExpiry: '2026-06-01' } });
    let d = await ok<CaseDetail>(core, 'interviews:plan', { caseId: c.id, version: c.version, plan: plan([{ userId: users['officer.a'].id, sex: 'male' }]) });
    d = await ok<CaseDetail>(core, 'cases:transition', { caseId: c.id, version: d.version, to: 'identification' });
    d = await ok<CaseDetail>(core, 'cases:transition', { caseId: c.id, version: d.version, to: 'protection' });

    const work = await ok<MyWork>(core, 'work:mine', {});
    expect(work.interviews).toEqual([expect.objectContaining({ caseId: c.id, reference: c.reference, maskedName: 'S. M.', plannedAt: '2026-11-30T10:00', ready: false })]);
    expect(work.deadlines.map((x) => [x.reference, x.kind, x.date])).toEqual([
      [overdue.reference, 'period-of-stay-expiry', '2026-11-01'],
      [c.reference, 'reporting', '2026-12-05'],
      [c.reference, 'period-of-stay-expiry', '2026-12-20'],
    ]);
    expect(work.waiting).toEqual([expect.objectContaining({ caseId: c.id, kind: 'considerations-missing' })]);
    expect(JSON.stringify(work)).not.toContain('SANTOS');

    // Changing the expiry moves the deadline.
    d = applyCaseEdit(d, await ok<CaseEdit>(core, 'cases:update', { caseId: c.id, version: d.version, immigration: { ...d.immigration, periodOfStayExpiry: '2027-06-01' } }));
    expect((await ok<MyWork>(core, 'work:mine', {})).deadlines.map((x) => x.date)).toEqual(['2026-11-01', '2026-12-05']);

    // Someone else's work is not mine.
    await as('officer.b');
    expect(await ok<MyWork>(core, 'work:mine', {})).toEqual({ interviews: [], deadlines: [], waiting: [] });

    // The supervisor of the case sees the interview that needs an override.
    await as('sup.c');
    await ok(core, 'cases:assign', { caseId: c.id, version: d.version, officerIds: [users['officer.a'].id], supervisorId: users['sup.c'].id });
    const sup = await ok<MyWork>(core, 'work:mine', {});
    expect(sup.waiting).toEqual([expect.objectContaining({ caseId: c.id, kind: 'override-needed' })]);
    expect(sup.deadlines.map((x) => x.date)).toEqual(['2026-12-05']);
  });
});
