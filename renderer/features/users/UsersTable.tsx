import { Badge, Button, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../../electron/common/accounts';
import { usersSelectors, useUsersStore } from './users.store';

export type UserAction = 'reset' | 'disable' | 'unlock';

interface UsersTableProps {
  /** The signed-in administrator: their own passphrase is changed in Settings, and they cannot disable themselves. */
  selfId: string;
  onAction: (action: UserAction, account: UserAccount) => void;
}

/** Outlined badges in shade 7–9 keep text above 4.5:1 contrast on white and on striped rows. */
function YesNo({ yes, color }: { yes: boolean; color: string }) {
  const { t } = useTranslation();
  return yes ? (
    <Badge color={color} variant="outline">
      {t('users.yes')}
    </Badge>
  ) : (
    <Text size="sm" c="dimmed">
      {t('users.no')}
    </Text>
  );
}

/** Every account, active and disabled, with the actions an administrator may take on it. */
export function UsersTable({ selfId, onAction }: UsersTableProps) {
  const { t } = useTranslation();
  const ids = useUsersStore(usersSelectors.ids);
  const byId = useUsersStore(usersSelectors.byId);

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('users.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.column.displayName')}</Table.Th>
            <Table.Th>{t('users.column.username')}</Table.Th>
            <Table.Th>{t('users.column.role')}</Table.Th>
            <Table.Th>{t('users.column.status')}</Table.Th>
            <Table.Th>{t('users.column.mustChange')}</Table.Th>
            <Table.Th>{t('users.column.lockedOut')}</Table.Th>
            <Table.Th>{t('users.column.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ids.map((id) => {
            const account = byId[id];
            const active = account.status === 'active';
            const isSelf = account.id === selfId;
            return (
              <Table.Tr key={id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {account.displayName}
                  </Text>
                  {isSelf && (
                    <Text size="xs" c="dimmed">
                      {t('users.you')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ff="monospace" fz="sm">
                  {account.username}
                </Table.Td>
                <Table.Td>{t(`roles.${account.role}`)}</Table.Td>
                <Table.Td>
                  <Badge color={active ? 'teal.9' : 'gray.7'} variant="outline">
                    {t(`users.status.${account.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <YesNo yes={account.mustChangePassphrase} color="mamori.7" />
                </Table.Td>
                <Table.Td>
                  <YesNo yes={account.lockedOut} color="red.9" />
                </Table.Td>
                <Table.Td>
                  {active && !isSelf ? (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button
                          variant="default"
                          size="xs"
                          aria-label={t('users.actionsFor', { name: account.displayName })}
                        >
                          {t('users.column.actions')}
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {account.lockedOut && (
                          <Menu.Item onClick={() => onAction('unlock', account)}>{t('users.unlock.action')}</Menu.Item>
                        )}
                        <Menu.Item onClick={() => onAction('reset', account)}>{t('users.reset.action')}</Menu.Item>
                        <Menu.Item color="red.9" onClick={() => onAction('disable', account)}>
                          {t('users.disable.action')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  ) : (
                    <>
                      <Text size="sm" c="dimmed" aria-hidden>
                        —
                      </Text>
                      <VisuallyHidden>{t('users.noActions')}</VisuallyHidden>
                    </>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
