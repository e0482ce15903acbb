import { describe, expect, it } from 'vitest';
import type { Exploitation } from './cases';
import type { OrganisationRow } from './contract.organisations';
import { canonicalJson, DecisionDraftSchema, guidanceInputOf, recommendationIssues, snapshotFacts, type CaseFacts, type SnapshotSource } from './decisions';
import { ImmigrationFactsSchema, type Immigration } from './immigration';

/** An intern who fled on 2026-05-01, period of stay until 2026-12-31; the rest at the schema's defaults. */
const immigration = (overrides: Partial<Immigration> = {}): Immigration =>
  ImmigrationFactsSchema.parse({ statusOfResidence: 'technical-intern-2-ro', periodOfStayExpiry: '2026-12-31', abscondedFromTraining: true, abscondedSince: '2026-05-01', ...overrides });

const exploitation = (overrides: Partial<Exploitation> = {}): Exploitation => ({
  types: ['labour-titp'],
  indicators: { 'unpaid-wages': { present: true, note: '' } },
  periodFrom: null,
  periodTo: null,
  place: '',
  referralSource: 'otit',
  identificationStatus: 'identified',
  identificationDate: null,
  screening: 'completed',
  screenedOn: '2026-06-01',
  ...overrides,
});

/** A synthetic absconded intern, screened, identified, wishing to remain, every consideration recorded. */
const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  immigration: immigration(),
  exploitation: exploitation(),
  adverseParties: [],
  decisions: [],
  protection: {
    considerations: [
      { kind: 'danger-on-return', level: 'high', cooperationStatus: null },
      { kind: 'condition-and-protection', level: 'moderate', cooperationStatus: null },
      { kind: 'cooperation', level: 'low', cooperationStatus: 'considering' },
    ],
    wishes: [{ wish: 'remain' }],
    iomConsents: [],
  },
  ...overrides,
});

const reason = 'A reason of some length, synthetic.';
const draft = DecisionDraftSchema.parse({
  pathway: 'change-of-status',
  proposedStatus: 'designated-activities',
  proposedPeriod: '1 year',
  considerationReasons: { 'danger-on-return': reason, 'condition-and-protection': reason, cooperation: reason },
  summary: reason,
});

describe('recommendations: screening before anything else for a fled intern (DOMAIN.md §3)', () => {
  it.each<[string, CaseFacts, boolean]>([
    ['absconded, screening completed', facts(), false],
    ['absconded, screening deferred', facts({ exploitation: exploitation({ screening: 'later', screenedOn: null }) }), true],
    ['absconded, screening not started', facts({ exploitation: exploitation({ screening: 'not-started', screenedOn: null }) }), true],
    ['not absconded, screening not started', facts({ immigration: immigration({ abscondedFromTraining: false }), exploitation: exploitation({ screening: 'not-started' }) }), false],
  ])('%s: submission refused = %s', (_case, f, refused) => {
    const { issues } = recommendationIssues(draft, f, '2026-07-01');
    expect(issues.some((i) => i.path === 'screening' && i.message === 'decision.screening.required')).toBe(refused);
  });

  it('an absconded intern with a running period of stay may be recommended a change of status', () => {
    expect(recommendationIssues(draft, facts(), '2026-07-01').issues).toEqual([]);
  });
});

describe('the guidance input read from the case', () => {
  it('takes the adverse parties\' roles, the screening and an approved alternative to detention', () => {
    const i = guidanceInputOf(
      facts({
        adverseParties: [{ role: 'employer' }, { role: 'broker' }],
        decisions: [
          { status: 'superseded', draft: { pathway: 'special-residence-permission' } },
          { status: 'approved', draft: { pathway: 'provisional-release' } },
        ],
      }),
      null,
      '2026-07-01',
    );
    expect(i).toMatchObject({ adverseRoles: ['employer', 'broker'], alternativeApproved: true, screeningComplete: true, wish: 'remain' });
  });

  it.each<[string, CaseFacts['decisions'], boolean]>([
    ['no decision', [], false],
    ['provisional release drafted, not approved', [{ status: 'pending', draft: { pathway: 'provisional-release' } }], false],
    ['provisional release approved, later superseded', [{ status: 'superseded', draft: { pathway: 'provisional-release' } }], false],
    ['another pathway approved', [{ status: 'approved', draft: { pathway: 'special-residence-permission' } }], false],
  ])('%s: an alternative in place = %s', (_case, decisions, expected) => {
    expect(guidanceInputOf(facts({ decisions }), null, '2026-07-01').alternativeApproved).toBe(expected);
  });
});

describe('the facts a submission snapshot freezes', () => {
  const source = (adverseParties: SnapshotSource['adverseParties']): SnapshotSource => ({
    reference: 'TV-2026-0042',
    riskLevel: 'high',
    flags: [],
    person: {} as SnapshotSource['person'],
    immigration: immigration(),
    exploitation: exploitation(),
    sealed: { whereabouts: false, 'identity-documents': false, 'residence-card-number': false },
    adverseParties,
    timeline: [],
    protection: { interviews: [], considerations: [], wishes: [], iomConsents: [] },
  });
  const party = { id: 'party-1', role: 'employer' as const, name: 'Test Factory KK', nameVariants: [], organisation: '', contact: '', notes: '' };
  const entry = (ban: OrganisationRow['standing']['ban']): OrganisationRow => ({
    id: 'org-1',
    type: 'implementing',
    nameJa: 'テスト工場株式会社',
    nameLatin: 'Test Factory KK',
    corporateNumber: '',
    prefecture: '21',
    country: '',
    standing: { ban, licenceRevoked: false, nameDisclosed: false },
    violations: 0,
  });

  it('keep an unlinked adverse party exactly as submissions froze it before parties could be registry entries', () => {
    const parties = [{ ...party, registryEntry: null }];
    expect(canonicalJson(snapshotFacts(source(parties)).adverseParties)).toBe('[{"contact":"","id":"party-1","name":"Test Factory KK","nameVariants":[],"notes":"","organisation":"","role":"employer"}]');
  });

  it('name the registry entry a party is, never how it stands today (a ban that ends changes no recommendation)', () => {
    const linked = (ban: OrganisationRow['standing']['ban']) => {
      const parties = [{ ...party, organisationId: 'org-1', registryEntry: entry(ban) }];
      return snapshotFacts(source(parties));
    };
    const banned = linked({ from: '2026-01-01', to: '2026-12-31', decisionReference: 'TEST-1' });
    expect(banned.adverseParties).toEqual([{ ...party, organisationId: 'org-1' }]);
    expect(canonicalJson(banned)).toBe(canonicalJson(linked(null)));
  });
});
