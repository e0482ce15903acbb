/**
 * Residence guidance (DESIGN.md §6, DOMAIN.md §1–§3): a pure rule that lists, from the immigration
 * facts, the identification, the victim's wishes and the three considerations, which residence
 * pathways apply, why, and what is still missing before a recommendation can be submitted; plus
 * warnings. It guides, it never decides: officers recommend and supervisors approve.
 * Codes are English; each has an English and a Japanese label in
 * renderer/features/decisions/guidance.{en,ja}.json.
 */
import { dayNumber, EXPIRY_WARNING_DAYS } from './dates';
import { CUSTODY_WITH_REPORTING, isTechnicalIntern, legalStanding, type Immigration } from './immigration';
import type { ConsiderationLevel, CooperationStatus, IomConsent, Wish } from './protection';

export const PATHWAYS = ['renewal', 'change-of-status', 'special-residence-permission', 'provisional-release', 'assisted-return', 'after-procedures'] as const;
export type Pathway = (typeof PATHWAYS)[number];

// DOMAIN.md §2: the factors the Minister considers under Art. 50(5) ICRRA, in statute order.
// The officer writes each on the special residence permission worksheet; this rule does not weigh them.
export const ART_50_5_FACTORS = [
  'reason-for-stay',
  'family-relations',
  'conduct',
  'how-came-to-japan',
  'length-and-status-of-stay',
  'facts-of-deportation-grounds',
  'humanitarian-need',
  'domestic-international-conditions',
  'effect-on-other-irregular-residents',
] as const;
export type Art505Factor = (typeof ART_50_5_FACTORS)[number];

/** The documents to gather for each pathway: a checklist for the officer, not a condition of this rule. */
export const DOCUMENTS = {
  renewal: ['renewal-application', 'photo', 'passport-or-reason', 'residence-card-or-reason', 'identification-record', 'statement-of-circumstances', 'wishes-record'],
  'change-of-status': ['change-application', 'photo', 'passport-or-reason', 'residence-card-or-reason', 'identification-record', 'reasons-for-change', 'wishes-record'],
  'special-residence-permission': [
    'srp-application',
    'statement-of-reasons',
    'identification-record',
    'consideration-statements',
    'art-50-5-worksheet',
    'wishes-record',
    'passport-or-reason',
  ],
  'provisional-release': ['release-application', 'identification-record', 'condition-assessment', 'guarantor-or-supervisor', 'residence-confirmation', 'reporting-conditions'],
  'assisted-return': ['iom-referral-consent', 'travel-document-or-embassy-contact', 'identification-record', 'danger-assessment', 'reintegration-plan', 'wishes-record'],
  'after-procedures': [
    'renewal-or-change-application',
    'photo',
    'passport-or-reason',
    'residence-card-or-reason',
    'procedures-outcome-record',
    'statement-of-circumstances',
    'wishes-record',
  ],
} as const satisfies Record<Pathway, readonly string[]>;
export type DocumentCode = (typeof DOCUMENTS)[Pathway][number];

/** Why a pathway applies. */
export const GUIDANCE_REASONS = [
  'lawful-resident',
  'absconded-status-still-valid',
  'irregular-status',
  'trafficking-victim',
  'wishes-to-remain',
  'wishes-to-return',
  'status-tied-to-exploitation',
  'danger-on-return-high',
  'needs-protection',
  'cooperating-with-prosecution',
  'detained',
  'in-deportation-procedure',
  'liable-to-detention',
  'avoid-detention-of-victims',
  'after-protection-procedures',
  'criminal-procedures-completed',
] as const;
export type GuidanceReason = (typeof GUIDANCE_REASONS)[number];

/** What must still be recorded before a recommendation for the pathway can be submitted. */
export const GUIDANCE_MISSING = [
  'wish',
  'identification',
  'expiry-date',
  'consideration-danger',
  'consideration-condition',
  'consideration-cooperation',
  'iom-consent',
] as const;
export type GuidanceMissing = (typeof GUIDANCE_MISSING)[number];

export const GUIDANCE_WARNINGS = [
  'not-a-victim',
  'indicators-but-not-a-victim',
  'absconded-not-screened',
  'return-despite-danger',
  'detained-no-alternative',
  'period-expired',
  'period-expiring',
  'reporting-date-soon',
  'reporting-date-passed',
  'renewal-keeps-tie-to-exploiter',
  'wish-not-recorded',
  'chosen-not-applicable',
  'cooperation-not-required',
] as const;
export type GuidanceWarning = (typeof GUIDANCE_WARNINGS)[number];

