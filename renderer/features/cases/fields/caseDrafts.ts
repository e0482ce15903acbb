/**
 * The person, immigration and exploitation sections as their forms hold them, for the intake and
 * the case page alike: text everywhere, '' for "not chosen" or "not known". Each converts to the
 * contract's input, which the contract's schema then checks as core will.
 */
import type { EXPLOITATION_TYPES, Exploitation, IDENTIFICATION_STATUSES, Person, ScreeningState } from '../../../../electron/common/cases';
import { isCalendarDay } from '../../../../electron/common/dates';
import { CUSTODY_WITH_MEASURES, CUSTODY_WITH_REPORTING, isTechnicalIntern, type Custody, type Immigration, type StandingFacts, type StatusOfResidence } from '../../../../electron/common/immigration';

export interface PersonDraft {
  familyName: string;
  givenName: string;
  familyNameNative: string;
  givenNameNative: string;
  preferredName: string;
  aliases: string[];
  sex: string;
  dateOfBirth: string;
  nationality: string;
  languages: string[];
  interpreterNeeded: boolean;
}

export interface ReportingDateDraft {
  date: string;
  note: string;
}

/** The immigration facts (electron/common/immigration.ts), each recorded on its own. */
export interface ImmigrationDraft {
  statusOfResidence: string;
  periodOfStayExpiry: string;
  statusValidity: Immigration['statusValidity'];
  statusValiditySince: string;
  unauthorisedWork: boolean;
  abscondedFromTraining: boolean;
  abscondedSince: string;
  deportationProcedure: boolean;
  custody: Custody;
  custodySince: string;
  measureConditions: string;
  reportingDates: ReportingDateDraft[];
}

/** The fields of the immigration form that only some facts call for. */
export type DependentImmigrationField = 'statusValiditySince' | 'abscondedFromTraining' | 'abscondedSince' | 'custody' | 'custodySince' | 'measureConditions' | 'reportingDates';

/** Conditions come with detention, provisional release (入管法 Art. 54 仮放免) and supervision measures (監理措置). */
export const hasMeasures = (custody: string) => CUSTODY_WITH_MEASURES.includes(custody as Custody);
/** Reporting dates come with provisional release and supervision measures. */
export const hasReporting = (custody: string) => CUSTODY_WITH_REPORTING.includes(custody as Custody);

/** Absconded from technical intern training, as drafted (a box ticked under another status does not count). */
export const isAbscondedIntern = (m: ImmigrationDraft) => isTechnicalIntern(m.statusOfResidence) && m.abscondedFromTraining;

/** Which dependent fields the facts as drafted call for: absconding only from intern training, custody only in deportation procedures. */
export function calledFor(m: ImmigrationDraft): Record<DependentImmigrationField, boolean> {
  const intern = isTechnicalIntern(m.statusOfResidence);
  const custody = m.deportationProcedure && m.custody !== 'none';
  return {
    statusValiditySince: m.statusValidity !== 'valid',
    abscondedFromTraining: intern,
    abscondedSince: intern && m.abscondedFromTraining,
    custody: m.deportationProcedure,
    custodySince: custody,
    measureConditions: custody && hasMeasures(m.custody),
    reportingDates: custody && hasReporting(m.custody),
  };
}

const EMPTY_DEPENDENT: Pick<ImmigrationDraft, DependentImmigrationField> = {
  statusValiditySince: '',
  abscondedFromTraining: false,
  abscondedSince: '',
  custody: 'none',
  custodySince: '',
  measureConditions: '',
  reportingDates: [],
};

/** Whether a dependent field holds something (a recorded value is never hidden from the form that saves it). */
export function holdsValue(m: ImmigrationDraft, field: DependentImmigrationField): boolean {
  const value = m[field];
  return Array.isArray(value) ? value.length > 0 : value !== EMPTY_DEPENDENT[field];
}

/** The part of the exploitation section that intake asks for; the case page adds the rest. */
export interface ExploitationChoices {
  types: (typeof EXPLOITATION_TYPES)[number][];
  referralSource: string;
  identificationStatus: (typeof IDENTIFICATION_STATUSES)[number];
}

