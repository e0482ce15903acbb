import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format';
import { ErrorMessage, FailureMessage } from '../../../ui/ErrorMessage';
import { LoadingIndicator } from '../../../ui/LoadingIndicator';
import { useFailure } from '../../../ui/useFailure';
import { sessionSelectors, useSessionStore } from '../../session/session.store';
import { CasePage } from '../page/CasePage';
import { loadOfficers, openIntake, reloadCases, showList } from './caseList.actions';
import { caseListSelectors, useCaseListStore } from './caseList.store';
import { CaseListFilters } from './CaseListFilters';
import { CaseListTable } from './CaseListTable';
import { IntakeForm } from './IntakeForm';

/** The cases section: the list, the intake form, or the open case. */
export function CasesScreen() {
  const view = useCaseListStore(caseListSelectors.view);
  if (view.kind === 'case') return <CasePage caseId={view.caseId} onBack={showList} />;
  if (view.kind === 'intake') return <IntakeForm onCancel={showList} />;
  return <CaseList />;
}

function CaseList() {
  const { t, i18n } = useTranslation();
  const isSupervisor = useSessionStore((s) => sessionSelectors.user(s)?.role === 'supervisor');
  const total = useCaseListStore(caseListSelectors.total);
  const error = useCaseListStore(caseListSelectors.error);
  const isFiltered = useCaseListStore(caseListSelectors.isFiltered);
  const staffFailure = useFailure();

  const { report: reportStaffFailure } = staffFailure;
  useEffect(() => {
    // Read afresh on every visit, including the way back from a case whose stage, risk or deadline changed.
    void reloadCases();
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
        <Button onClick={openIntake}>{t('caseList.newCase')}</Button>
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
