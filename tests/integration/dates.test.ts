/**
 * Issue 16 through the real core: a day the calendar lacks, a birth or a lapse dated after today, a
 * decision taking effect years ahead and a deadline decades ahead are refused over IPC as
 * INVALID_INPUT naming the field, in the user's language; "today" is core's clock, so moving it
 * moves the bound. Fictional people only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../electron/common/caseDetail';
import type { Organisation } from '../../electron/common/contract.organisations';
import { interviewPlan } from '../../renderer/test/fixtures';
import { intake } from '../fixtures/cases';
import { team as makeTeam } from '../fixtures/team';
import { cleanVaultsAfterEach, ok } from '../fixtures/vault';

const dirs = cleanVaultsAfterEach(afterEach);

/** 29 November 2026, 10:00 in Japan. */
const NOW = Date.parse('2026-11-29T01:00:00Z');

async function team() {
  const clock = { now: NOW };
  const t = await makeTeam(dirs, () => clock.now);
  return { ...t, clock };
}

type Failure = { ok: false; error: { code: string; message: string; issues?: { path: string; message: string }[] } };

/** The refusal core sends back for `input` on `channel`, or a failed expectation if it was accepted. */
async function refusal(core: Awaited<ReturnType<typeof team>>['core'], channel: string, input: unknown): Promise<Failure['error']> {
  const result = (await core.dispatch(channel, input)) as Failure | { ok: true };
  expect(result.ok, `${channel} was accepted`).toBe(false);
  return (result as Failure).error;
}

describe('dates a case records', () => {
  it('refuses 31 February, a birth in the future and a status lapsed "since" 2099, naming each field', async () => {
    const { core, as } = await team();
    await as('officer.a');
    const base = intake({ familyName: 'DATECHECK' });

    const impossible = await refusal(core, 'cases:create', { ...base, person: { ...base.person, dateOfBirth: '1998-02-31' } });
    expect(impossible).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'person.dateOfBirth', message: 'date.invalid' }] });

    const future = await refusal(core, 'cases:create', {
      ...base,
      person: { ...base.person, dateOfBirth: '2026-12-01' },
      immigration: { ...base.immigration, statusValiditySince: '2099-01-01' },
      exploitation: { ...base.exploitation, periodTo: '2027-01-01' },
    });
    expect(future.code).toBe('INVALID_INPUT');
    expect(future.message).toBe('Some of the information entered is not valid. Check the highlighted fields.');
    expect(future.issues).toEqual([
      { path: 'person.dateOfBirth', message: 'date.future' },
      { path: 'immigration.statusValiditySince', message: 'date.future' },
      { path: 'exploitation.periodTo', message: 'date.future' },
    ]);

    const mistypedYear = await refusal(core, 'cases:create', { ...base, person: { ...base.person, dateOfBirth: '0198-04-12' } });
    expect(mistypedYear.issues).toEqual([{ path: 'person.dateOfBirth', message: 'date.tooEarly' }]);
    const farExpiry = await refusal(core, 'cases:create', { ...base, immigration: { ...base.immigration, periodOfStayExpiry: '2062-12-20' } });
    expect(farExpiry.issues).toEqual([{ path: 'immigration.periodOfStayExpiry', message: 'date.moreThanTenYearsAhead' }]);

    // Nothing was opened by the refusals; the same intake with its facts dated up to today is.
    const made = await ok<CaseDetail>(core, 'cases:create', { ...base, person: { ...base.person, dateOfBirth: '1998-04-12' }, immigration: { ...base.immigration, statusValiditySince: '2026-11-29', reportingDates: [{ date: '2027-01-15', note: '' }] } });
    expect(made.reference).toMatch(/^TV-2026-0001$/);

    // A change is held to the same bounds, and says so in the user's language.
    await ok(core, 'users:setLocale', { locale: 'ja' });
    const update = await refusal(core, 'cases:update', { caseId: made.id, version: made.version, immigration: { ...made.immigration, statusValidity: 'expired', statusValiditySince: '2099-01-01' } });
    expect(update).toMatchObject({ code: 'INVALID_INPUT', message: '入力内容に誤りがあります。表示された項目を確認してください。', issues: [{ path: 'immigration.statusValiditySince', message: 'date.future' }] });
  });

  it('takes "today" from core’s clock, on the latest calendar day anywhere, so an officer’s today is never refused', async () => {
    const { core, as, clock } = await team();
    const base = intake({ familyName: 'DATECLOCK' });
    // 08:30 on 30 November in Japan is still 29 November in UTC.
    clock.now = Date.parse('2026-11-29T23:30:00Z');
    await as('officer.a');
    const today = await ok<CaseDetail>(core, 'cases:create', { ...base, immigration: { ...base.immigration, statusValiditySince: '2026-11-30' } });
    expect(today.immigration.statusValiditySince).toBe('2026-11-30');
    expect((await refusal(core, 'cases:create', { ...base, immigration: { ...base.immigration, statusValiditySince: '2026-12-01' } })).issues).toEqual([
      { path: 'immigration.statusValiditySince', message: 'date.future' },
    ]);
    // A day later by core's clock, the same date is accepted.
    clock.now = Date.parse('2026-11-30T23:30:00Z');
    await as('officer.a');
    await ok(core, 'cases:create', { ...base, immigration: { ...base.immigration, statusValiditySince: '2026-12-01' } });
  });

  it('refuses assessments, wishes, consents and interviews by what their dates record', async () => {
    const { core, as, users } = await team();
    await as('officer.a');
    const c = await ok<CaseDetail>(core, 'cases:create', intake({ familyName: 'DATEPROTECT' }));
    const ref = { caseId: c.id, version: c.version };
    const consideration = { kind: 'danger-on-return', level: 'high', evidence: 'Threats recorded (fictional)', assessedOn: '2026-11-30' };
    expect((await refusal(core, 'protection:recordConsideration', { ...ref, consideration: { ...consideration, assessedOn: '2026-12-03' } })).issues).toEqual([
      { path: 'consideration.assessedOn', message: 'date.future' },
    ]);
    expect((await refusal(core, 'protection:recordWish', { ...ref, wish: { wish: 'remain', ownWords: 'I want to stay (fictional)', expressedOn: '2027-01-01' } })).issues).toEqual([
      { path: 'wish.expressedOn', message: 'date.future' },
    ]);
    expect((await refusal(core, 'protection:recordIomConsent', { ...ref, consent: { consent: 'given', on: '2026-02-30' } })).issues).toEqual([{ path: 'consent.on', message: 'date.invalid' }]);
    const officer = { userId: users['officer.a'].id, sex: 'female' as const };
    expect((await refusal(core, 'interviews:plan', { ...ref, plan: interviewPlan([officer], { plannedAt: '2026-02-31T10:00' }) })).issues).toEqual([{ path: 'plan.plannedAt', message: 'date.invalid' }]);
    expect((await refusal(core, 'interviews:plan', { ...ref, plan: interviewPlan([officer], { plannedAt: '2062-01-15T10:00' }) })).issues).toEqual([
      { path: 'plan.plannedAt', message: 'date.moreThanTenYearsAhead' },
    ]);
    // An interview is planned ahead; an assessment is made up to today.
    const planned = await ok<CaseDetail>(core, 'interviews:plan', { ...ref, plan: interviewPlan([officer], { plannedAt: '2027-01-15T10:00' }) });
    const assessed = await ok<CaseDetail>(core, 'protection:recordConsideration', { caseId: c.id, version: planned.version, consideration: { ...consideration, assessedOn: '2026-11-29' } });
    expect(assessed.protection.considerations).toHaveLength(1);
  });
});

