import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/mamori';
import { apiPathErrors, namespacedIssueKey, pathErrors } from './forms';

const protectionKey = namespacedIssueKey('protection', { invalid_value: 'validation.choose' });

describe('issues mapped to field errors', () => {
  it('labels a key the feature has a text for in its namespace, dots turned to underscores', () => {
    expect(protectionKey({ message: 'consideration.evidence.required', code: 'too_small' })).toBe('protection.issues.consideration_evidence_required');
  });

  it('falls back to the shared text chosen for the code, then to the usual shared texts', () => {
    expect(protectionKey({ message: 'Invalid option', code: 'invalid_value' })).toBe('validation.choose');
    expect(protectionKey({ message: 'Too small', code: 'too_small' })).toBe('validation.required');
    expect(namespacedIssueKey('protection')({ message: 'Invalid option', code: 'invalid_value' })).toBe('validation.invalid');
    // A code that is a property of every object is not a chosen fallback.
    expect(protectionKey({ message: 'x', code: 'toString' })).toBe('validation.invalid');
  });

  it('keys issues by their path below the prefix, the first per path, and gives the label the path the form uses', () => {
    const seen: string[] = [];
    const errors = pathErrors(
      [
        { path: 'plan.durationMinutes', message: 'first' },
        { path: ['plan', 'durationMinutes'], message: 'second' },
        { path: 'planned', message: 'third' },
        { path: ['reportingDates', 0, 'date'], message: 'fourth' },
      ],
      'plan',
      (issue, path) => {
        seen.push(path);
        return `${path}:${issue.message}`;
      },
    );
    expect(errors).toEqual({ durationMinutes: 'durationMinutes:first', planned: 'planned:third', 'reportingDates.0.date': 'reportingDates.0.date:fourth' });
    expect(seen).toEqual(['durationMinutes', 'planned', 'reportingDates.0.date']);
  });

  it('maps only a refusal about the values given (INVALID_INPUT, SCREENING_REQUIRED) with issues', () => {
    const issues = [{ path: 'draft.summary', message: 'decision.summary.required' }];
    const decisionKey = namespacedIssueKey('decisions');
    expect(apiPathErrors(new ApiError({ code: 'INVALID_INPUT', message: 'x', issues }), 'draft', decisionKey)).toEqual({ summary: 'decisions.issues.decision_summary_required' });
    expect(apiPathErrors(new ApiError({ code: 'STALE_VERSION', message: 'x', issues }), 'draft', decisionKey)).toBeNull();
    const screening = [{ path: 'exploitation.identificationStatus', message: 'case.screening.beforeNotAVictim' }];
    expect(apiPathErrors(new ApiError({ code: 'SCREENING_REQUIRED', message: 'x', issues: screening }), 'exploitation')).toEqual({ identificationStatus: 'validation.case.screening.beforeNotAVictim' });
    expect(apiPathErrors(new ApiError({ code: 'INVALID_INPUT', message: 'x', issues: [] }), 'draft', decisionKey)).toBeNull();
    expect(apiPathErrors(new Error('x'), 'draft', decisionKey)).toBeNull();
  });
});
