/**
 * Printed case summaries (DESIGN.md §7): what each recipient may read of a case. A profile is a
 * WHITELIST of fields, never a blacklist: a field not named by the profile is not in the document,
 * whatever the case holds. Sealed information is in no profile by default; a supervisor may add an
 * item the profile allows to one export, with a stated reason (core records it). Pure: core builds
 * the document (so nothing unredacted ever reaches the page); the renderer only lays it out.
 */
import { z } from 'zod';
import type { CaseDetail } from './caseDetail';
import { maskName } from './caseRules';
import type { IdentityDocumentSchema, WhereaboutsSchema } from './cases';
import type { DecisionSummary } from './decisions';
import type { Guidance } from './guidance';
import { legalStanding } from './immigration';
import { text } from './schemas';

export const PROFILES = ['decision-brief', 'prosecution-liaison', 'shelter-handover', 'non-identifying'] as const;
export type Profile = (typeof PROFILES)[number];

/** Sealed items a supervisor may add to one export (DESIGN.md §3). */
export const SEALED_ITEMS = ['whereabouts', 'identity-documents', 'residence-card-number', 'sealed-notes', 'interview-records'] as const;
export type SealedItem = (typeof SEALED_ITEMS)[number];

export const SECTIONS = ['identity', 'immigration', 'exploitation', 'protection', 'interviews', 'decision', 'contact', 'statistics', 'sealed'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** Every field a summary can hold. The profiles below pick from these; nothing else is ever printed. */
export const FIELDS = [
  'name',
  'nameNative',
  'preferredName',
  'aliases',
  'initials',
  'sex',
  'dateOfBirth',
  'ageBand',
  'nationality',
  'languages',
  'interpreterNeeded',
  'statusOfResidence',
  'periodOfStayExpiry',
  'statusValidity',
  'legalStanding',
  'abscondedFromTraining',
  'deportationProcedure',
  'custody',
  'measureConditions',
  'reportingDates',
  'exploitationTypes',
  'indicators',
  'exploitationPeriod',
  'exploitationPlace',
  'referralSource',
  'identificationStatus',
  'stage',
  'considerations',
  'wishes',
  'cooperation',
  'condition',
  'protectionNeeds',
  'interviews',
  'guidanceAtSubmission',
  'worksheet',
  'approval',
  'caseOfficers',
  'contactRoute',
  // Sealed: only when a supervisor authorised the item for this export.
  'whereabouts',
  'identityDocuments',
  'residenceCardNumber',
  'sealedNotes',
  'interviewRecords',
] as const;
export type FieldId = (typeof FIELDS)[number];

/** Which field each sealed item adds. */
export const SEALED_FIELD: Record<SealedItem, FieldId> = {
  whereabouts: 'whereabouts',
  'identity-documents': 'identityDocuments',
  'residence-card-number': 'residenceCardNumber',
  'sealed-notes': 'sealedNotes',
  'interview-records': 'interviewRecords',
};

interface ProfileSpec {
  /** The sections in print order, each with the fields it may hold, in order. */
  sections: readonly (readonly [SectionId, readonly FieldId[]])[];
  /** The sealed items a supervisor may add to this profile. */
  sealedAllowed: readonly SealedItem[];
}

/** The whitelists (issue 12). README "Printed case summaries" lists them for people. */
export const PROFILE_SPECS: Record<Profile, ProfileSpec> = {
  // The supervisor's file: everything the decision rests on, and the decision.
  'decision-brief': {
    sections: [
      ['identity', ['name', 'nameNative', 'aliases', 'sex', 'dateOfBirth', 'nationality', 'languages']],
      ['immigration', ['statusOfResidence', 'periodOfStayExpiry', 'statusValidity', 'legalStanding', 'abscondedFromTraining', 'deportationProcedure', 'custody', 'measureConditions', 'reportingDates']],
      ['exploitation', ['exploitationTypes', 'indicators', 'exploitationPeriod', 'exploitationPlace', 'referralSource', 'identificationStatus']],
      ['protection', ['considerations', 'wishes']],
      ['decision', ['guidanceAtSubmission', 'worksheet', 'approval']],
    ],
    sealedAllowed: SEALED_ITEMS,
  },
  // Prosecutors and police: who the victim is, their cooperation, when they were interviewed and how
  // it ended (never what was said, unless authorised), and the way to reach them: through the officer.
  'prosecution-liaison': {
    sections: [
      ['identity', ['name', 'nameNative', 'aliases', 'sex', 'dateOfBirth', 'nationality', 'languages', 'interpreterNeeded']],
      ['protection', ['cooperation']],
      ['interviews', ['interviews']],
      ['contact', ['caseOfficers', 'contactRoute']],
    ],
    // Never the whereabouts: the victim must not be found (DOMAIN.md §1 confidentiality).
    sealedAllowed: ['identity-documents', 'residence-card-number', 'sealed-notes', 'interview-records'],
  },
  // A shelter: how to address the person and what they need; no immigration history.
  'shelter-handover': {
    sections: [
      ['identity', ['preferredName', 'sex', 'languages', 'interpreterNeeded']],
      ['protection', ['condition', 'protectionNeeds', 'wishes']],
      ['contact', ['caseOfficers', 'contactRoute']],
    ],
    sealedAllowed: ['whereabouts', 'identity-documents', 'sealed-notes'],
  },
  // Referral or statistics: nothing that identifies.
  'non-identifying': {
    sections: [['statistics', ['initials', 'sex', 'ageBand', 'nationality', 'exploitationTypes', 'stage']]],
    sealedAllowed: [],
  },
};

/** The fields a profile may hold, with the sealed ones authorised for this export. */
export function allowedFields(profile: Profile, sealed: readonly SealedItem[]): Set<FieldId> {
  const spec = PROFILE_SPECS[profile];
  return new Set<FieldId>([...spec.sections.flatMap(([, fields]) => fields), ...sealed.filter((s) => spec.sealedAllowed.includes(s)).map((s) => SEALED_FIELD[s])]);
}

// ---- The document ------------------------------------------------------------------------------

/** A value as the print view shows it: codes go through the vocabulary, dates through the locale. */
export type Value =
  | { t: 'text'; v: string }
  | { t: 'date'; v: string | null }
  | { t: 'datetime'; v: string | null }
  | { t: 'bool'; v: boolean }
  | { t: 'code'; list: string; v: string | null }
  | { t: 'codes'; list: string; v: string[] }
  /** A person's name: the renderer puts the family name first in Japanese. */
  | { t: 'name'; family: string; given: string }
  /** Rows of labelled cells (column ids are label keys under summary.column.*). */
  | { t: 'table'; columns: string[]; rows: Value[][] };

export interface SummaryField {
  id: FieldId;
  value: Value;
}

export interface SummarySection {
  id: SectionId;
  fields: SummaryField[];
}

export interface SummaryDocument {
  profile: Profile;
  /** Null in a non-identifying summary: the export number (in the register) is its only link to the case. */
  caseReference: string | null;
  /** YYYY-MM-DD, the exporter's day. */
  generatedOn: string;
  sections: SummarySection[];
  /** The sealed items in this document (listed on its first page). */
  sealedIncluded: SealedItem[];
  /** Fields the case holds that this profile leaves out (shown struck through in the preview only). */
  omitted: FieldId[];
}

/** The sealed values core read for this export (only those authorised). */
export interface SealedValues {
  whereabouts?: z.infer<typeof WhereaboutsSchema> | null;
  identityDocuments?: z.infer<typeof IdentityDocumentSchema>[] | null;
  residenceCardNumber?: string | null;
  sealedNotes?: { at: string; type: string; body: string }[];
  interviewRecords?: { plannedAt: string; record: string }[];
}

export interface SummarySource {
  detail: CaseDetail;
  today: string;
  /** The guidance as it was when the brief's recommendation was submitted (from its snapshot). */
  guidanceAtSubmission: Guidance | null;
  sealed: SealedValues;
}

/** The protection needs a shelter should know, from the case's flags. */
const NEED_FLAGS = ['child', 'threat-to-life', 'pursued-by-traffickers', 'urgent-medical', 'pregnant', 'disability'];

/** Age bands for non-identifying summaries (never the date of birth). */
export function ageBand(dateOfBirth: string | null, today: string): string {
  if (!dateOfBirth) return 'unknown';
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return bandOfAge(ty - y - (tm < m || (tm === m && td < d) ? 1 : 0));
}

/** The band of an age in whole years (a negative age, a birth after the day, is 'unknown'). */
export function bandOfAge(age: number): string {
  if (!Number.isInteger(age) || age < 0) return 'unknown';
  if (age < 18) return 'under-18';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  return '55-plus';
}

/** The decision a brief is about: the approved one, else the one in the works (newest first in the detail). */
export function briefDecision(detail: Pick<CaseDetail, 'decisions'>): DecisionSummary | null {
  return detail.decisions.find((d) => d.status === 'approved') ?? detail.decisions.find((d) => d.status !== 'superseded') ?? null;
}

const text_ = (v: string): Value => ({ t: 'text', v });
const date = (v: string | null): Value => ({ t: 'date', v });
const code = (list: string, v: string | null): Value => ({ t: 'code', list, v });

/** Every field's value, computed only for the fields asked for. */
function fieldValue(id: FieldId, s: SummarySource): Value | null {
  const { detail: c, sealed } = s;
  const p = c.person;
  const im = c.immigration;
  const ex = c.exploitation;
  const current = (kind: string) => c.protection.considerations.find((k) => k.kind === kind) ?? null;
  const decision = briefDecision(c);
  switch (id) {
    case 'name':
      return { t: 'name', family: p.familyName, given: p.givenName };
    case 'nameNative':
      return p.familyNameNative || p.givenNameNative ? { t: 'name', family: p.familyNameNative, given: p.givenNameNative } : null;
    case 'preferredName':
      return text_(p.preferredName || p.givenName || p.familyName);
    case 'aliases':
      return p.aliases.length ? text_(p.aliases.join(', ')) : null;
    case 'initials':
      return text_(maskName(p.familyName, p.givenName));
    case 'sex':
      return code('sex', p.sex);
    case 'dateOfBirth':
      return date(p.dateOfBirth);
    case 'ageBand':
      return code('ageBand', ageBand(p.dateOfBirth, s.today));
    case 'nationality':
      return code('nationality', p.nationality);
    case 'languages':
      return { t: 'codes', list: 'language', v: p.languages };
    case 'interpreterNeeded':
      return { t: 'bool', v: p.interpreterNeeded };
    case 'statusOfResidence':
      return code('statusOfResidence', im.statusOfResidence);
    case 'periodOfStayExpiry':
      return date(im.periodOfStayExpiry);
    case 'statusValidity':
      return code('statusValidity', im.statusValidity);
    case 'legalStanding':
      return code('legalStanding', legalStanding(im, s.today));
    case 'abscondedFromTraining':
      return im.abscondedFromTraining ? date(im.abscondedSince) : null;
    case 'deportationProcedure':
      return { t: 'bool', v: im.deportationProcedure };
    case 'custody':
      return code('custody', im.custody);
    case 'measureConditions':
      return im.measureConditions ? text_(im.measureConditions) : null;
    case 'reportingDates':
      return im.reportingDates.length ? { t: 'table', columns: ['date', 'note'], rows: im.reportingDates.map((r) => [date(r.date), text_(r.note)]) } : null;
    case 'exploitationTypes':
      return { t: 'codes', list: 'exploitationType', v: ex.types };
    case 'indicators': {
      const present = Object.entries(ex.indicators).filter(([, st]) => st?.present);
      return { t: 'table', columns: ['indicator', 'note'], rows: present.map(([code_, st]) => [code('indicator', code_), text_(st?.note ?? '')]) };
    }
    case 'exploitationPeriod':
      return ex.periodFrom || ex.periodTo ? { t: 'table', columns: ['from', 'to'], rows: [[date(ex.periodFrom), date(ex.periodTo)]] } : null;
    case 'exploitationPlace':
      return ex.place ? text_(ex.place) : null;
    case 'referralSource':
      return code('referralSource', ex.referralSource);
    case 'identificationStatus':
      return code('identificationStatus', ex.identificationStatus);
    case 'stage':
      return code('stage', c.stage);
    case 'considerations':
      return {
        t: 'table',
        columns: ['consideration', 'level', 'assessedOn', 'evidence', 'notes'],
        rows: c.protection.considerations.map((k) => [code('considerationKind', k.kind), code('considerationLevel', k.level), date(k.assessedOn), text_(k.evidence), text_(k.notes)]),
      };
    case 'wishes':
      return { t: 'table', columns: ['expressedOn', 'wish', 'ownWords'], rows: c.protection.wishes.map((w) => [date(w.expressedOn), code('wish', w.wish), text_(w.ownWords)]) };
    case 'cooperation': {
      const k = current('cooperation');
      return k
        ? { t: 'table', columns: ['level', 'cooperationStatus', 'authorityReference', 'assessedOn'], rows: [[code('considerationLevel', k.level), code('cooperationStatus', k.cooperationStatus), text_(k.authorityReference), date(k.assessedOn)]] }
        : null;
    }
    case 'condition': {
      const k = current('condition-and-protection');
      return k ? { t: 'table', columns: ['level', 'assessedOn', 'notes'], rows: [[code('considerationLevel', k.level), date(k.assessedOn), text_(k.notes)]] } : null;
    }
    case 'protectionNeeds':
      return { t: 'codes', list: 'flag', v: c.flags.filter((f) => NEED_FLAGS.includes(f)) };
    case 'interviews':
      return {
        t: 'table',
        columns: ['plannedAt', 'outcome', 'endedAt'],
        rows: c.protection.interviews.map((v) => [{ t: 'datetime', v: v.plan.plannedAt }, code('interviewStatus', v.status), { t: 'datetime', v: v.endedAt }]),
      };
    case 'guidanceAtSubmission': {
      const g = s.guidanceAtSubmission;
      if (!g) return null;
      return { t: 'table', columns: ['pathway', 'reasons', 'missing'], rows: g.pathways.map((p_) => [code('guidancePathway', p_.pathway), { t: 'codes', list: 'guidanceReason', v: p_.reasons }, { t: 'codes', list: 'guidanceMissing', v: p_.missing }]) };
    }
    case 'worksheet': {
      if (!decision) return null;
      const d = decision.draft;
      return {
        t: 'table',
        columns: ['item', 'content'],
        rows: [
          [code('worksheetItem', 'pathway'), code('guidancePathway', d.pathway)],
          [code('worksheetItem', 'proposedStatus'), code('statusOfResidence', d.proposedStatus)],
          [code('worksheetItem', 'proposedPeriod'), text_(d.proposedPeriod)],
          ...Object.entries(d.considerationReasons).map(([k, r]) => [code('considerationKind', k), text_(r ?? '')]),
          ...Object.entries(d.factorReasons).map(([k, r]) => [code('art505Factor', k), text_(r ?? '')]),
          [code('worksheetItem', 'summary'), text_(d.summary)],
        ],
      };
    }
    case 'approval': {
      if (!decision || decision.status !== 'approved') return code('approvalState', 'not-yet-approved');
      const approved = decision.events.find((e) => e.kind === 'approved');
      return { t: 'table', columns: ['approvedBy', 'approvedAt', 'snapshotHash'], rows: [[text_(approved?.by ?? ''), { t: 'datetime', v: approved?.at ?? null }, text_(decision.snapshotHash ?? '')]] };
    }
    case 'caseOfficers':
      return text_(c.officers.map((o) => o.displayName).join(', '));
    case 'contactRoute':
      return code('contactRoute', 'through-case-officer');
    case 'whereabouts': {
      const w = sealed.whereabouts;
      return w ? { t: 'table', columns: ['locationType', 'locationName', 'address', 'phone', 'safeContactMethod'], rows: [[code('locationType', w.locationType), text_(w.name), text_(w.address), text_(w.phone), text_(w.safeContactMethod)]] } : null;
    }
    case 'identityDocuments': {
      const docs = sealed.identityDocuments;
      return docs ? { t: 'table', columns: ['documentKind', 'number', 'issuer', 'heldBy'], rows: docs.map((d) => [code('documentKind', d.kind), text_(d.number), text_(d.issuer), text_(d.heldBy)]) } : null;
    }
    case 'residenceCardNumber':
      return sealed.residenceCardNumber ? text_(sealed.residenceCardNumber) : null;
    case 'sealedNotes':
      return sealed.sealedNotes?.length ? { t: 'table', columns: ['at', 'noteType', 'body'], rows: sealed.sealedNotes.map((n) => [{ t: 'datetime', v: n.at }, code('noteType', n.type), text_(n.body)]) } : null;
    case 'interviewRecords':
      return sealed.interviewRecords?.length ? { t: 'table', columns: ['plannedAt', 'record'], rows: sealed.interviewRecords.map((r) => [{ t: 'datetime', v: r.plannedAt }, text_(r.record)]) } : null;
  }
}

/**
 * The summary of a case for a profile. Only fields the profile names, plus the sealed items it
 * allows that this export authorised, are computed at all; everything else never enters the document.
 */
export function buildSummary(profile: Profile, source: SummarySource, authorised: readonly SealedItem[]): SummaryDocument {
  const spec = PROFILE_SPECS[profile];
  const sealedIncluded = SEALED_ITEMS.filter((item) => authorised.includes(item) && spec.sealedAllowed.includes(item));
  const sections: SummarySection[] = spec.sections.map(([id, fields]) => ({
    id,
    fields: fields.flatMap((f) => {
      const value = fieldValue(f, source);
      return value ? [{ id: f, value }] : [];
    }),
  }));
  if (sealedIncluded.length) {
    sections.push({
      id: 'sealed',
      fields: sealedIncluded.flatMap((item) => {
        const value = fieldValue(SEALED_FIELD[item], source);
        return value ? [{ id: SEALED_FIELD[item], value }] : [];
      }),
    });
  }
  const allowed = allowedFields(profile, sealedIncluded);
  // What the preview marks as left out: the non-sealed fields the case could show elsewhere.
  const omitted = FIELDS.filter((f) => !allowed.has(f) && !Object.values(SEALED_FIELD).includes(f));
  // DOMAIN.md / issue 12: a non-identifying summary carries nothing that leads back to the person, not even the case reference.
  const caseReference = profile === 'non-identifying' ? null : source.detail.reference;
  return { profile, caseReference, generatedOn: source.today, sections, sealedIncluded, omitted };
}

// ---- What an export asks for ---------------------------------------------------------------------

/** Who receives the copy and why: printed on every page and kept in the export register. */
export const RecipientSchema = text(200).min(2, { message: 'export.recipient.required' });
export const PurposeSchema = text(500).min(5, { message: 'export.purpose.required' });
