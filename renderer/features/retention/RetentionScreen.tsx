import { Stack } from '@mantine/core';
import { useLabels } from '../../i18n/labels';
import { RefreshedScreen } from '../../ui/RefreshedScreen';
import { sessionSelectors, useSessionStore } from '../session/session.store';
import { loadRetention } from './retention.actions';
import { retentionSelectors, useRetentionStore } from './retention.store';
import { PurgeListSection } from './PurgeListSection';
import { RetentionPeriodsCard } from './RetentionPeriodsCard';

/**
 * Retention and purge (issue 13): the periods per closing outcome and the purge list. Administrators
 * set the periods and purge; supervisors read both and place legal holds. Nothing here shows what a
 * case holds: references, outcomes, dates and hold reasons only.
 */
export function RetentionScreen() {
  const { t } = useLabels();
  const role = useSessionStore(sessionSelectors.user)?.role;
  const loaded = useRetentionStore(retentionSelectors.loaded);
  const loading = useRetentionStore(retentionSelectors.loading);
  const periods = useRetentionStore(retentionSelectors.periods);
  if (role !== 'administrator' && role !== 'supervisor') return null;
  return (
    <RefreshedScreen
      title={t('retention.screen.title')}
      intro={t(role === 'administrator' ? 'retention.screen.introAdministrator' : 'retention.screen.introSupervisor')}
      load={loadRetention}
      loading={loading}
      loaded={loaded}
      refreshLabel={t('retention.screen.refresh')}
      refreshTestId="retention-refresh"
    >
      <Stack gap="lg">
        <PurgeListSection role={role} />
        {periods && <RetentionPeriodsCard periods={periods} editable={role === 'administrator'} />}
      </Stack>
    </RefreshedScreen>
  );
}
