import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from './caseDetail';
import { ExploitationSchema, INDICATORS } from './cases';
import { DecisionDraftSchema } from './decisions';
import { ImmigrationFactsSchema } from './immigration';
import { allowedFields, ageBand, buildSummary, FIELDS, PROFILE_SPECS, PROFILES, SEALED_FIELD, SEALED_ITEMS, type FieldId, type Profile, type SealedItem, type SealedValues, type SummarySource } from './summary';

/**
 * A synthetic case in which every free-text field holds its own marker ("MK-<field>-<n>"), so a
 * document can be searched for what it must and must not carry. Invented people only.
 */
function markedCase(n: number, opts: { approved?: boolean } = {}): { source: SummarySource; markers: Record<string, FieldId[]> } {
  const m = (field: string) => `MK-${field}-${n}`;
  /** Each marker and the summary fields allowed to show it. */
  const markers: Record<string, FieldId[]> = {};
  const mark = (field: FieldId | FieldId[], label: string = Array.isArray(field) ? field[0] : field) => {
    const marker = m(label);
    markers[marker] = Array.isArray(field) ? field : [field];
    return marker;
  };
  const draft = DecisionDraftSchema.parse({
    pathway: 'special-residence-permission',
    proposedStatus: 'designated-activities',
    proposedPeriod: mark('worksheet', 'proposedPeriod'),
    considerationReasons: { 'danger-on-return': mark('worksheet', 'dangerReason') },
    factorReasons: { conduct: mark('worksheet', 'conductReason') },
    summary: mark('worksheet', 'summary'),
  });
  const detail: CaseDetail = {
    id: `case-${n}`,
    reference: `TV-2026-${String(n).padStart(4, '0')}`,
    stage: 'decision',
    closing: null,
    riskLevel: 'high',
    flags: ['urgent-medical', 'media-interest'],
    version: 4,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    officers: [{ id: 'o-1', displayName: mark('caseOfficers', 'officerName') }],
    supervisor: { id: 's-1', displayName: 'Supervisor Fictiva' },
    person: {
      familyName: mark('name', 'familyName'),
      givenName: mark('name', 'givenName'),
      familyNameNative: mark('nameNative', 'familyNameNative'),
      givenNameNative: mark('nameNative', 'givenNameNative'),
      preferredName: mark('preferredName'),
      aliases: [mark('aliases')],
      sex: 'female',
      dateOfBirth: '1999-05-06',
      nationality: 'VNM',
      languages: ['vi'],
      interpreterNeeded: true,
    },
    immigration: ImmigrationFactsSchema.parse({
      statusOfResidence: 'technical-intern-2-ro',
      periodOfStayExpiry: '2026-01-31',
      statusValidity: 'expired',
      statusValiditySince: '2026-02-01',
      deportationProcedure: true,
      custody: 'provisional-release',
      measureConditions: mark('measureConditions'),
      reportingDates: [{ date: '2026-12-01', note: mark('reportingDates', 'reportingNote') }],
    }),
    exploitation: ExploitationSchema.parse({
      types: ['labour-titp'],
      indicators: { 'unpaid-wages': { present: true, note: mark('indicators', 'indicatorNote') } },
      periodFrom: '2025-04-01',
      periodTo: '2025-12-31',
      place: mark('exploitationPlace'),
      referralSource: 'otit',
      identificationStatus: 'identified',
      screening: 'completed',
      screenedOn: '2026-02-15',
    }),
    sealed: { whereabouts: true, 'identity-documents': true, 'residence-card-number': true },
    adverseParties: [{ id: 'ap-1', role: 'employer', name: m('adverseParty'), nameVariants: [], organisation: m('adverseOrg'), contact: m('adverseContact'), notes: m('adverseNotes'), registryEntry: null }],
    timeline: [{ kind: 'note', id: 'n-1', at: '2026-03-03T01:00:00.000Z', authorName: 'Officer', noteType: 'general', sealed: false, body: m('openNote') }],
    protection: {
      interviews: [
        {
          id: 'v-1',
          status: 'held',
          plan: {
            plannedAt: '2026-03-04T10:00',
            durationMinutes: 60,
            breaks: '',
            placeType: 'agency-private-room',
            placeLabel: m('placeLabel'),
            placePrivate: true,
            placeDisclosesWhereabouts: false,
            officersPresent: [{ userId: 'o-1', sex: 'female' }],
            noFemaleOfficerReason: '',
            interpreterId: null,
            noInterpreterReason: m('noInterpreterReason'),
            condition: 'stable',
            conditionNotes: m('conditionNotes'),
            rightsExplained: true,
          },
          interpreterName: null,
          officersPresent: [{ userId: 'o-1', sex: 'female', displayName: 'Officer' }],
          adverseMatches: 0,
          readiness: { ready: true, items: { interpreter: 'met', 'female-officer': 'met', 'private-place': 'met', condition: 'met', 'no-conflict': 'met', 'rights-explained': 'met' } },
          override: null,
          startedAt: '2026-03-04T01:00:00.000Z',
          endedAt: '2026-03-04T02:00:00.000Z',
          voluntariness: m('voluntariness'),
          outcomeNote: m('outcomeNote'),
          hasRecord: true,
          createdAt: '2026-03-03T01:00:00.000Z',
          createdBy: 'Officer',
        },
      ],
      considerations: [
        { id: 'k-1', kind: 'danger-on-return', level: 'high', evidence: mark('considerations', 'dangerEvidence'), notes: mark('considerations', 'dangerNotes'), assessedOn: '2026-03-05', cooperationStatus: null, authorityReference: '', recordedAt: 't', recordedBy: 'Officer' },
        { id: 'k-2', kind: 'condition-and-protection', level: 'moderate', evidence: mark('considerations', 'conditionEvidence'), notes: mark(['considerations', 'condition'], 'conditionNotesK'), assessedOn: '2026-03-05', cooperationStatus: null, authorityReference: '', recordedAt: 't', recordedBy: 'Officer' },
        { id: 'k-3', kind: 'cooperation', level: 'high', evidence: mark('considerations', 'cooperationEvidence'), notes: mark('considerations', 'cooperationNotes'), assessedOn: '2026-03-05', cooperationStatus: 'cooperating', authorityReference: mark('cooperation', 'authorityReference'), recordedAt: 't', recordedBy: 'Officer' },
      ],
      wishes: [{ id: 'w-1', wish: 'remain', ownWords: mark('wishes', 'ownWords'), expressedOn: '2026-03-05', interpreterName: null, recordedAt: 't', recordedBy: 'Officer' }],
      iomConsents: [{ id: 'i-1', consent: 'refused', on: '2026-03-05', notes: m('iomNotes'), recordedAt: 't', recordedBy: 'Officer' }],
    },
    decisions: [
      {
        id: 'd-1',
        status: opts.approved === false ? 'pending' : 'approved',
        draft,
        createdAt: 't',
        createdBy: 'Officer',
        createdById: 'o-1',
        editorIds: ['o-1'],
        updatedAt: 't',
        submittedById: 'o-1',
        submittedBy: 'Officer',
        submittedAt: '2026-03-06T01:00:00.000Z',
        snapshotHash: 'a'.repeat(64),
        changedSinceSubmission: null,
        supersededBy: null,
        events: [{ kind: 'approved', at: '2026-03-07T01:00:00.000Z', by: mark('approval', 'approverName'), comment: m('approvalComment'), snapshotHash: 'a'.repeat(64) }],
      },
    ],
  };
  const sealed: SealedValues = {
    whereabouts: { locationType: 'shelter', name: mark('whereabouts', 'shelterName'), address: mark('whereabouts', 'address'), phone: '', safeContactMethod: '' },
    identityDocuments: [{ kind: 'passport', number: mark('identityDocuments', 'passportNumber'), issuer: '', heldBy: '' }],
    residenceCardNumber: 'AB12345678CD',
    sealedNotes: [{ at: '2026-03-03T01:00:00.000Z', type: 'general', body: mark('sealedNotes', 'sealedNoteBody') }],
    interviewRecords: [{ plannedAt: '2026-03-04T10:00', record: mark('interviewRecords', 'interviewRecord') }],
  };
  markers.AB12345678CD = ['residenceCardNumber'];
  return { source: { detail, today: '2026-11-29', guidanceAtSubmission: { pathways: [{ pathway: 'special-residence-permission', reasons: ['irregular-status'], missing: [] }], warnings: [] }, sealed }, markers };
}

