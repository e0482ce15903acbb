/**
 * The person, immigration and exploitation sections as their forms hold them, for the intake and
 * the case page alike: text everywhere, '' for "not chosen" or "not known". Each converts to the
 * contract's input, which the contract's schema then checks as core will.
 */
import type { EXPLOITATION_TYPES, IDENTIFICATION_STATUSES, Immigration, Person, Situation } from '../../../../electron/common/cases';

/** Situations that come with conditions (入管法 Art. 54 仮放免, 監理措置, 収容). */
const MEASURE_SITUATIONS: readonly Situation[] = ['detained', 'provisional-release', 'supervision-measures'];
/** Situations under which the person must report to immigration on set dates. */
const REPORTING_SITUATIONS: readonly Situation[] = ['provisional-release', 'supervision-measures'];

export const hasMeasures = (situation: string) => MEASURE_SITUATIONS.includes(situation as Situation);
export const hasReporting = (situation: string) => REPORTING_SITUATIONS.includes(situation as Situation);

export interface PersonDraft {
  familyName: string;
  givenName: string;
  familyNameNative: string;
  givenNameNative: string;
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

export interface ImmigrationDraft {
  statusOfResidence: string;
  periodOfStayExpiry: string;
  situation: string;
  situationSince: string;
  measureConditions: string;
  reportingDates: ReportingDateDraft[];
}

/** The part of the exploitation section that intake asks for; the case page adds the rest. */
export interface ExploitationChoices {
  types: (typeof EXPLOITATION_TYPES)[number][];
  referralSource: string;
  identificationStatus: (typeof IDENTIFICATION_STATUSES)[number];
}

export const EMPTY_PERSON: PersonDraft = {
  familyName: '',
  givenName: '',
  familyNameNative: '',
  givenNameNative: '',
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
  situation: '',
  situationSince: '',
  measureConditions: '',
  reportingDates: [],
};

const orNull = (value: string) => (value === '' ? null : value);
const orUndefined = (value: string) => (value === '' ? undefined : value);

export function personDraft(person: Person): PersonDraft {
  return { ...person, aliases: [...person.aliases], languages: [...person.languages], dateOfBirth: person.dateOfBirth ?? '' };
}

export function immigrationDraft(immigration: Immigration): ImmigrationDraft {
  return {
    ...immigration,
    periodOfStayExpiry: immigration.periodOfStayExpiry ?? '',
    situationSince: immigration.situationSince ?? '',
    reportingDates: immigration.reportingDates.map((r) => ({ ...r })),
  };
}

/** The person as `PersonSchema` reads it. An empty nationality stays '' so the contract's own message ('case.nationality.code') explains it. */
export function personInput(p: PersonDraft): unknown {
  return { ...p, sex: orUndefined(p.sex), dateOfBirth: orNull(p.dateOfBirth) };
}

/**
 * The immigration situation as `ImmigrationSchema` reads it. With `onlyForSituation` (intake), the
 * conditions and reporting dates of a situation no longer chosen are not sent.
 */
export function immigrationInput(m: ImmigrationDraft, { onlyForSituation = false } = {}): unknown {
  return {
    statusOfResidence: orUndefined(m.statusOfResidence),
    periodOfStayExpiry: orNull(m.periodOfStayExpiry),
    situation: orUndefined(m.situation),
    situationSince: orNull(m.situationSince),
    measureConditions: !onlyForSituation || hasMeasures(m.situation) ? m.measureConditions : '',
    reportingDates: !onlyForSituation || hasReporting(m.situation) ? m.reportingDates : [],
  };
}

export function exploitationInput<E extends ExploitationChoices>(e: E): unknown {
  return { ...e, referralSource: orUndefined(e.referralSource) };
}
