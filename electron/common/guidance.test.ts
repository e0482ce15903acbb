import { describe, expect, it } from 'vitest';
import { SITUATIONS, STATUSES_OF_RESIDENCE, type Situation } from './cases';
import { CONSIDERATION_LEVELS, COOPERATION_STATUSES, type ConsiderationLevel, type CooperationStatus, type Wish } from './protection';
import {
  ART_50_5_FACTORS,
  DOCUMENTS,
  GUIDANCE_MISSING,
  GUIDANCE_REASONS,
  GUIDANCE_WARNINGS,
  PATHWAYS,
  canSubmit,
  residenceGuidance,
  type GuidanceInput,
  type GuidanceMissing,
  type GuidanceReason,
  type GuidanceWarning,
  type Pathway,
} from './guidance';

type Status = (typeof STATUSES_OF_RESIDENCE)[number];
type Overrides = Omit<Partial<GuidanceInput>, 'considerations'> & { considerations?: Partial<GuidanceInput['considerations']> };

const TODAY = '2025-06-15';

/**
 * A synthetic identified victim of labour exploitation in technical intern training who overstayed,
 * wishes to remain and has every consideration on record: one pathway (special residence
 * permission), nothing missing, no warnings.
 */
function input(overrides: Overrides = {}): GuidanceInput {
  const { considerations, ...rest } = overrides;
  return {
    today: TODAY,
    situation: 'overstay',
    statusOfResidence: 'technical-intern-2',
    periodOfStayExpiry: '2024-11-30',
    identificationStatus: 'identified',
    exploitationTypes: ['labour-titp'],
    indicatorsPresent: ['withholds-documents', 'unpaid-wages'],
    indicatorsScreened: true,
    wish: 'remain',
    iomConsent: null,
    chosenPathway: null,
    ...rest,
    considerations: {
      'danger-on-return': 'high',
      'condition-and-protection': 'moderate',
      cooperation: { level: 'high', status: 'cooperating' },
      ...considerations,
    },
  };
}

/** The same person with a valid status: renewal and change of status apply. */
const lawful = (overrides: Overrides = {}) => input({ situation: 'valid-status', periodOfStayExpiry: '2026-03-31', ...overrides });

const applicable = (i: GuidanceInput) => residenceGuidance(i).pathways.map((p) => p.pathway);
const pathway = (i: GuidanceInput, p: Pathway) => residenceGuidance(i).pathways.find((g) => g.pathway === p);
const warnings = (i: GuidanceInput) => residenceGuidance(i).warnings;

const SRP = 'special-residence-permission';
const PR = 'provisional-release';
const AR = 'assisted-return';

