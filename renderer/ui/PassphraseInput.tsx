import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A passphrase field: translated visibility toggle, and no browser help that could keep or leak it. */
export function PassphraseInput(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      autoComplete="off"
      spellCheck={false}
      visibilityToggleButtonProps={{ 'aria-label': t('passphraseInput.toggleVisibility') }}
      {...props}
    />
  );
}
