import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../electron/common/accounts';
import { AUDIT_ACTIONS, type AuditAction } from '../../../electron/common/audit';
import type { AuditEntry } from '../../../electron/common/contract.audit';
import { formatTimestamp } from '../../i18n/format';
import { auditSelectors, useAuditStore } from './audit.store';
import { useAuditShown } from './auditShown';

const NONE = '—';

function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

function isRole(role: string | null): role is Role {
  return (ROLES as readonly (string | null)[]).includes(role);
}

/** Details as core resolved them: a translated label and value, one line each (the CSV export keeps them as recorded). */
function Details({ details }: { details: AuditEntry['shown']['details'] }) {
  const { t } = useTranslation();
  const { label, value } = useAuditShown();
  if (details.length === 0) return <>{NONE}</>;
  return (
    <Text component="div" fz="xs" style={{ overflowWrap: 'anywhere' }} data-testid="audit-details">
      {details.map((d) => (
        <div key={d.key}>{t('audit.detailLine', { label: label(d.key), value: value(d.value) })}</div>
      ))}
    </Text>
  );
}

/** One page of the trail, newest first. */
export function AuditTable() {
  const { t, i18n } = useTranslation();
  const entries = useAuditStore(auditSelectors.entries);
  const { target } = useAuditShown();

  if (entries.length === 0) {
    return <Text c="dimmed">{t('audit.empty')}</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped verticalSpacing="xs" fz="sm" aria-label={t('audit.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.column.seq')}</Table.Th>
            <Table.Th>{t('audit.column.at')}</Table.Th>
            <Table.Th>{t('audit.column.who')}</Table.Th>
            <Table.Th>{t('audit.column.role')}</Table.Th>
            <Table.Th>{t('audit.column.action')}</Table.Th>
            <Table.Th>{t('audit.column.caseRef')}</Table.Th>
            <Table.Th>{t('audit.column.target')}</Table.Th>
            <Table.Th>{t('audit.column.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.seq}>
              <Table.Td ff="monospace">{entry.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(i18n.language, entry.at)}</Table.Td>
              <Table.Td>{entry.actorName ?? NONE}</Table.Td>
              <Table.Td>{isRole(entry.actorRole) ? t(`roles.${entry.actorRole}`) : NONE}</Table.Td>
              <Table.Td>{isAuditAction(entry.action) ? t(`auditActions.${entry.action}`) : entry.action}</Table.Td>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {entry.caseRef ?? NONE}
              </Table.Td>
              <Table.Td data-testid="audit-target">{target(entry.shown.target)}</Table.Td>
              <Table.Td>
                <Details details={entry.shown.details} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