describe('residence guidance: which pathways apply', () => {
  it('the base input: an overstaying identified victim wishing to remain, everything recorded', () => {
    expect(residenceGuidance(input())).toEqual({
      pathways: [
        {
          pathway: SRP,
          reasons: ['irregular-status', 'trafficking-victim', 'wishes-to-remain', 'danger-on-return-high', 'needs-protection', 'cooperating-with-prosecution'],
          missing: [],
        },
        { pathway: PR, reasons: ['liable-to-detention', 'avoid-detention-of-victims'], missing: [] },
      ],
      warnings: [],
    });
  });

  // Written out by hand, not derived: every situation × every wish (and none recorded).
  const STAY: Pathway[] = [SRP];
  const STAY_DEPORT: Pathway[] = [SRP, PR];
  const EXPECTED: Record<Situation, Record<Wish | 'none', Pathway[]>> = {
    'valid-status': { remain: ['renewal', 'change-of-status'], undecided: ['renewal', 'change-of-status'], none: ['renewal', 'change-of-status'], return: [AR] },
    overstay: { remain: STAY_DEPORT, undecided: STAY_DEPORT, none: STAY_DEPORT, return: [PR, AR] },
    'illegal-entry': { remain: STAY_DEPORT, undecided: STAY_DEPORT, none: STAY_DEPORT, return: [PR, AR] },
    'unauthorised-work': { remain: STAY_DEPORT, undecided: STAY_DEPORT, none: STAY_DEPORT, return: [PR, AR] },
    'status-revoked': { remain: STAY_DEPORT, undecided: STAY_DEPORT, none: STAY_DEPORT, return: [PR, AR] },
    'absconded-titp': { remain: STAY_DEPORT, undecided: STAY_DEPORT, none: STAY_DEPORT, return: [PR, AR] },
    'deportation-procedure': { remain: STAY_DEPORT, undecided: STAY_DEPORT, none: STAY_DEPORT, return: [PR, AR] },
    detained: { remain: STAY_DEPORT, undecided: STAY_DEPORT, none: STAY_DEPORT, return: [PR, AR] },
    'provisional-release': { remain: STAY, undecided: STAY, none: STAY, return: [AR] },
    'supervision-measures': { remain: STAY, undecided: STAY, none: STAY, return: [AR] },
  };
  const MATRIX = SITUATIONS.flatMap((situation) => (['remain', 'return', 'undecided', 'none'] as const).map((wish) => [situation, wish] as const));

  it('covers all 10 situations × 4 wishes', () => {
    expect(MATRIX).toHaveLength(40);
  });

  it.each(MATRIX)('identified victim, %s, wish %s', (situation, wish) => {
    expect(applicable(input({ situation, wish: wish === 'none' ? null : wish }))).toEqual(EXPECTED[situation][wish]);
  });

  it.each(MATRIX)('possible victim (identification under way), %s, wish %s: the same pathways', (situation, wish) => {
    expect(applicable(input({ situation, wish: wish === 'none' ? null : wish, identificationStatus: 'possible' }))).toEqual(EXPECTED[situation][wish]);
  });

  it.each(MATRIX)('not a victim, %s, wish %s: no victim-protection pathway at all', (situation, wish) => {
    const g = residenceGuidance(input({ situation, wish: wish === 'none' ? null : wish, identificationStatus: 'not-a-victim' }));
    expect(g.pathways).toEqual([]);
    expect(g.warnings).toContain('not-a-victim');
  });

  it.each<[Status, Wish, Pathway[]]>([
    ['none', 'remain', []],
    ['none', 'return', [AR]],
    ['permanent-resident', 'remain', []],
    ['permanent-resident', 'return', [AR]],
    ['designated-activities', 'remain', ['renewal', 'change-of-status', 'after-procedures']],
    ['designated-activities', 'undecided', ['renewal', 'change-of-status']],
    ['designated-activities', 'return', [AR]],
    ['student', 'remain', ['renewal', 'change-of-status']],
    ['spouse-of-japanese', 'remain', ['renewal', 'change-of-status']],
  ])('valid status, status of residence %s, wish %s', (statusOfResidence, wish, expected) => {
    expect(applicable(lawful({ statusOfResidence, wish }))).toEqual(expected);
  });

  it.each<[CooperationStatus | null, Wish, Pathway[]]>([
    ['completed', 'remain', ['renewal', 'change-of-status', 'after-procedures']],
    ['completed', 'undecided', ['renewal', 'change-of-status']],
    ['cooperating', 'remain', ['renewal', 'change-of-status']],
    ['not-cooperating', 'remain', ['renewal', 'change-of-status']],
    [null, 'remain', ['renewal', 'change-of-status']],
  ])('valid status (student), cooperation %s, wish %s: after criminal procedures only once they are completed', (status, wish, expected) => {
    const cooperation = status === null ? null : { level: 'moderate' as const, status };
    expect(applicable(lawful({ statusOfResidence: 'student', wish, considerations: { cooperation } }))).toEqual(expected);
  });

  it('after-procedures is not offered to a violator, however completed the procedures', () => {
    const i = input({ statusOfResidence: 'designated-activities', considerations: { cooperation: { level: 'high', status: 'completed' } } });
    expect(applicable(i)).toEqual([SRP, PR]);
  });
});

