import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { auditSelectors, useAuditStore } from './audit.store';

/**
 * What the routine check after sign-in covered, on the audit screen: running, which entries it
 * found intact, or why it could not run. A break is not repeated here: `RoutineCheckAlert` shows it
 * on every screen, this one included.
 */
export function RoutineCheckStatus() {
  const { t, i18n } = useTranslation();
  const routine = useAuditStore(auditSelectors.routine);
  const n = (value: number) => formatNumber(i18n.language, value);
  if (!routine) return null;
  if (routine.running) {
    return (
      <Text size="sm" role="status">
        {t('audit.routine.running')}
      </Text>
    );
  }
  if ('failed' in routine) return <ErrorMessage code={routine.failed}>{t('audit.routine.failed')}</ErrorMessage>;
  const { result } = routine;
  if (!result.intact) return null;
  return (
    <Text size="sm" role="status" maw={720}>
      {result.macsFrom > 0
        ? t('audit.routine.intactSince', { from: n(result.macsFrom + 1), to: n(result.headSeq), checkpoint: n(result.macsFrom) })
        : t('audit.routine.intactAll', { to: n(result.headSeq) })}
    </Text>
  );
}

/** A break the routine check after sign-in found, on every screen of an auditor or administrator until they sign out. */
export function RoutineCheckAlert({ onOpen }: { onOpen?: () => void }) {
  const { t, i18n } = useTranslation();
  const routine = useAuditStore(auditSelectors.routine);
  if (!routine || routine.running || 'failed' in routine || routine.result.intact) return null;
  const { firstBroken } = routine.result;
  return (
    <Alert role="alert" color="red" variant="light" mb="lg" title={t('audit.routine.brokenTitle')}>
      <Text size="sm">{t('audit.routine.broken', { seq: formatNumber(i18n.language, firstBroken.seq), reason: t(`audit.verify.reason.${firstBroken.reason}`) })}</Text>
      <Text size="sm" mt={4}>
        {t('audit.verify.brokenAdvice')}
      </Text>
      {onOpen && (
        <Button mt="sm" size="xs" variant="default" onClick={onOpen}>
          {t('audit.routine.open')}
        </Button>
      )}
    </Alert>
  );
}
