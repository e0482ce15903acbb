import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Interpreter, InterpreterContact } from '../../../electron/common/protection';
import { useLabels } from '../../i18n/labels';
import { SealedReveal, type RevealGroup } from '../../ui/SealedReveal';
import { revealInterpreterContact } from './interpreters.actions';
import { interpretersSelectors, useInterpretersStore } from './interpreters.store';

interface InterpretersTableProps {
  /** While a form is open, its Edit buttons are off: one form at a time. */
  editing: boolean;
  /** The contacts shown, one at a time; a contact lives in its row's reveal for 60 s and no longer. */
  contacts: RevealGroup;
  onEdit: (interpreter: Interpreter) => void;
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

function ContactRows({ contact }: { contact: InterpreterContact }) {
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
    <Stack gap={2}>
      {row(t('interpreters.form.phone'), contact.phone)}
      {row(t('interpreters.form.email'), contact.email)}
      {row(t('interpreters.form.other'), contact.other)}
    </Stack>
  );
}

/** The registry: languages, pledge, status, whether a contact is on file and whether a conflict was accepted. */
export function InterpretersTable({ editing, contacts, onEdit }: InterpretersTableProps) {
  const { t } = useLabels();
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
            <InterpreterRows key={interpreter.id} interpreter={interpreter} editing={editing} contacts={contacts} onEdit={onEdit} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface InterpreterRowsProps {
  interpreter: Interpreter;
  editing: boolean;
  contacts: RevealGroup;
  onEdit: (interpreter: Interpreter) => void;
}

/** An interpreter's row and, while its contact is shown, a row below it holding the contact. */
function InterpreterRows({ interpreter, editing, contacts, onEdit }: InterpreterRowsProps) {
  const { t } = useLabels();
  const row = (contactButton: ReactNode) => <InterpreterRow interpreter={interpreter} editing={editing} onEdit={onEdit} contactButton={contactButton} />;
  if (!interpreter.hasContact) return row(null);
  return (
    <SealedReveal
      reveal={(reason) => revealInterpreterContact(interpreter.id, reason)}
      render={(contact) => <ContactRows contact={contact} />}
      text={{
        show: t('interpreters.table.showContact'),
        showLabel: t('interpreters.table.showContactNamed', { name: interpreter.name }),
        title: t('interpreters.reveal.title', { name: interpreter.name }),
        explanation: t('interpreters.reveal.explanation'),
        region: t('interpreters.reveal.label', { name: interpreter.name }),
      }}
      group={{ id: interpreter.id, of: contacts }}
    >
      {({ trigger, shown }) => (
        <>
          {row(trigger)}
          {shown && (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS} data-testid="interpreter-contact">
                {shown}
              </Table.Td>
            </Table.Tr>
          )}
        </>
      )}
    </SealedReveal>
  );
}

function InterpreterRow({ interpreter, editing, onEdit, contactButton }: { interpreter: Interpreter; editing: boolean; onEdit: (interpreter: Interpreter) => void; contactButton: ReactNode }) {
  const { t, vocab } = useLabels();
  return (
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
          {contactButton}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
