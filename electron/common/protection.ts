/**
 * The protection workflow's vocabulary and input shapes (DESIGN.md §6, DOMAIN.md §1): interviews
 * with safeguards, the three considerations, the victim's wishes, the interpreter registry.
 * Codes are English; each has an English and a Japanese label in the renderer's vocabulary files.
 */
import { z } from 'zod';
import { SEXES } from './cases';
import { isLocalDateTime, type DateKind } from './dates';
import { Id, isoDate, optionalText, text } from './schemas';

const language = z.string().regex(/^[a-z]{2,3}$/);

// ---- Interpreter registry -------------------------------------------------------------

export const InterpreterInputSchema = z
  .object({
    name: text(120).min(1, { message: 'interpreter.nameRequired' }),
    /** Other spellings (kana, romaji): checked against adverse parties like the name. */
    nameVariants: z.array(text(120).min(1)).max(20).default([]),
    languages: z.array(language).min(1, { message: 'case.languages.required' }).max(10),
    /** The date the interpreter signed the confidentiality pledge; none yet means not usable. */
    pledgeDate: isoDate.nullable().default(null),
    notes: optionalText(2000),
    active: z.boolean().default(true),
  })
  .strict();
export type InterpreterInput = z.infer<typeof InterpreterInputSchema>;

/** What an interpreter's dates record (dates.ts): the pledge has been signed. */
export const INTERPRETER_DATES = { pledgeDate: 'happened' } as const satisfies { [K in keyof InterpreterInput]?: DateKind };

/** The interpreter's contact details: sealed, revealed only with a reason. */
export const InterpreterContactSchema = z.object({ phone: optionalText(40), email: optionalText(200), other: optionalText(400) }).strict();
export type InterpreterContact = z.infer<typeof InterpreterContactSchema>;

// ---- Interviews ---------------------------------------------------------------------

