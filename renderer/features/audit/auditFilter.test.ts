import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, toAuditFilter } from './auditFilter';

describe('toAuditFilter', () => {
  it('leaves out what is empty', () => {
    expect(toAuditFilter(EMPTY_DRAFT)).toEqual({ ok: true, filter: {} });
    expect(toAuditFilter({ ...EMPTY_DRAFT, caseRef: '   ' })).toEqual({ ok: true, filter: {} });
  });

  it('turns dates into the start and end of the local day, both inclusive', () => {
    const result = toAuditFilter({ ...EMPTY_DRAFT, fromDate: '2026-12-31', toDate: '2026-12-31' });
    expect(result).toEqual({
      ok: true,
      filter: { from: new Date(2026, 11, 31).toISOString(), to: new Date(2026, 11, 31, 23, 59, 59, 999).toISOString() },
    });
  });

  it('refuses what core would refuse, as field errors', () => {
    expect(toAuditFilter({ ...EMPTY_DRAFT, caseRef: 'X'.repeat(33) })).toEqual({
      ok: false,
      errors: { caseRef: 'validation.caseRef.tooLong' },
    });
    expect(toAuditFilter({ ...EMPTY_DRAFT, action: 'case.deleted' })).toEqual({ ok: false, errors: { action: 'validation.invalid' } });
    expect(toAuditFilter({ ...EMPTY_DRAFT, fromDate: '2026-02-31' })).toEqual({ ok: false, errors: { fromDate: 'validation.date.invalid' } });
    expect(toAuditFilter({ ...EMPTY_DRAFT, fromDate: '2026-03-02', toDate: '2026-03-01' })).toEqual({
      ok: false,
      errors: { toDate: 'validation.date.beforeStart' },
    });
  });
});
