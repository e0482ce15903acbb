import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { Dialog } from '../../../ui/Dialog';
import { useState } from 'react';
import { CLOSING_OUTCOMES, type ClosingOutcome } from '../../../../electron/common/retention';
import { Reason } from '../../../../electron/common/schemas';
import { useLabels } from '../../../i18n/labels';
import { FailureMessage } from '../../../ui/ErrorMessage';
import { apiPathErrors, issueKey, type PathErrors } from '../../../ui/forms';
import { useFailure } from '../../../ui/useFailure';
import { BusyButton } from '../../../ui/BusyButton';

interface CloseCaseDialogProps {
  opened: boolean;
  onClose: () => void;
  /** Receives the outcome and the trimmed reason once both pass the contract's rules. */
  onConfirm: (outcome: ClosingOutcome, reason: string) => Promise<void>;
}

/**
 * A supervisor closes a case: how it ended (the outcome sets its retention period) and why. Nothing
 * is sent until both are given; core checks the same rules (contract.cases.ts) and says which failed.
 */
export function CloseCaseDialog({ opened, onClose, onConfirm }: CloseCaseDialogProps) {
  const { t, tx, vocab } = useLabels();
  const [outcome, setOutcome] = useState<ClosingOutcome | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<PathErrors>({});
  const [busy, setBusy] = useState(false);
  const failure = useFailure();

  const close = () => {
    setOutcome('');
    setReason('');
    setErrors({});
    failure.clear();
    onClose();
  };

  const confirm = async () => {
    failure.clear();
    const parsed = Reason.safeParse(reason);
    const found: PathErrors = {
      ...(outcome ? {} : { outcome: 'validation.case.outcome.required' }),
      ...(parsed.success ? {} : { reason: issueKey(parsed.error.issues[0]) }),
    };
    setErrors(found);
    if (!outcome || !parsed.success) return;
    setBusy(true);
    try {
      await onConfirm(outcome, parsed.data);
      close();
    } catch (caught) {
      const fields = apiPathErrors(caught, '');
      if (fields && (fields.outcome || fields.reason)) setErrors(fields);
      else failure.report(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog opened={opened} onClose={close} title={t('casePage.stage.closeTitle')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('casePage.stage.closeExplanation')}</Text>
        <Radio.Group
          label={t('casePage.stage.outcome')}
          required
          value={outcome}
          onChange={(value) => {
            // The choice answers the refusal: it goes with it.
            setOutcome(value as ClosingOutcome);
            setErrors(({ outcome: _answered, ...rest }) => rest);
          }}
          error={errors.outcome ? tx(errors.outcome) : undefined}
        >
          <Stack gap="xs" mt="xs">
            {CLOSING_OUTCOMES.map((o) => (
              <Radio key={o} value={o} label={vocab('closingOutcome', o)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('reason.label')}
          description={t('reason.description')}
          required
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason ? tx(errors.reason) : undefined}
          rows={2}
        />
        <FailureMessage failure={failure} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={busy}>
            {t('dialog.cancel')}
          </Button>
          <BusyButton busy={busy} onClick={() => void confirm()}>
            {t('casePage.stage.close')}
          </BusyButton>
        </Group>
      </Stack>
    </Dialog>
  );
}
