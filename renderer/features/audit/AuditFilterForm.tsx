import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS } from '../../../electron/common/audit';
import type { AuditFilter } from '../../../electron/common/contract.audit';
import { DateField } from '../../ui/DateField';
import { useFormFields } from '../../ui/useFormFields';
import { auditSelectors, useAuditStore } from './audit.store';
import { EMPTY_DRAFT, toAuditFilter, type AuditFilterDraft, type AuditFilterField } from './auditFilter';
import { BusyButton } from '../../ui/BusyButton';

interface AuditFilterFormProps {
  busy: boolean;
  onApply: (filter: AuditFilter, draft: AuditFilterDraft) => void;
}

/** Who, what, which case and when; nothing is read until the filter is applied. */
export function AuditFilterForm({ busy, onApply }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const actors = useAuditStore(auditSelectors.actors);
  const form = useFormFields<AuditFilterField>(useAuditStore.getState().draft);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = toAuditFilter(form.values);
    form.setErrors(result.ok ? {} : result.errors);
    if (result.ok) onApply(result.filter, form.values);
  };

  const clear = () => {
    form.setValues(EMPTY_DRAFT);
    form.setErrors({});
    onApply({}, EMPTY_DRAFT);
  };

  const actorOptions = [
    { value: '', label: t('audit.filter.anyone') },
    ...actors.map((actor) => ({
      value: actor.id,
      label: t(actor.status === 'active' ? 'audit.filter.actorOption' : 'audit.filter.actorOptionDisabled', {
        name: actor.displayName,
        role: t(`roles.${actor.role}`),
      }),
    })),
  ];
  const actionOptions = [
    { value: '', label: t('audit.filter.anyAction') },
    ...AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`auditActions.${action}`) })),
  ];

  return (
    <form onSubmit={submit} noValidate aria-label={t('audit.filter.label')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="md">
        <NativeSelect label={t('audit.filter.who')} data={actorOptions} {...form.bind('actorId')} />
        <NativeSelect label={t('audit.filter.what')} data={actionOptions} {...form.bind('action')} />
        <TextInput label={t('audit.filter.caseRef')} autoComplete="off" spellCheck={false} {...form.bind('caseRef')} />
        <DateField label={t('audit.filter.from')} {...form.bindDate('fromDate')} />
        <DateField label={t('audit.filter.to')} {...form.bindDate('toDate')} />
      </SimpleGrid>
      <Group mt="md" gap="sm">
        <BusyButton type="submit" busy={busy}>
          {t('audit.filter.apply')}
        </BusyButton>
        <Button variant="default" onClick={clear} disabled={busy}>
          {t('audit.filter.clear')}
        </Button>
      </Group>
    </form>
  );
}
