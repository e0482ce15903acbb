import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { Dialog } from './Dialog';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Reason, REASON_MAX } from '../../electron/common/schemas';
import { useLabels } from '../i18n/labels';
import { FailureMessage } from './ErrorMessage';
import { apiPathErrors, issueKey, type IssueKeyOf } from './forms';
import { useFailure } from './useFailure';
import { BusyButton } from './BusyButton';

/**
 * The text a dialog asks for when it is not the audited reason (a supervisor's comments on a
 * returned recommendation): its words, its own check, and where core reports a problem with it.
 */
export interface AskedText {
  label: string;
  description: string;
  /** The i18n key of what is wrong with the (trimmed) text, or null when it may be sent. */
  check: (text: string) => string | null;
  /** The field's name in the channel's input, where core reports a problem with it, and how core's issue keys are labelled. */
  issueField: string;
  issueKey: IssueKeyOf;
  required?: boolean;
  rows?: number;
  maxLength?: number;
  testId?: string;
  confirmTestId?: string;
}

/** The reason before an audited action: the contract's `Reason` (at least 5 characters), labelled with the shared texts. */
function useReasonText(): AskedText {
  const { t } = useTranslation();
  return {
    label: t('reason.label'),
    description: t('reason.description'),
    check: (text) => {
      const parsed = Reason.safeParse(text);
      return parsed.success ? null : issueKey(parsed.error.issues[0]);
    },
    issueField: 'reason',
    issueKey,
    maxLength: REASON_MAX,
  };
}

interface ReasonDialogProps {
  opened: boolean;
  title: string;
  /** What the reason is for, shown above the field: a sentence, or several (a move's consequences). */
  explanation: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Receives the text trimmed, once it passes its check. */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
  /** Something other than the audited reason; the reason by default. */
  asks?: AskedText;
}

/** Asks why before an audited action; nothing is sent until the text passes its check (a reason: at least 5 characters). */
export function ReasonDialog({ opened, title, explanation, confirmLabel, danger, onConfirm, onClose, asks }: ReasonDialogProps) {
  const { t, tx } = useLabels();
  const reasonText = useReasonText();
  const field = asks ?? reasonText;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const failure = useFailure();

  const close = () => {
    setText('');
    setError(null);
    failure.clear();
    onClose();
  };

  const confirm = async () => {
    failure.clear();
    const problem = field.check(text);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await onConfirm(text.trim());
      setText('');
      onClose();
    } catch (caught) {
      const fields = apiPathErrors(caught, '', field.issueKey);
      if (fields?.[field.issueField]) setError(fields[field.issueField]);
      else failure.report(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog opened={opened} onClose={close} title={title} size="lg">
      <Stack gap="md">
        {typeof explanation === 'string' ? <Text size="sm">{explanation}</Text> : explanation}
        <Textarea
          label={field.label}
          description={field.description}
          required={field.required}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={error ? tx(error) : undefined}
          rows={field.rows ?? 2}
          maxLength={field.maxLength}
          data-autofocus
          data-testid={field.testId}
        />
        <FailureMessage failure={failure} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={busy}>
            {t('dialog.cancel')}
          </Button>
          <BusyButton color={danger ? 'red.8' : undefined} busy={busy} onClick={() => void confirm()} data-testid={field.confirmTestId}>
            {confirmLabel}
          </BusyButton>
        </Group>
      </Stack>
    </Dialog>
  );
}