/** Every marker string the document carries. */
const carried = (doc: unknown, markers: Record<string, FieldId[]>) => Object.keys(markers).filter((mk) => JSON.stringify(doc).includes(mk));

describe('printed summaries: each profile is a whitelist', () => {
  it.each(PROFILES)('%s: every field the profile names, and nothing else', (profile) => {
    const { source, markers } = markedCase(1);
    const doc = buildSummary(profile, source, []);
    const allowed = allowedFields(profile, []);
    const fields = doc.sections.flatMap((s) => s.fields.map((f) => f.id));
    expect(fields.every((f) => allowed.has(f))).toBe(true);
    for (const mk of carried(doc, markers)) expect(markers[mk].some((f) => allowed.has(f)), `${mk} in ${profile}`).toBe(true);
    // Markers that belong to no summary field (adverse parties, open notes, IOM notes, interview plans) are never printed.
    expect(JSON.stringify(doc)).not.toMatch(/MK-(adverse|openNote|iomNotes|placeLabel|noInterpreterReason|conditionNotes-|voluntariness|outcomeNote|approvalComment)/);
    expect(doc.sealedIncluded).toEqual([]);
  });

  it.each<[Profile, FieldId[]]>([
    ['decision-brief', ['name', 'nameNative', 'aliases', 'statusOfResidence', 'legalStanding', 'custody', 'measureConditions', 'reportingDates', 'indicators', 'exploitationPlace', 'considerations', 'wishes', 'guidanceAtSubmission', 'worksheet', 'approval']],
    ['prosecution-liaison', ['name', 'nameNative', 'aliases', 'dateOfBirth', 'cooperation', 'interviews', 'caseOfficers', 'contactRoute']],
    ['shelter-handover', ['preferredName', 'languages', 'interpreterNeeded', 'condition', 'protectionNeeds', 'wishes', 'caseOfficers', 'contactRoute']],
    ['non-identifying', ['initials', 'sex', 'ageBand', 'nationality', 'exploitationTypes', 'stage']],
  ])('%s carries what its recipient needs', (profile, expected) => {
    const doc = buildSummary(profile, markedCase(2).source, []);
    expect(doc.sections.flatMap((s) => s.fields.map((f) => f.id))).toEqual(expect.arrayContaining(expected));
  });

  it.each<[Profile, FieldId[]]>([
    ['prosecution-liaison', ['statusOfResidence', 'custody', 'considerations', 'wishes', 'worksheet', 'preferredName']],
    ['shelter-handover', ['name', 'nameNative', 'aliases', 'dateOfBirth', 'statusOfResidence', 'legalStanding', 'custody', 'reportingDates', 'abscondedFromTraining']],
    ['non-identifying', ['name', 'preferredName', 'dateOfBirth', 'aliases', 'caseOfficers']],
  ])('%s never carries %j', (profile, forbidden) => {
    const doc = buildSummary(profile, markedCase(3).source, []);
    const fields = doc.sections.flatMap((s) => s.fields.map((f) => f.id));
    for (const f of forbidden) expect(fields).not.toContain(f);
    expect(doc.omitted).toEqual(expect.arrayContaining(forbidden));
  });

  it('a decision brief without an approved decision says so in its approval field', () => {
    const doc = buildSummary('decision-brief', markedCase(4, { approved: false }).source, []);
    const approval = doc.sections.find((s) => s.id === 'decision')?.fields.find((f) => f.id === 'approval');
    expect(approval?.value).toEqual({ t: 'code', list: 'approvalState', v: 'not-yet-approved' });
  });

  it.each(PROFILES)('%s: the case reference only where the recipient may trace the case', (profile) => {
    expect(buildSummary(profile, markedCase(8).source, []).caseReference).toBe(profile === 'non-identifying' ? null : 'TV-2026-0008');
  });
});

