import { describe, expect, it } from 'vitest';
import { STATUSES_OF_RESIDENCE, TECHNICAL_INTERN_STATUSES, type StatusOfResidence } from './immigration';
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
  type GuidanceImmigration,
  type GuidanceInput,
  type GuidanceMissing,
  type GuidanceReason,
  type GuidanceWarning,
  type Pathway,
} from './guidance';

type Status = StatusOfResidence;
type Overrides = Omit<Partial<GuidanceInput>, 'considerations' | 'immigration'> & {
  considerations?: Partial<GuidanceInput['considerations']>;
  immigration?: Partial<GuidanceImmigration>;
};

const TODAY = '2025-06-15';

/**
 * A synthetic identified victim of labour exploitation in technical intern training whose status
 * expired (an overstay), screened, who wishes to remain and has every consideration on record:
 * special residence permission and an alternative to detention, nothing missing, no warnings.
 */
function input(overrides: Overrides = {}): GuidanceInput {
  const { considerations, immigration, ...rest } = overrides;
  return {
    today: TODAY,
    identificationStatus: 'identified',
    exploitationTypes: ['labour-titp'],
    indicatorsPresent: ['withholds-documents', 'unpaid-wages'],
    screeningComplete: true,
    adverseRoles: [],
    alternativeApproved: false,
    wish: 'remain',
    iomConsent: null,
    chosenPathway: null,
    ...rest,
    immigration: {
      statusOfResidence: 'technical-intern-2-ro',
      periodOfStayExpiry: '2024-11-30',
      statusValidity: 'expired',
      abscondedFromTraining: false,
      deportationProcedure: false,
      custody: 'none',
      reportingDates: [],
      ...immigration,
    },
    considerations: {
      'danger-on-return': 'high',
      'condition-and-protection': 'moderate',
      cooperation: { level: 'high', status: 'cooperating' },
      ...considerations,
    },
  };
}

/** The same person with a valid status: renewal and change of status apply. */
const lawful = (overrides: Overrides = {}) => input({ ...overrides, immigration: { statusValidity: 'valid', periodOfStayExpiry: '2026-03-31', ...overrides.immigration } });

/**
 * Immigration facts that can be true together (DOMAIN.md §2–§3), by name. The base person's status
 * is Technical Intern Training (ii) ロ; "today" is 2025-06-15.
 */
