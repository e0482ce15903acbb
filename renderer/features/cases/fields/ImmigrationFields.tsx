import { ActionIcon, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { CUSTODY, IMMIGRATION_DATES, STATUS_VALIDITIES, type Custody, type StatusValidity } from '../../../../electron/common/immigration';
import { useLabels } from '../../../i18n/labels';
import { DateField } from '../../../ui/DateField';
import { dateBinder, textBinder, type FieldSetProps } from '../../../ui/fieldSet';
import { calledFor, draftStanding, hasMeasures, holdsValue, type DependentImmigrationField, type ImmigrationDraft, type ReportingDateDraft } from './caseDrafts';
import { offeredStatuses, useVocabOptions } from './options';
import { StandingSummary } from './StandingSummary';

/** The contract's limit: more reporting dates than this are refused. */
const MAX_REPORTING_DATES = 60;

interface ImmigrationFieldsProps extends FieldSetProps<ImmigrationDraft> {
  /**
   * Ask only for what the facts call for (intake). The case page also shows a dependent field that
   * holds a value, so that nothing already recorded is hidden from the form that saves it.
   */
  onlyCalledFor?: boolean;
  /** The user's local today, for the standing the facts give (YYYY-MM-DD). */
  today: string;
}

/**
 * The immigration facts that can be true together (DOMAIN.md §2–§3): the status of residence and
 * what became of it, unauthorised work, absconding from technical intern training, deportation
 * procedures and custody with its conditions and reporting dates. The standing is derived, live.
 */
export function ImmigrationFields({ onlyCalledFor = false, today, ...props }: ImmigrationFieldsProps) {
  const { value: m, onChange: set, error } = props;
  const { t } = useLabels();
  const options = useVocabOptions();
  const text = textBinder(props);
  const date = dateBinder(props);
  const labels = useImmigrationLabels();
  const needed = calledFor(m);
  const standing = draftStanding(m);
  const shown = (field: DependentImmigrationField) => needed[field] || (!onlyCalledFor && holdsValue(m, field));
  const check = (field: 'unauthorisedWork' | 'abscondedFromTraining' | 'deportationProcedure') => ({
    checked: m[field],
    onChange: (e: { currentTarget: { checked: boolean } }) => set({ [field]: e.currentTarget.checked }),
    error: error(field),
  });
  // "No status" is one fact seen from both fields: choosing it (or leaving it) in one keeps the other consistent.
  const chooseStatus = (status: string) =>
    set({ statusOfResidence: status, ...(status === 'none' ? { statusValidity: 'none' as const } : m.statusValidity === 'none' ? { statusValidity: 'valid' as const } : {}) });
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('caseFields.immigration.statusOfResidence')}
          required
          data={options('statusOfResidence', offeredStatuses(m.statusOfResidence), m.statusOfResidence)}
          value={m.statusOfResidence}
          onChange={(e) => chooseStatus(e.currentTarget.value)}
          error={error('statusOfResidence')}
        />
        <DateField label={t('caseFields.immigration.periodOfStayExpiry')} kind={IMMIGRATION_DATES.periodOfStayExpiry} {...date('periodOfStayExpiry')} />
        <NativeSelect label={t('caseFields.immigration.statusValidity')} data={options('statusValidity', STATUS_VALIDITIES)} {...text('statusValidity')} />
        {shown('statusValiditySince') && <DateField label={labels.validitySince(m.statusValidity)} kind={IMMIGRATION_DATES.statusValiditySince} {...date('statusValiditySince')} />}
      </SimpleGrid>
      <Checkbox label={t('caseFields.immigration.unauthorisedWork')} description={t('caseFields.immigration.unauthorisedWorkHint')} {...check('unauthorisedWork')} />
      {shown('abscondedFromTraining') && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Checkbox label={t('caseFields.immigration.abscondedFromTraining')} description={t('caseFields.immigration.abscondedHint')} {...check('abscondedFromTraining')} />
          {shown('abscondedSince') && <DateField label={t('caseFields.immigration.abscondedSince')} kind={IMMIGRATION_DATES.abscondedSince} {...date('abscondedSince')} />}
        </SimpleGrid>
      )}
      <Checkbox label={t('caseFields.immigration.deportationProcedure')} {...check('deportationProcedure')} />
      {shown('custody') && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('caseFields.immigration.custody')} data={options('custody', CUSTODY)} {...text('custody')} />
          {shown('custodySince') && <DateField label={labels.custodySince(m.custody)} kind={IMMIGRATION_DATES.custodySince} {...date('custodySince')} />}
        </SimpleGrid>
      )}
      {shown('measureConditions') && <Textarea label={labels.conditions(m.custody)} rows={3} maxLength={2000} {...text('measureConditions')} />}
      {shown('reportingDates') && <ReportingDates dates={m.reportingDates} onChange={(reportingDates) => set({ reportingDates })} error={error} />}
      {standing && <StandingSummary live facts={standing} absconded={needed.abscondedSince} today={today} />}
    </Stack>
  );
}

