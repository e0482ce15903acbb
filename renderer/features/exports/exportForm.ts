/** The export panel's choices, and the request core receives, checked with the contract's own schema first. */
import { ExportRequestSchema, type ExportRequest } from '../../../electron/common/contract.exports';
import type { Locale } from '../../../electron/common/errors';
import { PROFILE_SPECS, type Profile, type SealedItem } from '../../../electron/common/summary';
import { issueKey, parseWith, type IssueKeyOf, type Parsed } from '../../ui/forms';

export interface ExportDraft {
  /** Chosen on purpose, never by default: who may read what is the decision the panel exists for. */
  profile: Profile | null;
  recipient: string;
  purpose: string;
  /** Supervisors only: the sealed items to add to this copy, and why. */
  sealedItems: SealedItem[];
  reason: string;
}

export const EMPTY_EXPORT: ExportDraft = { profile: null, recipient: '', purpose: '', sealedItems: [], reason: '' };

/** The sealed items a profile may carry (DESIGN.md §3: only a supervisor adds them). */
export const sealedAllowed = (profile: Profile | null): readonly SealedItem[] => (profile ? PROFILE_SPECS[profile].sealedAllowed : []);

/** A change of profile keeps only the sealed items the new one allows. */
export function chooseProfile(draft: ExportDraft, profile: Profile): ExportDraft {
  const allowed = sealedAllowed(profile);
  return { ...draft, profile, sealedItems: draft.sealedItems.filter((item) => allowed.includes(item)) };
}

/** The request as the contract reads it; sealed items only when some are chosen (the reason goes with them). */
function requestInput(caseId: string, draft: ExportDraft, locale: Locale): unknown {
  const items = draft.sealedItems.filter((item) => sealedAllowed(draft.profile).includes(item));
  return {
    caseId,
    profile: draft.profile ?? undefined,
    recipient: draft.recipient,
    purpose: draft.purpose,
    locale,
    ...(items.length > 0 ? { sealed: { items, reason: draft.reason } } : {}),
  };
}

/** An unchosen profile asks for a choice; everything else is labelled by the schema's own keys. */
export const exportIssueKey: IssueKeyOf = (issue, path) => (path === 'profile' ? 'validation.choose' : issueKey(issue));

export function parseExport(caseId: string, draft: ExportDraft, locale: Locale): Parsed<ExportRequest> {
  return parseWith(ExportRequestSchema, requestInput(caseId, draft, locale), exportIssueKey);
}

/** Whether two requests would print the same summary (the preview shown is still the one that will be saved). */
export const sameRequest = (a: ExportRequest, b: ExportRequest) => JSON.stringify(a) === JSON.stringify(b);
