/**
 * Issue 11 through the real core: immigration facts that can be true together, the standing derived
 * from them in the list, an absconded intern screened before anything else, and safeguards waived
 * only by a supervisor. Fictional people only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { applyCaseEdit, type CaseDetail, type CaseEdit } from '../../electron/common/caseDetail';
import type { CaseListRow } from '../../electron/common/contract.cases';
import type { MyWork } from '../../electron/common/contract.work';
import type { Immigration } from '../../electron/common/immigration';
import { interviewPlan } from '../../renderer/test/fixtures';
import { intake } from '../fixtures/cases';
import { team as makeTeam } from '../fixtures/team';
import { cleanVaultsAfterEach, code, ok } from '../fixtures/vault';

const dirs = cleanVaultsAfterEach(afterEach);
/** 2026-11-26 09:00 UTC. */
const NOW = Date.parse('2026-11-26T09:00:00Z');
const team = () => makeTeam(dirs, () => NOW);

/** A fled technical intern (Vietnam), period of stay still running, status not revoked. */
function abscondedIntern(familyName: string, immigration: Partial<Immigration> = {}, screening: 'not-started' | 'later' | 'completed' = 'later') {
  const base = intake({ familyName, nationality: 'VNM' });
  return {
    ...base,
    person: { ...base.person, languages: ['vi'] },
    immigration: {
      statusOfResidence: 'technical-intern-2-ro' as const,
      periodOfStayExpiry: '2027-03-31',
      statusValidity: 'valid' as const,
      statusValiditySince: null,
      abscondedFromTraining: true,
      abscondedSince: '2026-10-02',
      measureConditions: '',
      reportingDates: [],
      ...immigration,
    },
    exploitation: { ...base.exploitation, types: ['labour-titp' as const], screening, screenedOn: screening === 'completed' ? '2026-11-20' : null },
  };
}

const list = (core: Parameters<typeof ok>[0], filter: Record<string, unknown>) =>
  ok<{ total: number; rows: CaseListRow[] }>(core, 'cases:list', { filter, sort: 'reference' });

describe('immigration facts', () => {
  it('records facts that are true together and derives the standing for the list from them', async () => {
    const { core, as } = await team();
    await as('officer.a');
    const running = await ok<CaseDetail>(core, 'cases:create', abscondedIntern('RUNNING'));
    const expired = await ok<CaseDetail>(core, 'cases:create', abscondedIntern('EXPIRED', { periodOfStayExpiry: '2026-10-31' }));
    const detained = await ok<CaseDetail>(
      core,
      'cases:create',
      abscondedIntern('DETAINED', { statusValidity: 'expired', statusValiditySince: '2026-09-01', deportationProcedure: true, custody: 'detained', custodySince: '2026-11-01' }),
    );
    expect(running.immigration).toMatchObject({ abscondedFromTraining: true, statusValidity: 'valid', custody: 'none' });
    expect(detained.immigration).toMatchObject({ statusValidity: 'expired', deportationProcedure: true, custody: 'detained', custodySince: '2026-11-01' });

    const all = await list(core, {});
    const standing = Object.fromEntries(all.rows.map((r) => [r.reference, [r.standing, r.custody]]));
    expect(standing).toEqual({
      [running.reference]: ['legal-resident', 'none'],
      [expired.reference]: ['in-violation', 'none'],
      [detained.reference]: ['in-violation', 'detained'],
    });
    expect((await list(core, { standing: 'legal-resident' })).rows.map((r) => r.reference)).toEqual([running.reference]);
    // Newest reference first.
    expect((await list(core, { standing: 'in-violation' })).rows.map((r) => r.reference)).toEqual([detained.reference, expired.reference]);
    expect((await list(core, { custody: 'detained' })).rows.map((r) => r.reference)).toEqual([detained.reference]);

    await core.close();
  });

  it('derives the standing on the day asked: the day after a running period ends, the intern is in violation without any save', async () => {
    let clock = NOW;
    const { core, as } = await makeTeam(dirs, () => clock);
    await as('officer.a');
    const c = await ok<CaseDetail>(core, 'cases:create', abscondedIntern('LATER', { periodOfStayExpiry: '2027-03-31' }));
    const standing = async () => (await list(core, {})).rows.find((r) => r.reference === c.reference)?.standing;
    expect(await standing()).toBe('legal-resident');
    // Months later the idle lock has long fired: sign in again on each day.
    clock = Date.parse('2027-03-31T09:00:00Z');
    await as('officer.a');
    expect(await standing()).toBe('legal-resident');
    clock = Date.parse('2027-04-01T09:00:00Z');
    await as('officer.a');
    expect(await standing()).toBe('in-violation');
    expect((await list(core, { standing: 'in-violation' })).total).toBe(1);
    await core.close();
  });

  it('refuses facts that contradict one another, naming the field', async () => {
    const { core, as } = await team();
    await as('officer.a');
    for (const [immigration, path] of [
      [{ custody: 'detained' }, 'immigration.custody'],
      [{ statusOfResidence: 'student' }, 'immigration.abscondedFromTraining'],
      [{ statusOfResidence: 'none' }, 'immigration.statusValidity'],
    ] as const) {
      const r = await core.dispatch('cases:create', abscondedIntern('CONTRADICTION', immigration));
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
      expect(!r.ok && r.error.issues?.map((i) => i.path)).toContain(path);
    }
    expect((await list(core, {})).total).toBe(0);
    await core.close();
  });
});

