import { Button, Group, NativeSelect, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../electron/common/contract';
import { dateIssues } from '../../../electron/common/dates';
import type { Organisation } from '../../../electron/common/contract.organisations';
import { LICENSED_TYPES, STATUS_ENTRY_DATES, STATUS_KINDS, VIOLATION_ARTICLES, VIOLATION_DATES } from '../../../electron/common/organisations';
import { ApiError } from '../../api/mamori';
import { localToday } from '../../i18n/dates';
import { useLabels } from '../../i18n/labels';
import { DateField } from '../../ui/DateField';
import { FailureMessage } from '../../ui/ErrorMessage';
import { useFailure } from '../../ui/useFailure';
import { fieldErrors } from '../../ui/validation';
import { recordMissingReport, recordStatus, recordViolation } from './organisations.actions';
import { organisationName } from './StandingBadges';
import { useReturnFocus } from '../../ui/useReturnFocus';
import { BusyButton } from '../../ui/BusyButton';

export type HistoryKind = 'status' | 'violation' | 'missing';

const CHANNEL = { status: 'organisations:recordStatus', violation: 'organisations:recordViolation', missing: 'organisations:recordMissingReport' } as const;
const FIELD = { status: 'entry', violation: 'violation', missing: 'report' } as const;
const DATE_RULES = { status: STATUS_ENTRY_DATES, violation: VIOLATION_DATES, missing: {} } as const;
const TITLE = { status: 'organisations.statusForm', violation: 'organisations.violationForm', missing: 'organisations.missingForm' } as const;

/** Appends to an organisation's history: a status (a ban from–to…), a violation, or a half-year's missing-intern count. */
export function HistoryDialog({ kind, organisation, onSaved, onClose }: { kind: HistoryKind; organisation: Organisation; onSaved: (o: Organisation) => void; onClose: () => void }) {
  const { t, tx, i18n } = useLabels();
  const { t: tt } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({ kind: 'banned', from: '', to: '', decisionReference: '', on: '', article: '48', source: '', note: '', half: '', count: '' });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const failure = useFailure();
  const set = (key: string) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const error = (field: string) => (errors[field] ? tx(errors[field]) : undefined);
  const title = tx(`${TITLE[kind]}.title`, { name: organisationName(i18n.language, organisation) });

  const body =
    kind === 'status'
      ? { kind: values.kind, from: values.from, to: values.kind === 'banned' && values.to ? values.to : null, decisionReference: values.decisionReference }
      : kind === 'violation'
        ? { on: values.on, article: values.article, source: values.source, note: values.note }
        : { half: values.half.trim().toUpperCase().replace(/^(\d{4})-?H?([12])$/, '$1-H$2'), count: values.count === '' ? NaN : Number(values.count), source: values.source };

  const save = async () => {
    failure.clear();
    const input = { id: organisation.id, version: organisation.version, [FIELD[kind]]: body };
    const parsed = contract[CHANNEL[kind]].input.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues.map((i) => ({ ...i, path: i.path.slice(1) }))));
      return;
    }
    // The date bounds core applies with its clock (a violation is not dated ahead), on the user's today.
    const dated = dateIssues(body, DATE_RULES[kind], localToday());
    if (dated.length) {
      setErrors(fieldErrors(dated));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const done = kind === 'status' ? await recordStatus(parsed.data as never) : kind === 'violation' ? await recordViolation(parsed.data as never) : await recordMissingReport(parsed.data as never);
      onSaved(done);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'INVALID_INPUT' && caught.issues?.length) {
        setErrors(fieldErrors(caught.issues.map((i) => ({ ...i, path: i.path.split('.').slice(1).join('.') }))));
      } else {
        failure.report(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  const kinds = STATUS_KINDS.filter((k) => k !== 'licence-revoked' || LICENSED_TYPES.includes(organisation.type));
  useReturnFocus();
  return (
    <Dialog opened onClose={onClose} size="lg" title={title}>
      <Stack gap="md">
        {kind === 'status' && (
          <>
            <NativeSelect label={t('organisations.statusForm.kind')} value={values.kind} onChange={(e) => set('kind')(e.currentTarget.value)} data={kinds.map((k) => ({ value: k, label: tt(`organisations.statusKinds.${k}`) }))} error={error('kind')} />
            <Group grow>
              <DateField label={t('organisations.statusForm.from')} kind={STATUS_ENTRY_DATES.from} value={values.from} onChange={set('from')} error={error('from')} />
              {values.kind === 'banned' && <DateField label={t('organisations.statusForm.to')} kind={STATUS_ENTRY_DATES.to} value={values.to} onChange={set('to')} error={error('to')} />}
            </Group>
            <TextInput label={t('organisations.statusForm.decisionReference')} value={values.decisionReference} onChange={(e) => set('decisionReference')(e.currentTarget.value)} error={error('decisionReference')} />
          </>
        )}
        {kind === 'violation' && (
          <>
            <DateField label={t('organisations.violationForm.on')} kind={VIOLATION_DATES.on} value={values.on} onChange={set('on')} error={error('on')} />
            <NativeSelect label={t('organisations.violationForm.article')} value={values.article} onChange={(e) => set('article')(e.currentTarget.value)} data={VIOLATION_ARTICLES.map((a) => ({ value: a, label: tt(`organisations.articles.${a}`) }))} />
            <TextInput label={t('organisations.violationForm.source')} value={values.source} onChange={(e) => set('source')(e.currentTarget.value)} error={error('source')} />
            <Textarea label={t('organisations.violationForm.note')} value={values.note} autosize minRows={2} onChange={(e) => set('note')(e.currentTarget.value)} error={error('note')} />
          </>
        )}
        {kind === 'missing' && (
          <>
            <TextInput label={t('organisations.missingForm.half')} value={values.half} onChange={(e) => set('half')(e.currentTarget.value)} error={error('half')} />
            <NumberInput label={t('organisations.missingForm.count')} value={values.count} min={0} allowDecimal={false} onChange={(v) => set('count')(String(v))} error={error('count')} />
            <TextInput label={t('organisations.missingForm.source')} value={values.source} onChange={(e) => set('source')(e.currentTarget.value)} error={error('source')} />
          </>
        )}
        <FailureMessage failure={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('organisations.form.cancel')}
          </Button>
          <BusyButton onClick={() => void save()} busy={busy}>
            {tx(`${TITLE[kind]}.save`)}
          </BusyButton>
        </Group>
      </Stack>
    </Dialog>
  );
}
