import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../electron/common/errors';

/** Shows a failure by its code, in the interface language (core's own message is English-only text for logs). */
export function ErrorMessage({ code, children }: { code: ErrorCode; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert">
      {t(`errors.${code}`)}
      {children}
    </Alert>
  );
}