export type IdentificationStatus = 'possible' | 'identified' | 'not-a-victim';

/** The immigration facts the rule reads (DOMAIN.md §2); it derives the standing itself with `legalStanding`. */
export type GuidanceImmigration = Pick<
  Immigration,
  'statusOfResidence' | 'periodOfStayExpiry' | 'statusValidity' | 'abscondedFromTraining' | 'deportationProcedure' | 'custody' | 'reportingDates'
>;

export interface GuidanceInput {
  /** YYYY-MM-DD: the caller's today. The rule reads no clock. */
  today: string;
  immigration: GuidanceImmigration;
  identificationStatus: IdentificationStatus;
  /** EXPLOITATION_TYPES codes. Not used by the rule yet; part of the input so callers pass the whole picture. */
  exploitationTypes: readonly string[];
  /** Indicator codes (INDICATORS) recorded as present. */
  indicatorsPresent: readonly string[];
  /** The trafficking-indicator checklist has been completed (DOMAIN.md §3, §4). */
  screeningComplete: boolean;
  /** The roles of the adverse parties recorded on the case (ADVERSE_ROLES codes). */
  adverseRoles: readonly string[];
  /** An approved decision has put an alternative to detention in place (provisional release or supervision measures). */
  alternativeApproved: boolean;
  /** The latest recorded wish; null: none recorded. */
  wish: Wish | null;
  /** The latest assessment of each consideration; null: not recorded. */
  considerations: {
    'danger-on-return': ConsiderationLevel | null;
    'condition-and-protection': ConsiderationLevel | null;
    cooperation: { level: ConsiderationLevel; status: CooperationStatus } | null;
  };
  /** The latest IOM referral consent; null: none recorded. */
  iomConsent: IomConsent | null;
  /** The pathway the officer has chosen on the worksheet, if any. */
  chosenPathway: Pathway | null;
}

export interface PathwayGuidance {
  pathway: Pathway;
  /** In GUIDANCE_REASONS order. */
  reasons: GuidanceReason[];
  /** In GUIDANCE_MISSING order; empty when a recommendation may be submitted. */
  missing: GuidanceMissing[];
}

export interface Guidance {
  /** Only the applicable pathways, in PATHWAYS order, except that change of status comes before a renewal that would keep the victim tied to the exploiter. */
  pathways: PathwayGuidance[];
  /** In GUIDANCE_WARNINGS order, no duplicates. */
  warnings: GuidanceWarning[];
}

// Statuses that keep the victim tied to the exploiter (intern, trainee: the training plan names the
// employer; entertainer: the usual route of sexual exploitation) or cannot lawfully continue
// (temporary visitor: no work, short period): a change of status is the way out.
const tiedToExploitation = (status: string) => isTechnicalIntern(status) || ['trainee', 'entertainer', 'temporary-visitor'].includes(status);

// DOMAIN.md §3: the employer (implementing organisation) and the supervising organisation of an
// intern; renewing the intern's status keeps the victim in their training plan.
const EXPLOITER_ORGANISATIONS = ['employer', 'supervising-organisation'];

/** How near (in days, either side of today) a reporting date is shown as a warning with the decision. */
export const REPORTING_WARNING_DAYS = 14;

const orderBy =
  <T extends string>(order: readonly T[]) =>
  (items: readonly T[]): T[] =>
    order.filter((code) => items.includes(code));

const sortReasons = orderBy(GUIDANCE_REASONS);
const sortMissing = orderBy(GUIDANCE_MISSING);

const weighs = (level: ConsiderationLevel | null | undefined) => level === 'high' || level === 'moderate';

