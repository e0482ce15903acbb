import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { SuccessNotice } from '../../ui/SuccessNotice';
import { sessionSelectors, useSessionStore } from '../session/session.store';
import { restoreSelectors, useRestoreStore } from './backup.store';
import { OperationProgress } from './OperationProgress';

/**
 * On the sign-in screen after a restore: while a restore over the vault still runs (the session
 * ended when it began), its progress; then which backup is in place and where the replaced vault
 * was kept, or why the restore did not finish.
 */
export function RestoreOutcomeNotice() {
  const { t, i18n } = useTranslation();
  const progress = useRestoreStore(restoreSelectors.progress);
  const outcome = useRestoreStore(restoreSelectors.outcome);
  const lockedForRestore = useSessionStore(sessionSelectors.lastLockReason) === 'restore';
  const locale = i18n.language;

  if (!outcome) {
    if (!lockedForRestore) return null;
    return (
      <Alert color="mamori" variant="light" title={t('backup.restore.running')}>
        <OperationProgress operation="restore" progress={progress} />
      </Alert>
    );
  }
  if (outcome.kind === 'failed') {
    return (
      <Alert color="red" variant="light" role="alert" title={t('backup.restore.failedTitle')}>
        <Stack gap={4}>
          <Text size="sm">{t(`errors.${outcome.code}`)}</Text>
          <Text size="sm">{t('backup.restore.failedSignIn')}</Text>
        </Stack>
      </Alert>
    );
  }
  const { result, over } = outcome;
  return (
    <SuccessNotice title={t('backup.restore.doneTitle')}>
      <Stack gap={4}>
        <Text size="sm">
          {t('backup.restore.done', {
            date: formatDateTime(locale, result.backupCreatedAt),
            count: result.caseCount,
            formatted: formatNumber(locale, result.caseCount),
            seq: formatNumber(locale, result.auditSeq),
          })}
        </Text>
        {result.setAside && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t(over === 'damaged' ? 'backup.restore.setAsideDamaged' : 'backup.restore.setAside', { folder: result.setAside })}
          </Text>
        )}
        <Text size="sm" fw={700}>
          {t('backup.restore.signInAfter')}
        </Text>
      </Stack>
    </SuccessNotice>
  );
}