describe('printed summaries: sealed information', () => {
  it.each(PROFILES)('%s: no sealed value unless authorised for this export', (profile) => {
    const { source, markers } = markedCase(5);
    const doc = buildSummary(profile, source, []);
    const sealedFields = new Set<FieldId>(Object.values(SEALED_FIELD));
    expect(carried(doc, markers).filter((mk) => markers[mk].some((f) => sealedFields.has(f)))).toEqual([]);
  });

  it.each(PROFILES.flatMap((p) => SEALED_ITEMS.map((item) => [p, item] as const)))('%s with %s authorised: included only if the profile allows it', (profile, item) => {
    const { source } = markedCase(6);
    const doc = buildSummary(profile, source, [item]);
    const allowed = PROFILE_SPECS[profile].sealedAllowed.includes(item);
    expect(doc.sealedIncluded).toEqual(allowed ? [item] : []);
    expect(doc.sections.some((s) => s.fields.some((f) => f.id === SEALED_FIELD[item]))).toBe(allowed);
  });

  it('a liaison summary never carries the whereabouts, whoever authorises it', () => {
    expect(PROFILE_SPECS['prosecution-liaison'].sealedAllowed).not.toContain('whereabouts');
    const doc = buildSummary('prosecution-liaison', markedCase(7).source, [...SEALED_ITEMS]);
    expect(JSON.stringify(doc)).not.toContain('MK-shelterName');
    expect(JSON.stringify(doc)).not.toContain('MK-address');
  });
});

