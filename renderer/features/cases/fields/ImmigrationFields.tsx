import { ActionIcon, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { SITUATIONS, STATUSES_OF_RESIDENCE, type Situation } from '../../../../electron/common/cases';
import { useLabels } from '../../../i18n/labels';
import { textBinder, type FieldSetProps } from '../../../ui/fieldSet';
import { hasMeasures, hasReporting, type ImmigrationDraft, type ReportingDateDraft } from './caseDrafts';
import { useVocabOptions } from './options';

/** The contract's limit: more reporting dates than this are refused. */
const MAX_REPORTING_DATES = 60;

interface ImmigrationFieldsProps extends FieldSetProps<ImmigrationDraft> {
  /**
   * Ask for conditions and reporting dates only when the chosen situation has them (intake). The case
   * page shows them always, so that nothing already recorded is hidden from the form that saves it.
   */
  onlyForSituation?: boolean;
}

/** Status of residence, period of stay, the situation with its conditions and reporting dates. */
export function ImmigrationFields({ onlyForSituation = false, ...props }: ImmigrationFieldsProps) {
  const { value: m, onChange: set, error } = props;
  const { t } = useLabels();
  const options = useVocabOptions();
  const text = textBinder(props);
  const conditionsLabel = useConditionsLabel();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect label={t('caseFields.immigration.statusOfResidence')} required data={options('statusOfResidence', STATUSES_OF_RESIDENCE, m.statusOfResidence)} {...text('statusOfResidence')} />
        <TextInput type="date" label={t('caseFields.immigration.periodOfStayExpiry')} {...text('periodOfStayExpiry')} />
        <NativeSelect label={t('caseFields.immigration.situation')} required data={options('situation', SITUATIONS, m.situation)} {...text('situation')} />
        <TextInput type="date" label={t('caseFields.immigration.situationSince')} {...text('situationSince')} />
      </SimpleGrid>
      {(!onlyForSituation || hasMeasures(m.situation)) && <Textarea label={conditionsLabel(m.situation)} rows={3} maxLength={2000} {...text('measureConditions')} />}
      {(!onlyForSituation || hasReporting(m.situation)) && <ReportingDates dates={m.reportingDates} onChange={(reportingDates) => set({ reportingDates })} error={error} />}
    </Stack>
  );
}

type MeasureSituation = Extract<Situation, 'detained' | 'provisional-release' | 'supervision-measures'>;

/** The conditions field is named for the situation they belong to, or for all three while none is chosen. */
export function useConditionsLabel() {
  const { t } = useLabels();
  return (situation: string) =>
    hasMeasures(situation) ? t(`caseFields.immigration.measureConditionsOf.${situation as MeasureSituation}`) : t('caseFields.immigration.measureConditions');
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
          // Rows have no identity of their own while edited; their position is their key.
          <Group key={index} align="flex-end" gap="sm" wrap="nowrap">
            <TextInput type="date" label={t('caseFields.immigration.reportingDate', { n })} value={entry.date} onChange={(e) => setDate(index, { date: e.currentTarget.value })} error={error(`reportingDates.${index}.date`)} />
            <TextInput style={{ flex: 1 }} label={t('caseFields.immigration.reportingNote', { n })} maxLength={200} value={entry.note} onChange={(e) => setDate(index, { note: e.currentTarget.value })} error={error(`reportingDates.${index}.note`)} />
            <ActionIcon variant="default" size="lg" mb={2} aria-label={t('caseFields.immigration.removeReportingDate', { n })} onClick={() => onChange(dates.filter((_, i) => i !== index))}>
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