// ISA victim-protection policy: questioning at a time and place with adequate consideration of privacy.
export const PLACE_TYPES = ['agency-private-room', 'shelter-private-room', 'hospital-private-room', 'other-private-place', 'detention-facility-room', 'open-counter'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

export const CONDITIONS = ['stable', 'fragile', 'acute'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** planned → in-progress → held / ended-early; declined or postponed from either. */
export const INTERVIEW_STATUSES = ['planned', 'in-progress', 'held', 'declined', 'ended-early', 'postponed'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

/**
 * How an interview ended. There is deliberately no "compelled" or "refused to cooperate" value:
 * victims are never forced into providing testimony (ISA victim-protection policy), and declining
 * is the victim's right, not a mark against them.
 */
export const INTERVIEW_OUTCOMES = ['held', 'declined', 'ended-early', 'postponed'] as const;
export type InterviewOutcome = (typeof INTERVIEW_OUTCOMES)[number];

export const OfficerPresentSchema = z.object({ userId: Id, sex: z.enum(SEXES) }).strict();

export const InterviewPlanSchema = z
  .object({
    /** Local date and time, YYYY-MM-DDTHH:MM. */
    plannedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'interview.plannedAt.format' }),
    /** A length below zero is refused as such, never turned into another number. */
    durationMinutes: z.number().int().nonnegative({ message: 'interview.duration.negative' }).min(10).max(480),
    /** Breaks planned, e.g. "10 minutes every 45 minutes". */
    breaks: optionalText(200),
    placeType: z.enum(PLACE_TYPES),
    /** A short description of the room; never an address that discloses whereabouts. */
    placeLabel: optionalText(200),
    /** The officer's judgement: nobody outside the interview can see or hear it. */
    placePrivate: z.boolean(),
    /** Holding it there would let someone learn where the victim stays. */
    placeDisclosesWhereabouts: z.boolean(),
    officersPresent: z.array(OfficerPresentSchema).min(1, { message: 'interview.officers.required' }).max(6),
    noFemaleOfficerReason: optionalText(500),
    interpreterId: Id.nullable().default(null),
    noInterpreterReason: optionalText(500),
    condition: z.enum(CONDITIONS),
    conditionNotes: optionalText(1000),
    /** The victim was told they may decline or stop at any time. */
    rightsExplained: z.boolean(),
  })
  .strict();
export type InterviewPlan = z.infer<typeof InterviewPlanSchema>;

/**
 * A plan as a change may record it: at a time the calendar and the clock have (not 31 February,
 * not 24:00). InterviewPlanSchema reads the plans saved before this check as they are.
 */
export const InterviewPlanInputSchema = InterviewPlanSchema.extend({
  plannedAt: InterviewPlanSchema.shape.plannedAt.refine(isLocalDateTime, { message: 'date.invalid' }),
});

/** What an interview plan's date records (dates.ts): an appointment, ahead or already past. */
export const INTERVIEW_PLAN_DATES = { plannedAt: 'planned' } as const satisfies { [K in keyof InterviewPlan]?: DateKind };

export const InterviewRecordInputSchema = z
  .object({
    outcome: z.enum(INTERVIEW_OUTCOMES),
    /** What was said: sealed. Only for an interview that was held or ended early. */
    record: text(50_000).default(''),
    /**
     * The officer's statement that the victim spoke voluntarily and was told they could stop
     * (held / ended early). Required then; there is no way to record compelled testimony.
     */
    voluntariness: text(2000).default(''),
    /** Why postponed, or what the victim said when declining (optional, never adverse). */
    note: optionalText(1000),
  })
  .strict();
export type InterviewRecordInput = z.infer<typeof InterviewRecordInputSchema>;

// ---- The three considerations (ISA victim-protection policy, DOMAIN.md §1) ----------

export const CONSIDERATION_KINDS = ['danger-on-return', 'condition-and-protection', 'cooperation'] as const;
export type ConsiderationKind = (typeof CONSIDERATION_KINDS)[number];

/** How strongly the circumstance weighs: for danger, the danger; for condition, the need for protection. */
export const CONSIDERATION_LEVELS = ['none', 'low', 'moderate', 'high'] as const;
export type ConsiderationLevel = (typeof CONSIDERATION_LEVELS)[number];

/** Cooperation with criminal procedures. Not cooperating is never held against the victim. */
export const COOPERATION_STATUSES = ['not-asked', 'considering', 'cooperating', 'completed', 'not-cooperating'] as const;
export type CooperationStatus = (typeof COOPERATION_STATUSES)[number];

export const ConsiderationInputSchema = z
  .object({
    kind: z.enum(CONSIDERATION_KINDS),
    level: z.enum(CONSIDERATION_LEVELS),
    evidence: text(4000).min(1, { message: 'consideration.evidence.required' }),
    notes: optionalText(4000),
    /** The date of the assessment. */
    assessedOn: isoDate,
    /** Cooperation only. */
    cooperationStatus: z.enum(COOPERATION_STATUSES).nullable().default(null),
    /** Cooperation only: police or prosecutor case reference. */
    authorityReference: optionalText(200),
  })
  .strict()
  .refine((c) => (c.kind === 'cooperation') === (c.cooperationStatus !== null), { message: 'consideration.cooperationStatus', path: ['cooperationStatus'] });
export type ConsiderationInput = z.infer<typeof ConsiderationInputSchema>;

/** What an assessment's date records (dates.ts): it has been made. */
export const CONSIDERATION_DATES = { assessedOn: 'happened' } as const satisfies { [K in keyof ConsiderationInput]?: DateKind };

// ---- The victim's wishes --------------------------------------------------------------

export const WISHES = ['remain', 'return', 'undecided'] as const;
export type Wish = (typeof WISHES)[number];

export const WishInputSchema = z
  .object({
    wish: z.enum(WISHES),
    /** The victim's own words, as interpreted. */
    ownWords: text(4000).min(1, { message: 'wish.ownWords.required' }),
    expressedOn: isoDate,
    interpreterId: Id.nullable().default(null),
  })
  .strict();
export type WishInput = z.infer<typeof WishInputSchema>;

/** What a wish's date records (dates.ts): it has been expressed. */
export const WISH_DATES = { expressedOn: 'happened' } as const satisfies { [K in keyof WishInput]?: DateKind };

/** Consent to a referral to IOM for assisted voluntary return: recorded separately from the wish. */
export const IOM_CONSENTS = ['given', 'refused', 'withdrawn'] as const;
export type IomConsent = (typeof IOM_CONSENTS)[number];

export const IomConsentInputSchema = z.object({ consent: z.enum(IOM_CONSENTS), on: isoDate, notes: optionalText(1000) }).strict();
export type IomConsentInput = z.infer<typeof IomConsentInputSchema>;

/** What a consent's date records (dates.ts): it has been given, refused or withdrawn. */
export const IOM_CONSENT_DATES = { on: 'happened' } as const satisfies { [K in keyof IomConsentInput]?: DateKind };

// ---- What the case page shows -----------------------------------------------------------

export const READINESS_STATUSES = ['met', 'reason-recorded', 'unmet', 'not-applicable'] as const;

const ReadinessSchema = z.object({
  ready: z.boolean(),
  items: z.object({
    interpreter: z.enum(READINESS_STATUSES),
    'female-officer': z.enum(READINESS_STATUSES),
    'private-place': z.enum(READINESS_STATUSES),
    condition: z.enum(READINESS_STATUSES),
    'no-conflict': z.enum(READINESS_STATUSES),
    'rights-explained': z.enum(READINESS_STATUSES),
  }),
});

const Recorded = { recordedAt: z.string(), recordedBy: z.string() };

export const InterviewSummarySchema = z.object({
  id: z.string(),
  status: z.enum(INTERVIEW_STATUSES),
  plan: InterviewPlanSchema,
  interpreterName: z.string().nullable(),
  officersPresent: z.array(z.object({ userId: z.string(), displayName: z.string(), sex: z.enum(SEXES) })),
  /** How many people to be present match an adverse party of the case (names are on the adverse-parties tab). */
  adverseMatches: z.number().int(),
  /** Computed by core from the case as it is now (the same rule the renderer shows live). */
  readiness: ReadinessSchema,
  override: z.object({ by: z.string(), at: z.string(), reason: z.string(), items: z.array(z.string()) }).nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  voluntariness: z.string(),
  outcomeNote: z.string(),
  /** Whether a sealed record exists; never the record itself. */
  hasRecord: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type InterviewSummary = z.infer<typeof InterviewSummarySchema>;

export const ConsiderationSchema = z.object({
  id: z.string(),
  kind: z.enum(CONSIDERATION_KINDS),
  level: z.enum(CONSIDERATION_LEVELS),
  evidence: z.string(),
  notes: z.string(),
  assessedOn: z.string(),
  cooperationStatus: z.enum(COOPERATION_STATUSES).nullable(),
  authorityReference: z.string(),
  ...Recorded,
});
export type Consideration = z.infer<typeof ConsiderationSchema>;

export const WishRecordSchema = z.object({
  id: z.string(),
  wish: z.enum(WISHES),
  ownWords: z.string(),
  expressedOn: z.string(),
  interpreterName: z.string().nullable(),
  ...Recorded,
});
export type WishRecord = z.infer<typeof WishRecordSchema>;

export const IomConsentRecordSchema = z.object({ id: z.string(), consent: z.enum(IOM_CONSENTS), on: z.string(), notes: z.string(), ...Recorded });

/** Histories are newest first; the current value of each is the first entry. */
export const ProtectionDetailSchema = z.object({
  interviews: z.array(InterviewSummarySchema),
  considerations: z.array(ConsiderationSchema),
  wishes: z.array(WishRecordSchema),
  iomConsents: z.array(IomConsentRecordSchema),
});
export type ProtectionDetail = z.infer<typeof ProtectionDetailSchema>;

export const InterpreterSchema = InterpreterInputSchema.extend({
  id: z.string(),
  version: z.number().int(),
  hasContact: z.boolean(),
  /** Set when the name matched an adverse party and the user went ahead with this reason. */
  conflictReason: z.string(),
  updatedAt: z.string(),
});
export type Interpreter = z.infer<typeof InterpreterSchema>;
