import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation, OrganisationRow } from '../../../electron/common/contract.organisations';
import { ORGANISATION_TYPES, type OrganisationType } from '../../../electron/common/organisations';
import { useLabels } from '../../i18n/labels';
import { FailureMessage } from '../../ui/ErrorMessage';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { SuccessNotice } from '../../ui/SuccessNotice';
import { useFailure } from '../../ui/useFailure';
import { sessionSelectors, useSessionStore } from '../session/session.store';
import { HistoryDialog, type HistoryKind } from './HistoryDialog';
import { OrganisationDetail } from './OrganisationDetail';
import { OrganisationForm } from './OrganisationForm';
import { getOrganisation, searchOrganisations } from './organisations.actions';
import { organisationName, StandingBadges } from './StandingBadges';

/**
 * The registry of Technical Intern Training organisations and brokers: search, then one entry at a
 * time. Case workers read it; supervisors add and edit entries and record their history.
 */
export function OrganisationsScreen() {
  const { t, tx, i18n } = useLabels();
  const { t: tt } = useTranslation();
  const user = useSessionStore(sessionSelectors.user);
  const canEdit = user?.role === 'supervisor';
  const [query, setQuery] = useState('');
  const [type, setType] = useState<OrganisationType | ''>('');
  const [found, setFound] = useState<{ rows: OrganisationRow[]; total: number } | null>(null);
  const [open, setOpen] = useState<Organisation | null>(null);
  const [editing, setEditing] = useState<'new' | 'edit' | null>(null);
  const [recording, setRecording] = useState<HistoryKind | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const failure = useFailure();
  const { report, clear } = failure;

  // Numbers each search, so an answer overtaken by a later keystroke neither replaces it nor reports its failure.
  const latest = useRef(0);
  const search = useCallback(
    (q: string, ty: OrganisationType | '') => {
      clear();
      const request = ++latest.current;
      searchOrganisations({ query: q, ...(ty ? { type: ty } : {}), limit: 50 }).then(
        (r) => request === latest.current && setFound(r),
        (e: unknown) => request === latest.current && report(e),
      );
    },
    [clear, report],
  );
  useEffect(() => {
    search('', '');
  }, [search]);

  const show = (id: string) => {
    clear();
    setSaved(null);
    getOrganisation(id).then(setOpen, report);
  };
  const afterSave = (o: Organisation) => {
    setEditing(null);
    setRecording(null);
    setOpen(o);
    setSaved(organisationName(i18n.language, o));
    search(query, type);
  };

  return (
    <Stack gap="lg">
      <Title order={2}>{t('organisations.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('organisations.intro')}
      </Text>
      {saved && <SuccessNotice title={t('organisations.form.saved', { name: saved })}>{''}</SuccessNotice>}
      <FailureMessage failure={failure} />
      {open ? (
        <Stack gap="md">
          <Group>
            <Button variant="subtle" onClick={() => (setOpen(null), setSaved(null))}>
              {t('organisations.detail.back')}
            </Button>
          </Group>
          <OrganisationDetail organisation={open} canEdit={canEdit} onOpen={show} onEdit={() => setEditing('edit')} onRecord={setRecording} />
        </Stack>
      ) : (
        <Stack gap="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              search(query, type);
            }}
          >
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('organisations.search.label')}
                placeholder={t('organisations.search.placeholder')}
                value={query}
                onChange={(e) => {
                  setQuery(e.currentTarget.value);
                  search(e.currentTarget.value, type);
                }}
                w={420}
                type="search"
              />
              <NativeSelect
                label={t('organisations.search.type')}
                value={type}
                onChange={(e) => {
                  const next = e.currentTarget.value as OrganisationType | '';
                  setType(next);
                  search(query, next);
                }}
                data={[{ value: '', label: t('organisations.search.anyType') }, ...ORGANISATION_TYPES.map((ty) => ({ value: ty, label: tt(`organisations.types.${ty}`) }))]}
              />
              {canEdit && <Button onClick={() => (setSaved(null), setEditing('new'))}>{t('organisations.search.add')}</Button>}
            </Group>
          </form>
          {found === null ? (
            !failure.code && <LoadingIndicator />
          ) : found.rows.length === 0 ? (
            <Text c="dimmed">{t('organisations.search.empty')}</Text>
          ) : (
            <Stack gap="xs">
              <Text size="sm" c="dimmed" role="status">
                {t('organisations.search.results', { count: found.total })}
              </Text>
              <Table highlightOnHover data-testid="organisations-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('organisations.columns.name')}</Table.Th>
                    <Table.Th>{t('organisations.columns.type')}</Table.Th>
                    <Table.Th>{t('organisations.columns.where')}</Table.Th>
                    <Table.Th>{t('organisations.columns.standing')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {found.rows.map((r) => (
                    <Table.Tr key={r.id} data-testid="organisation-row">
                      <Table.Td>
                        <UnstyledButton onClick={() => show(r.id)} fw={600} c="mamori.8" td="underline">
                          {organisationName(i18n.language, r)}
                        </UnstyledButton>
                      </Table.Td>
                      <Table.Td>{tt(`organisations.types.${r.type}`)}</Table.Td>
                      <Table.Td>{r.prefecture ? tx(`organisations.prefectures.${r.prefecture}`) : r.country}</Table.Td>
                      <Table.Td>
                        <StandingBadges row={r} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )}
        </Stack>
      )}
      {editing && <OrganisationForm organisation={editing === 'edit' ? (open ?? undefined) : undefined} onSaved={afterSave} onClose={() => setEditing(null)} />}
      {recording && open && <HistoryDialog kind={recording} organisation={open} onSaved={afterSave} onClose={() => setRecording(null)} />}
    </Stack>
  );
}
