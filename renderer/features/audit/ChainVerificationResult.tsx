import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChainVerificationResult as Result } from '../../../electron/common/contract.audit';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { SuccessNotice } from '../../ui/SuccessNotice';

/** Whether the audit chain recomputed cleanly, and if not, where it first broke and why. */
export function ChainVerificationResult({ result }: { result: Result }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(i18n.language, value);

  const failedAnchors = result.anchors.filter((a) => a.result !== 'matches');
  if (result.intact && failedAnchors.length === 0) {
    return (
      <SuccessNotice title={t('audit.verify.intactTitle')}>
        <Text size="sm">
          {t('audit.verify.intact', {
            entries: n(result.entries),
            seq: n(result.headSeq),
            mac: result.headMacPrefix,
          })}
        </Text>
        <Text size="sm" mt={4}>
          {result.checkpoint
            ? t('audit.verify.sinceCheckpoint', {
                seq: n(result.checkpoint.checkpointSeq),
                date: formatDateTime(i18n.language, result.checkpoint.at),
                name: result.checkpoint.actorName ?? t('audit.verify.unknownName'),
                signed: n(result.signed),
              })
            : t('audit.verify.signed', { signed: n(result.signed) })}
        </Text>
        {result.anchors.length > 0 && (
          <Text size="sm" mt={4}>
            {t('audit.anchor.allMatch', { count: result.anchors.length, anchors: result.anchors.map((a) => a.anchor).join(', ') })}
          </Text>
        )}
        <Text size="sm" mt={4}>
          {t('audit.anchor.record', { anchor: `${result.headSeq}:${result.headMacPrefix}` })}
        </Text>
      </SuccessNotice>
    );
  }
  if (result.intact) {
    return (
      <Alert role="alert" color="red" variant="light" title={t('audit.anchor.failedTitle')}>
        {failedAnchors.map((a) => (
          <Text size="sm" key={a.anchor}>
            {t(a.result === 'missing' ? 'audit.anchor.missing' : 'audit.anchor.differs', { anchor: a.anchor, seq: n(a.seq) })}
          </Text>
        ))}
        <Text size="sm" mt={4}>
          {t('audit.anchor.advice')}
        </Text>
      </Alert>
    );
  }
  return (
    <Alert role="alert" color="red" variant="light" title={t('audit.verify.brokenTitle')}>
      <Text size="sm">
        {t('audit.verify.broken', {
          intactUpTo: n(result.intactUpTo),
          seq: n(result.firstBroken.seq),
          reason: t(`audit.verify.reason.${result.firstBroken.reason}`),
        })}
      </Text>
      <Text size="sm" mt={4}>
        {t('audit.verify.brokenAdvice')}
      </Text>
    </Alert>
  );
}
