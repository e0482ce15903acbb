import { describe, expect, it } from 'vitest';
import { screeningIssues } from './cases';
import { ImmigrationFactsSchema, ImmigrationSchema, isTechnicalIntern, legalStanding, violationFrom, type Immigration, type LegalStanding } from './immigration';

/** An intern with a valid status until 2026-03-31; everything else at the schema's defaults. */
const facts = (overrides: Partial<Immigration> = {}): Immigration =>
  ImmigrationFactsSchema.parse({ statusOfResidence: 'technical-intern-2-ro', periodOfStayExpiry: '2026-03-31', ...overrides });

describe('legal standing: derived from facts that can be true together (DOMAIN.md §1–§3)', () => {
  // today: 2026-01-10
  it.each<[string, Partial<Immigration>, LegalStanding]>([
    ['a valid status, period running', {}, 'legal-resident'],
    ['a valid status, no period recorded (e.g. permanent resident)', { statusOfResidence: 'permanent-resident', periodOfStayExpiry: null }, 'legal-resident'],
    ['absconded from training, period running, status not revoked', { abscondedFromTraining: true }, 'legal-resident'],
    ['absconded from training, period ending today', { abscondedFromTraining: true, periodOfStayExpiry: '2026-01-10' }, 'legal-resident'],
    ['absconded from training, period ended yesterday', { abscondedFromTraining: true, periodOfStayExpiry: '2026-01-09' }, 'in-violation'],
    ['absconded from training, status revoked', { abscondedFromTraining: true, statusValidity: 'revoked' }, 'in-violation'],
    ['worked outside the status, status valid (victims are exempt from that ground)', { unauthorisedWork: true }, 'legal-resident'],
    ['status expired (an overstay)', { statusValidity: 'expired' }, 'in-violation'],
    ['status revoked', { statusValidity: 'revoked' }, 'in-violation'],
    ['no status (illegal entry)', { statusOfResidence: 'none', statusValidity: 'none', periodOfStayExpiry: null }, 'in-violation'],
    ['in deportation procedure', { deportationProcedure: true }, 'in-violation'],
    ['overstayed and detained', { statusValidity: 'expired', deportationProcedure: true, custody: 'detained' }, 'in-violation'],
    ['on provisional release', { statusValidity: 'expired', deportationProcedure: true, custody: 'provisional-release' }, 'in-violation'],
    ['under supervision measures', { statusValidity: 'expired', deportationProcedure: true, custody: 'supervision-measures' }, 'in-violation'],
  ])('%s → %s', (_case, overrides, expected) => {
    expect(legalStanding(facts(overrides), '2026-01-10')).toBe(expected);
  });

  it.each<[Partial<Immigration>, string | null]>([
    [{}, '2026-04-01'],
    [{ periodOfStayExpiry: '2024-02-28' }, '2024-02-29'],
    [{ periodOfStayExpiry: '2025-12-31' }, '2026-01-01'],
    [{ periodOfStayExpiry: null }, null],
    [{ statusValidity: 'expired' }, '0000-01-01'],
    [{ deportationProcedure: true }, '0000-01-01'],
  ])('the first day of violation of %j is %s', (overrides, expected) => {
    expect(violationFrom(facts(overrides))).toBe(expected);
  });
});

describe('immigration facts: what can be recorded together', () => {
  it.each<[string, Partial<Immigration>, string | null]>([
    ['a valid intern status, absconded', { abscondedFromTraining: true }, null],
    ['no status, but recorded valid', { statusOfResidence: 'none' }, 'case.statusValidity.noneMeansNoStatus'],
    ['a status, but recorded as none', { statusValidity: 'none' }, 'case.statusValidity.noneMeansNoStatus'],
    ['absconded from training with a student status', { statusOfResidence: 'student', abscondedFromTraining: true }, 'case.absconded.notIntern'],
    ['detained without deportation procedures', { custody: 'detained' }, 'case.custody.needsProcedure'],
    ['overstayed and detained', { statusValidity: 'expired', deportationProcedure: true, custody: 'detained' }, null],
  ])('%s', (_case, overrides, message) => {
    const parsed = ImmigrationSchema.safeParse(facts(overrides));
    expect(parsed.success ? null : parsed.error.issues[0].message).toBe(message);
  });

  it.each<[string, boolean]>([
    ['technical-intern-1-i', true],
    ['technical-intern-3-ro', true],
    ['technical-intern-2', true],
    ['specified-skilled-1', false],
    ['trainee', false],
  ])('%s is technical intern training: %s', (status, expected) => {
    expect(isTechnicalIntern(status)).toBe(expected);
  });
});

describe('screening of an absconded intern (DOMAIN.md §3)', () => {
  it.each<[string, boolean, 'not-started' | 'later' | 'completed', 'possible' | 'not-a-victim', boolean, string[]]>([
    ['absconded, unscreened, found not a victim', true, 'later', 'not-a-victim', false, ['exploitation.identificationStatus']],
    ['absconded, screened, found not a victim', true, 'completed', 'not-a-victim', false, []],
    ['absconded, nothing chosen at intake', true, 'not-started', 'possible', true, ['exploitation.screening']],
    ['absconded, deferred at intake', true, 'later', 'possible', true, []],
    ['absconded, nothing chosen after intake (My work reminds instead)', true, 'not-started', 'possible', false, []],
    ['not absconded, nothing chosen, found not a victim', false, 'not-started', 'not-a-victim', true, []],
  ])('%s', (_case, absconded, screening, identificationStatus, atIntake, paths) => {
    expect(screeningIssues(absconded, { screening, identificationStatus }, { atIntake }).map((i) => i.path)).toEqual(paths);
  });
});
