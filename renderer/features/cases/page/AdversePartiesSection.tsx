import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type ComponentType } from 'react';
import type { CaseDetail } from '../../../../electron/common/caseDetail';
import { ADVERSE_ROLES, AdversePartyInputSchema, type AdversePartyInput } from '../../../../electron/common/cases';
import type { OrganisationRow } from '../../../../electron/common/contract.organisations';
import { useLabels } from '../../../i18n/labels';
import { parseWith } from '../../../ui/forms';
import { ReasonDialog } from '../../../ui/ReasonDialog';
import { Section } from '../../../ui/Section';
import { useDraftForm } from '../../../ui/useSave';
import { CaseForm } from './CaseForm';
import { removeAdverseParty, saveAdverseParty } from './casePage.actions';

type Party = CaseDetail['adverseParties'][number];

const EMPTY_PARTY: AdversePartyInput = { role: 'employer', name: '', nameVariants: [], organisation: '', contact: '', notes: '' };

/** The party as the form and core take it: its own fields, and the registry entry it is (if any). */
function inputOf(p: AdversePartyInput): AdversePartyInput {
  return {
    role: p.role,
    name: p.name,
    nameVariants: [...p.nameVariants],
    organisation: p.organisation,
    contact: p.contact,
    notes: p.notes,
    ...(p.organisationId ? { organisationId: p.organisationId } : {}),
  };
}

/**
 * What the organisations registry lends this section. The case page passes it in: the registry's
 * feature sits above cases in the renderer, so cases never imports it.
 */
export interface PartyRegistry {
  /** In the party's form: which registry entry the party is (search, link, remove). */
  Picker: ComponentType<{ value: OrganisationRow | null; onChange: (entry: OrganisationRow | null) => void }>;
  /** On the party's card: the linked entry and how it stands (a ban shows here). */
  Entry: ComponentType<{ entry: OrganisationRow }>;
  /** Supervisors only: adds an unlinked party to the registry, then `onAdded` links the new entry to it. */
  AddToRegistry?: ComponentType<{ party: Party; onAdded: (entry: OrganisationRow) => Promise<void> }>;
}

/** The people the victim must be protected from; every new contact is checked against them. */
export function AdversePartiesSection({ detail, registry }: { detail: CaseDetail; registry?: PartyRegistry }) {
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
      {editing === 'new' && <PartyForm initial={EMPTY_PARTY} entry={null} registry={registry} onDone={() => setEditing(null)} />}
      {detail.adverseParties.length === 0 && editing !== 'new' && <Text c="dimmed">{t('casePage.adverse.none')}</Text>}
      {detail.adverseParties.map((party) =>
        editing === party.id ? (
          <PartyForm key={party.id} partyId={party.id} initial={party} entry={party.registryEntry} registry={registry} onDone={() => setEditing(null)} />
        ) : (
          <PartyCard
            key={party.id}
            party={party}
            busy={editing !== null}
            registry={registry}
            closed={detail.stage === 'closed'}
            onEdit={() => setEditing(party.id)}
            onRemove={() => setRemoving(party)}
          />
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

function PartyCard({ party, busy, registry, closed, onEdit, onRemove }: { party: Party; busy: boolean; registry?: PartyRegistry; closed: boolean; onEdit: () => void; onRemove: () => void }) {
  const { t, vocab } = useLabels();
  const AddToRegistry = !party.organisationId && !closed ? registry?.AddToRegistry : undefined;
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
          {registry && party.registryEntry && <registry.Entry entry={party.registryEntry} />}
          {AddToRegistry && <AddToRegistry party={party} onAdded={(entry) => saveAdverseParty({ ...inputOf(party), organisationId: entry.id }, party.id)} />}
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

function PartyForm({ partyId, initial, entry, registry, onDone }: { partyId?: string; initial: AdversePartyInput; entry: OrganisationRow | null; registry?: PartyRegistry; onDone: () => void }) {
  const { t, vocab } = useLabels();
  /** The chosen registry entry as the picker shows it; the draft holds only its id. */
  const [chosen, setChosen] = useState(entry);
  // Only the input's fields: a party as core sends it carries its id and its entry too.
  const form = useDraftForm(
    (): AdversePartyInput => inputOf(initial),
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
      {registry && (
        <registry.Picker
          value={chosen}
          onChange={(next) => {
            setChosen(next);
            form.setDraft((d) => inputOf({ ...d, organisationId: next?.id }));
          }}
        />
      )}
    </CaseForm>
  );
}
