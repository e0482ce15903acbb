import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format';
import { ErrorMessage, FailureMessage } from '../../../ui/ErrorMessage';
import { LoadingIndicator } from '../../../ui/LoadingIndicator';
import { useFailure } from '../../../ui/useFailure';
import { sessionSelectors, useSessionStore } from '../../session/session.store';
import { loadOfficers, openIntake, reloadCases, takePrefetchedCases } from './caseList.actions';
import { caseListSelectors, useCaseListStore } from './caseList.store';
import { CaseListFilters } from './CaseListFilters';
import { CaseListTable } from './CaseListTable';

/** The list of cases: their number, "New case", the filters and the (windowed) table. */
export function CaseList() {
  const { t, i18n } = useTranslation();
  const isSupervisor = useSessionStore((s) => sessionSelectors.user(s)?.role === 'supervisor');
  const total = useCaseListStore(caseListSelectors.total);
  const error = useCaseListStore(caseListSelectors.error);
  const isFiltered = useCaseListStore(caseListSelectors.isFiltered);
  const staffFailure = useFailure();

  const { report: reportStaffFailure } = staffFailure;
  useEffect(() => {
    // Read afresh on every visit, including the way back from a case whose stage, risk or deadline
    // changed; the first visit after sign-in takes the read the sign-in started.
    if (!takePrefetchedCases()) void reloadCases();
  }, []);
  useEffect(() => {
    // Officers see only their own cases, so only supervisors choose by officer.
    if (isSupervisor) loadOfficers().catch(reportStaffFailure);
  }, [isSupervisor, reportStaffFailure]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Group gap="md" align="baseline">
          <Title order={2}>{t('caseList.title')}</Title>
          {total !== null && (
            <Text c="dimmed" aria-live="polite">
              {t('caseList.total', { count: total, formatted: formatNumber(i18n.language, total) })}
            </Text>
          )}
        </Group>
        <Button onClick={openIntake} aria-keyshortcuts="Control+N Meta+N">
          {t('caseList.newCase')}
        </Button>
      </Group>
      <CaseListFilters showOfficer={isSupervisor} />
      <FailureMessage failure={staffFailure} />
      {error ? (
        <ErrorMessage code={error} />
      ) : total === null ? (
        <LoadingIndicator />
      ) : total === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {t(isFiltered ? 'caseList.empty.noMatch' : 'caseList.empty.none')}
        </Text>
      ) : (
        <CaseListTable />
      )}
    </Stack>
  );
}
