import { Group, NativeSelect, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { RETENTION_OUTCOMES, RetentionPeriodsSchema, periodParts, type RetentionOutcome, type RetentionPeriods } from '../../../electron/common/retention';
import { useLabels } from '../../i18n/labels';
import { FailureMessage } from '../../ui/ErrorMessage';
import { apiPathErrors, namespacedIssueKey, parseWith, type PathErrors } from '../../ui/forms';
import { Section } from '../../ui/Section';
import { useFailure } from '../../ui/useFailure';
import { savePeriods } from './retention.actions';
import { formatPeriod } from './retentionFormat';
import { BusyButton } from '../../ui/BusyButton';

const retentionIssue = namespacedIssueKey('retention');

type Draft = Record<RetentionOutcome, { value: number | string; unit: 'years' | 'months' }>;

const toDraft = (periods: RetentionPeriods): Draft =>
  Object.fromEntries(RETENTION_OUTCOMES.map((o) => [o, periodParts(periods[o])])) as Draft;

/** Whole months from what was typed; anything not a whole number is left for the contract's schema to refuse. */
const toMonths = (draft: Draft) =>
  Object.fromEntries(RETENTION_OUTCOMES.map((o) => [o, typeof draft[o].value === 'number' ? draft[o].value * (draft[o].unit === 'years' ? 12 : 1) : NaN]));

/** The period of each closing outcome: administrators edit them (in years or months), supervisors read them. */
export function RetentionPeriodsCard({ periods, editable }: { periods: RetentionPeriods; editable: boolean }) {
  const { t } = useLabels();
  return (
    <Section title={t('retention.periods.title')}>
      <Text size="sm" c="dimmed">
        {t('retention.periods.intro')}
      </Text>
      {editable ? <PeriodsForm periods={periods} /> : <PeriodsTable periods={periods} />}
    </Section>
  );
}

function PeriodsTable({ periods }: { periods: RetentionPeriods }) {
  const { t, vocab, i18n } = useLabels();
  return (
    <>
      <Table maw={720} aria-label={t('retention.periods.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('retention.periods.outcome')}</Table.Th>
            <Table.Th>{t('retention.periods.period')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {RETENTION_OUTCOMES.map((o) => (
            <Table.Tr key={o}>
              <Table.Td>{vocab('closingOutcome', o)}</Table.Td>
              <Table.Td>{formatPeriod(i18n.language, periods[o])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        {t('retention.periods.adminOnly')}
      </Text>
    </>
  );
}

function PeriodsForm({ periods }: { periods: RetentionPeriods }) {
  const { t, tx, vocab } = useLabels();
  const [draft, setDraft] = useState<Draft>(() => toDraft(periods));
  const [errors, setErrors] = useState<PathErrors>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const failure = useFailure();

  const change = (o: RetentionOutcome, patch: Partial<Draft[RetentionOutcome]>) => {
    setDraft((d) => ({ ...d, [o]: { ...d[o], ...patch } }));
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    failure.clear();
    setSaved(false);
    const parsed = parseWith(RetentionPeriodsSchema, toMonths(draft), retentionIssue);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await savePeriods(parsed.data);
      setDraft(toDraft(parsed.data));
      setSaved(true);
    } catch (error) {
      const fields = apiPathErrors(error, 'periods', retentionIssue);
      if (fields) setErrors(fields);
      else failure.report(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {RETENTION_OUTCOMES.map((o) => {
          const outcome = vocab('closingOutcome', o);
          return (
            <Group key={o} align="flex-start" wrap="nowrap" gap="sm">
              <Stack gap={2} w={380} pt={6}>
                <Text size="sm" fw={600}>
                  {outcome}
                </Text>
                {o === 'unspecified' && (
                  <Text size="xs" c="dimmed">
                    {t('retention.periods.unspecifiedHint')}
                  </Text>
                )}
              </Stack>
              <NumberInput
                aria-label={t('retention.periods.value', { outcome })}
                value={draft[o].value}
                onChange={(value) => change(o, { value })}
                min={1}
                allowDecimal={false}
                allowNegative={false}
                w={120}
                error={errors[o] ? tx(errors[o]) : undefined}
              />
              <NativeSelect
                aria-label={t('retention.periods.unit', { outcome })}
                value={draft[o].unit}
                onChange={(event) => change(o, { unit: event.currentTarget.value as 'years' | 'months' })}
                data={[
                  { value: 'years', label: t('retention.periods.years') },
                  { value: 'months', label: t('retention.periods.months') },
                ]}
                w={120}
              />
            </Group>
          );
        })}
        <Group>
          <BusyButton type="submit" busy={busy}>
            {t('retention.periods.save')}
          </BusyButton>
          <Text role="status" size="sm" c="teal.9">
            {saved ? t('retention.periods.saved') : ''}
          </Text>
        </Group>
        <FailureMessage failure={failure} />
      </Stack>
    </form>
  );
}
