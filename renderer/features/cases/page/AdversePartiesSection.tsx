import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { CaseDetail } from '../../../../electron/common/caseDetail';
import { ADVERSE_ROLES, AdversePartyInputSchema, type AdversePartyInput } from '../../../../electron/common/cases';
import { useLabels } from '../../../i18n/labels';
import { parseWith } from '../../../ui/forms';
import { ReasonDialog } from '../../../ui/ReasonDialog';
import { Section } from '../../../ui/Section';
import { useDraftForm } from '../../../ui/useSave';
import { CaseForm } from './CaseForm';
import { removeAdverseParty, saveAdverseParty } from './casePage.actions';

type Party = CaseDetail['adverseParties'][number];

const EMPTY_PARTY: AdversePartyInput = { role: 'employer', name: '', nameVariants: [], organisation: '', contact: '', notes: '' };

/** The people the victim must be protected from; every new contact is checked against them. */
export function AdversePartiesSection({ detail }: { detail: CaseDetail }) {
  const { t } = useLabels();
  /** The party being edited: its id, 'new' for an added one, or null. */
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Party | null>(null);
  const title = t('casePage.adverse.title');

  return (
    <Section
      title={title}
      actions={
        <>
          {editing === null && (
            <Button variant="default" size="xs" onClick={() => setEditing('new')}>
              {t('casePage.adverse.add')}
            </Button>
          )}
        </>
      }
    >
      {editing === 'new' && <PartyForm initial={EMPTY_PARTY} onDone={() => setEditing(null)} />}
      {detail.adverseParties.length === 0 && editing !== 'new' && <Text c="dimmed">{t('casePage.adverse.none')}</Text>}
      {detail.adverseParties.map((party) =>
        editing === party.id ? (
          <PartyForm key={party.id} partyId={party.id} initial={party} onDone={() => setEditing(null)} />
        ) : (
          <PartyCard key={party.id} party={party} busy={editing !== null} onEdit={() => setEditing(party.id)} onRemove={() => setRemoving(party)} />
        ),
      )}
    <ReasonDialog
      opened={removing !== null}
      title={t('casePage.adverse.removeTitle', { name: removing?.name ?? '' })}
      explanation={t('casePage.adverse.removeExplanation')}
      confirmLabel={t('casePage.adverse.remove')}
      danger
      onConfirm={(reason) => (removing ? removeAdverseParty(removing.id, reason) : Promise.resolve())}
      onClose={() => setRemoving(null)}
    />
    </Section>
  );
}

function PartyCard({ party, busy, onEdit, onRemove }: { party: Party; busy: boolean; onEdit: () => void; onRemove: () => void }) {
  const { t, vocab } = useLabels();
  return (
    <Paper withBorder p="md" bg="gray.0" component="article" aria-label={party.name}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={700}>{party.name}</Text>
            <Badge color="red" variant="light">
              {vocab('adverseRole', party.role)}
            </Badge>
          </Group>
          {party.nameVariants.length > 0 && (
            <Text size="sm">
              {t('casePage.adverse.nameVariants')}: {party.nameVariants.join(', ')}
            </Text>
          )}
          {party.organisation && (
            <Text size="sm">
              {t('casePage.adverse.organisation')}: {party.organisation}
            </Text>
          )}
          {party.contact && (
            <Text size="sm">
              {t('casePage.adverse.contact')}: {party.contact}
            </Text>
          )}
          {party.notes && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {party.notes}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Button size="xs" variant="default" disabled={busy} onClick={onEdit} aria-label={t('casePage.adverse.editNamed', { name: party.name })}>
            {t('casePage.form.edit')}
          </Button>
          <Button size="xs" variant="default" color="red" disabled={busy} onClick={onRemove} aria-label={t('casePage.adverse.removeNamed', { name: party.name })}>
            {t('casePage.adverse.remove')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

function PartyForm({ partyId, initial, onDone }: { partyId?: string; initial: AdversePartyInput; onDone: () => void }) {
  const { t, vocab } = useLabels();
  // Only the input's fields: a party as core sends it carries its id too.
  const form = useDraftForm(
    (): AdversePartyInput => ({
      role: initial.role,
      name: initial.name,
      nameVariants: [...initial.nameVariants],
      organisation: initial.organisation,
      contact: initial.contact,
      notes: initial.notes,
    }),
    {
      parse: (d: AdversePartyInput) => parseWith(AdversePartyInputSchema, d),
      send: (party: AdversePartyInput) => saveAdverseParty(party, partyId),
      issuePrefix: 'party',
    },
  );
  return (
    <CaseForm title={partyId ? t('casePage.adverse.editTitle') : t('casePage.adverse.addTitle')} form={form} onDone={onDone}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect label={t('casePage.adverse.role')} {...form.text('role')} data={ADVERSE_ROLES.map((r) => ({ value: r, label: vocab('adverseRole', r) }))} />
        <TextInput label={t('casePage.adverse.name')} required {...form.text('name')} />
      </SimpleGrid>
      <TagsInput label={t('casePage.adverse.nameVariants')} description={t('casePage.adverse.nameVariantsHint')} value={form.draft.nameVariants} onChange={(v) => form.set('nameVariants', v)} error={form.error('nameVariants')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('casePage.adverse.organisation')} {...form.text('organisation')} />
        <TextInput label={t('casePage.adverse.contact')} {...form.text('contact')} />
      </SimpleGrid>
      <Textarea label={t('casePage.adverse.notes')} rows={2} {...form.text('notes')} />
    </CaseForm>
  );
}
