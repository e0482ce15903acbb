import type { TFunction } from 'i18next';
import type { BackupStatus } from '../../../electron/common/contract.backup';
import { formatDateTime, formatDaysAgo, formatDuration, formatNumber } from '../../i18n/format';

/** The words for the last verified backup, shared by the shell's reminder and the Backups screen. */
export interface LastBackupText {
  /** "Last verified backup: 3 days ago", or "No verified backup yet". */
  headline: string;
  /** "20 Nov 2026, 09:00, by …, file …, 12 cases"; null when there is none. */
  detail: string | null;
  /** Why it is overdue, when it is (never backed up, or older than the reminder allows). */
  warning: string | null;
}

export function lastBackupText(t: TFunction, locale: string, status: BackupStatus): LastBackupText {
  const { last, daysSince, overdue, reminderDays } = status;
  if (!last) return { headline: t('backup.last.none'), detail: null, warning: t('backup.last.never') };
  return {
    headline: t('backup.last.ago', { ago: formatDaysAgo(locale, daysSince ?? 0) }),
    detail: t('backup.last.detail', {
      when: formatDateTime(locale, last.createdAt),
      by: last.createdBy,
      file: last.fileName,
      count: last.caseCount,
      formatted: formatNumber(locale, last.caseCount),
    }),
    warning: overdue ? t('backup.last.overdue', { every: formatDuration(locale, reminderDays, 'day') }) : null,
  };
}