const FACTS = {
  'valid status': { statusValidity: 'valid', periodOfStayExpiry: '2026-03-31' },
  'absconded intern, period still running': { statusValidity: 'valid', periodOfStayExpiry: '2026-03-31', abscondedFromTraining: true },
  'absconded intern, period expired': { statusValidity: 'valid', periodOfStayExpiry: '2025-01-31', abscondedFromTraining: true },
  'absconded intern, status revoked': { statusValidity: 'revoked', periodOfStayExpiry: '2026-03-31', abscondedFromTraining: true },
  'overstay (status expired)': { statusValidity: 'expired' },
  'period of stay ran out (status recorded valid)': { statusValidity: 'valid', periodOfStayExpiry: '2025-06-14' },
  'illegal entry (no status)': { statusOfResidence: 'none', statusValidity: 'none', periodOfStayExpiry: null },
  'status revoked': { statusValidity: 'revoked' },
  'in deportation procedure': { statusValidity: 'expired', deportationProcedure: true },
  'overstay and detained': { statusValidity: 'expired', deportationProcedure: true, custody: 'detained' },
  'valid status, yet detained in deportation procedure': { statusValidity: 'valid', periodOfStayExpiry: '2026-03-31', deportationProcedure: true, custody: 'detained' },
  'on provisional release': { statusValidity: 'expired', deportationProcedure: true, custody: 'provisional-release' },
  'under supervision measures': { statusValidity: 'expired', deportationProcedure: true, custody: 'supervision-measures' },
} as const satisfies Record<string, Partial<GuidanceImmigration>>;
type Facts = keyof typeof FACTS;
const at = (facts: Facts, overrides: Overrides = {}) => input({ ...overrides, immigration: { ...FACTS[facts], ...overrides.immigration } });

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

  // Written out by hand, not derived: every combination of facts × every wish (and none recorded).
  // The base person's danger on return is assessed high: a wish to return leaves the protective
  // pathways offered beside the return (DOMAIN.md §1, first consideration).
  const LEGAL: Pathway[] = ['renewal', 'change-of-status'];
  const STAY: Pathway[] = [SRP];
  const STAY_DEPORT: Pathway[] = [SRP, PR];
  const legal: Record<Wish | 'none', Pathway[]> = { remain: LEGAL, undecided: LEGAL, none: LEGAL, return: [...LEGAL, AR] };
  const violator: Record<Wish | 'none', Pathway[]> = { remain: STAY_DEPORT, undecided: STAY_DEPORT, none: STAY_DEPORT, return: [SRP, PR, AR] };
  const released: Record<Wish | 'none', Pathway[]> = { remain: STAY, undecided: STAY, none: STAY, return: [SRP, AR] };
  const EXPECTED: Record<Facts, Record<Wish | 'none', Pathway[]>> = {
    'valid status': legal,
    'absconded intern, period still running': legal,
    'absconded intern, period expired': violator,
    'absconded intern, status revoked': violator,
    'overstay (status expired)': violator,
    'period of stay ran out (status recorded valid)': violator,
    'illegal entry (no status)': violator,
    'status revoked': violator,
    'in deportation procedure': violator,
    'overstay and detained': violator,
    'valid status, yet detained in deportation procedure': violator,
    'on provisional release': released,
    'under supervision measures': released,
  };
  // With the danger on return assessed low, a wish to return is respected alone.
  const EXPECTED_RETURN_LOW_DANGER: Record<Facts, Pathway[]> = {
    'valid status': [AR],
    'absconded intern, period still running': [AR],
    'absconded intern, period expired': [PR, AR],
    'absconded intern, status revoked': [PR, AR],
    'overstay (status expired)': [PR, AR],
    'period of stay ran out (status recorded valid)': [PR, AR],
    'illegal entry (no status)': [PR, AR],
    'status revoked': [PR, AR],
    'in deportation procedure': [PR, AR],
    'overstay and detained': [PR, AR],
    'valid status, yet detained in deportation procedure': [PR, AR],
    'on provisional release': [AR],
    'under supervision measures': [AR],
  };
  const ALL_FACTS = Object.keys(FACTS) as Facts[];
  const MATRIX = ALL_FACTS.flatMap((facts) => (['remain', 'return', 'undecided', 'none'] as const).map((wish) => [facts, wish] as const));

  it('covers all 13 combinations of facts × 4 wishes', () => {
    expect(MATRIX).toHaveLength(52);
  });

  it.each(MATRIX)('identified victim, %s, wish %s', (facts, wish) => {
    expect(applicable(at(facts, { wish: wish === 'none' ? null : wish }))).toEqual(EXPECTED[facts][wish]);
  });

  it.each(MATRIX)('possible victim (identification under way), %s, wish %s: the same pathways', (facts, wish) => {
    expect(applicable(at(facts, { wish: wish === 'none' ? null : wish, identificationStatus: 'possible' }))).toEqual(EXPECTED[facts][wish]);
  });

  it.each(MATRIX)('not a victim, %s, wish %s: no victim-protection pathway at all', (facts, wish) => {
    const g = residenceGuidance(at(facts, { wish: wish === 'none' ? null : wish, identificationStatus: 'not-a-victim' }));
    expect(g.pathways).toEqual([]);
    expect(g.warnings).toContain('not-a-victim');
  });

  it.each(ALL_FACTS)('%s, wish to return, danger on return low: the return alone (with an alternative to detention for a violator)', (facts) => {
    expect(applicable(at(facts, { wish: 'return', considerations: { 'danger-on-return': 'low' } }))).toEqual(EXPECTED_RETURN_LOW_DANGER[facts]);
  });

  it.each<[ConsiderationLevel | null, boolean]>([
    ['high', true],
    ['moderate', false],
    ['low', false],
    ['none', false],
    [null, false],
  ])('wish to return, danger on return %s: special residence permission still offered = %s', (level, offered) => {
    expect(applicable(input({ wish: 'return', considerations: { 'danger-on-return': level } })).includes(SRP)).toBe(offered);
    expect(applicable(lawful({ wish: 'return', considerations: { 'danger-on-return': level } })).includes('change-of-status')).toBe(offered);
  });

  it('an absconded intern whose period runs and whose status stands is a legal resident: change of status and renewal, never detention', () => {
    const g = residenceGuidance(at('absconded intern, period still running'));
    expect(g.pathways.map((p) => p.pathway)).toEqual(['renewal', 'change-of-status']);
    expect(g.pathways.flatMap((p) => p.reasons)).not.toContain('liable-to-detention');
    expect(g.pathways.flatMap((p) => p.reasons)).not.toContain('irregular-status');
    expect(pathway(at('absconded intern, period still running'), 'change-of-status')?.reasons).toEqual([
      'lawful-resident',
      'absconded-status-still-valid',
      'wishes-to-remain',
      'status-tied-to-exploitation',
    ]);
  });

  it.each<[string, Overrides]>([
    ['the day after the period ends', { today: '2026-04-01' }],
    ['the status revoked', { immigration: { statusValidity: 'revoked' } }],
  ])('the same absconded intern becomes a violator only with %s', (_case, overrides) => {
    const i = at('absconded intern, period still running', overrides);
    expect(applicable(i)).toEqual([SRP, PR]);
    expect(pathway(i, PR)?.reasons).toEqual(['liable-to-detention', 'avoid-detention-of-victims']);
    expect(applicable(at('absconded intern, period still running', { today: '2026-03-31' }))).toEqual(['renewal', 'change-of-status']);
  });

  // The base person's danger on return is high: a wish to return keeps the lawful pathways offered.
  it.each<[Status, Wish, Pathway[]]>([
    ['permanent-resident', 'remain', []],
    ['permanent-resident', 'return', [AR]],
    ['designated-activities', 'remain', ['renewal', 'change-of-status', 'after-procedures']],
    ['designated-activities', 'undecided', ['renewal', 'change-of-status']],
    ['designated-activities', 'return', ['renewal', 'change-of-status', AR]],
    ['student', 'remain', ['renewal', 'change-of-status']],
    ['spouse-of-japanese', 'remain', ['renewal', 'change-of-status']],
  ])('valid status, status of residence %s, wish %s', (statusOfResidence, wish, expected) => {
    expect(applicable(lawful({ wish, immigration: { statusOfResidence } }))).toEqual(expected);
  });

  it.each<[Wish, Pathway[]]>([
    ['remain', [SRP, PR]],
    ['return', [SRP, PR, AR]],
  ])('no status of residence (illegal entry), wish %s: the violator pathways', (wish, expected) => {
    expect(applicable(at('illegal entry (no status)', { wish }))).toEqual(expected);
  });

  it.each<[CooperationStatus | null, Wish, Pathway[]]>([
    ['completed', 'remain', ['renewal', 'change-of-status', 'after-procedures']],
    ['completed', 'undecided', ['renewal', 'change-of-status']],
    ['cooperating', 'remain', ['renewal', 'change-of-status']],
    ['not-cooperating', 'remain', ['renewal', 'change-of-status']],
    [null, 'remain', ['renewal', 'change-of-status']],
  ])('valid status (student), cooperation %s, wish %s: after criminal procedures only once they are completed', (status, wish, expected) => {
    const cooperation = status === null ? null : { level: 'moderate' as const, status };
    expect(applicable(lawful({ wish, considerations: { cooperation }, immigration: { statusOfResidence: 'student' } }))).toEqual(expected);
  });

  it('after-procedures is not offered to a violator, however completed the procedures', () => {
    const i = input({ considerations: { cooperation: { level: 'high', status: 'completed' } }, immigration: { statusOfResidence: 'designated-activities' } });
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

  const TIED: Status[] = [...TECHNICAL_INTERN_STATUSES, 'trainee', 'entertainer', 'temporary-visitor'];
  const LAWFUL_STATUSES = STATUSES_OF_RESIDENCE.filter((s) => s !== 'none' && s !== 'permanent-resident');

  it.each(LAWFUL_STATUSES.map((s) => [s, TIED.includes(s)] as const))('change of status from %s: tied to the exploitation = %s', (statusOfResidence, tied) => {
    expect(pathway(lawful({ wish: 'undecided', immigration: { statusOfResidence } }), 'change-of-status')?.reasons).toEqual(
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

  it.each<[Facts, GuidanceReason[]]>([
    ['overstay and detained', ['detained', 'avoid-detention-of-victims']],
    ['valid status, yet detained in deportation procedure', ['detained', 'avoid-detention-of-victims']],
    ['in deportation procedure', ['in-deportation-procedure', 'avoid-detention-of-victims']],
    ['overstay (status expired)', ['liable-to-detention', 'avoid-detention-of-victims']],
    ['absconded intern, period expired', ['liable-to-detention', 'avoid-detention-of-victims']],
    ['illegal entry (no status)', ['liable-to-detention', 'avoid-detention-of-victims']],
  ])('provisional release, %s', (facts, reasons) => {
    expect(pathway(at(facts), PR)?.reasons).toEqual(reasons);
  });

  it('assisted return: the wish to return', () => {
    expect(pathway(input({ wish: 'return' }), AR)?.reasons).toEqual(['wishes-to-return']);
  });

  it.each<[Status, CooperationStatus, GuidanceReason[]]>([
    ['designated-activities', 'cooperating', ['wishes-to-remain', 'after-protection-procedures']],
    ['student', 'completed', ['wishes-to-remain', 'criminal-procedures-completed']],
    ['designated-activities', 'completed', ['wishes-to-remain', 'after-protection-procedures', 'criminal-procedures-completed']],
  ])('after procedures, status %s, cooperation %s', (statusOfResidence, status, reasons) => {
    expect(pathway(lawful({ considerations: { cooperation: { level: 'high', status } }, immigration: { statusOfResidence } }), 'after-procedures')?.reasons).toEqual(reasons);
  });
});

describe('residence guidance: what is still missing', () => {
  const ALL_CONSIDERATIONS_MISSING = { considerations: { 'danger-on-return': null, 'condition-and-protection': null, cooperation: null } } as const;

  // [pathway, item, an input where the item is missing, the same input with the item recorded]
  it.each<[Pathway, GuidanceMissing, GuidanceInput, GuidanceInput]>([
    ['renewal', 'wish', lawful({ wish: null }), lawful({ wish: 'undecided' })],
    ['renewal', 'identification', lawful({ identificationStatus: 'possible' }), lawful()],
    ['renewal', 'expiry-date', lawful({ immigration: { periodOfStayExpiry: null } }), lawful()],
    ['renewal', 'consideration-condition', lawful({ considerations: { 'condition-and-protection': null } }), lawful({ considerations: { 'condition-and-protection': 'none' } })],
    ['change-of-status', 'wish', lawful({ wish: null }), lawful()],
    ['change-of-status', 'identification', lawful({ identificationStatus: 'possible' }), lawful()],
    ['change-of-status', 'consideration-condition', lawful({ considerations: { 'condition-and-protection': null } }), lawful({ considerations: { 'condition-and-protection': 'low' } })],
    [SRP, 'wish', input({ wish: null }), input({ wish: 'undecided' })],
    [SRP, 'identification', input({ identificationStatus: 'possible' }), input()],
    [SRP, 'consideration-danger', input({ considerations: { 'danger-on-return': null } }), input({ considerations: { 'danger-on-return': 'none' } })],
    [SRP, 'consideration-condition', input({ considerations: { 'condition-and-protection': null } }), input({ considerations: { 'condition-and-protection': 'none' } })],
    [SRP, 'consideration-cooperation', input({ considerations: { cooperation: null } }), input({ considerations: { cooperation: { level: 'none', status: 'not-asked' } } })],
    [PR, 'consideration-condition', at('overstay and detained', { considerations: { 'condition-and-protection': null } }), at('overstay and detained')],
    [AR, 'iom-consent', input({ wish: 'return' }), input({ wish: 'return', iomConsent: 'given' })],
    [AR, 'iom-consent', input({ wish: 'return', iomConsent: 'refused' }), input({ wish: 'return', iomConsent: 'given' })],
    [AR, 'iom-consent', input({ wish: 'return', iomConsent: 'withdrawn' }), input({ wish: 'return', iomConsent: 'given' })],
    [AR, 'consideration-danger', input({ wish: 'return', iomConsent: 'given', considerations: { 'danger-on-return': null } }), input({ wish: 'return', iomConsent: 'given' })],
    ['after-procedures', 'identification', lawful({ identificationStatus: 'possible', immigration: { statusOfResidence: 'designated-activities' } }), lawful({ immigration: { statusOfResidence: 'designated-activities' } })],
    [
      'after-procedures',
      'consideration-condition',
      lawful({ considerations: { 'condition-and-protection': null }, immigration: { statusOfResidence: 'designated-activities' } }),
      lawful({ immigration: { statusOfResidence: 'designated-activities' } }),
    ],
  ])('%s: %s appears when not recorded and disappears once it is', (p, item, without, withIt) => {
    expect(pathway(without, p)?.missing).toEqual([item]);
    expect(canSubmit(residenceGuidance(without), p)).toBe(false);
    expect(pathway(withIt, p)?.missing).toEqual([]);
    expect(canSubmit(residenceGuidance(withIt), p)).toBe(true);
  });

  it('lists everything missing at once, in a fixed order', () => {
    const g = residenceGuidance(at('overstay and detained', { wish: null, identificationStatus: 'possible', ...ALL_CONSIDERATIONS_MISSING }));
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
    expect(pathway(lawful({ wish: null, identificationStatus: 'possible', ...ALL_CONSIDERATIONS_MISSING, immigration: { periodOfStayExpiry: null } }), 'renewal')?.missing).toEqual([
      'wish',
      'identification',
      'expiry-date',
      'consideration-condition',
    ]);
  });

  it('change of status does not ask for the expiry date, nor for danger or cooperation', () => {
    expect(pathway(lawful({ ...ALL_CONSIDERATIONS_MISSING, immigration: { periodOfStayExpiry: null } }), 'change-of-status')?.missing).toEqual(['consideration-condition']);
  });

  it('provisional release waits for neither the wish nor the identification: detention is avoided meanwhile', () => {
    expect(pathway(at('overstay and detained', { wish: null, identificationStatus: 'possible' }), PR)?.missing).toEqual([]);
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
    ['absconded intern, not screened', at('absconded intern, period still running', { screeningComplete: false }), ['absconded-not-screened']],
    ['absconded intern, screened', at('absconded intern, period still running', { screeningComplete: true }), []],
    ['absconded intern whose period ran out, not screened', at('absconded intern, period expired', { screeningComplete: false }), ['absconded-not-screened', 'period-expired']],
    ['overstayer, not screened', input({ screeningComplete: false }), []],
    [
      'absconded intern found not a victim without screening',
      at('absconded intern, period expired', { screeningComplete: false, identificationStatus: 'not-a-victim', indicatorsPresent: [] }),
      ['not-a-victim', 'absconded-not-screened', 'period-expired'],
    ],
    // return-despite-danger
    ['wish to return, danger high', input({ wish: 'return', iomConsent: 'given' }), ['return-despite-danger']],
    ['wish to return, danger moderate', input({ wish: 'return', iomConsent: 'given', considerations: { 'danger-on-return': 'moderate' } }), []],
    ['wish to return, danger not assessed', input({ wish: 'return', iomConsent: 'given', considerations: { 'danger-on-return': null } }), []],
    ['wish to remain, danger high', input({ wish: 'remain' }), []],
    ['undecided, danger high', input({ wish: 'undecided' }), []],
    // detained-no-alternative
    ['detained, nothing chosen', at('overstay and detained'), ['detained-no-alternative']],
    ['detained, special residence permission chosen', at('overstay and detained', { chosenPathway: SRP }), ['detained-no-alternative']],
    ['detained, provisional release chosen', at('overstay and detained', { chosenPathway: PR }), []],
    ['in deportation procedure, not detained, nothing chosen', at('in deportation procedure'), []],
    ['on provisional release, nothing chosen', at('on provisional release'), []],
    // period-expired / period-expiring
    ['valid status, expired yesterday', lawful({ immigration: { periodOfStayExpiry: '2025-06-14' } }), ['period-expired']],
    ['valid status, expires today', lawful({ immigration: { periodOfStayExpiry: TODAY } }), ['period-expiring']],
    ['valid status, expires tomorrow', lawful({ immigration: { periodOfStayExpiry: '2025-06-16' } }), ['period-expiring']],
    ['valid status, expires in exactly 30 days', lawful({ immigration: { periodOfStayExpiry: '2025-07-15' } }), ['period-expiring']],
    ['valid status, expires in 31 days', lawful({ immigration: { periodOfStayExpiry: '2025-07-16' } }), []],
    ['valid status, expiry not recorded', lawful({ immigration: { periodOfStayExpiry: null } }), []],
    ['30 days across a year end', lawful({ today: '2024-12-31', immigration: { periodOfStayExpiry: '2025-01-30' } }), ['period-expiring']],
    ['31 days across a year end', lawful({ today: '2024-12-31', immigration: { periodOfStayExpiry: '2025-01-31' } }), []],
    ['30 days across a leap February', lawful({ today: '2024-02-01', immigration: { periodOfStayExpiry: '2024-03-02' } }), ['period-expiring']],
    ['31 days across a leap February', lawful({ today: '2024-02-01', immigration: { periodOfStayExpiry: '2024-03-03' } }), []],
    ['expired a year ago', lawful({ immigration: { periodOfStayExpiry: '2024-06-15' } }), ['period-expired']],
    ['overstayer: the expired period is the violation itself', input({ immigration: { periodOfStayExpiry: '2025-06-14' } }), []],
    ['detained, period still running (5 days)', at('valid status, yet detained in deportation procedure', { chosenPathway: PR, immigration: { periodOfStayExpiry: '2025-06-20' } }), ['period-expiring']],
    ['detained, status expired', at('overstay and detained', { chosenPathway: PR, immigration: { periodOfStayExpiry: '2025-06-20' } }), []],
    // wish-not-recorded
    ['identified, no wish recorded', input({ wish: null }), ['wish-not-recorded']],
    ['possible, no wish recorded', input({ wish: null, identificationStatus: 'possible' }), ['wish-not-recorded']],
    ['not a victim, no wish recorded', input({ wish: null, identificationStatus: 'not-a-victim', indicatorsPresent: [] }), ['not-a-victim']],
    ['undecided is a recorded wish', input({ wish: 'undecided' }), []],
    ['valid status as a student', lawful({ immigration: { statusOfResidence: 'student' } }), []],
    ['no status of residence', at('illegal entry (no status)'), []],
    // chosen-not-applicable
    ['chosen: special residence permission, which applies', input({ chosenPathway: SRP }), []],
    ['chosen: renewal, for an overstayer', input({ chosenPathway: 'renewal' }), ['chosen-not-applicable']],
    ['chosen: assisted return, without a wish to return', input({ chosenPathway: AR }), ['chosen-not-applicable']],
    ['chosen: renewal, for a permanent resident', lawful({ chosenPathway: 'renewal', immigration: { statusOfResidence: 'permanent-resident', periodOfStayExpiry: null } }), ['chosen-not-applicable']],
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
      lawful({ considerations: { cooperation: { level: 'none', status: 'not-cooperating' } }, immigration: { statusOfResidence: 'permanent-resident', periodOfStayExpiry: null } }),
      [],
    ],
    ['still considering', input({ considerations: { cooperation: { level: 'low', status: 'considering' } } }), []],
    ['cooperation not recorded', input({ considerations: { cooperation: null } }), []],
  ])('%s', (_case, i, expected) => {
    expect(warnings(i)).toEqual(expected);
  });

  it('lists several warnings once each, in a fixed order', () => {
    const i = at('absconded intern, period expired', {
      screeningComplete: false,
      identificationStatus: 'not-a-victim',
      wish: 'return',
      chosenPathway: AR,
    });
    expect(warnings(i)).toEqual(['not-a-victim', 'indicators-but-not-a-victim', 'absconded-not-screened', 'return-despite-danger', 'period-expired', 'chosen-not-applicable']);
  });

  it('does not depend on the local time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Asia/Tokyo', 'UTC', 'America/Adak']) {
        process.env.TZ = tz;
        expect(warnings(lawful({ immigration: { periodOfStayExpiry: '2025-07-15' } })), tz).toEqual(['period-expiring']);
        expect(warnings(lawful({ immigration: { periodOfStayExpiry: '2025-07-16' } })), tz).toEqual([]);
        expect(warnings(lawful({ immigration: { periodOfStayExpiry: '2025-06-14' } })), tz).toEqual(['period-expired']);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it.each<[string, Overrides]>([
    ['today not a date', { today: '15/06/2025' }],
    ['today an impossible date', { today: '2025-02-30' }],
    ['expiry an impossible month', { immigration: { periodOfStayExpiry: '2025-13-01' } }],
    ['expiry with a time', { immigration: { periodOfStayExpiry: '2025-06-15T00:00' } }],
    ['a reporting date an impossible day', { immigration: { custody: 'provisional-release', deportationProcedure: true, reportingDates: [{ date: '2025-06-31', note: '' }] } }],
  ])('refuses a malformed date rather than guessing: %s', (_case, overrides) => {
    expect(() => residenceGuidance(lawful(overrides))).toThrow(RangeError);
  });
});

describe('residence guidance: the flagship case', () => {
  /** Overstayed, identified, wishes to remain, danger on return high, cooperating with the prosecution. */
  const flagship = (overrides: Overrides = {}) =>
    at('overstay (status expired)', {
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
    const detained = residenceGuidance(flagship({ immigration: FACTS['overstay and detained'] }));
    expect(detained.pathways.map((p) => p.pathway)).toEqual([SRP, PR]);
    expect(detained.warnings).toEqual(['detained-no-alternative']);
    expect(canSubmit(detained, PR)).toBe(true);

    expect(residenceGuidance(flagship({ immigration: FACTS['overstay and detained'], chosenPathway: SRP })).warnings).toEqual(['detained-no-alternative']);
    expect(residenceGuidance(flagship({ immigration: FACTS['overstay and detained'], chosenPathway: PR })).warnings).toEqual([]);
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

describe('residence guidance: dates that matter to the decision (reporting dates, the period of stay)', () => {
  const released = (dates: string[], overrides: Overrides = {}) =>
    at('on provisional release', { ...overrides, immigration: { reportingDates: dates.map((date) => ({ date, note: '' })), ...overrides.immigration } });

  // today is 2025-06-15; REPORTING_WARNING_DAYS = 14
  it.each<[string, GuidanceInput, GuidanceWarning[]]>([
    ['provisional release, reporting today', released(['2025-06-15']), ['reporting-date-soon']],
    ['provisional release, reporting in 14 days', released(['2025-06-29']), ['reporting-date-soon']],
    ['provisional release, reporting in 15 days', released(['2025-06-30']), []],
    ['provisional release, reported yesterday', released(['2025-06-14']), ['reporting-date-passed']],
    ['provisional release, reported 14 days ago', released(['2025-06-01']), ['reporting-date-passed']],
    ['provisional release, reported 15 days ago', released(['2025-05-31']), []],
    ['provisional release, one passed and one coming', released(['2025-06-10', '2025-06-20']), ['reporting-date-soon', 'reporting-date-passed']],
    ['supervision measures, reporting in 3 days', at('under supervision measures', { immigration: { reportingDates: [{ date: '2025-06-18', note: '' }] } }), ['reporting-date-soon']],
    ['detained: reporting dates belong to release, none warned', at('overstay and detained', { chosenPathway: PR, immigration: { reportingDates: [{ date: '2025-06-18', note: '' }] } }), []],
    ['legal resident, expiry in 10 days', lawful({ immigration: { periodOfStayExpiry: '2025-06-25' } }), ['period-expiring']],
    ['absconded intern, period ends in 10 days (still a legal resident)', at('absconded intern, period still running', { immigration: { periodOfStayExpiry: '2025-06-25' } }), ['period-expiring']],
    ['absconded intern, period ended yesterday', at('absconded intern, period still running', { immigration: { periodOfStayExpiry: '2025-06-14' } }), ['period-expired']],
  ])('%s', (_case, i, expected) => {
    expect(warnings(i)).toEqual(expected);
  });
});

describe('residence guidance: a technical intern status renewed with the exploiter', () => {
  it.each<[string, string[], boolean]>([
    ['employer (implementing organisation) recorded as an adverse party', ['employer'], true],
    ['supervising organisation recorded as an adverse party', ['supervising-organisation'], true],
    ['only a broker recorded', ['broker'], false],
    ['no adverse party recorded', [], false],
  ])('%s: change of status first, renewal warned = %s', (_case, adverseRoles, tied) => {
    const g = residenceGuidance(lawful({ adverseRoles, wish: 'remain' }));
    expect(g.pathways.map((p) => p.pathway)).toEqual(tied ? ['change-of-status', 'renewal'] : ['renewal', 'change-of-status']);
    expect(g.warnings.includes('renewal-keeps-tie-to-exploiter')).toBe(tied);
  });

  it.each<[Status, boolean]>([
    ['technical-intern-2-ro', true],
    ['technical-intern-1-i', true],
    ['technical-intern-3', true],
    ['specified-skilled-1', false],
    ['student', false],
  ])('status %s with the employer as an adverse party: warned = %s', (statusOfResidence, warned) => {
    expect(warnings(lawful({ adverseRoles: ['employer'], immigration: { statusOfResidence } })).includes('renewal-keeps-tie-to-exploiter')).toBe(warned);
  });

  it('no warning where renewal does not apply (a violator)', () => {
    expect(warnings(input({ adverseRoles: ['employer'] }))).toEqual([]);
  });
});

describe('residence guidance: detention without an alternative', () => {
  it.each<[string, GuidanceInput, boolean]>([
    ['detained, nothing in place', at('overstay and detained'), true],
    ['detained, provisional release chosen on the worksheet', at('overstay and detained', { chosenPathway: PR }), false],
    ['detained, a provisional release decision approved', at('overstay and detained', { alternativeApproved: true }), false],
    ['detained, approved, another pathway on the worksheet', at('overstay and detained', { alternativeApproved: true, chosenPathway: SRP }), false],
    ['on provisional release (custody recorded)', at('on provisional release'), false],
    ['under supervision measures (custody recorded)', at('under supervision measures'), false],
    ['in deportation procedure, not detained', at('in deportation procedure'), false],
  ])('%s: warned = %s', (_case, i, warned) => {
    expect(warnings(i).includes('detained-no-alternative')).toBe(warned);
  });
});
