import { Box, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdverseRole } from '../../../electron/common/cases';
import type { OrganisationRow } from '../../../electron/common/contract.organisations';
import { REGISTRY_TYPE_OF_ROLE } from '../../../electron/common/organisations';
import { FailureMessage } from '../../ui/ErrorMessage';
import { useFailure } from '../../ui/useFailure';
import { OrganisationForm } from './OrganisationForm';
import { searchOrganisations } from './organisations.actions';
import { organisationName, StandingBadges } from './StandingBadges';

/*
 * What the registry lends an adverse party on the case page (the case page hands these to the
 * adverse-parties section, which sits below the registry): the picker of the entry a party is, the
 * entry on the party's card, and, for supervisors, adding an unlinked party to the registry.
 */

/**
 * The registry entry an adverse party is, in the party's form: a plain search with a Link button
 * per result (a searchable select re-renders under the pointer), then the chosen entry with a way
 * to remove it. Nothing is saved until the form is.
 */
export function PartyRegistryPicker({ value, onChange }: { value: OrganisationRow | null; onChange: (entry: OrganisationRow | null) => void }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<OrganisationRow[]>([]);
  const latest = useRef(0);

  const find = (q: string) => {
    setSearch(q);
    const request = ++latest.current;
    if (!q.trim()) return setOptions([]);
    searchOrganisations({ query: q, limit: 8 }).then((r) => request === latest.current && setOptions(r.rows), () => undefined);
  };
  const choose = (entry: OrganisationRow | null) => {
    setSearch('');
    setOptions([]);
    onChange(entry);
  };

  return (
    <Fieldset legend={t('organisations.party.legend')} variant="filled" data-testid="party-registry-picker">
      {value ? (
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={4}>
            <Text fw={600}>{organisationName(i18n.language, value)}</Text>
            <Text size="sm" c="dimmed">
              {t(`organisations.types.${value.type}`)}
            </Text>
            <StandingBadges row={value} />
          </Stack>
          <Button variant="subtle" color="red.8" size="xs" onClick={() => choose(null)} aria-label={t('organisations.party.removeNamed', { name: organisationName(i18n.language, value) })}>
            {t('organisations.party.remove')}
          </Button>
        </Group>
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('organisations.party.hint')}
          </Text>
          <TextInput type="search" label={t('organisations.party.search')} placeholder={t('organisations.party.placeholder')} value={search} onChange={(e) => find(e.currentTarget.value)} />
          {search.trim() !== '' && (
            <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="party-registry-candidates">
              {options.length === 0 && <Text c="dimmed">{t('organisations.search.empty')}</Text>}
              {options.map((o) => (
                <Box component="li" key={o.id} py={4}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm">
                      {organisationName(i18n.language, o)} — {t(`organisations.types.${o.type}`)}
                    </Text>
                    <Button size="xs" variant="light" onClick={() => choose(o)} aria-label={t('organisations.party.linkThis', { name: organisationName(i18n.language, o) })}>
                      {t('organisations.party.link')}
                    </Button>
                  </Group>
                </Box>
              ))}
            </Box>
          )}
        </Stack>
      )}
    </Fieldset>
  );
}

/** The registry entry on an adverse party's card: who it is and how it stands today (a ban shows here). */
export function PartyRegistryEntry({ entry }: { entry: OrganisationRow }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={4} data-testid="party-registry-entry">
      <Text size="sm">
        {t('organisations.party.entry')}: {organisationName(i18n.language, entry)} — {t(`organisations.types.${entry.type}`)}
      </Text>
      <StandingBadges row={entry} />
    </Stack>
  );
}

/** A name in Japanese script is the entry's Japanese name; any other is its Latin-script name. */
function registryNames(name: string): { nameJa: string; nameLatin: string } {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(name) ? { nameJa: name, nameLatin: '' } : { nameJa: '', nameLatin: name };
}

/**
 * Supervisors (who keep the registry): an adverse party not yet linked whose role is an organisation
 * of the programme is added to the registry from the case — the registry's own form, filled with the
 * party's name and the type its role implies — and `onAdded` then links the new entry to the party.
 */
export function AddPartyToRegistry({ party, onAdded }: { party: { name: string; role: AdverseRole }; onAdded: (entry: OrganisationRow) => Promise<void> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const failure = useFailure();
  const type = REGISTRY_TYPE_OF_ROLE[party.role];
  if (!type) return null;
  return (
    <Stack gap={4} align="flex-start">
      <Button
        size="xs"
        variant="light"
        onClick={() => {
          failure.clear();
          setOpen(true);
        }}
        aria-label={t('organisations.party.addNamed', { name: party.name })}
      >
        {t('organisations.party.add')}
      </Button>
      <FailureMessage failure={failure} />
      {open && (
        <OrganisationForm
          prefill={{ type, ...registryNames(party.name) }}
          onClose={() => setOpen(false)}
          onSaved={(entry) => {
            setOpen(false);
            onAdded(entry).catch(failure.report);
          }}
        />
      )}
    </Stack>
  );
}