describe('residence guidance: reasons', () => {
  it.each<[Wish | null, GuidanceReason[]]>([
    ['remain', ['lawful-resident', 'wishes-to-remain']],
    ['undecided', ['lawful-resident']],
    [null, ['lawful-resident']],
  ])('renewal, wish %s', (wish, reasons) => {
    expect(pathway(lawful({ wish }), 'renewal')?.reasons).toEqual(reasons);
  });

  const TIED: Status[] = ['technical-intern-1', 'technical-intern-2', 'technical-intern-3', 'trainee', 'entertainer', 'temporary-visitor'];
  const LAWFUL_STATUSES = STATUSES_OF_RESIDENCE.filter((s) => s !== 'none' && s !== 'permanent-resident');

  it.each(LAWFUL_STATUSES.map((s) => [s, TIED.includes(s)] as const))('change of status from %s: tied to the exploitation = %s', (statusOfResidence, tied) => {
    expect(pathway(lawful({ statusOfResidence, wish: 'undecided' }), 'change-of-status')?.reasons).toEqual(
      tied ? ['lawful-resident', 'status-tied-to-exploitation'] : ['lawful-resident'],
    );
  });

  const LEVELS: (ConsiderationLevel | null)[] = [...CONSIDERATION_LEVELS, null];
  const WEIGHS = (level: ConsiderationLevel | null) => ({ none: false, low: false, moderate: true, high: true, null: false })[level ?? 'null'];

  it.each(LEVELS)('special residence permission, danger on return %s', (level) => {
    const reasons = pathway(input({ considerations: { 'danger-on-return': level } }), SRP)?.reasons;
    expect(reasons?.includes('danger-on-return-high')).toBe(WEIGHS(level));
  });

  it.each(LEVELS)('special residence permission, condition and need for protection %s', (level) => {
    const reasons = pathway(input({ considerations: { 'condition-and-protection': level } }), SRP)?.reasons;
    expect(reasons?.includes('needs-protection')).toBe(WEIGHS(level));
  });

  it.each<[CooperationStatus | null, boolean]>([
    ['not-asked', false],
    ['considering', false],
    ['cooperating', true],
    ['completed', true],
    ['not-cooperating', false],
    [null, false],
  ])('special residence permission, cooperation %s', (status, cooperating) => {
    const cooperation = status === null ? null : { level: 'high' as const, status };
    expect(pathway(input({ considerations: { cooperation } }), SRP)?.reasons.includes('cooperating-with-prosecution')).toBe(cooperating);
  });

  it('covers every cooperation status', () => {
    expect(COOPERATION_STATUSES).toHaveLength(5);
  });

  it('names Art. 50(1) (trafficking victim) only once the victim is identified', () => {
    const minimal = { wish: 'undecided' as const, considerations: { 'danger-on-return': 'low' as const, 'condition-and-protection': 'none' as const, cooperation: null } };
    expect(pathway(input(minimal), SRP)?.reasons).toEqual(['irregular-status', 'trafficking-victim']);
    expect(pathway(input({ ...minimal, identificationStatus: 'possible' }), SRP)?.reasons).toEqual(['irregular-status']);
  });

  it.each<[Situation, GuidanceReason[]]>([
    ['detained', ['detained', 'avoid-detention-of-victims']],
    ['deportation-procedure', ['in-deportation-procedure', 'avoid-detention-of-victims']],
    ['overstay', ['liable-to-detention', 'avoid-detention-of-victims']],
    ['absconded-titp', ['liable-to-detention', 'avoid-detention-of-victims']],
  ])('provisional release, %s', (situation, reasons) => {
    expect(pathway(input({ situation }), PR)?.reasons).toEqual(reasons);
  });

  it('assisted return: the wish to return', () => {
    expect(pathway(input({ wish: 'return' }), AR)?.reasons).toEqual(['wishes-to-return']);
  });

  it.each<[Status, CooperationStatus, GuidanceReason[]]>([
    ['designated-activities', 'cooperating', ['wishes-to-remain', 'after-protection-procedures']],
    ['student', 'completed', ['wishes-to-remain', 'criminal-procedures-completed']],
    ['designated-activities', 'completed', ['wishes-to-remain', 'after-protection-procedures', 'criminal-procedures-completed']],
  ])('after procedures, status %s, cooperation %s', (statusOfResidence, status, reasons) => {
    expect(pathway(lawful({ statusOfResidence, considerations: { cooperation: { level: 'high', status } } }), 'after-procedures')?.reasons).toEqual(reasons);
  });
});

