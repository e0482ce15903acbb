import type { AuditCodeList } from '../../../electron/common/audit';
import type { AuditTargetShown, AuditValueShown } from '../../../electron/common/contract.audit';
import { formatDate, formatNumber, formatTimestamp } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';

/**
 * Where each vocabulary's labels live: the case file's vocabulary, the guidance, the summaries, the
 * registry and statistics screens already name most codes; the trail's own `audit.code.*` the rest.
 */
export const CODE_LABELS: Record<AuditCodeList, string> = {
  auditAction: 'auditActions',
  stage: 'vocab.stage',
  closingOutcome: 'vocab.closingOutcome',
  lockReason: 'audit.code.lockReason',
  role: 'roles',
  locale: 'language',
  pathway: 'guidance.pathway',
  sealedField: 'vocab.sealedField',
  sealedItem: 'summary.sealedItem',
  exportProfile: 'summary.profile',
  noteType: 'vocab.noteType',
  adverseRole: 'vocab.adverseRole',
  conflictContext: 'audit.code.conflictContext',
  caseSection: 'audit.code.caseSection',
  considerationKind: 'vocab.considerationKind',
  considerationLevel: 'vocab.considerationLevel',
  wish: 'vocab.wish',
  iomConsent: 'vocab.iomConsent',
  interviewOutcome: 'vocab.interviewOutcome',
  readinessItem: 'vocab.readinessItem',
  errorCode: 'errors',
  via: 'audit.code.via',
  account: 'audit.code.account',
  recoveryAfter: 'audit.code.recoveryAfter',
  keyRevoked: 'audit.code.keyRevoked',
  keyStatus: 'audit.code.keyStatus',
  queue: 'audit.code.queue',
  organisationType: 'organisations.types',
  organisationStatus: 'organisations.statusKinds',
  followupOutcome: 'organisations.followup.outcomes',
  statisticsDimension: 'statistics.dimension',
  statisticsGranularity: 'statistics.granularity',
};

const NONE = '—';

/** The trail's targets and details in the user's language, as core resolved them (audit.shown.ts). */
export function useAuditShown() {
  const { t, tx, i18n } = useLabels();
  const language = i18n.language;
  const joined = (items: string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  // A code no label names yet is shown as recorded rather than not at all.
  const code = (list: AuditCodeList, c: string) => tx(`${CODE_LABELS[list]}.${c}`, undefined, c);
  const record = (r: string, count: number) => (count === 1 ? tx(`audit.record.${r}.one`) : tx(`audit.record.${r}.many`, { count: formatNumber(language, count) }));
  const ofCase = (label: string, reference: string | null) => (reference ? t('audit.targetRecord', { record: label, reference }) : label);

  const target = (shown: AuditTargetShown | null): string => {
    if (!shown) return NONE;
    switch (shown.kind) {
      case 'user':
        return t('audit.targetUser', { name: shown.name ?? t('audit.value.unknownUser') });
      case 'case':
        return shown.reference ? t('audit.targetCase', { reference: shown.reference }) : NONE;
      case 'record':
        return ofCase(record(shown.record, 1), shown.reference);
      case 'export':
        return t('audit.targetExport', { number: shown.number });
    }
  };

  const value = (shown: AuditValueShown): string => {
    switch (shown.kind) {
      case 'text':
        return shown.text;
      case 'number':
        return formatNumber(language, shown.value);
      case 'yesNo':
        return t(shown.value ? 'audit.value.yes' : 'audit.value.no');
      case 'time':
        return formatTimestamp(language, shown.at);
      case 'date':
        return formatDate(language, shown.on);
      case 'codes':
        return joined(shown.codes.map((c) => code(shown.list, c)));
      case 'months':
        return joined(
          shown.items.map((item) =>
            t('audit.value.months', {
              label: code(shown.list, item.code),
              months: new Intl.NumberFormat(language, { style: 'unit', unit: 'month', unitDisplay: 'long' }).format(item.months),
            }),
          ),
        );
      case 'users':
        return joined(shown.names.map((name) => name ?? t('audit.value.unknownUser')));
      case 'records':
        return ofCase(record(shown.record, shown.count), shown.reference);
      case 'none':
        return NONE;
    }
  };

  const label = (key: string) => tx(`audit.detail.${key}`, undefined, key);
  return { target, value, label };
}
