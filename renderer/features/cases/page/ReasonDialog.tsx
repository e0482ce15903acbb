import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Reason } from '../../../../electron/common/schemas';
import { FailureMessage } from '../../../ui/ErrorMessage';
import { useFailure } from '../../../ui/useFailure';
import { apiPathErrors, issueKey } from './caseForms';
import { useLabels } from './labels';

interface ReasonDialogProps {
  opened: boolean;
  title: string;
  /** What the reason is for, shown above the field. */
  explanation: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** Asks why before an audited action; nothing is sent until a reason of at least 5 characters is given. */
export function ReasonDialog({ opened, title, explanation, confirmLabel, danger, onConfirm, onClose }: ReasonDialogProps) {
  const { t } = useTranslation();
  const { tx } = useLabels();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const failure = useFailure();

  const close = () => {
    setReason('');
    setError(null);
    failure.clear();
    onClose();
  };

  const confirm = async () => {
    failure.clear();
    const parsed = Reason.safeParse(reason);
    if (!parsed.success) {
      setError(issueKey(parsed.error.issues[0]));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await onConfirm(parsed.data);
      setReason('');
      onClose();
    } catch (caught) {
      const fields = apiPathErrors(caught, '');
      if (fields?.reason) setError(fields.reason);
      else failure.report(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={title} size="lg" closeButtonProps={{ 'aria-label': t('dialog.close') }}>
      <Stack gap="md">
        <Text size="sm">{explanation}</Text>
        <Textarea
          label={t('casePage.reason.label')}
          description={t('casePage.reason.description')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={error ? tx(error) : undefined}
          rows={2}
          data-autofocus
        />
        <FailureMessage failure={failure} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={busy}>
            {t('dialog.cancel')}
          </Button>
          <Button color={danger ? 'red.8' : undefined} loading={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
