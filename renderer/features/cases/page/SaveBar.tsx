import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../electron/common/errors';
import { BusyButton } from '../../../ui/BusyButton';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { loadCase } from './casePage.actions';
import { casePageSelectors, useCasePageStore } from './casePage.store';

/**
 * A refused save or move, translated. On a stale version it offers Reload: the case is read
 * again while whatever form is open stays open with the user's values.
 */
export function CaseFailure({ failure }: { failure: ErrorCode | null }) {
  const { t } = useTranslation();
  const detail = useCasePageStore(casePageSelectors.detail);
  const [reloadedAt, setReloadedAt] = useState<number | null>(null);
  const [reloading, setReloading] = useState(false);
  if (!failure) return null;
  const reloaded = failure === 'STALE_VERSION' && reloadedAt !== null && reloadedAt === detail?.version;

  const reload = async () => {
    if (!detail) return;
    setReloading(true);
    try {
      await loadCase(detail.id);
      setReloadedAt(useCasePageStore.getState().detail?.version ?? null);
    } finally {
      setReloading(false);
    }
  };

  if (failure === 'INVALID_INPUT') {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('casePage.form.checkFields')}
      </Alert>
    );
  }
  if (reloaded) {
    return (
      <Alert color="blue" variant="light" role="status">
        {t('casePage.stale.reloaded')}
      </Alert>
    );
  }
  return (
    <ErrorMessage code={failure}>
      {failure === 'STALE_VERSION' && (
        <Group mt="xs">
          <BusyButton size="xs" variant="white" color="red" busy={reloading} onClick={() => void reload()}>
            {t('casePage.stale.reload')}
          </BusyButton>
        </Group>
      )}
    </ErrorMessage>
  );
}

interface SaveBarProps {
  busy: boolean;
  failure: ErrorCode | null;
  onSave: () => void;
  onCancel: () => void;
  saveLabel?: string;
}

/** Save / Cancel under a form, with the refusal above them. */
export function SaveBar({ busy, failure, onSave, onCancel, saveLabel }: SaveBarProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <CaseFailure failure={failure} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={busy}>
          {t('dialog.cancel')}
        </Button>
        <BusyButton busy={busy} onClick={onSave}>
          {saveLabel ?? t('casePage.form.save')}
        </BusyButton>
      </Group>
    </Stack>
  );
}