/** The trafficking-indicator checklist and how far it has been gone through (intake's screening step and the case page). */
export interface ScreeningDraft {
  indicators: Exploitation['indicators'];
  screening: ScreeningState;
  screenedOn: string | null;
}

export const EMPTY_PERSON: PersonDraft = {
  familyName: '',
  givenName: '',
  familyNameNative: '',
  givenNameNative: '',
  preferredName: '',
  aliases: [],
  sex: '',
  dateOfBirth: '',
  nationality: '',
  languages: [],
  interpreterNeeded: false,
};

export const EMPTY_IMMIGRATION: ImmigrationDraft = {
  statusOfResidence: '',
  periodOfStayExpiry: '',
  statusValidity: 'valid',
  unauthorisedWork: false,
  deportationProcedure: false,
  ...EMPTY_DEPENDENT,
};

export const EMPTY_SCREENING: ScreeningDraft = { indicators: {}, screening: 'not-started', screenedOn: null };

const orNull = (value: string) => (value === '' ? null : value);
const orUndefined = (value: string) => (value === '' ? undefined : value);

export function personDraft(person: Person): PersonDraft {
  return { ...person, aliases: [...person.aliases], languages: [...person.languages], dateOfBirth: person.dateOfBirth ?? '' };
}

export function immigrationDraft(immigration: Immigration): ImmigrationDraft {
  return {
    ...immigration,
    periodOfStayExpiry: immigration.periodOfStayExpiry ?? '',
    statusValiditySince: immigration.statusValiditySince ?? '',
    abscondedSince: immigration.abscondedSince ?? '',
    custodySince: immigration.custodySince ?? '',
    reportingDates: immigration.reportingDates.map((r) => ({ ...r })),
  };
}

/** The person as `PersonSchema` reads it. An empty nationality stays '' so the contract's own message ('case.nationality.code') explains it. */
export function personInput(p: PersonDraft): unknown {
  return { ...p, sex: orUndefined(p.sex), dateOfBirth: orNull(p.dateOfBirth) };
}

/**
 * The immigration facts as `ImmigrationSchema` reads it. With `onlyCalledFor` (intake), a dependent
 * field the facts no longer call for (the custody once deportation procedures are unticked) is not sent.
 */
export function immigrationInput(m: ImmigrationDraft, { onlyCalledFor = false } = {}): unknown {
  const needed = calledFor(m);
  const kept = Object.fromEntries(
    (Object.keys(EMPTY_DEPENDENT) as DependentImmigrationField[]).map((field) => [field, !onlyCalledFor || needed[field] ? m[field] : EMPTY_DEPENDENT[field]]),
  ) as Pick<ImmigrationDraft, DependentImmigrationField>;
  return {
    ...m,
    ...kept,
    statusOfResidence: orUndefined(m.statusOfResidence),
    periodOfStayExpiry: orNull(m.periodOfStayExpiry),
    statusValiditySince: orNull(kept.statusValiditySince),
    abscondedSince: orNull(kept.abscondedSince),
    custodySince: orNull(kept.custodySince),
  };
}

/**
 * The facts the standing is derived from, as drafted; null until a status of residence is chosen.
 * An expiry still being typed (or not a date) counts as none until it is one.
 */
export function draftStanding(m: ImmigrationDraft): StandingFacts | null {
  if (m.statusOfResidence === '') return null;
  return {
    statusOfResidence: m.statusOfResidence as StatusOfResidence,
    periodOfStayExpiry: isCalendarDay(m.periodOfStayExpiry) ? m.periodOfStayExpiry : null,
    statusValidity: m.statusValidity,
    deportationProcedure: m.deportationProcedure,
    custody: calledFor(m).custody ? m.custody : 'none',
  };
}

export function exploitationInput<E extends ExploitationChoices>(e: E): unknown {
  return { ...e, referralSource: orUndefined(e.referralSource) };
}

export { screeningBlocksNotAVictim } from '../../../../electron/common/cases';
