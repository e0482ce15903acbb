import type { ParseKeys } from 'i18next';
import type { z } from 'zod';
import { EXPLOITATION_DATES, ExploitationSchema, PERSON_DATES, PersonSchema, screeningIssues, type FLAGS, type RiskLevel } from '../../../../electron/common/cases';
import type { ChannelInput } from '../../../../electron/common/contract';
import { dateIssues } from '../../../../electron/common/dates';
import { IMMIGRATION_DATES, ImmigrationSchema } from '../../../../electron/common/immigration';
import type { ApiIssue } from '../../../api/mamori';
import { localToday } from '../../../i18n/dates';
import { i18n } from '../../../i18n/i18n';
import { validationKey } from '../../../ui/validation';
import {
  EMPTY_IMMIGRATION,
  EMPTY_PERSON,
  EMPTY_SCREENING,
  exploitationInput,
  immigrationInput,
  isAbscondedIntern,
  personInput,
  type ExploitationChoices,
  type ImmigrationDraft,
  type PersonDraft,
  type ScreeningDraft,
} from '../fields/caseDrafts';

/** The parts of the draft, each checked with the contract's schema for it. */
export const INTAKE_SECTIONS = ['person', 'immigration', 'exploitation'] as const;
export type IntakeSection = (typeof INTAKE_SECTIONS)[number];

/**
 * The steps before the review. The indicator checklist has a step of its own, right after the
 * immigration facts: for an intern who fled it comes before anything else (DOMAIN.md §3).
 */
export const INTAKE_STEPS = ['person', 'immigration', 'screening', 'exploitation'] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];

/** The intake form as typed: empty strings mean "not chosen" or "not known". */
export interface IntakeDraft {
  person: PersonDraft;
  immigration: ImmigrationDraft;
  exploitation: ExploitationChoices & ScreeningDraft;
  riskLevel: RiskLevel;
  flags: (typeof FLAGS)[number][];
}

export const EMPTY_INTAKE: IntakeDraft = {
  person: EMPTY_PERSON,
  immigration: EMPTY_IMMIGRATION,
  exploitation: { types: [], referralSource: '', identificationStatus: 'possible', ...EMPTY_SCREENING },
  riskLevel: 'medium',
  flags: [],
};

/** Each section as the contract expects it; what the schema refuses is explained, not patched over. */
function sectionInput(draft: IntakeDraft, section: IntakeSection): unknown {
  switch (section) {
    case 'person':
      return personInput(draft.person);
    case 'immigration':
      return immigrationInput(draft.immigration, { onlyCalledFor: true });
    case 'exploitation':
      return exploitationInput(draft.exploitation);
  }
}

const SCHEMAS = { person: PersonSchema, immigration: ImmigrationSchema, exploitation: ExploitationSchema } as const;
/** The date bounds core applies to each section with its clock (electron/common/dates.ts), here on the user's today. */
const DATE_RULES = { person: PERSON_DATES, immigration: IMMIGRATION_DATES, exploitation: EXPLOITATION_DATES } as const;

function dateErrors(section: IntakeSection, data: unknown): IntakeErrors {
  return Object.fromEntries(dateIssues(data, DATE_RULES[section], localToday(), section).map((i) => [i.path, validationKey(i)]));
}

/** The checklist's fields sit on the screening step; the rest of the exploitation section on its own step. */
const SCREENING_FIELDS = ['exploitation.indicators', 'exploitation.screening', 'exploitation.screenedOn'];

/** The step that shows the field at `path` ('exploitation.indicators.threats.note' → 'screening'). */
export function stepOf(path: string): IntakeStep | null {
  if (SCREENING_FIELDS.some((field) => path === field || path.startsWith(`${field}.`))) return 'screening';
  const section = path.split('.')[0];
  return (INTAKE_SECTIONS as readonly string[]).includes(section) ? (section as IntakeSection) : null;
}

export type IntakeErrorKey = Extract<ParseKeys, `validation.${string}` | `caseList.${string}`>;
/** Errors by dotted path inside the whole form: 'person.familyName', 'immigration.reportingDates.0.date'. */
export type IntakeErrors = Partial<Record<string, IntakeErrorKey>>;

/**
 * The contract's message keys ('case.familyName.required') are translated under the shared
 * `validation.`; a field left unchosen, whose schema names no key, asks to choose.
 */
