import { Alert, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../electron/common/errors';
import { formatDuration } from '../i18n/format';
import type { Failure } from './useFailure';

interface ErrorMessageProps {
  code: ErrorCode;
  /** Seconds left before another attempt is accepted; shown as a countdown when above 0. */
  retrySeconds?: number;
  children?: ReactNode;
}

/** Shows a failure by its code, in the interface language (core's own message is English-only text for logs). */
export function ErrorMessage({ code, retrySeconds = 0, children }: ErrorMessageProps) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert">
      {t(`errors.${code}`)}
      {retrySeconds > 0 && (
        // role="timer" is not announced on every tick, unlike the alert around it.
        <Text role="timer" size="sm" fw={700} mt={4}>
          {t('failure.tryAgainIn', { duration: formatDuration(i18n.language, retrySeconds, 'second') })}
        </Text>
      )}
      {children}
    </Alert>
  );
}

/** The failure a `useFailure` holds, if any. */
export function FailureMessage({ failure, children }: { failure: Failure; children?: ReactNode }) {
  if (!failure.code) return null;
  return (
    <ErrorMessage code={failure.code} retrySeconds={failure.retrySeconds}>
      {children}
    </ErrorMessage>
  );
}
