/**
 * The case file's vocabulary (DESIGN.md §5, DOMAIN.md §2–§4). Codes are English; each has an
 * English and a Japanese label in the renderer's i18n files (`case.<list>.<code>`).
 * Lists are lookups so that new terms (e.g. 育成就労 from April 2027) can be added.
 */
import { z } from 'zod';
import { isoDate, optionalText, text } from './schemas';

export const STAGES = ['intake', 'identification', 'protection', 'decision', 'approval', 'closed'] as const;
export type Stage = (typeof STAGES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const FLAGS = ['child', 'threat-to-life', 'pursued-by-traffickers', 'urgent-medical', 'pregnant', 'disability', 'media-interest'] as const;

export const SEXES = ['female', 'male', 'other', 'undisclosed'] as const;

// DOMAIN.md §2: statuses of residence the app must offer.
export const STATUSES_OF_RESIDENCE = [
  'technical-intern-1', // 技能実習1号
  'technical-intern-2', // 技能実習2号
  'technical-intern-3', // 技能実習3号
  'specified-skilled-1', // 特定技能1号
  'specified-skilled-2', // 特定技能2号
  'temporary-visitor', // 短期滞在
  'spouse-of-japanese', // 日本人の配偶者等
  'spouse-of-permanent-resident', // 永住者の配偶者等
  'long-term-resident', // 定住者
  'designated-activities', // 特定活動
  'entertainer', // 興行
  'student', // 留学
  'trainee', // 研修
  'dependent', // 家族滞在
  'permanent-resident', // 永住者
  'engineer-humanities-international', // 技術・人文知識・国際業務
  'other',
  'none',
] as const;

// DOMAIN.md §2: immigration situation values.
export const SITUATIONS = [
  'valid-status',
  'overstay',
  'illegal-entry',
  'unauthorised-work',
  'status-revoked',
  'absconded-titp',
  'deportation-procedure',
  'detained',
  'provisional-release', // 仮放免 (Art. 54)
  'supervision-measures', // 監理措置
] as const;
export type Situation = (typeof SITUATIONS)[number];

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
    aliases: z.array(text(80).min(1)).max(20).default([]),
    sex: z.enum(SEXES),
    dateOfBirth: isoDate.nullable().default(null),
    nationality: z.string().regex(/^[A-Z]{3}$/, { message: 'case.nationality.code' }),
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).min(1, { message: 'case.languages.required' }).max(6),
    interpreterNeeded: z.boolean(),
  })
  .strict();
export type Person = z.infer<typeof PersonSchema>;

export const ReportingDateSchema = z.object({ date: isoDate, note: optionalText(200) }).strict();

export const ImmigrationSchema = z
  .object({
    statusOfResidence: z.enum(STATUSES_OF_RESIDENCE),
    periodOfStayExpiry: isoDate.nullable().default(null),
    situation: z.enum(SITUATIONS),
    situationSince: isoDate.nullable().default(null),
    /** Conditions of detention, provisional release or supervision measures. */
    measureConditions: optionalText(2000),
    reportingDates: z.array(ReportingDateSchema).max(60).default([]),
  })
  .strict();
export type Immigration = z.infer<typeof ImmigrationSchema>;

export const IndicatorStateSchema = z.object({ present: z.boolean(), note: optionalText(1000) }).strict();

export const ExploitationSchema = z
  .object({
    types: z.array(z.enum(EXPLOITATION_TYPES)).max(EXPLOITATION_TYPES.length).default([]),
    indicators: z.partialRecord(z.enum(INDICATORS), IndicatorStateSchema).default({}),
    periodFrom: isoDate.nullable().default(null),
    periodTo: isoDate.nullable().default(null),
    place: optionalText(200),
    referralSource: z.enum(REFERRAL_SOURCES),
    identificationStatus: z.enum(IDENTIFICATION_STATUSES).default('possible'),
    identificationDate: isoDate.nullable().default(null),
  })
  .strict();
export type Exploitation = z.infer<typeof ExploitationSchema>;

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
  })
  .strict();
export type AdversePartyInput = z.infer<typeof AdversePartyInputSchema>;

/** ISO 3166-1 alpha-3 codes offered first in forms (others may be typed as a code). */
export const COMMON_NATIONALITIES = ['PHL', 'VNM', 'IDN', 'THA', 'KHM', 'MMR', 'CHN', 'NPL', 'LKA', 'BGD', 'MNG', 'UZB', 'COL', 'BRA', 'PER', 'UKR', 'RUS', 'KOR', 'LAO', 'NGA'] as const;

/** ISO 639-1 codes of the languages interpreters are most often needed for. */
export const COMMON_LANGUAGES = ['tl', 'en', 'vi', 'id', 'th', 'km', 'my', 'zh', 'ne', 'si', 'bn', 'mn', 'uz', 'es', 'pt', 'uk', 'ru', 'ko', 'lo', 'ja'] as const;