export function intakeErrorKey(issue: { message: string; code?: string }, value: unknown): IntakeErrorKey {
  const unchosen = value === undefined || value === null || value === '';
  if (unchosen && !i18n.exists(`validation.${issue.message}`)) return 'validation.choose';
  return validationKey(issue);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function addIssues(errors: IntakeErrors, section: IntakeSection, input: unknown, issues: readonly z.core.$ZodIssue[]): void {
  for (const issue of issues) {
    // A problem with one alias or one language is shown on the list's field as a whole.
    const path = issue.path.length > 1 && typeof issue.path[1] === 'number' && issue.path[0] !== 'reportingDates' ? issue.path.slice(0, 1) : issue.path;
    const key = [section, ...path.map(String)].join('.');
    errors[key] ??= intakeErrorKey(issue, valueAt(input, issue.path));
  }
}

/**
 * DOMAIN.md §3, as core checks it at intake (SCREENING_REQUIRED): an intern who fled is not left
 * unscreened silently; the officer completes the checklist or chooses to screen later.
 */
function screeningErrors(draft: IntakeDraft): IntakeErrors {
  const issues = screeningIssues(isAbscondedIntern(draft.immigration), { screening: draft.exploitation.screening, identificationStatus: draft.exploitation.identificationStatus }, { atIntake: true });
  return Object.fromEntries(issues.map((i) => [i.path, validationKey(i)]));
}

function sectionErrors(draft: IntakeDraft, section: IntakeSection): IntakeErrors {
  const input = sectionInput(draft, section);
  const parsed = SCHEMAS[section].safeParse(input);
  const errors: IntakeErrors = section === 'exploitation' ? screeningErrors(draft) : {};
  if (!parsed.success) addIssues(errors, section, input, parsed.error.issues);
  else Object.assign(errors, dateErrors(section, parsed.data));
  return errors;
}

const onStep = (errors: IntakeErrors, step: IntakeStep): IntakeErrors => Object.fromEntries(Object.entries(errors).filter(([path]) => stepOf(path) === step));

/** Checks one step with the contract's schema, as core will check it. */
export function validateStep(draft: IntakeDraft, step: IntakeStep): IntakeErrors {
  return onStep(sectionErrors(draft, step === 'screening' ? 'exploitation' : step), step);
}

/** The whole form as `cases:create` input, or the errors of every step. */
export function toCreateInput(draft: IntakeDraft): { ok: true; input: ChannelInput<'cases:create'> } | { ok: false; errors: IntakeErrors } {
  const person = PersonSchema.safeParse(sectionInput(draft, 'person'));
  const immigration = ImmigrationSchema.safeParse(sectionInput(draft, 'immigration'));
  const exploitation = ExploitationSchema.safeParse(sectionInput(draft, 'exploitation'));
  const dated =
    person.success && immigration.success && exploitation.success
      ? { ...dateErrors('person', person.data), ...dateErrors('immigration', immigration.data), ...dateErrors('exploitation', exploitation.data) }
      : {};
  if (person.success && immigration.success && exploitation.success && Object.keys(dated).length === 0 && Object.keys(screeningErrors(draft)).length === 0) {
    return {
      ok: true,
      input: { person: person.data, immigration: immigration.data, exploitation: exploitation.data, riskLevel: draft.riskLevel, flags: draft.flags },
    };
  }
  const errors = Object.assign({}, ...INTAKE_SECTIONS.map((section) => sectionErrors(draft, section))) as IntakeErrors;
  return { ok: false, errors };
}

/** Core's field issues (INVALID_INPUT, SCREENING_REQUIRED: 'person.familyName') as the form's errors. */
export function serverErrors(draft: IntakeDraft, issues: readonly ApiIssue[]): IntakeErrors {
  const errors: IntakeErrors = {};
  for (const issue of issues) {
    const parts = issue.path.split('.');
    const section = parts[0] as IntakeSection;
    const value = INTAKE_SECTIONS.includes(section) ? valueAt(sectionInput(draft, section), parts.slice(1)) : undefined;
    const key = parts.length > 2 && /^\d+$/.test(parts[2]) && parts[1] !== 'reportingDates' ? parts.slice(0, 2).join('.') : issue.path;
    errors[key] ??= intakeErrorKey(issue, value);
  }
  return errors;
}

/** The first step holding an error, so the form can take the user there. */
export function firstStepWithError(errors: IntakeErrors): number | null {
  const steps = new Set(Object.keys(errors).map(stepOf));
  const step = INTAKE_STEPS.findIndex((s) => steps.has(s));
  return step === -1 ? null : step;
}