describe('an absconded intern is screened before anything else', () => {
  it('at intake the screening is completed or deliberately deferred, never skipped', async () => {
    const { core, as } = await team();
    await as('officer.a');
    const skipped = await core.dispatch('cases:create', abscondedIntern('SKIPPED', {}, 'not-started'));
    expect(skipped).toMatchObject({ ok: false, error: { code: 'SCREENING_REQUIRED' } });
    expect(!skipped.ok && skipped.error.issues).toEqual([{ path: 'exploitation.screening', message: 'case.screening.chooseForAbsconded' }]);
    expect((await list(core, {})).total).toBe(0);

    // Deferred: a reminder on the officer's My work until the checklist is complete.
    const deferred = await ok<CaseDetail>(core, 'cases:create', abscondedIntern('DEFERRED'));
    const work = await ok<MyWork>(core, 'work:mine');
    expect(work.waiting).toEqual([expect.objectContaining({ caseId: deferred.id, kind: 'screening-due' })]);
    await core.close();
  });

  it('refuses "not a victim" and every recommendation until the checklist is complete', async () => {
    const { core, as } = await team();
    await as('officer.a');
    let d = await ok<CaseDetail>(core, 'cases:create', abscondedIntern('UNSCREENED'));

    const notAVictim = await core.dispatch('cases:update', { caseId: d.id, version: d.version, exploitation: { ...d.exploitation, identificationStatus: 'not-a-victim' } });
    expect(notAVictim).toMatchObject({ ok: false, error: { code: 'SCREENING_REQUIRED' } });
    expect(!notAVictim.ok && notAVictim.error.issues).toEqual([{ path: 'exploitation.identificationStatus', message: 'case.screening.beforeNotAVictim' }]);
    d = await ok<CaseDetail>(core, 'cases:get', { caseId: d.id });
    expect(d.exploitation.identificationStatus).toBe('possible');

    // A recommendation for the change of status the guidance offers cannot be submitted yet.
    for (const [kind, level] of [
      ['danger-on-return', 'high'],
      ['condition-and-protection', 'moderate'],
      ['cooperation', 'low'],
    ] as const) {
      d = await ok<CaseDetail>(core, 'protection:recordConsideration', {
        caseId: d.id,
        version: d.version,
        consideration: { kind, level, evidence: 'On file', assessedOn: '2026-11-20', ...(kind === 'cooperation' ? { cooperationStatus: 'considering' } : {}) },
      });
    }
    d = await ok<CaseDetail>(core, 'protection:recordWish', { caseId: d.id, version: d.version, wish: { wish: 'remain', ownWords: 'I want to work elsewhere.', expressedOn: '2026-11-20' } });
    d = applyCaseEdit(d, await ok<CaseEdit>(core, 'cases:update', { caseId: d.id, version: d.version, exploitation: { ...d.exploitation, identificationStatus: 'identified' } }));
    for (const to of ['identification', 'protection', 'decision'] as const) d = await ok<CaseDetail>(core, 'cases:transition', { caseId: d.id, version: d.version, to });
    const text = 'Written reasons, synthetic and long enough.';
    d = await ok<CaseDetail>(core, 'decisions:saveDraft', {
      caseId: d.id,
      version: d.version,
      draft: {
        pathway: 'change-of-status',
        proposedStatus: 'designated-activities',
        proposedPeriod: '1 year',
        considerationReasons: { 'danger-on-return': text, 'condition-and-protection': text, cooperation: text },
        summary: text,
      },
    });
    const refused = await core.dispatch('decisions:submit', { caseId: d.id, version: d.version, decisionId: d.decisions[0].id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RECOMMENDATION_INCOMPLETE' } });
    expect(!refused.ok && refused.error.issues).toEqual([{ path: 'screening', message: 'decision.screening.required' }]);

    // Once screened, the recommendation goes, and the reminder is gone.
    d = await ok<CaseDetail>(core, 'cases:get', { caseId: d.id });
    d = applyCaseEdit(d, await ok<CaseEdit>(core, 'cases:update', { caseId: d.id, version: d.version, exploitation: { ...d.exploitation, screening: 'completed', screenedOn: '2026-11-26' } }));
    expect(d.exploitation).toMatchObject({ screening: 'completed', screenedOn: '2026-11-26' });
    d = await ok<CaseDetail>(core, 'decisions:submit', { caseId: d.id, version: d.version, decisionId: d.decisions[0].id });
    expect(d.stage).toBe('approval');
    expect((await ok<MyWork>(core, 'work:mine')).waiting.map((w) => w.kind)).not.toContain('screening-due');
    await core.close();
  });
});

describe('safeguards are waived by a supervisor, not by the officer alone', () => {
  it('an officer\'s reason for no interpreter is recorded, and the interview starts only after a supervisor approves it', async () => {
    const { core, users, as } = await team();
    await as('officer.a');
    const c = await ok<CaseDetail>(core, 'cases:create', intake({ sex: 'male' }));
    const officer = { userId: users['officer.a'].id, sex: 'male' as const };
    let d = await ok<CaseDetail>(core, 'interviews:plan', {
      caseId: c.id,
      version: c.version,
      plan: interviewPlan([officer], { plannedAt: '2026-11-30T10:00', noInterpreterReason: 'No Tagalog interpreter reachable this week' }),
    });
    const v = d.protection.interviews[0];
    expect(v.readiness.items.interpreter).toBe('reason-recorded');
    expect(v.readiness.ready).toBe(false);
    expect(await code(core.dispatch('interviews:start', { caseId: c.id, version: d.version, interviewId: v.id }))).toBe('INTERVIEW_NOT_READY');
    // The supervisor of the case sees that it waits for them.
    await as('sup.c');
    d = await ok<CaseDetail>(core, 'cases:assign', { caseId: c.id, version: d.version, officerIds: [users['officer.a'].id], supervisorId: users['sup.c'].id });
    expect((await ok<MyWork>(core, 'work:mine')).waiting).toEqual([expect.objectContaining({ caseId: c.id, kind: 'override-needed' })]);
    d = await ok<CaseDetail>(core, 'interviews:override', { caseId: c.id, version: d.version, interviewId: v.id, reason: 'Agreed: the victim speaks some English' });
    expect(d.protection.interviews[0].override).toMatchObject({ by: 'Supervisor Chiba', items: ['interpreter'], reason: 'Agreed: the victim speaks some English' });
    await as('officer.a');
    d = await ok<CaseDetail>(core, 'interviews:start', { caseId: c.id, version: d.version, interviewId: v.id });
    expect(d.protection.interviews[0].status).toBe('in-progress');
    await core.close();
  });
});
