import { Button, Group, MultiSelect, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../electron/common/contract';
import type { Organisation } from '../../../electron/common/contract.organisations';
import { LICENSED_TYPES, ORGANISATION_TYPES, PREFECTURES, RELATED_TYPES, typesAvailableOn, type OrganisationType } from '../../../electron/common/organisations';
import { ApiError } from '../../api/mamori';
import { useLabels } from '../../i18n/labels';
import { FailureMessage } from '../../ui/ErrorMessage';
import { useFailure } from '../../ui/useFailure';
import { fieldErrors } from '../../ui/validation';
import { saveOrganisation, searchOrganisations } from './organisations.actions';
import { organisationName } from './StandingBadges';
import { useReturnFocus } from '../../ui/useReturnFocus';
import { BusyButton } from '../../ui/BusyButton';

interface Draft {
  type: OrganisationType;
  nameJa: string;
  nameLatin: string;
  corporateNumber: string;
  prefecture: string;
  country: string;
  licenceNumber: string;
  relatedIds: string[];
  notes: string;
}

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * Adds an organisation, or edits one: its names, numbers, place and its chain. Checked by the
 * contract before it is sent. A new entry may start from `prefill` (an adverse party added from a case).
 */
export function OrganisationForm({
  organisation,
  prefill,
  onSaved,
  onClose,
}: {
  organisation?: Organisation;
  prefill?: Partial<Pick<Draft, 'type' | 'nameJa' | 'nameLatin'>>;
  onSaved: (o: Organisation) => void;
  onClose: () => void;
}) {
  const { t, tx, i18n } = useLabels();
  const { t: tt } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => ({
    type: organisation?.type ?? prefill?.type ?? 'implementing',
    nameJa: organisation?.nameJa ?? prefill?.nameJa ?? '',
    nameLatin: organisation?.nameLatin ?? prefill?.nameLatin ?? '',
    corporateNumber: organisation?.corporateNumber ?? '',
    prefecture: organisation?.prefecture ?? '',
    country: organisation?.country ?? '',
    licenceNumber: organisation?.licenceNumber ?? '',
    relatedIds: organisation?.related.map((r) => r.id) ?? [],
    notes: organisation?.notes ?? '',
  }));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [candidates, setCandidates] = useState<{ value: string; label: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const failure = useFailure();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const error = (field: string) => (errors[field] ? tx(errors[field]) : undefined);
  const types = organisation ? [...new Set([organisation.type, ...typesAvailableOn(localToday())])] : typesAvailableOn(localToday());
  const allowed = RELATED_TYPES[draft.type];

  useEffect(() => {
    // The organisations this type may name up its chain (the registry is small: the first 100 of each type).
    let live = true;
    Promise.all(allowed.map((type) => searchOrganisations({ query: '', type, limit: 100 })))
      .then((found) => {
        if (!live) return;
        setCandidates(found.flatMap((f) => f.rows).filter((r) => r.id !== organisation?.id).map((r) => ({ value: r.id, label: `${organisationName(i18n.language, r)} — ${tt(`organisations.types.${r.type}`)}` })));
      })
      .catch(() => live && setCandidates([]));
    return () => {
      live = false;
    };
  }, [allowed, organisation?.id, i18n.language, tt]);

  const save = async () => {
    failure.clear();
    const input = {
      ...(organisation ? { id: organisation.id, version: organisation.version } : {}),
      organisation: { ...draft, relatedIds: draft.relatedIds.filter((id) => candidates.some((c) => c.value === id)), licenceNumber: LICENSED_TYPES.includes(draft.type) ? draft.licenceNumber : '' },
    };
    const parsed = contract['organisations:save'].input.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues.map((i) => ({ ...i, path: i.path.slice(1) }))));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onSaved(await saveOrganisation(input));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'INVALID_INPUT' && caught.issues?.length) {
        setErrors(fieldErrors(caught.issues.map((i) => ({ ...i, path: i.path.replace(/^organisation\./, '') }))));
      } else {
        failure.report(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  useReturnFocus();
  return (
    <Dialog opened onClose={onClose} size="xl" title={organisation ? t('organisations.form.editTitle', { name: organisationName(i18n.language, organisation) }) : t('organisations.form.newTitle')}>
      <Stack gap="md">
        <NativeSelect
          label={t('organisations.form.type')}
          value={draft.type}
          onChange={(e) => set('type', e.currentTarget.value as OrganisationType)}
          data={ORGANISATION_TYPES.filter((type) => types.includes(type)).map((type) => ({ value: type, label: tt(`organisations.types.${type}`) }))}
          error={error('type')}
        />
        <SimpleGrid cols={2}>
          <TextInput label={t('organisations.form.nameJa')} value={draft.nameJa} onChange={(e) => set('nameJa', e.currentTarget.value)} error={error('nameJa')} />
          <TextInput label={t('organisations.form.nameLatin')} value={draft.nameLatin} onChange={(e) => set('nameLatin', e.currentTarget.value)} error={error('nameLatin')} />
          <TextInput
            label={t('organisations.form.corporateNumber')}
            description={t('organisations.form.corporateNumberHint')}
            value={draft.corporateNumber}
            inputMode="numeric"
            onChange={(e) => set('corporateNumber', e.currentTarget.value)}
            error={error('corporateNumber')}
          />
          {LICENSED_TYPES.includes(draft.type) && (
            <TextInput label={t('organisations.form.licenceNumber')} value={draft.licenceNumber} onChange={(e) => set('licenceNumber', e.currentTarget.value)} error={error('licenceNumber')} />
          )}
          <NativeSelect
            label={t('organisations.form.prefecture')}
            value={draft.prefecture}
            onChange={(e) => set('prefecture', e.currentTarget.value)}
            data={[{ value: '', label: t('organisations.form.noPrefecture') }, ...PREFECTURES.map((code) => ({ value: code, label: tx(`organisations.prefectures.${code}`) }))]}
            error={error('prefecture')}
          />
          <TextInput label={t('organisations.form.country')} value={draft.country} maxLength={3} onChange={(e) => set('country', e.currentTarget.value.toUpperCase())} error={error('country')} />
        </SimpleGrid>
        {allowed.length > 0 && (
          <MultiSelect
            label={t('organisations.form.related')}
            description={t('organisations.form.relatedHint')}
            data={candidates}
            value={draft.relatedIds.filter((id) => candidates.some((c) => c.value === id))}
            onChange={(ids) => set('relatedIds', ids)}
            searchable
            clearable
            error={error('relatedIds')}
          />
        )}
        <Textarea label={t('organisations.form.notes')} value={draft.notes} autosize minRows={2} onChange={(e) => set('notes', e.currentTarget.value)} error={error('notes')} />
        <FailureMessage failure={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('organisations.form.cancel')}
          </Button>
          <BusyButton onClick={() => void save()} busy={busy}>
            {t('organisations.form.save')}
          </BusyButton>
        </Group>
      </Stack>
    </Dialog>
  );
}