describe('residence guidance: what is still missing', () => {
  const ALL_CONSIDERATIONS_MISSING = { considerations: { 'danger-on-return': null, 'condition-and-protection': null, cooperation: null } } as const;

  // [pathway, item, an input where the item is missing, the same input with the item recorded]
  it.each<[Pathway, GuidanceMissing, GuidanceInput, GuidanceInput]>([
    ['renewal', 'wish', lawful({ wish: null }), lawful({ wish: 'undecided' })],
    ['renewal', 'identification', lawful({ identificationStatus: 'possible' }), lawful()],
    ['renewal', 'expiry-date', lawful({ periodOfStayExpiry: null }), lawful()],
    ['renewal', 'consideration-condition', lawful({ considerations: { 'condition-and-protection': null } }), lawful({ considerations: { 'condition-and-protection': 'none' } })],
    ['change-of-status', 'wish', lawful({ wish: null }), lawful()],
    ['change-of-status', 'identification', lawful({ identificationStatus: 'possible' }), lawful()],
    ['change-of-status', 'consideration-condition', lawful({ considerations: { 'condition-and-protection': null } }), lawful({ considerations: { 'condition-and-protection': 'low' } })],
    [SRP, 'wish', input({ wish: null }), input({ wish: 'undecided' })],
    [SRP, 'identification', input({ identificationStatus: 'possible' }), input()],
    [SRP, 'consideration-danger', input({ considerations: { 'danger-on-return': null } }), input({ considerations: { 'danger-on-return': 'none' } })],
    [SRP, 'consideration-condition', input({ considerations: { 'condition-and-protection': null } }), input({ considerations: { 'condition-and-protection': 'none' } })],
    [SRP, 'consideration-cooperation', input({ considerations: { cooperation: null } }), input({ considerations: { cooperation: { level: 'none', status: 'not-asked' } } })],
    [PR, 'consideration-condition', input({ situation: 'detained', considerations: { 'condition-and-protection': null } }), input({ situation: 'detained' })],
    [AR, 'iom-consent', input({ wish: 'return' }), input({ wish: 'return', iomConsent: 'given' })],
    [AR, 'iom-consent', input({ wish: 'return', iomConsent: 'refused' }), input({ wish: 'return', iomConsent: 'given' })],
    [AR, 'iom-consent', input({ wish: 'return', iomConsent: 'withdrawn' }), input({ wish: 'return', iomConsent: 'given' })],
    [AR, 'consideration-danger', input({ wish: 'return', iomConsent: 'given', considerations: { 'danger-on-return': null } }), input({ wish: 'return', iomConsent: 'given' })],
    ['after-procedures', 'identification', lawful({ statusOfResidence: 'designated-activities', identificationStatus: 'possible' }), lawful({ statusOfResidence: 'designated-activities' })],
    [
      'after-procedures',
      'consideration-condition',
      lawful({ statusOfResidence: 'designated-activities', considerations: { 'condition-and-protection': null } }),
      lawful({ statusOfResidence: 'designated-activities' }),
    ],
  ])('%s: %s appears when not recorded and disappears once it is', (p, item, without, withIt) => {
    expect(pathway(without, p)?.missing).toEqual([item]);
    expect(canSubmit(residenceGuidance(without), p)).toBe(false);
    expect(pathway(withIt, p)?.missing).toEqual([]);
    expect(canSubmit(residenceGuidance(withIt), p)).toBe(true);
  });

  it('lists everything missing at once, in a fixed order', () => {
    const g = residenceGuidance(input({ situation: 'detained', wish: null, identificationStatus: 'possible', ...ALL_CONSIDERATIONS_MISSING }));
    expect(g.pathways).toEqual([
      {
        pathway: SRP,
        reasons: ['irregular-status'],
        missing: ['wish', 'identification', 'consideration-danger', 'consideration-condition', 'consideration-cooperation'],
      },
      { pathway: PR, reasons: ['detained', 'avoid-detention-of-victims'], missing: ['consideration-condition'] },
    ]);
  });

  it('renewal with nothing recorded yet', () => {
    expect(pathway(lawful({ wish: null, identificationStatus: 'possible', periodOfStayExpiry: null, ...ALL_CONSIDERATIONS_MISSING }), 'renewal')?.missing).toEqual([
      'wish',
      'identification',
      'expiry-date',
      'consideration-condition',
    ]);
  });

  it('change of status does not ask for the expiry date, nor for danger or cooperation', () => {
    expect(pathway(lawful({ periodOfStayExpiry: null, ...ALL_CONSIDERATIONS_MISSING }), 'change-of-status')?.missing).toEqual(['consideration-condition']);
  });

  it('provisional release waits for neither the wish nor the identification: detention is avoided meanwhile', () => {
    expect(pathway(input({ situation: 'detained', wish: null, identificationStatus: 'possible' }), PR)?.missing).toEqual([]);
  });

  it('assisted return asks for IOM consent and the danger on return, not for the identification or the other considerations', () => {
    const i = input({ wish: 'return', identificationStatus: 'possible', ...ALL_CONSIDERATIONS_MISSING });
    expect(pathway(i, AR)?.missing).toEqual(['consideration-danger', 'iom-consent']);
  });
});

