import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PassphraseInput } from './PassphraseInput';

interface Binding {
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  error: string | undefined;
}

interface NewPassphraseFieldsProps {
  passphrase: Binding;
  confirm: Binding;
  /** "Passphrase" when creating a vault; "New passphrase" (the default) wherever one is replaced. */
  labels?: { passphrase: string; confirm: string };
}

/** A passphrase being set, typed twice, with the policy as help text (the policy itself is the contract's). */
export function NewPassphraseFields({ passphrase, confirm, labels }: NewPassphraseFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <PassphraseInput
        label={labels?.passphrase ?? t('newPassphrase.label')}
        description={t('newPassphrase.policy')}
        {...passphrase}
      />
      <PassphraseInput label={labels?.confirm ?? t('newPassphrase.confirm')} {...confirm} />
    </>
  );
}