describe('printed summaries: property', () => {
  it('a randomly generated case never yields a field outside the profile\'s whitelist (and the sealed items it allows)', () => {
    const sealedSubset = fc.subarray([...SEALED_ITEMS]);
    fc.assert(
      fc.property(
        fc.constantFrom(...PROFILES),
        sealedSubset,
        fc.integer({ min: 1, max: 9999 }),
        fc.subarray([...INDICATORS]),
        fc.boolean(),
        fc.constantFrom('none', 'detained', 'provisional-release', 'supervision-measures'),
        (profile, authorised: SealedItem[], n, indicators, approved, custody) => {
          const { source, markers } = markedCase(n, { approved });
          source.detail.exploitation.indicators = Object.fromEntries(indicators.map((i) => [i, { present: true, note: `MK-indicators-${i}-${n}` }]));
          for (const i of indicators) markers[`MK-indicators-${i}-${n}`] = ['indicators'];
          source.detail.immigration = { ...source.detail.immigration, custody, deportationProcedure: true };
          const doc = buildSummary(profile, source, authorised);
          const allowed = allowedFields(profile, authorised);
          const fields = doc.sections.flatMap((s) => s.fields.map((f) => f.id));
          return fields.every((f) => FIELDS.includes(f) && allowed.has(f)) && carried(doc, markers).every((mk) => markers[mk].some((f) => allowed.has(f)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('age bands (never the date of birth in a non-identifying summary)', () => {
  it.each<[string | null, string]>([
    [null, 'unknown'],
    ['2010-11-30', 'under-18'],
    ['2008-11-29', '18-24'],
    ['2001-11-30', '18-24'],
    ['2001-11-29', '25-34'],
    ['1990-01-01', '35-44'],
    ['1975-06-01', '45-54'],
    ['1950-01-01', '55-plus'],
  ])('born %s → %s on 2026-11-29', (dob, band) => {
    expect(ageBand(dob, '2026-11-29')).toBe(band);
  });
});