describe('residence guidance: warnings', () => {
  // [case, input, the complete list of warnings expected]
  it.each<[string, GuidanceInput, GuidanceWarning[]]>([
    // not-a-victim
    ['identified', input(), []],
    ['possible', input({ identificationStatus: 'possible' }), []],
    ['not a victim, no indicators recorded', input({ identificationStatus: 'not-a-victim', indicatorsPresent: [] }), ['not-a-victim']],
    // indicators-but-not-a-victim
    ['not a victim although indicators are present', input({ identificationStatus: 'not-a-victim' }), ['not-a-victim', 'indicators-but-not-a-victim']],
    ['identified, with indicators present', input({ indicatorsPresent: ['debt-bondage'] }), []],
    // absconded-not-screened
    ['absconded intern, not screened', input({ situation: 'absconded-titp', indicatorsScreened: false }), ['absconded-not-screened']],
    ['absconded intern, screened', input({ situation: 'absconded-titp', indicatorsScreened: true }), []],
    ['overstayer, not screened', input({ indicatorsScreened: false }), []],
    [
      'absconded intern found not a victim without screening',
      input({ situation: 'absconded-titp', indicatorsScreened: false, identificationStatus: 'not-a-victim', indicatorsPresent: [] }),
      ['not-a-victim', 'absconded-not-screened'],
    ],
    // return-despite-danger
    ['wish to return, danger high', input({ wish: 'return', iomConsent: 'given' }), ['return-despite-danger']],
    ['wish to return, danger moderate', input({ wish: 'return', iomConsent: 'given', considerations: { 'danger-on-return': 'moderate' } }), []],
    ['wish to return, danger not assessed', input({ wish: 'return', iomConsent: 'given', considerations: { 'danger-on-return': null } }), []],
    ['wish to remain, danger high', input({ wish: 'remain' }), []],
    ['undecided, danger high', input({ wish: 'undecided' }), []],
    // detained-no-alternative
    ['detained, nothing chosen', input({ situation: 'detained' }), ['detained-no-alternative']],
    ['detained, special residence permission chosen', input({ situation: 'detained', chosenPathway: SRP }), ['detained-no-alternative']],
    ['detained, provisional release chosen', input({ situation: 'detained', chosenPathway: PR }), []],
    ['in deportation procedure, not detained, nothing chosen', input({ situation: 'deportation-procedure' }), []],
    ['on provisional release, nothing chosen', input({ situation: 'provisional-release' }), []],
    // period-expired / period-expiring
    ['valid status, expired yesterday', lawful({ periodOfStayExpiry: '2025-06-14' }), ['period-expired']],
    ['valid status, expires today', lawful({ periodOfStayExpiry: TODAY }), ['period-expiring']],
    ['valid status, expires tomorrow', lawful({ periodOfStayExpiry: '2025-06-16' }), ['period-expiring']],
    ['valid status, expires in exactly 30 days', lawful({ periodOfStayExpiry: '2025-07-15' }), ['period-expiring']],
    ['valid status, expires in 31 days', lawful({ periodOfStayExpiry: '2025-07-16' }), []],
    ['valid status, expiry not recorded', lawful({ periodOfStayExpiry: null }), []],
    ['30 days across a year end', lawful({ today: '2024-12-31', periodOfStayExpiry: '2025-01-30' }), ['period-expiring']],
    ['31 days across a year end', lawful({ today: '2024-12-31', periodOfStayExpiry: '2025-01-31' }), []],
    ['30 days across a leap February', lawful({ today: '2024-02-01', periodOfStayExpiry: '2024-03-02' }), ['period-expiring']],
    ['31 days across a leap February', lawful({ today: '2024-02-01', periodOfStayExpiry: '2024-03-03' }), []],
    ['expired a year ago', lawful({ periodOfStayExpiry: '2024-06-15' }), ['period-expired']],
    ['overstayer: the expired period is the violation itself', input({ periodOfStayExpiry: '2025-06-14' }), []],
    ['detained, period still running', input({ situation: 'detained', chosenPathway: PR, periodOfStayExpiry: '2025-06-20' }), []],
    // wish-not-recorded
    ['identified, no wish recorded', input({ wish: null }), ['wish-not-recorded']],
    ['possible, no wish recorded', input({ wish: null, identificationStatus: 'possible' }), ['wish-not-recorded']],
    ['not a victim, no wish recorded', input({ wish: null, identificationStatus: 'not-a-victim', indicatorsPresent: [] }), ['not-a-victim']],
    ['undecided is a recorded wish', input({ wish: 'undecided' }), []],
    // situation-inconsistent
    ['valid status without a status of residence', lawful({ statusOfResidence: 'none' }), ['situation-inconsistent']],
    ['valid status as a student', lawful({ statusOfResidence: 'student' }), []],
    ['overstay with no status of residence', input({ statusOfResidence: 'none' }), []],
    // chosen-not-applicable
    ['chosen: special residence permission, which applies', input({ chosenPathway: SRP }), []],
    ['chosen: renewal, for an overstayer', input({ chosenPathway: 'renewal' }), ['chosen-not-applicable']],
    ['chosen: assisted return, without a wish to return', input({ chosenPathway: AR }), ['chosen-not-applicable']],
    ['chosen: renewal, for a permanent resident', lawful({ statusOfResidence: 'permanent-resident', periodOfStayExpiry: null, chosenPathway: 'renewal' }), ['chosen-not-applicable']],
    ['chosen: anything, for a person found not a victim', input({ identificationStatus: 'not-a-victim', indicatorsPresent: [], chosenPathway: SRP }), ['not-a-victim', 'chosen-not-applicable']],
    // cooperation-not-required
    ['not cooperating, a pathway applies', input({ considerations: { cooperation: { level: 'none', status: 'not-cooperating' } } }), ['cooperation-not-required']],
    ['not cooperating, wishes to return', input({ wish: 'return', iomConsent: 'given', considerations: { 'danger-on-return': 'low', cooperation: { level: 'none', status: 'not-cooperating' } } }), ['cooperation-not-required']],
    [
      'not cooperating, no pathway applies (not a victim)',
      input({ identificationStatus: 'not-a-victim', indicatorsPresent: [], considerations: { cooperation: { level: 'none', status: 'not-cooperating' } } }),
      ['not-a-victim'],
    ],
    [
      'not cooperating, no pathway applies (permanent resident)',
      lawful({ statusOfResidence: 'permanent-resident', periodOfStayExpiry: null, considerations: { cooperation: { level: 'none', status: 'not-cooperating' } } }),
      [],
    ],
    ['still considering', input({ considerations: { cooperation: { level: 'low', status: 'considering' } } }), []],
    ['cooperation not recorded', input({ considerations: { cooperation: null } }), []],
  ])('%s', (_case, i, expected) => {
    expect(warnings(i)).toEqual(expected);
  });

  it('lists several warnings once each, in a fixed order', () => {
    const i = input({
      situation: 'absconded-titp',
      indicatorsScreened: false,
      identificationStatus: 'not-a-victim',
      wish: 'return',
      chosenPathway: AR,
    });
    expect(warnings(i)).toEqual(['not-a-victim', 'indicators-but-not-a-victim', 'absconded-not-screened', 'return-despite-danger', 'chosen-not-applicable']);
  });

  it('does not depend on the local time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Asia/Tokyo', 'UTC', 'America/Adak']) {
        process.env.TZ = tz;
        expect(warnings(lawful({ periodOfStayExpiry: '2025-07-15' })), tz).toEqual(['period-expiring']);
        expect(warnings(lawful({ periodOfStayExpiry: '2025-07-16' })), tz).toEqual([]);
        expect(warnings(lawful({ periodOfStayExpiry: '2025-06-14' })), tz).toEqual(['period-expired']);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it.each<[string, Overrides]>([
    ['today not a date', { today: '15/06/2025' }],
    ['today an impossible date', { today: '2025-02-30' }],
    ['expiry an impossible month', { periodOfStayExpiry: '2025-13-01' }],
    ['expiry with a time', { periodOfStayExpiry: '2025-06-15T00:00' }],
  ])('refuses a malformed date rather than guessing: %s', (_case, overrides) => {
    expect(() => residenceGuidance(lawful(overrides))).toThrow(RangeError);
  });
});

