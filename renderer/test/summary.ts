/** Synthetic printed summaries, built by core's own rule (buildSummary) from a fictional case. */
import type { CaseDetail } from '../../electron/common/caseDetail';
import type { PrintFooter } from '../../electron/common/contract.exports';
import type { Guidance } from '../../electron/common/guidance';
import { buildSummary, type Profile, type SealedItem, type SealedValues, type SummaryDocument } from '../../electron/common/summary';
import { assessment, caseDetail, decisionSummary, exploitationFacts, immigrationFacts, SNAPSHOT_HASH, wishRecord } from './caseDetail';

/** An approved special residence permission for the synthetic case. */
const approvedDecision = decisionSummary(
  {
    pathway: 'special-residence-permission',
    proposedStatus: 'designated-activities',
    proposedPeriod: '1 year',
    considerationReasons: { 'danger-on-return': 'Threats by the broker network at home.' },
    factorReasons: { 'humanitarian-need': 'High danger on return; needs care.' },
    summary: 'Recommend special residence permission as Designated Activities for one year.',
    documents: ['srp-application'],
  },
  {
    status: 'approved',
    events: [
      { kind: 'approved', at: '2026-03-11T02:00:00.000Z', by: 'Testperson Supervisor', comment: '', snapshotHash: SNAPSHOT_HASH },
      { kind: 'submitted', at: '2026-03-10T02:00:00.000Z', by: 'Testperson Officer', comment: '', snapshotHash: SNAPSHOT_HASH },
    ],
  },
);

const guidanceAtSubmission: Guidance = {
  pathways: [{ pathway: 'special-residence-permission', reasons: ['irregular-status', 'trafficking-victim', 'wishes-to-remain'], missing: [] }],
  warnings: [],
};

/** A fictional case with something in every section a profile can print: an overstayer, identified, an approved decision. */
export function richCase(): CaseDetail {
  return caseDetail({
    stage: 'approval',
    flags: ['pursued-by-traffickers', 'media-interest'],
    person: {
      familyName: 'Testfamily',
      givenName: 'Testgiven',
      familyNameNative: 'テスト',
      givenNameNative: 'ギブン',
      preferredName: 'Gigi',
      aliases: ['Testalias'],
      sex: 'female',
      dateOfBirth: '1998-04-12',
      nationality: 'PHL',
      languages: ['tl', 'en'],
      interpreterNeeded: true,
    },
    immigration: immigrationFacts({ statusOfResidence: 'entertainer', periodOfStayExpiry: '2025-10-31', statusValidity: 'expired', statusValiditySince: '2025-11-01' }),
    exploitation: exploitationFacts({
      types: ['sexual'],
      indicators: { 'withholds-documents': { present: true, note: 'Passport kept by the manager' } },
      identificationStatus: 'identified',
      identificationDate: '2026-02-20',
      periodFrom: '2025-03-01',
      periodTo: '2025-10-01',
      place: 'Fictional bar, Prefecture X',
    }),
    protection: {
      considerations: [assessment({ kind: 'danger-on-return', level: 'high' }), assessment({ kind: 'cooperation', level: 'moderate', cooperationStatus: 'cooperating', authorityReference: 'PP-FICT-9' })],
      wishes: [wishRecord({ ownWords: 'I want to stay and work safely.' })],
    },
    decisions: [approvedDecision],
  });
}

/** The sealed values a supervisor may add (all invented). */
export const SEALED_VALUES: SealedValues = {
  whereabouts: { locationType: 'shelter', name: 'Fictional Shelter A', address: '1-2-3 Fictional-cho', phone: '000-0000-0000', safeContactMethod: 'Through the shelter office' },
  identityDocuments: [{ kind: 'passport', number: 'P0000000', issuer: 'Fictional Republic', heldBy: 'Agency safe' }],
};

export function summaryDocument(profile: Profile, sealed: SealedItem[] = [], detail: CaseDetail = richCase()): SummaryDocument {
  return buildSummary(profile, { detail, today: '2026-11-29', guidanceAtSubmission, sealed: SEALED_VALUES }, sealed);
}

export function printFooter(overrides: Partial<PrintFooter> = {}): PrintFooter {
  return {
    number: 'EXP-2026-000123',
    copy: 1,
    recipient: 'Fictional Shelter Network',
    exporter: 'Testperson Officer',
    exportedOn: '2026-11-29',
    anchor: { seq: 4711, mac: 'a1b2c3d4' },
    ...overrides,
  };
}
