import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupRecord } from '../../../electron/common/contract.backup';
import { formatBytes, formatDateTime, formatNumber } from '../../i18n/format';
import { Section } from '../../ui/Section';

const COLUMNS = ['made', 'by', 'file', 'size', 'cases', 'audit', 'sha256'] as const;

/** How much of a SHA-256 the table shows; the whole value opens beneath it, to check a file against. */
const SHORT_HASH = 12;

/** The register's newest verified backups: when, by whom, which file, and what it holds. */
export function RecentBackupsTable({ recent }: { recent: BackupRecord[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <Section title={t('backup.recent.title')}>
      {recent.length === 0 ? (
        <Text c="dimmed">{t('backup.recent.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={880}>
          <Table striped verticalSpacing="sm" fz="sm" aria-label={t('backup.recent.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                {COLUMNS.map((column) => (
                  <Table.Th key={column} style={{ whiteSpace: 'nowrap' }}>
                    {t(`backup.recent.column.${column}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recent.map((b) => (
                <Table.Tr key={b.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(locale, b.createdAt)}</Table.Td>
                  <Table.Td>{b.createdBy}</Table.Td>
                  <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                    {b.fileName}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(locale, b.bytes)}</Table.Td>
                  <Table.Td>{formatNumber(locale, b.caseCount)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('backup.recent.auditUpTo', { seq: formatNumber(locale, b.auditSeq) })}</Table.Td>
                  <Table.Td>
                    <details aria-label={t('backup.recent.hashLabel', { file: b.fileName })}>
                      <summary style={{ fontFamily: 'var(--mantine-font-family-monospace)', cursor: 'pointer', whiteSpace: 'nowrap' }}>{`${b.sha256.slice(0, SHORT_HASH)}…`}</summary>
                      <Text ff="monospace" fz="xs" style={{ overflowWrap: 'anywhere', maxWidth: 220 }}>
                        {b.sha256}
                      </Text>
                    </details>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