describe('residence guidance: the flagship case', () => {
  /** Overstayed, identified, wishes to remain, danger on return high, cooperating with the prosecution. */
  const flagship = (overrides: Overrides = {}) =>
    input({
      situation: 'overstay',
      identificationStatus: 'identified',
      wish: 'remain',
      considerations: { 'danger-on-return': 'high', 'condition-and-protection': 'high', cooperation: { level: 'high', status: 'cooperating' } },
      ...overrides,
    });

  it('special residence permission and an alternative to detention apply, with the danger and the cooperation among the reasons, nothing missing', () => {
    const g = residenceGuidance(flagship());
    expect(g.pathways.map((p) => p.pathway)).toEqual([SRP, PR]);
    expect(g.pathways[1].reasons).toEqual(['liable-to-detention', 'avoid-detention-of-victims']);
    expect(g.pathways[0].reasons).toEqual(expect.arrayContaining(['danger-on-return-high', 'cooperating-with-prosecution', 'trafficking-victim']));
    expect(g.pathways[0].missing).toEqual([]);
    expect(canSubmit(g, SRP)).toBe(true);
    expect(canSubmit(g, PR)).toBe(true);
    expect(canSubmit(g, 'assisted-return')).toBe(false);
    expect(g.warnings).toEqual([]);
  });

  it('is not submittable until the wish and all three considerations are recorded', () => {
    const before = residenceGuidance(flagship({ wish: null, considerations: { 'danger-on-return': null, 'condition-and-protection': null, cooperation: null } }));
    expect(before.pathways[0].missing).toEqual(['wish', 'consideration-danger', 'consideration-condition', 'consideration-cooperation']);
    expect(canSubmit(before, SRP)).toBe(false);
    expect(before.warnings).toEqual(['wish-not-recorded']);
  });

  it('the same person detained: provisional release applies too, and detention without an alternative is flagged until it is chosen', () => {
    const detained = residenceGuidance(flagship({ situation: 'detained' }));
    expect(detained.pathways.map((p) => p.pathway)).toEqual([SRP, PR]);
    expect(detained.warnings).toEqual(['detained-no-alternative']);
    expect(canSubmit(detained, PR)).toBe(true);

    expect(residenceGuidance(flagship({ situation: 'detained', chosenPathway: SRP })).warnings).toEqual(['detained-no-alternative']);
    expect(residenceGuidance(flagship({ situation: 'detained', chosenPathway: PR })).warnings).toEqual([]);
  });
});

