/**
 * A person's immigration situation as separate facts that can be true together (DOMAIN.md §2–§3):
 * the status of residence and what became of it, whether they absconded from technical intern
 * training, whether deportation procedures have begun, and custody. Whether the person is a legal
 * resident or in violation is never recorded: `legalStanding` derives it, for the guidance, the case
 * page and the case list alike.
 */
import { z } from 'zod';
import { addDays, type DateRules } from './dates';
import { isoDate, optionalText } from './schemas';

// DOMAIN.md §2: statuses of residence the app must offer. DOMAIN.md §3: Technical Intern Training
// comes in type イ (enterprise-run, 企業単独型) and ロ (through a supervising organisation, 団体監理型);
// the untyped codes are those recorded before the type was asked, which the case page asks an
// officer to resolve.
export const TECHNICAL_INTERN_STATUSES = [
  'technical-intern-1-i', // 技能実習1号イ
  'technical-intern-1-ro', // 技能実習1号ロ
  'technical-intern-2-i', // 技能実習2号イ
  'technical-intern-2-ro', // 技能実習2号ロ
  'technical-intern-3-i', // 技能実習3号イ
  'technical-intern-3-ro', // 技能実習3号ロ
  'technical-intern-1', // 技能実習1号 (type not recorded)
  'technical-intern-2', // 技能実習2号 (type not recorded)
  'technical-intern-3', // 技能実習3号 (type not recorded)
] as const;

