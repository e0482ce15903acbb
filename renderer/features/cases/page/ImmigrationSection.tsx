import { Alert, List, Stack, Text } from '@mantine/core';
import type { CaseDetail } from '../../../../electron/common/caseDetail';
import { ImmigrationSchema, type Immigration } from '../../../../electron/common/cases';
import { EXPIRY_WARNING_DAYS } from '../../../../electron/common/dates';
import { daysUntil } from '../../../i18n/dates';
import { useLabels } from '../../../i18n/labels';
import { Fields } from '../../../ui/Fields';
import { parseWith } from '../../../ui/forms';
import { immigrationDraft, immigrationInput, type ImmigrationDraft } from '../fields/caseDrafts';
import { ImmigrationFields, useConditionsLabel } from '../fields/ImmigrationFields';
import { updateCase } from './casePage.actions';
import { EditableSection } from './EditableSection';

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
  const conditionsLabel = useConditionsLabel();
  const im = detail.immigration;
  return (
    <EditableSection<ImmigrationDraft, Immigration>
      title={t('casePage.immigration.title')}
      toDraft={() => immigrationDraft(im)}
      parse={(draft) => parseWith(ImmigrationSchema, immigrationInput(draft))}
      send={(immigration) => updateCase({ immigration })}
      issuePrefix="immigration"
      form={(props) => <ImmigrationFields {...props} />}
      view={
        <Stack gap="md">
          <ExpiryWarning expiry={im.periodOfStayExpiry} />
          <Fields
            items={[
              [t('caseFields.immigration.statusOfResidence'), vocab('statusOfResidence', im.statusOfResidence)],
              [t('caseFields.immigration.periodOfStayExpiry'), date(im.periodOfStayExpiry)],
              [t('caseFields.immigration.situation'), vocab('situation', im.situation)],
              [t('caseFields.immigration.situationSince'), date(im.situationSince)],
              [conditionsLabel(im.situation), im.measureConditions],
            ]}
          />
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600}>
              {t('caseFields.immigration.reportingDates')}
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
