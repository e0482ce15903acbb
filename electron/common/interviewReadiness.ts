/**
 * Interview readiness (DESIGN.md §6, DOMAIN.md §1): a pure rule shown before an interview and
 * enforced when it starts. It never decides for the officer: unmet items block "start" until a
 * supervisor overrides them with a reason (recorded elsewhere). An officer may record why no
 * interpreter of the native language or no female officer can be present, but that reason alone
 * waives nothing: the supervisor's override does.
 */

import type { Condition } from './protection';
import { isStatedReason } from './schemas';

export interface ReadinessInput {
  victim: {
    sex: 'female' | 'male' | 'other' | 'undisclosed';
    /** ISO 639-1 codes, native language first. */
    languages: readonly string[];
    /** The victim's condition today, as assessed before questioning. */
    condition: Condition;
  };
  interpreter: { languages: readonly string[] } | null;
  /** Why no interpreter of the native language could be found, if none was. */
  noInterpreterReason?: string;
  officersPresent: readonly { sex: 'female' | 'male' | 'other' | 'undisclosed' }[];
  /** Why no female officer can be present for a female victim, if none is. */
  noFemaleOfficerReason?: string;
  place: { private: boolean; disclosesWhereabouts: boolean };
  /**
   * How many people to be present (the interpreter included) match an adverse party of the case.
   * An officer cannot waive this: only a supervisor's override, with a reason, lets such an interview start.
   */
  adverseMatches: number;
  /** The victim was told they may decline or stop at any time. */
  rightsExplained: boolean;
}

export const READINESS_ITEMS = ['interpreter', 'female-officer', 'private-place', 'condition', 'no-conflict', 'rights-explained'] as const;
export type ReadinessItem = (typeof READINESS_ITEMS)[number];

/**
 * met; reason-recorded: not met, and the officer recorded why (it still blocks the start until a
 * supervisor overrides it); unmet: blocks the start; not-applicable.
 */
export type ItemStatus = 'met' | 'reason-recorded' | 'unmet' | 'not-applicable';

export interface Readiness {
  ready: boolean;
  items: Record<ReadinessItem, ItemStatus>;
}

export function interviewReadiness(input: ReadinessInput): Readiness {
  const native = input.victim.languages[0];
  const items: Record<ReadinessItem, ItemStatus> = {
    // ISA victim-protection policy: questioning through an interpreter of the native language "as much as possible".
    interpreter:
      native === undefined || native === 'ja' || input.interpreter?.languages.includes(native)
        ? 'met'
        : isStatedReason(input.noInterpreterReason)
          ? 'reason-recorded'
          : 'unmet',
    // ISA victim-protection policy: efforts to assign a female officer to a female victim.
    'female-officer':
      input.victim.sex !== 'female'
        ? 'not-applicable'
        : input.officersPresent.some((o) => o.sex === 'female')
          ? 'met'
          : isStatedReason(input.noFemaleOfficerReason)
            ? 'reason-recorded'
            : 'unmet',
    // ISA victim-protection policy: a place that respects privacy and keeps whereabouts secret. No waiver.
    'private-place': input.place.private && !input.place.disclosesWhereabouts ? 'met' : 'unmet',
    // ISA victim-protection policy: time and place with adequate consideration of the victim's condition.
    condition: input.victim.condition === 'acute' ? 'unmet' : 'met',
    // ISA victim-protection policy: the victim must not be found out by anyone related to the trafficking.
    'no-conflict': input.adverseMatches === 0 ? 'met' : 'unmet',
    // ISA victim-protection policy: victims are never forced into providing testimony.
    'rights-explained': input.rightsExplained ? 'met' : 'unmet',
  };
  return { ready: READINESS_ITEMS.every((i) => !blocks(items[i])), items };
}

const blocks = (status: ItemStatus) => status === 'unmet' || status === 'reason-recorded';

/** The safeguards that block the start until a supervisor overrides them (those with an officer's reason included). */
export const unmetItems = (r: Readiness): ReadinessItem[] => READINESS_ITEMS.filter((i) => blocks(r.items[i]));

/**
 * Whether an interview may start: ready, or every unmet item is one a supervisor overrode
 * (an override covers only what was unmet when it was given).
 */
export function mayStart(r: Readiness, overriddenItems: readonly string[] | null): boolean {
  return unmetItems(r).every((i) => overriddenItems?.includes(i) ?? false);
}
