import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ErrorCode } from '../../../../electron/common/errors';
import { SaveBar } from './SaveBar';

interface CaseFormProps {
  /** Names the form (its accessible name) and, unless `titled` is false, heads it. */
  title: string;
  titled?: boolean;
  /** The form's saving, as `useDraftForm` (or `useSave`) holds it. */
  form: { busy: boolean; failure: ErrorCode | null; save: () => Promise<boolean> };
  saveLabel?: string;
  /** Runs on Cancel and after a successful save; a refused save keeps the form open with its values. */
  onDone: () => void;
  testId?: string;
  children: ReactNode;
}

/** A form that records something in the open case: a card with its fields, then Save / Cancel under the refusal. */
export function CaseForm({ title, titled = true, form, saveLabel, onDone, testId, children }: CaseFormProps) {
  return (
    <Paper withBorder p="md" component="form" aria-label={title} onSubmit={(e) => e.preventDefault()} data-testid={testId}>
      <Stack gap="sm">
        {titled && <Text fw={700}>{title}</Text>}
        {children}
        <SaveBar busy={form.busy} failure={form.failure} saveLabel={saveLabel} onCancel={onDone} onSave={() => void form.save().then((saved) => saved && onDone())} />
      </Stack>
    </Paper>
  );
}
