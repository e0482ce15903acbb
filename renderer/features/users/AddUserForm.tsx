import { Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../electron/common/accounts';
import { contract, type ChannelInput } from '../../../electron/common/contract';
import { ApiError } from '../../api/mamori';
import { FailureMessage } from '../../ui/ErrorMessage';
import { Heading } from '../../ui/Heading';
import { useFailure } from '../../ui/useFailure';
import { useFormFields } from '../../ui/useFormFields';
import { fieldErrors, validate } from '../../ui/validation';
import { createUser, type Handover } from './users.actions';
import { BusyButton } from '../../ui/BusyButton';

type Field = 'username' | 'displayName' | 'role';

/** Administrators add an account; its temporary passphrase goes to `onCreated` and nowhere else. */
export function AddUserForm({ onCreated }: { onCreated: (handover: Handover) => void }) {
  const { t } = useTranslation();
  const form = useFormFields<Field>({ username: '', displayName: '', role: 'officer' });
  const failure = useFailure();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate<ChannelInput<'users:create'>, Field>(contract['users:create'].input, form.values);
    form.setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    failure.clear();
    setBusy(true);
    try {
      const handover = await createUser(checked.data);
      form.reset();
      onCreated(handover);
    } catch (error) {
      failure.report(error);
      if (error instanceof ApiError && error.issues) form.setErrors(fieldErrors<Field>(error.issues));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="add-user-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Heading title={t('users.add.title')} hint={t('users.add.hint')} order={3} size="h4" id="add-user-title" />
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <TextInput
              label={t('users.add.username')}
              autoComplete="off"
              spellCheck={false}
              {...form.bind('username')}
            />
            <TextInput label={t('users.add.displayName')} autoComplete="off" {...form.bind('displayName')} />
            <NativeSelect
              label={t('users.add.role')}
              data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              {...form.bind('role')}
            />
          </SimpleGrid>
          <FailureMessage failure={failure} />
          <Group>
            <BusyButton type="submit" busy={busy}>
              {t('users.add.submit')}
            </BusyButton>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
