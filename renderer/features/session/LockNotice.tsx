import { Alert, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDuration, formatTime } from '../../i18n/format';
import { sessionSelectors, useSessionStore, type LastLock } from './session.store';

function reasonText(t: TFunction, lock: LastLock, locale: string): string {
  switch (lock.reason) {
    case 'idle':
      return lock.idleMinutes === null
        ? t('lock.reason.idleUnknown')
        : t('lock.reason.idle', { duration: formatDuration(locale, lock.idleMinutes, 'minute') });
    case 'expired':
      return t('errors.SESSION_EXPIRED');
    default:
      return t(`lock.reason.${lock.reason}`);
  }
}

/** On the sign-in screen after a lock or sign-out: why the previous session ended, and when. */
export function LockNotice() {
  const { t, i18n } = useTranslation();
  const lastLock = useSessionStore(sessionSelectors.lastLock);
  if (!lastLock) return null;

  const signedOut = lastLock.reason === 'sign-out';
  return (
    <Alert
      role="status"
      color={signedOut ? 'gray' : 'mamori'}
      variant="light"
      title={t(signedOut ? 'lock.signedOutTitle' : 'lock.title')}
    >
      <Text size="sm">{reasonText(t, lastLock, i18n.language)}</Text>
      {!signedOut && <Text size="sm">{t('lock.lockedAt', { time: formatTime(i18n.language, lastLock.at) })}</Text>}
    </Alert>
  );
}
