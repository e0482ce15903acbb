import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner that screen readers announce as "Loading…". */
export function LoadingIndicator({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center mih={fullScreen ? '100vh' : undefined} p={fullScreen ? undefined : 'xl'}>
      <Loader />
      <VisuallyHidden role="status">{t('app.loading')}</VisuallyHidden>
    </Center>
  );
}