export const STATUSES_OF_RESIDENCE = [
  ...TECHNICAL_INTERN_STATUSES,
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
export type StatusOfResidence = (typeof STATUSES_OF_RESIDENCE)[number];

/** Technical Intern Training statuses recorded without their type (イ or ロ). */
export const UNTYPED_INTERN_STATUSES: readonly StatusOfResidence[] = ['technical-intern-1', 'technical-intern-2', 'technical-intern-3'];

export const isTechnicalIntern = (status: string): boolean => (TECHNICAL_INTERN_STATUSES as readonly string[]).includes(status);

/**
 * What became of the status of residence: still valid (until the period of stay ends), expired
 * (an overstay, since a date), revoked (ICRRA Art. 22-4, since a date), or none ever held
 * (illegal entry or landing).
 */
export const STATUS_VALIDITIES = ['valid', 'expired', 'revoked', 'none'] as const;
export type StatusValidity = (typeof STATUS_VALIDITIES)[number];

/** Custody during deportation procedures (DOMAIN.md §2): detention, or its alternatives under Art. 54 and since 2024. */
export const CUSTODY = ['none', 'detained', 'provisional-release', 'supervision-measures'] as const;
export type Custody = (typeof CUSTODY)[number];

/** Custody with conditions and reporting dates. */
export const CUSTODY_WITH_MEASURES: readonly Custody[] = ['detained', 'provisional-release', 'supervision-measures'];
/** Custody whose reporting dates the person must keep. */
export const CUSTODY_WITH_REPORTING: readonly Custody[] = ['provisional-release', 'supervision-measures'];

export const ReportingDateSchema = z.object({ date: isoDate, note: optionalText(200) }).strict();

/** The facts as recorded (what core returns). Input is checked with ImmigrationSchema, which adds the rules between them. */
export const ImmigrationFactsSchema = z
  .object({
    statusOfResidence: z.enum(STATUSES_OF_RESIDENCE),
    /** The last day of the period of stay (null: not recorded, or a status without one). */
    periodOfStayExpiry: isoDate.nullable().default(null),
    statusValidity: z.enum(STATUS_VALIDITIES).default('valid'),
    /** Since when it expired or was revoked, or when the person entered without a status. */
    statusValiditySince: isoDate.nullable().default(null),
    /** Worked outside the status (資格外活動). Trafficking victims are exempt from it as a ground for deportation (ICRRA Arts. 5, 24). */
    unauthorisedWork: z.boolean().default(false),
    /** Fled technical intern training (DOMAIN.md §3): the status stays until it expires or is revoked. */
    abscondedFromTraining: z.boolean().default(false),
    abscondedSince: isoDate.nullable().default(null),
    /** Deportation procedures (退去強制手続) have begun. */
    deportationProcedure: z.boolean().default(false),
    custody: z.enum(CUSTODY).default('none'),
    custodySince: isoDate.nullable().default(null),
    /** Conditions of detention, provisional release or supervision measures. */
    measureConditions: optionalText(2000),
    reportingDates: z.array(ReportingDateSchema).max(60).default([]),
  })
  .strict();
export type Immigration = z.infer<typeof ImmigrationFactsSchema>;

/** The immigration facts as a change may record them: consistent with one another. */
export const ImmigrationSchema = ImmigrationFactsSchema
  // A person without a status of residence has no status to be valid, expired or revoked, and the reverse.
  .refine((i) => (i.statusOfResidence === 'none') === (i.statusValidity === 'none'), { message: 'case.statusValidity.noneMeansNoStatus', path: ['statusValidity'] })
  // Technical intern training can only be fled by someone who held its status.
  .refine((i) => !i.abscondedFromTraining || isTechnicalIntern(i.statusOfResidence), { message: 'case.absconded.notIntern', path: ['abscondedFromTraining'] })
  // Custody is a measure of deportation procedures: it cannot be recorded without them.
  .refine((i) => i.custody === 'none' || i.deportationProcedure, { message: 'case.custody.needsProcedure', path: ['custody'] });

/**
 * What the immigration dates record (dates.ts): the period of stay ends and reporting dates fall
 * on days that may lie ahead; a status lapsing, absconding and custody have happened by the day
 * they are recorded.
 */
export const IMMIGRATION_DATES = {
  periodOfStayExpiry: 'planned',
  statusValiditySince: 'happened',
  abscondedSince: 'happened',
  custodySince: 'happened',
  'reportingDates.*.date': 'planned',
} as const satisfies DateRules;

/** The facts `legalStanding` reads. */
export type StandingFacts = Pick<Immigration, 'statusOfResidence' | 'periodOfStayExpiry' | 'statusValidity' | 'deportationProcedure' | 'custody'>;

export const LEGAL_STANDINGS = ['legal-resident', 'in-violation'] as const;
export type LegalStanding = (typeof LEGAL_STANDINGS)[number];

/**
 * The first day (YYYY-MM-DD) on which the person is in violation of immigration law, or null while
 * nothing recorded makes them one. A day far in the past stands for "already, whatever the date".
 * Stored with the case so the list can filter by standing on any day through an index.
 */
export function violationFrom(f: StandingFacts): string | null {
  // DOMAIN.md §1: violators are those who overstayed, entered illegally or otherwise violated the law;
  // deportation procedures and custody follow only from a violation.
  if (f.statusValidity !== 'valid' || f.statusOfResidence === 'none' || f.deportationProcedure || f.custody !== 'none') return ALREADY;
  // DOMAIN.md §3: an intern who absconded keeps the status until the period of stay expires (or it is
  // revoked): absconding alone never makes a violator. The day after the last day of stay does.
  return f.periodOfStayExpiry === null ? null : addDays(f.periodOfStayExpiry, 1);
}

/** The stand-in date for "in violation already" (sorts before every real date). */
export const ALREADY = '0000-01-01';

/** Legal resident or in violation of immigration law, on `today` (YYYY-MM-DD). The only definition of it. */
export function legalStanding(f: StandingFacts, today: string): LegalStanding {
  return standingOn(violationFrom(f), today);
}

/** The standing on `today` of someone in violation from `from` (a stored `violationFrom`). */
export function standingOn(from: string | null, today: string): LegalStanding {
  return from !== null && from <= today ? 'in-violation' : 'legal-resident';
}
