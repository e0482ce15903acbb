import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ExportEntry } from '../../../electron/common/contract.exports';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';
import { FailureMessage } from '../../ui/ErrorMessage';
import { RefreshedScreen } from '../../ui/RefreshedScreen';
import { useFailure } from '../../ui/useFailure';
import { sessionSelectors, useSessionStore } from '../session/session.store';
import { loadRegister, showOlderExports } from './exports.actions';
import { exportsSelectors, useExportsStore } from './exports.store';

/** The register's columns; each holds two things that belong together (the number with its medium, copy and pages…). */
const COLUMNS = ['number', 'case', 'recipient', 'exporter', 'sha256', 'sealed'] as const;

/** How much of a SHA-256 the table shows; the whole value opens beneath it. */
const SHORT_HASH = 12;

/**
 * The export register (DESIGN.md §7): every summary that left the vault, newest first. Core decides
 * who sees what — supervisors every entry, officers their own — and the screen says so.
 */
export function ExportRegisterScreen() {
  const { t } = useLabels();
  const role = useSessionStore(sessionSelectors.user)?.role;
  const loaded = useExportsStore(exportsSelectors.loaded);
  const loading = useExportsStore(exportsSelectors.loading);
  return (
    <RefreshedScreen
      title={t('exports.register.title')}
      intro={t(role === 'supervisor' ? 'exports.register.introSupervisor' : 'exports.register.introOfficer')}
      load={loadRegister}
      loading={loading}
      loaded={loaded}
      refreshLabel={t('exports.register.refresh')}
      refreshTestId="exports-refresh"
    >
      <RegisterPage />
    </RefreshedScreen>
  );
}

function RegisterPage() {
  const { t } = useLabels();
  const entries = useExportsStore(exportsSelectors.entries);
  const isNewest = useExportsStore(exportsSelectors.isNewest);
  const hasOlder = useExportsStore(exportsSelectors.hasOlder);
  const loading = useExportsStore(exportsSelectors.loading);
  const failure = useFailure();
  const [paging, setPaging] = useState(false);
  const move = (page: () => Promise<void>) => {
    failure.clear();
    setPaging(true);
    page()
      .catch(failure.report)
      .finally(() => setPaging(false));
  };

  if (entries.length === 0 && isNewest) return <Text c="dimmed">{t('exports.register.empty')}</Text>;
  return (
    <Stack gap="sm">
      {/* Paging only once there is more than one page. */}
      {(hasOlder || !isNewest) && (
        <Group justify="flex-end" component="nav" aria-label={t('exports.register.pager')}>
          <Button variant="default" size="xs" disabled={loading || paging || isNewest} onClick={() => move(loadRegister)}>
            {t('exports.register.newest')}
          </Button>
          <Button variant="default" size="xs" disabled={loading || paging || !hasOlder} onClick={() => move(showOlderExports)}>
            {t('exports.register.older')}
          </Button>
        </Group>
      )}
      <FailureMessage failure={failure} />
      <RegisterTable entries={entries} />
    </Stack>
  );
}

function RegisterTable({ entries }: { entries: ExportEntry[] }) {
  const { t, tx, i18n } = useLabels();
  const locale = i18n.language;
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped verticalSpacing="sm" fz="sm" aria-label={t('exports.register.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((key) => (
              <Table.Th key={key} style={{ whiteSpace: 'nowrap' }}>
                {tx(`exports.register.column.${key}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.number} data-testid="export-register-row" style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <Text ff="monospace" size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {e.number}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('exports.register.copies', { medium: t(`exports.medium.${e.medium}`), copy: formatNumber(locale, e.copy), count: e.pages })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {e.caseReference}
                </Text>
                <Text size="sm">{t(`summary.profile.${e.profile}`)}</Text>
              </Table.Td>
              <Table.Td maw={360}>
                {e.casePurgedOn ? (
                  // The recipient and purpose went with the case's other content; number, hash and exporter still trace the copy.
                  <Text size="sm" c="dimmed" data-testid="export-case-purged">
                    {t('exports.register.casePurged', { date: formatDate(locale, e.casePurgedOn) })}
                  </Text>
                ) : (
                  <>
                    <Text size="sm" fw={600}>
                      {e.recipient}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {e.purpose}
                    </Text>
                  </>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.exportedBy}</Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(locale, e.exportedAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                {/* The short form to compare at a glance; the whole value opens beneath it, to check a file against. */}
                <details aria-label={t('exports.register.hashLabel', { number: e.number })}>
                  <summary style={{ fontFamily: 'var(--mantine-font-family-monospace)', cursor: 'pointer', whiteSpace: 'nowrap' }}>{`${e.sha256.slice(0, SHORT_HASH)}…`}</summary>
                  <Text ff="monospace" fz="xs" style={{ overflowWrap: 'anywhere', maxWidth: 220 }}>
                    {e.sha256}
                  </Text>
                </details>
              </Table.Td>
              <Table.Td>
                {e.sealedItems.length === 0 ? (
                  t('exports.register.sealedNone')
                ) : (
                  <Stack gap={2}>
                    <Text size="sm" fw={600} c="red.9">
                      {e.sealedItems.map((item) => t(`summary.sealedItem.${item}`)).join(t('summary.sealed.separator'))}
                    </Text>
                    {e.sealedAuthorisedBy && <Text size="xs">{t('exports.register.sealedBy', { name: e.sealedAuthorisedBy })}</Text>}
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
