import { AuditFilterSchema, type AuditFilter } from '../../../electron/common/contract.audit';
import type { FieldErrors } from '../../ui/validation';

/** The filter form as typed: empty strings mean "any"; dates are the `YYYY-MM-DD` of date inputs. */
export interface AuditFilterDraft {
  actorId: string;
  action: string;
  caseRef: string;
  fromDate: string;
  toDate: string;
}

export type AuditFilterField = keyof AuditFilterDraft;

export const EMPTY_DRAFT: AuditFilterDraft = { actorId: '', action: '', caseRef: '', fromDate: '', toDate: '' };

/** A calendar day in the user's own time zone, as the UTC instant core compares entries with. */
function localDayBound(date: string, end: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const bound = end ? new Date(year, month, day, 23, 59, 59, 999) : new Date(year, month, day, 0, 0, 0, 0);
  // Date() rolls 31 February over into March; such a day does not exist, so it is no bound.
  return bound.getMonth() === month && bound.getDate() === day ? bound.toISOString() : undefined;
}

/**
 * The draft as the contract's filter: "from" is the start of its day and "to" the end of its day,
 * both inclusive, in local time. Checked with the contract's schema, as core will check it.
 */
export function toAuditFilter(
  draft: AuditFilterDraft,
): { ok: true; filter: AuditFilter } | { ok: false; errors: FieldErrors<AuditFilterField> } {
  const errors: FieldErrors<AuditFilterField> = {};
  const from = localDayBound(draft.fromDate, false);
  const to = localDayBound(draft.toDate, true);
  if (draft.fromDate && !from) errors.fromDate = 'validation.date.invalid';
  if (draft.toDate && !to) errors.toDate = 'validation.date.invalid';
  if (from && to && from > to) errors.toDate = 'validation.date.beforeStart';

  const parsed = AuditFilterSchema.safeParse({
    actorId: draft.actorId || undefined,
    action: draft.action || undefined,
    caseRef: draft.caseRef.trim() || undefined,
    from,
    to,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (field === 'caseRef') errors.caseRef ??= 'validation.caseRef.tooLong';
      else if (field === 'action' || field === 'actorId') errors[field] ??= 'validation.invalid';
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, filter: parsed.data };
}
