/**
 * The case file's vocabulary (DESIGN.md §5, DOMAIN.md §2–§4). Codes are English; each has an
 * English and a Japanese label in the renderer's i18n files (`case.<list>.<code>`).
 * Lists are lookups so that new terms (e.g. 育成就労 from April 2027) can be added.
 */
import { z } from 'zod';
import type { DateKind } from './dates';
import { distinct, Id, isoDate, optionalText, text } from './schemas';

/**
 * A case's stages in order. `approval`: a submitted recommendation waits for a supervisor; `decided`:
 * its recommendation was approved (entered only by the approval, as approval only by submission).
 */
export const STAGES = ['intake', 'identification', 'protection', 'decision', 'approval', 'decided', 'closed'] as const;
export type Stage = (typeof STAGES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const FLAGS = ['child', 'threat-to-life', 'pursued-by-traffickers', 'urgent-medical', 'pregnant', 'disability', 'media-interest'] as const;

export const SEXES = ['female', 'male', 'other', 'undisclosed'] as const;

// DOMAIN.md §4.
export const EXPLOITATION_TYPES = ['sexual', 'labour', 'labour-titp', 'forced-marriage', 'forced-criminality', 'organ-removal', 'other'] as const;

// DOMAIN.md §4: IOM case data standard methods of control and TITP Act Arts. 46–48.
export const INDICATORS = [
  'debt-bondage',
  'withholds-earnings',
  'unpaid-wages',
  'withholds-documents',
  'restricts-movement',
  'restricts-communication',
  'threats',
  'violence',
  'excessive-hours',
  'deposit-or-penalty',
  'forced-savings',
  'deception',
  'isolation',
  'psychological-abuse',
  'forced-commercial-sex',
  'forced-criminal-activity',
] as const;

export const ADVERSE_ROLES = ['employer', 'supervising-organisation', 'recruiter', 'broker', 'brought-to-japan', 'exploiter', 'other'] as const;

export const REFERRAL_SOURCES = ['police', 'labour-inspection', 'otit', 'embassy', 'ngo-shelter', 'iom', 'womens-support-centre', 'self', 'other-agency'] as const;

export const IDENTIFICATION_STATUSES = ['possible', 'identified', 'not-a-victim'] as const;

export const SCREENING_STATES = ['not-started', 'later', 'completed'] as const;
export type ScreeningState = (typeof SCREENING_STATES)[number];

export const LOCATION_TYPES = ['shelter', 'hospital', 'private-residence', 'detention-facility', 'unknown'] as const;

export const NOTE_TYPES = ['general', 'contact', 'visit', 'referral', 'legal', 'medical'] as const;

/**
 * Sealed information (DESIGN.md §3): never sent to the renderer without entitlement and a
 * recorded reason, never indexed for search, never in the audit trail.
 */
export const SEALED_FIELDS = ['whereabouts', 'identity-documents', 'residence-card-number'] as const;
export type SealedField = (typeof SEALED_FIELDS)[number];

export const CASE_REFERENCE = /^TV-\d{4}-\d{4,}$/;

export const PersonSchema = z
  .object({
    familyName: text(80).min(1, { message: 'case.familyName.required' }),
    givenName: optionalText(80),
    familyNameNative: optionalText(80),
    givenNameNative: optionalText(80),
    /** The name the person wishes to be called (a shelter handover prints this, not the legal name). */
    preferredName: optionalText(80),
    aliases: z.array(text(80).min(1)).max(20).default([]),
    sex: z.enum(SEXES),
    dateOfBirth: isoDate.nullable().default(null),
    nationality: z.string().regex(/^[A-Z]{3}$/, { message: 'case.nationality.code' }),
    languages: distinct(z.string().regex(/^[a-z]{2,3}$/), 6).pipe(z.array(z.string()).min(1, { message: 'case.languages.required' })),
    interpreterNeeded: z.boolean(),
  })
  .strict();
export type Person = z.infer<typeof PersonSchema>;

/** What the person's dates record (dates.ts): a birth has happened. */
export const PERSON_DATES = { dateOfBirth: 'happened' } as const satisfies { [K in keyof Person]?: DateKind };

export const IndicatorStateSchema = z.object({ present: z.boolean(), note: optionalText(1000) }).strict();

export const ExploitationSchema = z
  .object({
    types: distinct(z.enum(EXPLOITATION_TYPES), EXPLOITATION_TYPES.length).default([]),
    indicators: z.partialRecord(z.enum(INDICATORS), IndicatorStateSchema).default({}),
    periodFrom: isoDate.nullable().default(null),
    periodTo: isoDate.nullable().default(null),
    place: optionalText(200),
    referralSource: z.enum(REFERRAL_SOURCES),
    identificationStatus: z.enum(IDENTIFICATION_STATUSES).default('possible'),
    identificationDate: isoDate.nullable().default(null),
    /**
     * The trafficking-indicator checklist (DOMAIN.md §3–§4): not started, deferred by the officer's
     * choice ("screen later", a reminder on My work), or completed (on a date, where recorded).
     */
    screening: z.enum(SCREENING_STATES).default('not-started'),
    /** When the checklist was completed; core keeps it only while the screening is complete. */
    screenedOn: isoDate.nullable().default(null),
  })
  .strict();
export type Exploitation = z.infer<typeof ExploitationSchema>;

/** What the exploitation's dates record (dates.ts): the period, the identification and the screening have all happened. */
export const EXPLOITATION_DATES = {
  periodFrom: 'happened',
  periodTo: 'happened',
  identificationDate: 'happened',
  screenedOn: 'happened',
} as const satisfies { [K in keyof Exploitation]?: DateKind };

/** Whether the case waits for its indicator screening: deferred, or an absconded intern not yet screened (DOMAIN.md §3). */
export function screeningDue(exploitation: Pick<Exploitation, 'screening'>, abscondedFromTraining: boolean): boolean {
  return exploitation.screening === 'later' || (abscondedFromTraining && exploitation.screening !== 'completed');
}

/**
 * DOMAIN.md §3: an intern who fled is screened for trafficking indicators before being handled only
 * as a status violator. Until the checklist is complete the case cannot be found "not a victim";
 * at intake the screening is completed or deliberately deferred, never left unchosen. Field issues
 * (message keys); empty when nothing is refused. Core refuses on them; the forms say so beforehand.
 */
export function screeningIssues(
  abscondedFromTraining: boolean,
  exploitation: Pick<Exploitation, 'screening' | 'identificationStatus'>,
  opts: { atIntake: boolean },
): { path: string; message: string }[] {
  if (!abscondedFromTraining || exploitation.screening === 'completed') return [];
  return [
    ...(exploitation.identificationStatus === 'not-a-victim' ? [{ path: 'exploitation.identificationStatus', message: 'case.screening.beforeNotAVictim' }] : []),
    ...(opts.atIntake && exploitation.screening === 'not-started' ? [{ path: 'exploitation.screening', message: 'case.screening.chooseForAbsconded' }] : []),
  ];
}

/** Whether "not a victim" is refused for now (see screeningIssues). */
export const screeningBlocksNotAVictim = (abscondedFromTraining: boolean, screening: ScreeningState): boolean =>
  screeningIssues(abscondedFromTraining, { screening, identificationStatus: 'not-a-victim' }, { atIntake: false }).length > 0;

export const WhereaboutsSchema = z
  .object({
    locationType: z.enum(LOCATION_TYPES),
    name: optionalText(200),
    address: optionalText(400),
    phone: optionalText(40),
    safeContactMethod: optionalText(400),
  })
  .strict();

export const IdentityDocumentSchema = z
  .object({ kind: z.enum(['passport', 'residence-card', 'national-id', 'other']), number: text(40).min(1), issuer: optionalText(80), heldBy: optionalText(200) })
  .strict();

/** The shape of each sealed value, keyed by field. */
export const SealedValueSchemas = {
  whereabouts: WhereaboutsSchema,
  'identity-documents': z.array(IdentityDocumentSchema).max(10),
  'residence-card-number': z.string().trim().regex(/^[A-Z]{2}\d{8}[A-Z]{2}$/, { message: 'case.residenceCard.format' }),
} as const satisfies Record<SealedField, z.ZodType>;

export const SealedValueSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('whereabouts'), value: SealedValueSchemas.whereabouts }).strict(),
  z.object({ field: z.literal('identity-documents'), value: SealedValueSchemas['identity-documents'] }).strict(),
  z.object({ field: z.literal('residence-card-number'), value: SealedValueSchemas['residence-card-number'] }).strict(),
]);
export type SealedValue = z.infer<typeof SealedValueSchema>;

