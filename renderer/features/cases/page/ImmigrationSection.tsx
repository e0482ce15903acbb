import { ActionIcon, Alert, Button, Group, List, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { ImmigrationSchema, SITUATIONS, STATUSES_OF_RESIDENCE, type Immigration } from '../../../../electron/common/cases';
import type { CaseDetail } from '../../../../electron/common/caseDetail';
import { EXPIRY_WARNING_DAYS } from '../../../../electron/common/dates';
import { dateIn, dateOut, parseWith } from './caseForms';
import { updateCase } from './casePage.actions';
import { daysUntil } from './dates';
import { EditableSection, type FormProps } from './EditableSection';
import { Fields } from './Fields';
import { useLabels } from './labels';

/** A period of stay this close to its end needs an application now (renewal or change of status). */
export function ExpiryWarning({ expiry }: { expiry: string | null }) {
  const { t, date } = useLabels();
  if (!expiry) return null;
  const days = daysUntil(expiry);
  if (days > EXPIRY_WARNING_DAYS) return null;
  return (
    <Alert color={days < 0 ? 'red' : 'yellow'} variant="light" role="status">
      {days < 0 ? t('casePage.immigration.expired', { date: date(expiry) }) : t('casePage.immigration.expiresSoon', { count: days, date: date(expiry) })}
    </Alert>
  );
}

export function ImmigrationSection({ detail }: { detail: CaseDetail }) {
  const { t, vocab, date } = useLabels();
  const im = detail.immigration;
  return (
    <EditableSection<Immigration, Immigration>
      title={t('casePage.immigration.title')}
      toDraft={() => structuredClone(im)}
      parse={(draft) => parseWith(ImmigrationSchema, draft)}
      send={(immigration) => updateCase({ immigration })}
      issuePrefix="immigration"
      form={(props) => <ImmigrationForm {...props} />}
      view={
        <Stack gap="md">
          <ExpiryWarning expiry={im.periodOfStayExpiry} />
          <Fields
            items={[
              [t('casePage.immigration.statusOfResidence'), vocab('statusOfResidence', im.statusOfResidence)],
              [t('casePage.immigration.periodOfStayExpiry'), date(im.periodOfStayExpiry)],
              [t('casePage.immigration.situation'), vocab('situation', im.situation)],
              [t('casePage.immigration.situationSince'), date(im.situationSince)],
              [t('casePage.immigration.measureConditions'), im.measureConditions],
            ]}
          />
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600}>
              {t('casePage.immigration.reportingDates')}
            </Text>
            {im.reportingDates.length === 0 ? (
              <Text>—</Text>
            ) : (
              <List>
                {im.reportingDates.map((r) => (
                  <List.Item key={`${r.date}-${r.note}`}>{r.note ? `${date(r.date)} — ${r.note}` : date(r.date)}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        </Stack>
      }
    />
  );
}

function ImmigrationForm({ draft, setDraft, errors }: FormProps<Immigration>) {
  const { t, vocab, fieldError } = useLabels();
  const set = <K extends keyof Immigration>(key: K, value: Immigration[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setReporting = (index: number, patch: Partial<Immigration['reportingDates'][number]>) =>
    set('reportingDates', draft.reportingDates.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect label={t('casePage.immigration.statusOfResidence')} value={draft.statusOfResidence} onChange={(e) => set('statusOfResidence', e.currentTarget.value as Immigration['statusOfResidence'])} data={STATUSES_OF_RESIDENCE.map((s) => ({ value: s, label: vocab('statusOfResidence', s) }))} />
        <TextInput type="date" label={t('casePage.immigration.periodOfStayExpiry')} value={dateIn(draft.periodOfStayExpiry)} onChange={(e) => set('periodOfStayExpiry', dateOut(e.currentTarget.value))} error={fieldError(errors, 'periodOfStayExpiry')} />
        <NativeSelect label={t('casePage.immigration.situation')} value={draft.situation} onChange={(e) => set('situation', e.currentTarget.value as Immigration['situation'])} data={SITUATIONS.map((s) => ({ value: s, label: vocab('situation', s) }))} />
        <TextInput type="date" label={t('casePage.immigration.situationSince')} value={dateIn(draft.situationSince)} onChange={(e) => set('situationSince', dateOut(e.currentTarget.value))} error={fieldError(errors, 'situationSince')} />
      </SimpleGrid>
      <Textarea label={t('casePage.immigration.measureConditions')} rows={2} value={draft.measureConditions} onChange={(e) => set('measureConditions', e.currentTarget.value)} error={fieldError(errors, 'measureConditions')} />
      <Stack gap="xs" role="group" aria-label={t('casePage.immigration.reportingDates')}>
        <Text size="sm" fw={500}>
          {t('casePage.immigration.reportingDates')}
        </Text>
        {draft.reportingDates.map((r, index) => (
          // Rows have no identity of their own while edited; their position is their key.
          <Group key={index} align="flex-end" wrap="nowrap">
            <TextInput type="date" label={t('casePage.immigration.reportingDate', { n: index + 1 })} value={r.date} onChange={(e) => setReporting(index, { date: e.currentTarget.value })} error={fieldError(errors, `reportingDates.${index}.date`)} />
            <TextInput style={{ flex: 1 }} label={t('casePage.immigration.reportingNote', { n: index + 1 })} value={r.note} onChange={(e) => setReporting(index, { note: e.currentTarget.value })} error={fieldError(errors, `reportingDates.${index}.note`)} />
            <ActionIcon variant="default" size="lg" mb={2} aria-label={t('casePage.immigration.removeReporting', { n: index + 1 })} onClick={() => set('reportingDates', draft.reportingDates.filter((_, i) => i !== index))}>
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="default" size="xs" onClick={() => set('reportingDates', [...draft.reportingDates, { date: '', note: '' }])}>
            {t('casePage.immigration.addReporting')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