type Measure = Exclude<Custody, 'none'>;
type Lapse = Exclude<StatusValidity, 'valid'>;

/** Date and conditions fields are named for the fact they belong to. */
export function useImmigrationLabels() {
  const { t } = useLabels();
  return {
    /** A fact with the day it started, "Detained (since Mar 2, 2026)"; the fact alone without a day. */
    since: (value: string, day: string | null) => (day ? t('caseFields.immigration.valueSince', { value, date: day }) : value),
    validitySince: (validity: string) => (validity === 'valid' ? t('caseFields.immigration.since') : t(`caseFields.immigration.validitySince.${validity as Lapse}`)),
    custodySince: (custody: string) => (custody === 'none' ? t('caseFields.immigration.since') : t(`caseFields.immigration.custodySince.${custody as Measure}`)),
    conditions: (custody: string) => (hasMeasures(custody) ? t(`caseFields.immigration.measureConditionsOf.${custody as Measure}`) : t('caseFields.immigration.measureConditions')),
  };
}

function ReportingDates({ dates, onChange, error }: { dates: ReportingDateDraft[]; onChange: (dates: ReportingDateDraft[]) => void; error: (path: string) => string | undefined }) {
  const { t } = useLabels();
  const setDate = (index: number, patch: Partial<ReportingDateDraft>) => onChange(dates.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)));
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600} size="sm">
        {t('caseFields.immigration.reportingDates')}
      </Text>
      {dates.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('caseFields.immigration.noReportingDates')}
        </Text>
      )}
      {dates.map((entry, index) => {
        const n = index + 1;
        return (
          // Rows have no identity of their own while edited; their position is their key. The date
          // has its day spelled out beneath it, so the row lines up at the labels, not the bottom.
          <Group key={index} align="flex-start" gap="sm" wrap="nowrap">
            <DateField
              label={t('caseFields.immigration.reportingDate', { n })}
              kind={IMMIGRATION_DATES['reportingDates.*.date']}
              value={entry.date}
              onChange={(date) => setDate(index, { date })}
              error={error(`reportingDates.${index}.date`)}
            />
            <TextInput style={{ flex: 1 }} label={t('caseFields.immigration.reportingNote', { n })} maxLength={200} value={entry.note} onChange={(e) => setDate(index, { note: e.currentTarget.value })} error={error(`reportingDates.${index}.note`)} />
            <ActionIcon variant="default" size="lg" mt="calc(var(--mantine-font-size-sm) * var(--mantine-line-height) + 1px)" aria-label={t('caseFields.immigration.removeReportingDate', { n })} onClick={() => onChange(dates.filter((_, i) => i !== index))}>
              ×
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button variant="default" size="xs" disabled={dates.length >= MAX_REPORTING_DATES} onClick={() => onChange([...dates, { date: '', note: '' }])}>
          {t('caseFields.immigration.addReportingDate')}
        </Button>
      </Group>
    </Stack>
  );
}