describe('dates the registries record', () => {
  it('refuses a pledge signed tomorrow, a violation ahead and a ban taking effect more than a year ahead; a ban may end years ahead', async () => {
    const { core, as } = await team();
    await as('sup.c');
    const interpreter = { name: 'Interp Datecheck Fictiva', nameVariants: [], languages: ['tl'], pledgeDate: '2026-12-01', notes: '', active: true };
    expect((await refusal(core, 'interpreters:save', { interpreter })).issues).toEqual([{ path: 'interpreter.pledgeDate', message: 'date.future' }]);
    await ok(core, 'interpreters:save', { interpreter: { ...interpreter, pledgeDate: '2026-11-29' } });

    const organisation = { type: 'implementing', nameJa: '株式会社架空日付', nameLatin: 'Kaku Date Fictional Co.', corporateNumber: '', prefecture: '21', country: '', licenceNumber: '', relatedIds: [], notes: '' };
    const o = await ok<Organisation>(core, 'organisations:save', { organisation });
    const change = { id: o.id, version: o.version };
    expect((await refusal(core, 'organisations:recordViolation', { ...change, violation: { on: '2027-02-01', article: '48', source: 'Inspection (fictional)' } })).issues).toEqual([
      { path: 'violation.on', message: 'date.future' },
    ]);
    expect((await refusal(core, 'organisations:recordStatus', { ...change, entry: { kind: 'banned', from: '2028-01-01', to: '2033-01-01', decisionReference: 'FICT-9' } })).issues).toEqual([
      { path: 'entry.from', message: 'date.moreThanAYearAhead' },
    ]);
    const banned = await ok<Organisation>(core, 'organisations:recordStatus', { ...change, entry: { kind: 'banned', from: '2026-12-01', to: '2031-11-30', decisionReference: 'FICT-9' } });
    expect(banned.version).toBeGreaterThan(o.version);
  });
});
