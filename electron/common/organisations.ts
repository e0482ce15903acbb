/**
 * The registry of Technical Intern Training organisations and brokers (DOMAIN.md §3; issue 15):
 * its vocabulary, the rules of a valid entry, and how an organisation stands on a day. Codes are
 * English; labels live in the renderer's `organisations.*` i18n files.
 */
import { z } from 'zod';
import type { AdverseRole } from './cases';
import type { DateKind } from './dates';
import { distinct, Id, isoDate, optionalText, text } from './schemas';

/**
 * Organisation types, a lookup: the Technical Intern Training terms now, and the Employment for
 * Skill Development (育成就労) terms from 1 April 2027, which take effect by date, not by migration.
 */
export const ORGANISATION_TYPES = ['implementing', 'supervising', 'sending', 'broker', 'esd-implementing', 'esd-supervising-support'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** The first day each type may be chosen for a new entry (entries keep their type after). */
export const TYPE_AVAILABLE_FROM: Record<OrganisationType, string | null> = {
  implementing: null,
  supervising: null,
  sending: null,
  broker: null,
  'esd-implementing': '2027-04-01',
  'esd-supervising-support': '2027-04-01',
};

export function typesAvailableOn(today: string): OrganisationType[] {
  return ORGANISATION_TYPES.filter((t) => (TYPE_AVAILABLE_FROM[t] ?? '') <= today);
}

/**
 * The registry type an adverse party of this role is entered as when a supervisor adds it to the
 * registry from the case; roles without one (a person who brought the victim, an exploiter) are not
 * organisations of the programme.
 */
export const REGISTRY_TYPE_OF_ROLE: Partial<Record<AdverseRole, OrganisationType>> = {
  employer: 'implementing',
  'supervising-organisation': 'supervising',
  broker: 'broker',
  recruiter: 'broker',
};

/** Types that may hold a licence number (supervising organisations and their successors). */
export const LICENSED_TYPES: readonly OrganisationType[] = ['supervising', 'esd-supervising-support'];

/**
 * Which type an organisation may name as related, in the chain implementing organisation → its
 * supervising organisation → sending organisation / broker.
 */
export const RELATED_TYPES: Record<OrganisationType, readonly OrganisationType[]> = {
  implementing: ['supervising', 'esd-supervising-support', 'broker'],
  'esd-implementing': ['supervising', 'esd-supervising-support', 'broker'],
  supervising: ['sending', 'broker'],
  'esd-supervising-support': ['sending', 'broker'],
  sending: ['broker'],
  broker: [],
};

/** Entries of the status history. A ban runs from–to; the others hold from their date on. */
export const STATUS_KINDS = ['banned', 'licence-revoked', 'name-disclosed', 'reinstated'] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

/** The TITP Act article a violation falls under (DOMAIN.md §3). */
export const VIOLATION_ARTICLES = ['46', '47', '48', 'other'] as const;

/** Prefectures by JIS X 0401 code, '' for none (an organisation abroad). */
export const PREFECTURES = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0'));

/**
 * 法人番号: 13 digits, the first a check digit over the 12-digit base number:
 * 9 − (Σ Pn × Qn mod 9), Pn the n-th digit counted from the right, Qn 1 for odd n and 2 for even n.
 */
export function isValidCorporateNumber(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  const base = value.slice(1);
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return Number(value[0]) === 9 - (sum % 9);
}

/** A half-year of missing-intern reports: `2019-H1`. */
export const HalfYear = z.string().regex(/^(19|20)\d{2}-H[12]$/, { message: 'organisations.halfYear.invalid' });

export const OrganisationInputSchema = z
  .object({
    type: z.enum(ORGANISATION_TYPES),
    nameJa: text(200),
    nameLatin: text(200),
    /** Empty for organisations without one (abroad). */
    corporateNumber: z
      .string()
      .trim()
      .transform((v) => v.normalize('NFKC').replace(/[\s-]/g, ''))
      .refine((v) => v === '' || isValidCorporateNumber(v), { message: 'organisations.corporateNumber.invalid' }),
    prefecture: z.union([z.literal(''), z.enum(PREFECTURES as [string, ...string[]])]),
    /** ISO 3166-1 alpha-3, for sending organisations and brokers abroad; '' otherwise. */
    country: z.union([z.literal(''), z.string().regex(/^[A-Z]{3}$/)]),
    licenceNumber: optionalText(40),
    /** The organisations this one names up its chain (its supervising organisation, sending organisation, broker). */
    relatedIds: distinct(Id, 10).default([]),
    notes: optionalText(2000),
  })
  .strict()
  .refine((o) => o.nameJa.length > 0 || o.nameLatin.length > 0, { message: 'organisations.name.required', path: ['nameJa'] });
export type OrganisationInput = z.infer<typeof OrganisationInputSchema>;

export const StatusEntryInputSchema = z
  .object({
    kind: z.enum(STATUS_KINDS),
    from: isoDate,
    /** Only a ban has an end; open-ended when null. */
    to: isoDate.nullable().default(null),
    decisionReference: text(120).min(1, { message: 'organisations.status.referenceRequired' }),
  })
  .strict()
  .refine((s) => s.to === null || s.kind === 'banned', { message: 'organisations.status.toOnlyForBan', path: ['to'] })
  .refine((s) => s.to === null || s.to >= s.from, { message: 'organisations.status.endBeforeStart', path: ['to'] });
export type StatusEntryInput = z.infer<typeof StatusEntryInputSchema>;

/** What a status entry's dates record (dates.ts): a decision may take effect a little ahead; a ban may end years ahead. */
export const STATUS_ENTRY_DATES = { from: 'takesEffect', to: 'planned' } as const satisfies { [K in keyof StatusEntryInput]?: DateKind };

export const ViolationInputSchema = z
  .object({
    on: isoDate,
    article: z.enum(VIOLATION_ARTICLES),
    source: text(200).min(1, { message: 'organisations.violation.sourceRequired' }),
    note: optionalText(1000),
  })
  .strict();
export type ViolationInput = z.infer<typeof ViolationInputSchema>;

/** What a violation's date records (dates.ts): it has been committed. */
export const VIOLATION_DATES = { on: 'happened' } as const satisfies { [K in keyof ViolationInput]?: DateKind };

export const MissingReportInputSchema = z.object({ half: HalfYear, count: z.number().int().min(0).max(100_000), source: text(200).min(1) }).strict();
export type MissingReportInput = z.infer<typeof MissingReportInputSchema>;

/** How an organisation stands on a day, from its status history. */
export interface Standing {
  /** A ban in force today, with its end (null: open-ended). */
  ban: { from: string; to: string | null; decisionReference: string } | null;
  licenceRevoked: boolean;
  nameDisclosed: boolean;
}

/**
 * The standing on `today`: a ban counts from its first to its last day; a revocation or a
 * disclosure holds from its date until a later reinstatement.
 */
export function standingOn(history: readonly { kind: StatusKind; from: string; to: string | null; decisionReference: string }[], today: string): Standing {
  const past = history.filter((h) => h.from <= today);
  const lastReinstated = past.filter((h) => h.kind === 'reinstated').reduce((m, h) => (h.from > m ? h.from : m), '');
  const holds = (kind: StatusKind) => past.some((h) => h.kind === kind && h.from >= lastReinstated);
  const bans = past.filter((h) => h.kind === 'banned' && (h.to === null || h.to >= today) && h.from >= lastReinstated);
  const ban = bans.sort((a, b) => (a.to === null ? 1 : b.to === null ? -1 : a.to < b.to ? 1 : -1))[0] ?? null;
  return {
    ban: ban ? { from: ban.from, to: ban.to, decisionReference: ban.decisionReference } : null,
    licenceRevoked: holds('licence-revoked'),
    nameDisclosed: holds('name-disclosed'),
  };
}

/** How a same-workplace follow-up interview ended (or that it has not yet taken place). */
export const FOLLOWUP_OUTCOMES = ['pending', 'no-concern', 'concern-found', 'referred-as-case', 'declined', 'unreachable'] as const;
export type FollowupOutcome = (typeof FOLLOWUP_OUTCOMES)[number];

export const FollowupInputSchema = z
  .object({
    /** Who to interview: a name or another way the officer will find the trainee. Never a case's person. */
    trainee: text(200).min(1, { message: 'organisations.followup.traineeRequired' }),
    plannedOn: isoDate.nullable().default(null),
    assignedTo: Id,
    outcome: z.enum(FOLLOWUP_OUTCOMES).default('pending'),
    note: optionalText(2000),
  })
  .strict();
export type FollowupInput = z.infer<typeof FollowupInputSchema>;

/** What a follow-up's date records (dates.ts): an appointment, ahead or already past. */
export const FOLLOWUP_DATES = { plannedOn: 'planned' } as const satisfies { [K in keyof FollowupInput]?: DateKind };
