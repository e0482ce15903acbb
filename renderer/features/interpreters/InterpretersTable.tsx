import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import type { Interpreter, InterpreterContact } from '../../../electron/common/protection';
import { useLabels } from '../cases/page/labels';
import { interpretersSelectors, useInterpretersStore } from './interpreters.store';

/** A contact shown on screen, with the seconds left before it is hidden again. */
export interface ShownContact {
  interpreterId: string;
  contact: InterpreterContact;
  secondsLeft: number;
}

interface InterpretersTableProps {
  /** While a form is open, its Edit buttons are off: one form at a time. */
  editing: boolean;
  shown: ShownContact | null;
  onEdit: (interpreter: Interpreter) => void;
  onShowContact: (interpreter: Interpreter) => void;
  onHideContact: () => void;
}

const COLUMNS = 7;

/** Today as core reads it (UTC calendar day): a pledge dated later is not in effect yet. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The pledge state in words: an interpreter without one in effect cannot be assigned, and the text says so. */
function PledgeCell({ pledgeDate }: { pledgeDate: string | null }) {
  const { t, date } = useLabels();
  if (!pledgeDate) {
    return (
      <Badge color="red.9" variant="outline" tt="none" miw="max-content">
        {t('interpreters.table.noPledge')}
      </Badge>
    );
  }
  if (pledgeDate > today()) {
    return (
      <Badge color="orange.9" variant="outline" tt="none" miw="max-content">
        {t('interpreters.table.pledgeFuture', { date: date(pledgeDate) })}
      </Badge>
    );
  }
  return <Text size="sm">{t('interpreters.table.pledgeSigned', { date: date(pledgeDate) })}</Text>;
}

function ContactPanel({ name, shown, onHide }: { name: string; shown: ShownContact; onHide: () => void }) {
  const { t } = useLabels();
  const row = (label: string, value: string) => (
    <Text size="sm">
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {value || '—'}
    </Text>
  );
  return (
    <Paper withBorder p="sm" bg="yellow.0" component="section" data-testid="interpreter-contact" aria-label={t('interpreters.reveal.label', { name })}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          {row(t('interpreters.form.phone'), shown.contact.phone)}
          {row(t('interpreters.form.email'), shown.contact.email)}
          {row(t('interpreters.form.other'), shown.contact.other)}
        </Stack>
        <Stack gap="xs" align="flex-end">
          <Text role="timer" size="sm" fw={700}>
            {t('interpreters.reveal.hidesIn', { count: shown.secondsLeft })}
          </Text>
          <Button size="xs" variant="default" onClick={onHide}>
            {t('interpreters.reveal.hide')}
          </Button>
        </Stack>
      </Group>
    </Paper>
  );
}

/** The registry: languages, pledge, status, whether a contact is on file and whether a conflict was accepted. */
export function InterpretersTable({ editing, shown, onEdit, onShowContact, onHideContact }: InterpretersTableProps) {
  const { t, vocab } = useLabels();
  const ids = useInterpretersStore(interpretersSelectors.ids);
  const byId = useInterpretersStore(interpretersSelectors.byId);
  const includeInactive = useInterpretersStore(interpretersSelectors.includeInactive);
  // An interpreter just made inactive leaves the list unless inactive ones are asked for.
  const rows = ids.map((id) => byId[id]).filter((interpreter) => interpreter && (includeInactive || interpreter.active));

  if (rows.length === 0) return <Text c="dimmed">{t('interpreters.table.none')}</Text>;

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm" aria-label={t('interpreters.table.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('interpreters.table.name')}</Table.Th>
            <Table.Th>{t('interpreters.table.languages')}</Table.Th>
            <Table.Th>{t('interpreters.table.pledge')}</Table.Th>
            <Table.Th>{t('interpreters.table.status')}</Table.Th>
            <Table.Th>{t('interpreters.table.contact')}</Table.Th>
            <Table.Th>{t('interpreters.table.conflict')}</Table.Th>
            <Table.Th>{t('interpreters.table.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((interpreter) => (
            <Fragment key={interpreter.id}>
              <Table.Tr data-testid={`interpreter-row-${interpreter.id}`}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {interpreter.name}
                  </Text>
                  {interpreter.nameVariants.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('interpreters.table.variants', { variants: interpreter.nameVariants.join(', ') })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {interpreter.languages.map((code) => (
                      <Badge key={code} variant="light" color="gray" c="dark.7" tt="none" miw="max-content">
                        {vocab('language', code)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <PledgeCell pledgeDate={interpreter.pledgeDate} />
                </Table.Td>
                <Table.Td>
                  <Badge color={interpreter.active ? 'teal.9' : 'gray.7'} variant="outline" tt="none" miw="max-content">
                    {interpreter.active ? t('interpreters.table.active') : t('interpreters.table.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{interpreter.hasContact ? t('interpreters.table.yes') : t('interpreters.table.no')}</Text>
                </Table.Td>
                <Table.Td>
                  {interpreter.conflictReason ? (
                    <Stack gap={2} align="flex-start">
                      <Badge color="red" c="red.9" variant="light" tt="none" miw="max-content">
                        {t('interpreters.conflict.accepted')}
                      </Badge>
                      <Text size="xs">{t('interpreters.conflict.acceptedReason', { reason: interpreter.conflictReason })}</Text>
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('interpreters.table.noConflict')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="default" disabled={editing} onClick={() => onEdit(interpreter)} aria-label={t('interpreters.table.editNamed', { name: interpreter.name })}>
                      {t('interpreters.table.edit')}
                    </Button>
                    {interpreter.hasContact && shown?.interpreterId !== interpreter.id && (
                      <Button size="xs" variant="default" onClick={() => onShowContact(interpreter)} aria-label={t('interpreters.table.showContactNamed', { name: interpreter.name })}>
                        {t('interpreters.table.showContact')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
              {shown?.interpreterId === interpreter.id && (
                <Table.Tr>
                  <Table.Td colSpan={COLUMNS}>
                    <ContactPanel name={interpreter.name} shown={shown} onHide={onHideContact} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
