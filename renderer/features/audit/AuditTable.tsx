import { Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../electron/common/accounts';
import { AUDIT_ACTIONS, type AuditAction } from '../../../electron/common/audit';
import type { AuditEntry } from '../../../electron/common/contract.audit';
import { formatTimestamp } from '../../i18n/format';
import { auditSelectors, useAuditStore, type AuditActor } from './audit.store';

const NONE = '—';

function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

function isRole(role: string | null): role is Role {
  return (ROLES as readonly (string | null)[]).includes(role);
}

/** A `user:<id>` target by the account's name; anything else as recorded. */
function targetText(t: TFunction, target: string | null, actors: AuditActor[]): string {
  if (!target) return NONE;
  const userId = target.startsWith('user:') ? target.slice('user:'.length) : null;
  const actor = userId ? actors.find((a) => a.id === userId) : undefined;
  return actor ? t('audit.targetUser', { name: actor.displayName }) : target;
}

/** Details stay exactly as recorded (key: value), one line each, so nothing is lost in translation. */
function Details({ details }: { details: AuditEntry['details'] }) {
  const pairs = Object.entries(details);
  if (pairs.length === 0) return <>{NONE}</>;
  return (
    <Text component="div" ff="monospace" fz="xs" style={{ overflowWrap: 'anywhere' }}>
      {pairs.map(([key, value]) => (
        <div key={key}>
          {key}: {String(value)}
        </div>
      ))}
    </Text>
  );
}

/** One page of the trail, newest first. */
export function AuditTable() {
  const { t, i18n } = useTranslation();
  const entries = useAuditStore(auditSelectors.entries);
  const actors = useAuditStore(auditSelectors.actors);

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
              <Table.Td ff="monospace">{entry.caseRef ?? NONE}</Table.Td>
              <Table.Td>{targetText(t, entry.target, actors)}</Table.Td>
              <Table.Td>
                <Details details={entry.details} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
