import { Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../electron/common/contract';
import { ApiError, errorCodeOf } from '../../api/mamori';
import { FailureMessage } from '../../ui/ErrorMessage';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { PassphraseInput } from '../../ui/PassphraseInput';
import { useFailure } from '../../ui/useFailure';
import { useFormFields } from '../../ui/useFormFields';
import { confirmationError, fieldErrors, validate } from '../../ui/validation';
import { changePassphrase } from './session.actions';
import { BusyButton } from '../../ui/BusyButton';

type Field = 'currentPassphrase' | 'newPassphrase' | 'confirm';

const EMPTY: Record<Field, string> = { currentPassphrase: '', newPassphrase: '', confirm: '' };

/**
 * Replaces the signed-in user's own passphrase: at first sign-in (`temporary`, replacing the one an
 * administrator handed over) and from Settings. Checked with the contract's schema before core sees it.
 */
export function ChangePassphraseForm({ temporary }: { temporary: boolean }) {
  const { t } = useTranslation();
  const form = useFormFields<Field>(EMPTY);
  const failure = useFailure();
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    const { confirm, ...input } = form.values;
    const checked = validate<typeof input, Field>(contract['session:changePassphrase'].input, input);
    const found = checked.ok ? {} : checked.errors;
    found.confirm = confirmationError(input.newPassphrase, confirm);
    form.setErrors(found);
    if (!checked.ok || found.confirm) return;

    failure.clear();
    setBusy(true);
    try {
      await changePassphrase(checked.data.currentPassphrase, checked.data.newPassphrase);
      form.reset();
      setChanged(true);
    } catch (error) {
      // A wrong current passphrase belongs to its field; the generic sign-in text would name a user name.
      if (errorCodeOf(error) === 'BAD_CREDENTIALS') {
        form.setErrors({ currentPassphrase: 'validation.passphrase.currentWrong' });
      } else {
        failure.report(error);
      }
      if (error instanceof ApiError && error.issues) form.setErrors(fieldErrors<Field>(error.issues));
      // As at sign-in: a rejected passphrase is not left in the field.
      form.set('currentPassphrase', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <PassphraseInput
          label={t(temporary ? 'changePassphrase.temporary' : 'changePassphrase.current')}
          description={temporary ? t('changePassphrase.temporaryHint') : undefined}
          autoFocus={temporary}
          {...form.bind('currentPassphrase')}
        />
        <NewPassphraseFields passphrase={form.bind('newPassphrase')} confirm={form.bind('confirm')} />
        <FailureMessage failure={failure} />
        <Group>
          <BusyButton type="submit" busy={busy}>
            {t(temporary ? 'changePassphrase.submitFirst' : 'changePassphrase.submit')}
          </BusyButton>
        </Group>
        {!temporary && (
          <Text role="status" size="sm" c="teal.9">
            {changed ? t('changePassphrase.changed') : ''}
          </Text>
        )}
      </Stack>
    </form>
  );
}