describe('canSubmit', () => {
  it.each<[string, GuidanceInput, Pathway, boolean]>([
    ['applies, nothing missing', input(), SRP, true],
    ['applies, something missing', input({ wish: null }), SRP, false],
    ['does not apply, though nothing would be missing', input(), 'renewal', false],
    ['does not apply: not a victim', input({ identificationStatus: 'not-a-victim' }), SRP, false],
    ['assisted return with consent given', input({ wish: 'return', iomConsent: 'given' }), AR, true],
    ['assisted return, consent withdrawn', input({ wish: 'return', iomConsent: 'withdrawn' }), AR, false],
  ])('%s', (_case, i, p, expected) => {
    expect(canSubmit(residenceGuidance(i), p)).toBe(expected);
  });
});

describe('residence guidance: vocabulary', () => {
  it('lists the Art. 50(5) factors in statute order', () => {
    expect(ART_50_5_FACTORS).toEqual([
      'reason-for-stay',
      'family-relations',
      'conduct',
      'how-came-to-japan',
      'length-and-status-of-stay',
      'facts-of-deportation-grounds',
      'humanitarian-need',
      'domestic-international-conditions',
      'effect-on-other-irregular-residents',
    ]);
  });

  it.each(PATHWAYS)('%s has a checklist of 3 to 7 distinct documents', (p) => {
    const docs: readonly string[] = DOCUMENTS[p];
    expect(docs.length).toBeGreaterThanOrEqual(3);
    expect(docs.length).toBeLessThanOrEqual(7);
    expect(new Set(docs).size).toBe(docs.length);
  });

  it('has no duplicate codes', () => {
    for (const list of [PATHWAYS, ART_50_5_FACTORS, GUIDANCE_REASONS, GUIDANCE_MISSING, GUIDANCE_WARNINGS]) {
      expect(new Set<string>(list).size).toBe(list.length);
    }
  });
});
