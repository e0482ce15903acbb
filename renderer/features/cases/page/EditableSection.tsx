import { Button, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useLabels } from '../../../i18n/labels';
import type { FieldSetProps } from '../../../ui/fieldSet';
import type { Parsed } from '../../../ui/forms';
import { Section } from '../../../ui/Section';
import { useSave } from '../../../ui/useSave';
import { SaveBar } from './SaveBar';

interface EditableSectionProps<D, T> {
  title: string;
  canEdit?: boolean;
  view: ReactNode;
  /** The form's starting values, taken from the case when Edit is pressed. */
  toDraft: () => D;
  parse: (draft: D) => Parsed<T>;
  send: (data: T) => Promise<void>;
  issuePrefix: string;
  /** The fields, on the draft (the same field sets as intake where the section has one). */
  form: (props: FieldSetProps<D>) => ReactNode;
}

/** A section of the case shown read-only, with Edit → form → Save / Cancel. */
export function EditableSection<D, T>(props: EditableSectionProps<D, T>) {
  const { title, canEdit = true, view, toDraft, parse, send, issuePrefix, form } = props;
  const { t, fieldError } = useLabels();
  const [draft, setDraft] = useState<D | null>(null);
  const { errors, failure, busy, save, clear } = useSave({ parse, send, issuePrefix });

  const cancel = () => {
    clear();
    setDraft(null);
  };
  const submit = async () => {
    if (draft !== null && (await save(draft))) setDraft(null);
  };

  return (
    <Section
      title={title}
      actions={
        <>
          {canEdit && draft === null && (
            <Button variant="default" size="xs" onClick={() => setDraft(toDraft())} aria-label={t('casePage.form.editSection', { section: title })}>
              {t('casePage.form.edit')}
            </Button>
          )}
        </>
      }
    >
      {draft === null ? (
        view
      ) : (
        <Stack gap="md">
          {form({ value: draft, onChange: (patch) => setDraft((d) => (d === null ? d : { ...d, ...patch })), error: (path) => fieldError(errors, path) })}
          <SaveBar busy={busy} failure={failure} onSave={() => void submit()} onCancel={cancel} />
        </Stack>
      )}
    </Section>
  );
}
