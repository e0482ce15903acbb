import { Alert, List, Stack, Text } from '@mantine/core';
import type { CaseDetail } from '../../../../electron/common/caseDetail';
import { EXPIRY_WARNING_DAYS } from '../../../../electron/common/dates';
import { IMMIGRATION_DATES, ImmigrationSchema, isTechnicalIntern, UNTYPED_INTERN_STATUSES, type Immigration } from '../../../../electron/common/immigration';
import { daysUntil, localToday } from '../../../i18n/dates';
import { useLabels } from '../../../i18n/labels';
import { Fields } from '../../../ui/Fields';
import { parseWith, withDateRules } from '../../../ui/forms';
import { hasMeasures, hasReporting, immigrationDraft, immigrationInput, type ImmigrationDraft } from '../fields/caseDrafts';
import { ImmigrationFields, useImmigrationLabels } from '../fields/ImmigrationFields';
import { StandingSummary } from '../fields/StandingSummary';
import { updateCase } from './casePage.actions';
import { EditableSection } from './EditableSection';

/**
 * A period of stay this close to its end needs an application now (renewal or change of status).
 * Only while the status is valid: once it has expired or been revoked the date is history.
 */
export function ExpiryWarning({ immigration }: { immigration: Pick<Immigration, 'periodOfStayExpiry' | 'statusValidity'> }) {
  const { t, date } = useLabels();
  const expiry = immigration.periodOfStayExpiry;
  if (!expiry || immigration.statusValidity !== 'valid') return null;
  const days = daysUntil(expiry);
  if (days > EXPIRY_WARNING_DAYS) return null;
  return (
    <Alert color={days < 0 ? 'red' : 'yellow'} variant="light" role="status">
      {days < 0 ? t('casePage.immigration.expired', { date: date(expiry) }) : t('casePage.immigration.expiresSoon', { count: days, date: date(expiry) })}
    </Alert>
  );
}

/** DOMAIN.md §3: a Technical Intern Training status recorded before its type (イ or ロ) was asked. */
export function UntypedInternNotice({ status }: { status: string }) {
  const { t } = useLabels();
  if (!UNTYPED_INTERN_STATUSES.includes(status as Immigration['statusOfResidence'])) return null;
  return (
    <Alert color="yellow" variant="light" role="status" data-testid="untyped-intern">
      {t('caseFields.immigration.untypedIntern')}
    </Alert>
  );
}

export function ImmigrationSection({ detail }: { detail: CaseDetail }) {
  const { t, vocab, date } = useLabels();
  const labels = useImmigrationLabels();
  const im = detail.immigration;
  // The local calendar day: the standing turns at the user's midnight.
  const today = localToday();
  const yesNo = (value: boolean) => (value ? t('caseFields.yes') : t('caseFields.no'));
  const items: [string, string][] = [
    [t('caseFields.immigration.statusOfResidence'), vocab('statusOfResidence', im.statusOfResidence)],
    [t('caseFields.immigration.periodOfStayExpiry'), date(im.periodOfStayExpiry)],
    [t('caseFields.immigration.statusValidity'), vocab('statusValidity', im.statusValidity)],
    ...(im.statusValidity !== 'valid' || im.statusValiditySince ? [[labels.validitySince(im.statusValidity), date(im.statusValiditySince)] as [string, string]] : []),
    [t('caseFields.immigration.unauthorisedWork'), yesNo(im.unauthorisedWork)],
    ...(isTechnicalIntern(im.statusOfResidence) || im.abscondedFromTraining
      ? [[t('caseFields.immigration.abscondedFromTraining'), im.abscondedFromTraining ? labels.since(t('caseFields.yes'), im.abscondedSince && date(im.abscondedSince)) : t('caseFields.no')] as [string, string]]
      : []),
    [t('caseFields.immigration.deportationProcedure'), yesNo(im.deportationProcedure)],
    [t('caseFields.immigration.custody'), labels.since(vocab('custody', im.custody), im.custodySince && date(im.custodySince))],
    ...(hasMeasures(im.custody) || im.measureConditions ? [[labels.conditions(im.custody), im.measureConditions] as [string, string]] : []),
  ];
  return (
    <EditableSection<ImmigrationDraft, Immigration>
      title={t('casePage.immigration.title')}
      toDraft={() => immigrationDraft(im)}
      parse={(draft) => withDateRules(parseWith(ImmigrationSchema, immigrationInput(draft)), IMMIGRATION_DATES)}
      send={(immigration) => updateCase({ immigration })}
      issuePrefix="immigration"
      form={(props) => <ImmigrationFields {...props} today={today} />}
      view={
        <Stack gap="md">
          <StandingSummary facts={im} absconded={im.abscondedFromTraining} today={today} />
          <UntypedInternNotice status={im.statusOfResidence} />
          <ExpiryWarning immigration={im} />
          <Fields items={items} />
          {(hasReporting(im.custody) || im.reportingDates.length > 0) && (
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
          )}
        </Stack>
      }
    />
  );
}