export function residenceGuidance(input: GuidanceInput): Guidance {
  const { immigration: im, wish, considerations: c } = input;
  const status = im.statusOfResidence;
  const today = dayNumber(input.today);
  const expiry = im.periodOfStayExpiry === null ? null : dayNumber(im.periodOfStayExpiry);

  // The victim-protection pathways are for victims: identified, or possible while identification is
  // under way (DOMAIN.md §1 "victims or possible victims"). A person found not to be a victim is
  // outside this guidance altogether.
  const victim = input.identificationStatus !== 'not-a-victim';
  // DOMAIN.md §1–§3: legal resident or in violation, derived from the facts by the one rule for it.
  const irregular = legalStanding(im, input.today) === 'in-violation';
  const lawful = !irregular && status !== 'none';
  // A permanent resident has no period of stay to renew and no better status to change to.
  const lawfulTemporary = lawful && status !== 'permanent-resident';
  // DOMAIN.md §3: an intern who fled keeps the status until it expires or is revoked.
  const abscondedLawful: GuidanceReason[] = lawful && im.abscondedFromTraining ? ['absconded-status-still-valid'] : [];
  // DOMAIN.md §1, first consideration: danger to life if returned outweighs a stated wish to return.
  // The protective pathway stays offered beside the return: the victim may change their mind, and
  // the supervisor must see it.
  const dangerHigh = c['danger-on-return'] === 'high';
  const mayStay = wish !== 'return' || dangerHigh;
  const dangerReason: GuidanceReason[] = wish === 'return' && dangerHigh ? ['danger-on-return-high'] : [];
  // DOMAIN.md §3: an intern's status renewed is a training plan with the employer and supervising
  // organisation recorded as exploiters.
  const tiedToExploiter = isTechnicalIntern(status) && input.adverseRoles.some((r) => EXPLOITER_ORGANISATIONS.includes(r));

  // DOMAIN.md §1: a recommendation to let the victim stay rests on the identification; a possible
  // victim is protected meanwhile, but the recommendation waits for it.
  const identification: GuidanceMissing[] = input.identificationStatus === 'identified' ? [] : ['identification'];
  const wishMissing: GuidanceMissing[] = wish === null ? ['wish'] : [];
  const remainReason: GuidanceReason[] = wish === 'remain' ? ['wishes-to-remain'] : [];
  const conditionMissing: GuidanceMissing[] = c['condition-and-protection'] === null ? ['consideration-condition'] : [];
  const cooperationStatus = c.cooperation?.status ?? null;

  const pathways: PathwayGuidance[] = [];
  const add = (pathway: Pathway, reasons: GuidanceReason[], missing: GuidanceMissing[]) =>
    pathways.push({ pathway, reasons: sortReasons(reasons), missing: sortMissing(missing) });

  if (victim) {
    // DOMAIN.md §1 ISA policy: legal residents — renewal of the period of stay, taking their wishes into account.
    if (lawfulTemporary && mayStay) {
      add(
        'renewal',
        ['lawful-resident', ...abscondedLawful, ...remainReason, ...dangerReason],
        [...wishMissing, ...identification, ...(expiry === null ? ['expiry-date' as const] : []), ...conditionMissing],
      );
    }

    // DOMAIN.md §1 ISA policy: legal residents — change of status of residence, taking their wishes into account.
    if (lawfulTemporary && mayStay) {
      add(
        'change-of-status',
        ['lawful-resident', ...abscondedLawful, ...remainReason, ...dangerReason, ...(tiedToExploitation(status) ? ['status-tied-to-exploitation' as const] : [])],
        [...wishMissing, ...identification, ...conditionMissing],
      );
    }

    // DOMAIN.md §1 ISA policy: violators — special residence permission, considering the three circumstances;
    // §2 Art. 50(1) names trafficking victims among those eligible.
    if (irregular && mayStay) {
      const reasons: GuidanceReason[] = ['irregular-status', ...remainReason];
      if (input.identificationStatus === 'identified') reasons.push('trafficking-victim');
      if (weighs(c['danger-on-return'])) reasons.push('danger-on-return-high');
      if (weighs(c['condition-and-protection'])) reasons.push('needs-protection');
      if (cooperationStatus === 'cooperating' || cooperationStatus === 'completed') reasons.push('cooperating-with-prosecution');
      add('special-residence-permission', reasons, [
        ...wishMissing,
        ...identification,
        ...(c['danger-on-return'] === null ? ['consideration-danger' as const] : []),
        ...conditionMissing,
        ...(c.cooperation === null ? ['consideration-cooperation' as const] : []),
      ]);
    }

    // DOMAIN.md §1 ISA policy: "flexibly uses provisional release, substantively avoiding detention";
    // §2 Art. 54 provisional release and supervision measures. Every violator is liable to detention in
    // deportation procedure, so the alternative applies from the start, whatever the wish: detention is
    // avoided while a return is arranged too. Not offered again once released or under supervision.
    if (irregular && im.custody !== 'provisional-release' && im.custody !== 'supervision-measures') {
      const why: GuidanceReason = im.custody === 'detained' ? 'detained' : im.deportationProcedure ? 'in-deportation-procedure' : 'liable-to-detention';
      add('provisional-release', [why, 'avoid-detention-of-victims'], conditionMissing);
    }

    // DOMAIN.md §2: assisted voluntary return with IOM, only on the victim's own wish and with consent
    // to the referral; the danger on return must have been assessed first.
    if (wish === 'return') {
      add('assisted-return', ['wishes-to-return'], [
        ...(input.iomConsent === 'given' ? [] : ['iom-consent' as const]),
        ...(c['danger-on-return'] === null ? ['consideration-danger' as const] : []),
      ]);
    }

    // DOMAIN.md §1 ISA policy: "if, after such procedures, the victim wishes to reside in Japan" — renewal
    // or change considered comprehensively. Designated Activities is the status protection procedures
    // usually leave the victim with; completed criminal procedures are the other "such procedure".
    const afterProtection = status === 'designated-activities';
    const afterCriminal = cooperationStatus === 'completed';
    if (lawfulTemporary && wish === 'remain' && (afterProtection || afterCriminal)) {
      add(
        'after-procedures',
        ['wishes-to-remain', ...(afterProtection ? ['after-protection-procedures' as const] : []), ...(afterCriminal ? ['criminal-procedures-completed' as const] : [])],
        [...identification, ...conditionMissing],
      );
    }
  }

  // DOMAIN.md §3: where renewal would keep the victim tied to the exploiter, the way out comes first.
  if (tiedToExploiter) {
    const change = pathways.findIndex((g) => g.pathway === 'change-of-status');
    const renewal = pathways.findIndex((g) => g.pathway === 'renewal');
    if (change > renewal && renewal >= 0) pathways.splice(renewal, 0, ...pathways.splice(change, 1));
  }

  const applies = (p: Pathway) => pathways.some((g) => g.pathway === p);
  const validStatus = im.statusValidity === 'valid' && status !== 'none';
  // DOMAIN.md §2: reporting dates are a condition of provisional release and supervision measures.
  const reporting = CUSTODY_WITH_REPORTING.includes(im.custody) ? im.reportingDates.map((r) => dayNumber(r.date) - today) : [];
  const fired: Record<GuidanceWarning, boolean> = {
    'not-a-victim': !victim,
    // DOMAIN.md §3: where trafficking indicators are present, the victim-protection pathways apply.
    'indicators-but-not-a-victim': !victim && input.indicatorsPresent.length > 0,
    // DOMAIN.md §3: an intern who fled is screened for indicators before being handled only as a status violator.
    'absconded-not-screened': im.abscondedFromTraining && !input.screeningComplete,
    // DOMAIN.md §1 first consideration: danger to life or physical well-being if returned.
    'return-despite-danger': wish === 'return' && dangerHigh,
    // DOMAIN.md §1 ISA policy: substantively avoiding detention of victims. Cleared once an alternative
    // is chosen on the worksheet, approved, or recorded as the custody.
    'detained-no-alternative': im.custody === 'detained' && !input.alternativeApproved && input.chosenPathway !== 'provisional-release',
    // The period of stay matters while the status has not expired or been revoked: once it has run out
    // the person overstays (and the rule treats them as in violation).
    'period-expired': validStatus && expiry !== null && expiry < today,
    'period-expiring': validStatus && expiry !== null && expiry >= today && expiry - today <= EXPIRY_WARNING_DAYS,
    // DOMAIN.md §2: a missed reporting date can end provisional release; dates near the decision are shown with it.
    'reporting-date-soon': reporting.some((d) => d >= 0 && d <= REPORTING_WARNING_DAYS),
    'reporting-date-passed': reporting.some((d) => d < 0 && d >= -REPORTING_WARNING_DAYS),
    'renewal-keeps-tie-to-exploiter': tiedToExploiter && applies('renewal'),
    // DOMAIN.md §1 ISA policy: decisions take the victim's wishes into account.
    'wish-not-recorded': victim && wish === null,
    'chosen-not-applicable': input.chosenPathway !== null && !applies(input.chosenPathway),
    // DOMAIN.md §1 ISA policy: victims are never forced into providing testimony; not cooperating never counts against them.
    'cooperation-not-required': cooperationStatus === 'not-cooperating' && pathways.length > 0,
  };

  return { pathways, warnings: GUIDANCE_WARNINGS.filter((w) => fired[w]) };
}

/** True when a recommendation for `pathway` may be submitted: the pathway applies and nothing is missing. */
export function canSubmit(g: Guidance, pathway: Pathway): boolean {
  const found = g.pathways.find((p) => p.pathway === pathway);
  return found !== undefined && found.missing.length === 0;
}
