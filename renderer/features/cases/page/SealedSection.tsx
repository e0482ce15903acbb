import { ActionIcon, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { CaseDetail } from '../../../../electron/common/caseDetail';
import { LOCATION_TYPES, SEALED_FIELDS, SealedValueSchema, type SealedField, type SealedValue } from '../../../../electron/common/cases';
import type { ChannelOutput } from '../../../../electron/common/contract';
import { useLabels } from '../../../i18n/labels';
import { parseWith } from '../../../ui/forms';
import { SealedReveal } from '../../../ui/SealedReveal';
import { Section } from '../../../ui/Section';
import { useDraftForm } from '../../../ui/useSave';
import { CaseForm } from './CaseForm';
import { revealSealed, setSealedValue } from './casePage.actions';

type Revealed = ChannelOutput<'cases:revealSealed'>;
type Whereabouts = Extract<SealedValue, { field: 'whereabouts' }>['value'];
type IdentityDocuments = Extract<SealedValue, { field: 'identity-documents' }>['value'];

/** Whereabouts, identity documents, residence card number: recorded or not, shown only with a reason. */
export function SealedSection({ detail }: { detail: CaseDetail }) {
  const { t } = useLabels();
  const title = t('casePage.sealed.title');
  return (
    <Section title={title}>
      <Text size="sm" c="dimmed">
        {t('casePage.sealed.explanation')}
      </Text>
      {SEALED_FIELDS.map((field) => (
        <SealedFieldCard key={field} field={field} recorded={detail.sealed[field]} />
      ))}
    </Section>
  );
}

function SealedFieldCard({ field, recorded }: { field: SealedField; recorded: boolean }) {
  const { t, vocab } = useLabels();
  const label = vocab('sealedField', field);
  const [editing, setEditing] = useState(false);

  return (
    <Paper withBorder p="md" component="article" aria-label={label}>
      <SealedReveal
        reveal={(reason) => revealSealed(field, reason)}
        render={(revealed) => <RevealedValue revealed={revealed} />}
        copyText={(revealed) => copyText(revealed, vocab)}
        text={{
          show: t('casePage.sealed.show'),
          showLabel: t('casePage.sealed.showField', { field: label }),
          hideLabel: t('casePage.sealed.hideField', { field: label }),
          copyLabel: t('casePage.sealed.copyField', { field: label }),
          title: t('casePage.sealed.revealTitle', { field: label }),
          explanation: t('casePage.sealed.revealExplanation'),
        }}
      >
        {({ trigger, shown }) => (
          <Stack gap="sm">
            <Group justify="space-between">
              <Group gap="sm">
                <Text fw={700}>{label}</Text>
                <Badge color={recorded ? 'blue' : 'gray'} variant="light">
                  {recorded ? t('casePage.sealed.recorded') : t('casePage.sealed.notRecorded')}
                </Badge>
              </Group>
              <Group gap="xs">
                {recorded && trigger}
                {!editing && (
                  <Button size="xs" variant="default" onClick={() => setEditing(true)} aria-label={t('casePage.sealed.editField', { field: label })}>
                    {t('casePage.form.edit')}
                  </Button>
                )}
              </Group>
            </Group>
            {shown}
            {editing && <SealedForm field={field} onDone={() => setEditing(false)} />}
          </Stack>
        )}
      </SealedReveal>
    </Paper>
  );
}

function copyText(revealed: Revealed, vocab: (list: string, code: string) => string): string {
  if (revealed.value === null) return '';
  switch (revealed.field) {
    case 'whereabouts': {
      const w = revealed.value;
      return [vocab('locationType', w.locationType), w.name, w.address, w.phone, w.safeContactMethod].filter(Boolean).join('\n');
    }
    case 'identity-documents':
      return revealed.value.map((d) => [vocab('documentKind', d.kind), d.number, d.issuer, d.heldBy].filter(Boolean).join(' ')).join('\n');
    case 'residence-card-number':
      return revealed.value;
  }
}

function RevealedValue({ revealed }: { revealed: Revealed }) {
  const { t, vocab } = useLabels();
  const row = (label: string, value: ReactNode) => (
    <Text size="sm" key={label}>
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {value || '—'}
    </Text>
  );
  if (revealed.value === null) return <Text size="sm">{t('casePage.sealed.notRecorded')}</Text>;
  switch (revealed.field) {
    case 'whereabouts': {
      const w = revealed.value;
      return (
        <Stack gap={2}>
          {row(t('casePage.sealed.locationType'), vocab('locationType', w.locationType))}
          {row(t('casePage.sealed.locationName'), w.name)}
          {row(t('casePage.sealed.address'), w.address)}
          {row(t('casePage.sealed.phone'), w.phone)}
          {row(t('casePage.sealed.safeContactMethod'), w.safeContactMethod)}
        </Stack>
      );
    }
    case 'identity-documents':
      return (
        <Stack gap={2}>
          {revealed.value.length === 0 && <Text size="sm">—</Text>}
          {revealed.value.map((d) => (
            <Text size="sm" key={`${d.kind}-${d.number}`}>
              <Text span fw={600}>
                {vocab('documentKind', d.kind)}
              </Text>{' '}
              {[d.number, d.issuer, d.heldBy && t('casePage.sealed.heldByValue', { heldBy: d.heldBy })].filter(Boolean).join(' · ')}
            </Text>
          ))}
        </Stack>
      );
    case 'residence-card-number':
      return (
        <Text size="lg" ff="monospace" fw={700}>
          {revealed.value}
        </Text>
      );
  }
}

/**
 * Replaces a sealed value. The form starts empty rather than from a revealed value, so a
 * revealed value never outlives its 60 seconds inside a form.
 */
function SealedForm({ field, onDone }: { field: SealedField; onDone: () => void }) {
  const { t } = useLabels();
  const form = useDraftForm(() => emptyValue(field), { parse: (d: SealedValue) => parseWith(SealedValueSchema, d), send: setSealedValue, issuePrefix: 'sealed' });
  const { draft, setDraft, error } = form;
  const err = (path: string) => error(`value.${path}`) ?? (path === '' ? error('value') : undefined);

  return (
    <CaseForm title={t('casePage.sealed.editTitle')} titled={false} form={form} onDone={onDone}>
      <Text size="sm" c="dimmed">
        {t('casePage.sealed.replaceHint')}
      </Text>
      {draft.field === 'whereabouts' && <WhereaboutsFields value={draft.value} onChange={(value) => setDraft({ field: 'whereabouts', value })} err={err} />}
      {draft.field === 'identity-documents' && <DocumentsFields value={draft.value} onChange={(value) => setDraft({ field: 'identity-documents', value })} err={err} />}
      {draft.field === 'residence-card-number' && (
        <TextInput
          label={t('casePage.sealed.residenceCardNumber')}
          description={t('casePage.sealed.residenceCardFormat')}
          value={draft.value}
          onChange={(e) => setDraft({ field: 'residence-card-number', value: e.currentTarget.value.toUpperCase() })}
          error={error('value')}
          autoComplete="off"
          ff="monospace"
        />
      )}
    </CaseForm>
  );
}

function emptyValue(field: SealedField): SealedValue {
  switch (field) {
    case 'whereabouts':
      return { field, value: { locationType: 'shelter', name: '', address: '', phone: '', safeContactMethod: '' } };
    case 'identity-documents':
      return { field, value: [{ kind: 'passport', number: '', issuer: '', heldBy: '' }] };
    case 'residence-card-number':
      return { field, value: '' };
  }
}

type Err = (path: string) => string | undefined;

function WhereaboutsFields({ value, onChange, err }: { value: Whereabouts; onChange: (v: Whereabouts) => void; err: Err }) {
  const { t, vocab } = useLabels();
  const set = <K extends keyof Whereabouts>(key: K, v: Whereabouts[K]) => onChange({ ...value, [key]: v });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <NativeSelect label={t('casePage.sealed.locationType')} value={value.locationType} onChange={(e) => set('locationType', e.currentTarget.value as Whereabouts['locationType'])} data={LOCATION_TYPES.map((l) => ({ value: l, label: vocab('locationType', l) }))} />
      <TextInput label={t('casePage.sealed.locationName')} value={value.name} onChange={(e) => set('name', e.currentTarget.value)} error={err('name')} autoComplete="off" />
      <TextInput label={t('casePage.sealed.address')} value={value.address} onChange={(e) => set('address', e.currentTarget.value)} error={err('address')} autoComplete="off" />
      <TextInput label={t('casePage.sealed.phone')} value={value.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={err('phone')} autoComplete="off" />
      <TextInput label={t('casePage.sealed.safeContactMethod')} value={value.safeContactMethod} onChange={(e) => set('safeContactMethod', e.currentTarget.value)} error={err('safeContactMethod')} autoComplete="off" />
    </SimpleGrid>
  );
}

const DOCUMENT_KINDS = ['passport', 'residence-card', 'national-id', 'other'] as const;

function DocumentsFields({ value, onChange, err }: { value: IdentityDocuments; onChange: (v: IdentityDocuments) => void; err: Err }) {
  const { t, vocab } = useLabels();
  const setRow = (index: number, patch: Partial<IdentityDocuments[number]>) => onChange(value.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  return (
    <Stack gap="xs">
      {value.map((d, index) => (
        // Rows have no identity of their own while edited; their position is their key.
        <Group key={index} align="flex-end" wrap="nowrap">
          <NativeSelect label={t('casePage.sealed.documentKind', { n: index + 1 })} value={d.kind} onChange={(e) => setRow(index, { kind: e.currentTarget.value as IdentityDocuments[number]['kind'] })} data={DOCUMENT_KINDS.map((k) => ({ value: k, label: vocab('documentKind', k) }))} />
          <TextInput label={t('casePage.sealed.documentNumber', { n: index + 1 })} value={d.number} onChange={(e) => setRow(index, { number: e.currentTarget.value })} error={err(`${index}.number`)} autoComplete="off" />
          <TextInput label={t('casePage.sealed.documentIssuer', { n: index + 1 })} value={d.issuer} onChange={(e) => setRow(index, { issuer: e.currentTarget.value })} error={err(`${index}.issuer`)} autoComplete="off" />
          <TextInput style={{ flex: 1 }} label={t('casePage.sealed.documentHeldBy', { n: index + 1 })} value={d.heldBy} onChange={(e) => setRow(index, { heldBy: e.currentTarget.value })} error={err(`${index}.heldBy`)} autoComplete="off" />
          <ActionIcon variant="default" size="lg" mb={2} aria-label={t('casePage.sealed.removeDocument', { n: index + 1 })} onClick={() => onChange(value.filter((_, i) => i !== index))}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange([...value, { kind: 'passport', number: '', issuer: '', heldBy: '' }])}>
          {t('casePage.sealed.addDocument')}
        </Button>
      </Group>
    </Stack>
  );
}
