import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Textarea, VisuallyHidden } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../electron/common/contract';
import { dateIssues } from '../../../electron/common/dates';
import type { Followup, FollowupList } from '../../../electron/common/contract.organisations';
import { FOLLOWUP_DATES, FOLLOWUP_OUTCOMES, type FollowupOutcome } from '../../../electron/common/organisations';
import { ApiError } from '../../api/mamori';
import { localToday } from '../../i18n/dates';
import { useLabels } from '../../i18n/labels';
import { DateField } from '../../ui/DateField';
import { FailureMessage } from '../../ui/ErrorMessage';
import { Section } from '../../ui/Section';
import { useFailure } from '../../ui/useFailure';
import { fieldErrors } from '../../ui/validation';
import { callInSession } from '../session/session.actions';
import { sessionSelectors, useSessionStore } from '../session/session.store';
import { useReturnFocus } from '../../ui/useReturnFocus';
import { BusyButton } from '../../ui/BusyButton';

interface Draft {
  trainee: string;
  plannedOn: string;
  assignedTo: string;
  outcome: FollowupOutcome;
  note: string;
}

/**
 * Same-workplace follow-up (DOMAIN.md §3): other trainees of the organisation to interview, each
 * with a date and an outcome, assigned to an officer. A supervisor plans it; the assigned officer
 * records what came of it; an officer sees only their own entries and how many others there are.
 */
export function FollowupSection({ organisationId }: { organisationId: string }) {
  const { t, tx, date } = useLabels();
  const { t: tt } = useTranslation();
  const user = useSessionStore(sessionSelectors.user);
  const supervisor = user?.role === 'supervisor';
  const [list, setList] = useState<FollowupList | null>(null);
  const [officers, setOfficers] = useState<{ id: string; displayName: string }[]>([]);
  const [editing, setEditing] = useState<{ entry?: Followup } | null>(null);
  const failure = useFailure();
  const { report } = failure;

  useEffect(() => {
    callInSession('organisations:followups', { organisationId }).then(setList, report);
    if (supervisor) callInSession('cases:staff', {}).then((s) => setOfficers(s.officers), report);
  }, [organisationId, supervisor, report]);

  return (
    <Section
      title={t('organisations.followup.title')}
      testId="organisation-followup"
      actions={supervisor ? <Button variant="light" onClick={() => setEditing({})}>{t('organisations.followup.add')}</Button> : undefined}
    >
      <Text size="sm" c="dimmed">
        {t('organisations.followup.intro')}
      </Text>
      <FailureMessage failure={failure} />
      {list && list.entries.length === 0 && <Text c="dimmed">{t('organisations.followup.empty')}</Text>}
      {list && list.entries.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('organisations.followup.trainee')}</Table.Th>
              <Table.Th>{t('organisations.followup.plannedOn')}</Table.Th>
              <Table.Th>{t('organisations.followup.outcome')}</Table.Th>
              <Table.Th>{t('organisations.followup.assignedTo')}</Table.Th>
              <Table.Th>{t('organisations.followup.note')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('organisations.followup.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.entries.map((f) => (
              <Table.Tr key={f.id} data-testid="followup-row">
                <Table.Td>{f.trainee}</Table.Td>
                <Table.Td>{date(f.plannedOn)}</Table.Td>
                <Table.Td>{tt(`organisations.followup.outcomes.${f.outcome}`)}</Table.Td>
                <Table.Td>{f.assignedToName}</Table.Td>
                <Table.Td>{f.note}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => setEditing({ entry: f })} aria-label={t('organisations.followup.recordFor', { name: f.trainee })}>
                    {t(supervisor ? 'organisations.followup.edit' : 'organisations.followup.record')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list && list.others > 0 && (
        <Text size="sm" c="dimmed">
          {t('organisations.followup.others', { count: list.others })}
        </Text>
      )}
      {editing && (
        <FollowupDialog
          organisationId={organisationId}
          entry={editing.entry}
          supervisor={supervisor}
          officers={officers}
          onSaved={(next) => {
            setList(next);
            setEditing(null);
          }}
          onClose={() => setEditing(null)}
          label={(key) => tx(key)}
        />
      )}
    </Section>
  );
}

function FollowupDialog(props: {
  organisationId: string;
  entry?: Followup;
  supervisor: boolean;
  officers: { id: string; displayName: string }[];
  onSaved: (list: FollowupList) => void;
  onClose: () => void;
  label: (key: string) => string;
}) {
  const { organisationId, entry, supervisor, officers, onSaved, onClose, label } = props;
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>({
    trainee: entry?.trainee ?? '',
    plannedOn: entry?.plannedOn ?? '',
    assignedTo: entry?.assignedTo ?? officers[0]?.id ?? '',
    outcome: entry?.outcome ?? 'pending',
    note: entry?.note ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const failure = useFailure();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const error = (field: string) => (errors[field] ? label(errors[field]) : undefined);

  const save = async () => {
    failure.clear();
    const input = { organisationId, ...(entry ? { followupId: entry.id, version: entry.version } : {}), followup: { ...draft, plannedOn: draft.plannedOn || null } };
    const parsed = contract['organisations:saveFollowup'].input.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues.map((i) => ({ ...i, path: i.path.slice(1) }))));
      return;
    }
    // The date bounds core applies with its clock, on the user's today.
    const dated = dateIssues(parsed.data.followup, FOLLOWUP_DATES, localToday());
    if (dated.length) {
      setErrors(fieldErrors(dated));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onSaved(await callInSession('organisations:saveFollowup', parsed.data));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'INVALID_INPUT' && caught.issues?.length) {
        setErrors(fieldErrors(caught.issues.map((i) => ({ ...i, path: i.path.replace(/^followup\./, '') }))));
      } else {
        failure.report(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  useReturnFocus();
  return (
    <Dialog opened onClose={onClose} size="lg" title={t(entry ? 'organisations.followup.editTitle' : 'organisations.followup.addTitle')}>
      <Stack gap="md">
        {supervisor ? (
          <>
            <TextInput label={t('organisations.followup.trainee')} description={t('organisations.followup.traineeHint')} value={draft.trainee} onChange={(e) => set('trainee', e.currentTarget.value)} error={error('trainee')} />
            <NativeSelect
              label={t('organisations.followup.assignedTo')}
              value={draft.assignedTo}
              onChange={(e) => set('assignedTo', e.currentTarget.value)}
              data={officers.map((o) => ({ value: o.id, label: o.displayName }))}
              error={error('assignedTo')}
            />
          </>
        ) : (
          <Text fw={600}>{draft.trainee}</Text>
        )}
        <DateField label={t('organisations.followup.plannedOn')} kind={FOLLOWUP_DATES.plannedOn} value={draft.plannedOn} onChange={(value) => set('plannedOn', value)} error={error('plannedOn')} />
        <NativeSelect
          label={t('organisations.followup.outcome')}
          value={draft.outcome}
          onChange={(e) => set('outcome', e.currentTarget.value as FollowupOutcome)}
          data={FOLLOWUP_OUTCOMES.map((o) => ({ value: o, label: t(`organisations.followup.outcomes.${o}`) }))}
        />
        <Textarea label={t('organisations.followup.note')} value={draft.note} autosize minRows={2} onChange={(e) => set('note', e.currentTarget.value)} error={error('note')} />
        <FailureMessage failure={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('organisations.form.cancel')}
          </Button>
          <BusyButton onClick={() => void save()} busy={busy}>
            {t('organisations.form.save')}
          </BusyButton>
        </Group>
      </Stack>
    </Dialog>
  );
}
