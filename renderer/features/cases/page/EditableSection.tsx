import { Button, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Parsed, PathErrors } from './caseForms';
import { SaveBar } from './SaveBar';
import { useSave } from './useSave';
import { CaseSection } from './CaseSection';

export interface FormProps<D> {
  draft: D;
  setDraft: (update: (draft: D) => D) => void;
  /** The translated error for a dotted path within the form, if any. */
  errors: PathErrors;
}

interface EditableSectionProps<D, T> {
  title: string;
  canEdit?: boolean;
  view: ReactNode;
  /** The form's starting values, taken from the case when Edit is pressed. */
  toDraft: () => D;
  parse: (draft: D) => Parsed<T>;
  send: (data: T) => Promise<void>;
  issuePrefix: string;
  form: (props: FormProps<D>) => ReactNode;
}

/** A section of the case shown read-only, with Edit → form → Save / Cancel. */
export function EditableSection<D, T>(props: EditableSectionProps<D, T>) {
  const { title, canEdit = true, view, toDraft, parse, send, issuePrefix, form } = props;
  const { t } = useTranslation();
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
    <CaseSection
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
          {form({ draft, setDraft: (update) => setDraft((d) => (d === null ? d : update(d))), errors })}
          <SaveBar busy={busy} failure={failure} onSave={() => void submit()} onCancel={cancel} />
        </Stack>
      )}
    </CaseSection>
  );
}
