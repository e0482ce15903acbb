import { Button, Group, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../i18n/format';
import { useLabels } from '../../../i18n/labels';
import { FailureMessage } from '../../../ui/ErrorMessage';
import { LoadingIndicator } from '../../../ui/LoadingIndicator';
import { Section } from '../../../ui/Section';
import { useFailure } from '../../../ui/useFailure';
import { showNewerAccess, showNewestAccess, showOlderAccess } from './casePage.actions';
import { casePageSelectors, useCasePageStore } from './casePage.store';

/** Supervisors: who opened or changed this case, newest first, one page at a time. */
export function AccessLogPanel() {
  const { t, tx, i18n } = useLabels();
  const entries = useCasePageStore(casePageSelectors.accessLog);
  const loaded = useCasePageStore(casePageSelectors.accessLogLoaded);
  const hasNewer = useCasePageStore(casePageSelectors.hasNewerAccess);
  const hasOlder = useCasePageStore(casePageSelectors.hasOlderAccess);
  const failure = useFailure();
  const [busy, setBusy] = useState(false);
  const title = t('casePage.access.title');

  const { report } = failure;
  useEffect(() => {
    showNewestAccess().catch(report);
  }, [report]);

  const page = async (move: () => Promise<void>) => {
    failure.clear();
    setBusy(true);
    try {
      await move();
    } catch (error) {
      failure.report(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section
      title={title}
      actions={
        <>
          <Group gap="xs" component="nav" aria-label={t('casePage.access.pager')}>
            <Button size="xs" variant="default" disabled={busy || !hasNewer} onClick={() => void page(showNewerAccess)}>
              {t('casePage.access.newer')}
            </Button>
            <Button size="xs" variant="default" disabled={busy || !hasOlder} onClick={() => void page(showOlderAccess)}>
              {t('casePage.access.older')}
            </Button>
          </Group>
        </>
      }
    >
      <FailureMessage failure={failure} />
      {!loaded ? (
        !failure.code && <LoadingIndicator />
      ) : entries.length === 0 ? (
        <Text c="dimmed">{t('casePage.access.empty')}</Text>
      ) : (
        <Table striped aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('casePage.access.when')}</Table.Th>
              <Table.Th>{t('casePage.access.who')}</Table.Th>
              <Table.Th>{t('casePage.access.role')}</Table.Th>
              <Table.Th>{t('casePage.access.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.seq}>
                <Table.Td>{formatDateTime(i18n.language, e.at)}</Table.Td>
                <Table.Td>{e.actorName ?? '—'}</Table.Td>
                <Table.Td>{e.actorRole ? tx(`roles.${e.actorRole}`, undefined, e.actorRole) : '—'}</Table.Td>
                <Table.Td>{tx(`auditActions.${e.action}`, undefined, e.action)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
