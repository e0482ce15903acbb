import { Button, Group, Stack } from '@mantine/core';
import { Dialog } from './Dialog';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureMessage } from './ErrorMessage';
import type { Failure } from './useFailure';
import { BusyButton } from './BusyButton';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  confirmLabel: string;
  /** Red confirm button, for actions that cannot be undone. */
  danger?: boolean;
  busy: boolean;
  /** A refusal stays in the dialog, next to the action it refers to; without one, the caller shows it where it belongs. */
  failure?: Failure;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** Asks before an action, saying what it will do; the action runs only from the confirm button. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { opened, title, confirmLabel, danger, busy, failure, onConfirm, onCancel, children } = props;
  const { t } = useTranslation();
  return (
    <Dialog
      opened={opened}
      onClose={onCancel}
      title={title}
      size="lg"
    >
      <Stack gap="md">
        {children}
        {failure && <FailureMessage failure={failure} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('dialog.cancel')}
          </Button>
          <BusyButton color={danger ? 'red.8' : undefined} busy={busy} onClick={onConfirm}>
            {confirmLabel}
          </BusyButton>
        </Group>
      </Stack>
    </Dialog>
  );
}
