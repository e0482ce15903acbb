import { describe, expect, it } from 'vitest';
import { LOCK_REASONS, ROLES } from '../../../electron/common/accounts';
import { AUDIT_ACTIONS, AUDIT_CODE_LISTS, AUDIT_RECORDS, type AuditCodeList } from '../../../electron/common/audit';
import { ADVERSE_ROLES, NOTE_TYPES, SEALED_FIELDS, STAGES } from '../../../electron/common/cases';
import { ERROR_CODES, LOCALES } from '../../../electron/common/errors';
import { PATHWAYS } from '../../../electron/common/guidance';
import { READINESS_ITEMS } from '../../../electron/common/interviewReadiness';
import { FOLLOWUP_OUTCOMES, ORGANISATION_TYPES, STATUS_KINDS } from '../../../electron/common/organisations';
import { CONSIDERATION_KINDS, CONSIDERATION_LEVELS, INTERVIEW_OUTCOMES, IOM_CONSENTS, WISHES } from '../../../electron/common/protection';
import { RETENTION_OUTCOMES } from '../../../electron/common/retention';
import { STATISTICS_DIMENSIONS, STATISTICS_GRANULARITIES } from '../../../electron/common/statistics';
import { PROFILES, SEALED_ITEMS } from '../../../electron/common/summary';
import { i18n } from '../../i18n/i18n';
import { CODE_LABELS } from './auditShown';

/** Every code core can write into each vocabulary of the trail (audit.shown.ts). */
const CODES: Record<AuditCodeList, readonly string[]> = {
  auditAction: AUDIT_ACTIONS,
  stage: STAGES,
  closingOutcome: RETENTION_OUTCOMES,
  lockReason: LOCK_REASONS,
  role: ROLES,
  locale: LOCALES,
  pathway: PATHWAYS,
  sealedField: SEALED_FIELDS,
  sealedItem: SEALED_ITEMS,
  exportProfile: PROFILES,
  noteType: NOTE_TYPES,
  adverseRole: ADVERSE_ROLES,
  conflictContext: ['contact', 'interpreter', 'visitor', 'registry'],
  caseSection: ['person', 'immigration', 'exploitation', 'riskLevel', 'flags'],
  considerationKind: CONSIDERATION_KINDS,
  considerationLevel: CONSIDERATION_LEVELS,
  wish: WISHES,
  iomConsent: IOM_CONSENTS,
  interviewOutcome: INTERVIEW_OUTCOMES,
  readinessItem: READINESS_ITEMS,
  errorCode: ERROR_CODES,
  via: ['command line', 'approval'],
  account: ['known', 'unknown'],
  recoveryAfter: ['request', 'rotation', 'use'],
  keyRevoked: ['passphrase-reset', 'disabled'],
  keyStatus: ['pending', 'granted'],
  queue: ['decisions'],
  organisationType: ORGANISATION_TYPES,
  organisationStatus: STATUS_KINDS,
  followupOutcome: FOLLOWUP_OUTCOMES,
  statisticsDimension: STATISTICS_DIMENSIONS,
  statisticsGranularity: STATISTICS_GRANULARITIES,
};

describe('the audit trail’s vocabularies', () => {
  it.each(['en', 'ja'])('label every code of every list in %s, so no raw code reaches the page', (language) => {
    const missing = AUDIT_CODE_LISTS.flatMap((list) => CODES[list].filter((code) => !i18n.exists(`${CODE_LABELS[list]}.${code}`, { lng: language })).map((code) => `${list}:${code}`));
    expect(missing).toEqual([]);
    expect(AUDIT_RECORDS.filter((r) => !i18n.exists(`audit.record.${r}.one`, { lng: language }) || !i18n.exists(`audit.record.${r}.many`, { lng: language }))).toEqual([]);
  });
});
