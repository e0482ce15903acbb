import type { CaseDetail } from '../../electron/common/caseDetail';
import { ExploitationSchema, type Exploitation } from '../../electron/common/cases';
import { ImmigrationFactsSchema, type Immigration } from '../../electron/common/immigration';
import type { DecisionDraft, DecisionSummary } from '../../electron/common/decisions';
import type { Consideration, WishRecord } from '../../electron/common/protection';

/** The id of the synthetic case every case-page test works on. */
export const CASE_ID = '00000000-0000-4000-8000-00000000c001';

/** When the synthetic protection records were recorded. */
export const RECORDED_AT = '2026-03-05T02:00:00.000Z';

/** Like `Partial<CaseDetail>`, except that the protection lists given are merged into the empty ones. */
export type CaseOverrides = Partial<Omit<CaseDetail, 'protection'>> & { protection?: Partial<CaseDetail['protection']> };

/**
 * Immigration facts as core returns them: a Technical Intern Training (ii) ロ status, still valid
 * (no expiry recorded), nothing else, unless told. The contract's own defaults fill the rest.
 */
export function immigrationFacts(overrides: Partial<Immigration> = {}): Immigration {
  return ImmigrationFactsSchema.parse({ statusOfResidence: 'technical-intern-2-ro', ...overrides });
}

/** The exploitation section as core returns it: labour exploitation in TITP, a possible victim, the checklist complete, unless told. */
export function exploitationFacts(overrides: Partial<Exploitation> = {}): Exploitation {
  return ExploitationSchema.parse({ types: ['labour-titp'], referralSource: 'ngo-shelter', screening: 'completed', screenedOn: '2026-03-01', ...overrides });
}

/**
 * A synthetic case as `cases:get` returns it: invented names only, no real person's data. A female
 * Tagalog speaker, a possible technical-intern victim who absconded while her status is still valid
 * and has been screened, at the protection stage, with nothing sealed, no adverse party, no
 * protection record and no decision. Tests pass what they rely on.
 */
export function caseDetail({ protection, ...overrides }: CaseOverrides = {}): CaseDetail {
  return {
    id: CASE_ID,
    reference: 'TV-2026-0042',
    stage: 'protection',
    closing: null,
    riskLevel: 'high',
    flags: [],
    version: 3,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    officers: [{ id: 'officer-1', displayName: 'Testperson Officer' }],
    supervisor: { id: 'supervisor-1', displayName: 'Testperson Supervisor' },
    person: {
      familyName: 'Testfamily',
      givenName: 'Testgiven',
      familyNameNative: '',
      givenNameNative: '',
      preferredName: '',
      aliases: [],
      sex: 'female',
      dateOfBirth: null,
      nationality: 'PHL',
      languages: ['tl'],
      interpreterNeeded: true,
    },
    immigration: immigrationFacts({ abscondedFromTraining: true, abscondedSince: '2026-02-10' }),
    exploitation: exploitationFacts(),
    sealed: { whereabouts: false, 'identity-documents': false, 'residence-card-number': false },
    adverseParties: [],
    timeline: [],
    protection: { interviews: [], considerations: [], wishes: [], iomConsents: [], ...protection },
    decisions: [],
    ...overrides,
  };
}

let serial = 0;

/** A recorded assessment, as core sends it: a moderate danger on return unless told, with an id of its own. */
export function assessment(overrides: Partial<Consideration> = {}): Consideration {
  serial += 1;
  return {
    id: `consideration-${serial}`,
    kind: 'danger-on-return',
    level: 'moderate',
    evidence: 'Test evidence',
    notes: '',
    assessedOn: '2026-03-04',
    cooperationStatus: null,
    authorityReference: '',
    recordedAt: RECORDED_AT,
    recordedBy: 'Testperson Officer',
    ...overrides,
  };
}

/** A recorded wish, as core sends it: to remain in Japan unless told, expressed without an interpreter. */
export function wishRecord(overrides: Partial<WishRecord> = {}): WishRecord {
  serial += 1;
  return {
    id: `wish-${serial}`,
    wish: 'remain',
    ownWords: 'Test words',
    expressedOn: '2026-03-04',
    interpreterName: null,
    recordedAt: RECORDED_AT,
    recordedBy: 'Testperson Officer',
    ...overrides,
  };
}

/** The hash a synthetic recommendation was submitted (and approved) with. */
export const SNAPSHOT_HASH = '0123456789abcdef'.repeat(4);

/** A recommendation as core sends it: `draft`, submitted by the synthetic officer and pending, unless told. */
export function decisionSummary(draft: DecisionDraft, overrides: Partial<DecisionSummary> = {}): DecisionSummary {
  return {
    id: '00000000-0000-4000-8000-00000000d001',
    status: 'pending',
    draft,
    createdAt: '2026-03-10T01:00:00.000Z',
    createdBy: 'Testperson Officer',
    createdById: 'officer-1',
    editorIds: ['officer-1'],
    updatedAt: '2026-03-10T01:00:00.000Z',
    submittedById: 'officer-1',
    submittedBy: 'Testperson Officer',
    submittedAt: '2026-03-10T02:00:00.000Z',
    snapshotHash: SNAPSHOT_HASH,
    changedSinceSubmission: [],
    supersededBy: null,
    events: [{ kind: 'submitted', at: '2026-03-10T02:00:00.000Z', by: 'Testperson Officer', comment: '', snapshotHash: SNAPSHOT_HASH }],
    ...overrides,
  };
}