export const AdversePartyInputSchema = z
  .object({
    role: z.enum(ADVERSE_ROLES),
    name: text(120).min(1, { message: 'case.adverse.nameRequired' }),
    /** Other spellings: kana, romaji, aliases. Each is matched like the name. */
    nameVariants: z.array(text(120).min(1)).max(20).default([]),
    organisation: optionalText(200),
    contact: optionalText(400),
    notes: optionalText(2000),
    /**
     * The organisations-registry entry this party is (an employer, a broker…), if any. Saving a party
     * with one links the entry to the case as well.
     */
    organisationId: Id.optional(),
  })
  .strict();
export type AdversePartyInput = z.infer<typeof AdversePartyInputSchema>;
export type AdverseRole = (typeof ADVERSE_ROLES)[number];

/** ISO 3166-1 alpha-3 codes offered first in forms (others may be typed as a code). */
export const COMMON_NATIONALITIES = ['PHL', 'VNM', 'IDN', 'THA', 'KHM', 'MMR', 'CHN', 'NPL', 'LKA', 'BGD', 'MNG', 'UZB', 'COL', 'BRA', 'PER', 'UKR', 'RUS', 'KOR', 'LAO', 'NGA'] as const;

/** ISO 639-1 codes of the languages interpreters are most often needed for. */
export const COMMON_LANGUAGES = ['tl', 'en', 'vi', 'id', 'th', 'km', 'my', 'zh', 'ne', 'si', 'bn', 'mn', 'uz', 'es', 'pt', 'uk', 'ru', 'ko', 'lo', 'ja'] as const;
