import { Button, Group, List, ScrollArea, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { useState } from 'react';
import type { PurgeRow } from '../../../electron/common/contract.retention';
import { Reason } from '../../../electron/common/schemas';
import { useLabels } from '../../i18n/labels';
import { FailureMessage } from '../../ui/ErrorMessage';
import { issueKey } from '../../ui/forms';
import { useFailure } from '../../ui/useFailure';
import { purgeCases } from './retention.actions';
import { BusyButton } from '../../ui/BusyButton';

interface PurgeDialogProps {
  /** The cases to purge (null: closed). */
  cases: PurgeRow[] | null;
  /** What the administrator must type: the reference of a single case, the number of several. */
  expected: string;
  onClose: () => void;
  onPurged: (count: number) => void;
}

/**
 * The last step before a purge: what will go, why (recorded in the trail), and a typed confirmation.
 * Nothing is sent until the reason passes the contract's rule and the typed text matches.
 */
export function PurgeDialog({ cases, expected, onClose, onPurged }: PurgeDialogProps) {
  const { t, tx, vocab, date } = useLabels();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const failure = useFailure();

  const close = () => {
    setReason('');
    setReasonError(null);
    setTyped('');
    failure.clear();
    onClose();
  };

  const confirm = async () => {
    if (!cases) return;
    failure.clear();
    const parsed = Reason.safeParse(reason);
    setReasonError(parsed.success ? null : issueKey(parsed.error.issues[0]));
    if (!parsed.success || typed.trim() !== expected) return;
    setBusy(true);
    try {
      const purged = await purgeCases(
        cases.map((c) => c.caseId),
        parsed.data,
      );
      onPurged(purged.length);
      close();
    } catch (error) {
      failure.report(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      opened={cases !== null}
      onClose={close}
      title={t('retention.purge.title', { count: cases?.length ?? 0 })}
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm">{t('retention.purge.explanation', { count: cases?.length ?? 0 })}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={700} id="purge-cases-label">
            {t('retention.purge.cases')}
          </Text>
          <ScrollArea.Autosize mah={200} type="auto">
            <List size="sm" aria-labelledby="purge-cases-label" data-testid="purge-cases">
              {(cases ?? []).map((c) => (
                <List.Item key={c.caseId}>
                  <Text span ff="monospace" size="sm">
                    {c.reference}
                  </Text>{' '}
                  — {vocab('closingOutcome', c.outcome)} · {t('retention.list.dueSince', { date: date(c.dueOn) })}
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </Stack>
        <Textarea
          label={t('reason.label')}
          description={t('retention.purge.reasonDescription')}
          required
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={reasonError ? tx(reasonError) : undefined}
          rows={2}
          data-autofocus
        />
        <TextInput
          label={t('retention.purge.confirm', { expected })}
          description={t('retention.purge.confirmHint')}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <FailureMessage failure={failure} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={busy}>
            {t('dialog.cancel')}
          </Button>
          <BusyButton color="red.8" busy={busy} disabled={typed.trim() !== expected} onClick={() => void confirm()}>
            {t('retention.purge.submit')}
          </BusyButton>
        </Group>
      </Stack>
    </Dialog>
  );
}
