import { Radio, Stack, Textarea } from '@mantine/core';
import { IOM_CONSENT_DATES, IOM_CONSENTS, IomConsentInputSchema, type IomConsent, type ProtectionDetail } from '../../../electron/common/protection';
import { localToday } from '../../i18n/dates';
import { useLabels } from '../../i18n/labels';
import { DateField } from '../../ui/DateField';
import { Fields } from '../../ui/Fields';
import { withDateRules } from '../../ui/forms';
import { CaseForm } from '../cases/page/CaseForm';
import { DatedHistory } from './DatedHistory';
import { recordIomConsent } from './protection.actions';
import { parseProtection, protectionIssueKey, useProtectionForm } from './protectionForms';

/** Consent to a referral to IOM for assisted return: a history of its own, apart from the wish. */
export function IomConsentSection({ protection }: { protection: ProtectionDetail }) {
  const { t, vocab, date } = useLabels();
  return (
    <DatedHistory
      as="section"
      title={t('protection.iom.title')}
      entries={protection.iomConsents}
      renderEntry={(entry) => (
        <Fields
          items={[
            [t('protection.iom.consent'), vocab('iomConsent', entry.consent)],
            [t('protection.iom.on'), date(entry.on)],
            [t('protection.iom.notes'), entry.notes],
          ]}
        />
      )}
      form={(onDone) => <ConsentForm onDone={onDone} />}
      text={{ intro: t('protection.iom.explanation'), record: t('protection.iom.record'), none: t('protection.iom.notRecorded'), historyLabel: t('protection.iom.historyLabel') }}
      testId="protection-iom"
    />
  );
}

interface Draft {
  consent: IomConsent | '';
  on: string;
  notes: string;
}

function ConsentForm({ onDone }: { onDone: () => void }) {
  const { t, vocab } = useLabels();
  const form = useProtectionForm((): Draft => ({ consent: '', on: localToday(), notes: '' }), {
    parse: (d: Draft) => withDateRules(parseProtection(IomConsentInputSchema, d), IOM_CONSENT_DATES, protectionIssueKey),
    send: recordIomConsent,
    issuePrefix: 'consent',
  });
  return (
    <CaseForm title={t('protection.iom.formTitle')} form={form} saveLabel={t('protection.iom.save')} onDone={onDone}>
      <Radio.Group label={t('protection.iom.consent')} required {...form.choice('consent')}>
        <Stack gap="xs" mt="xs">
          {IOM_CONSENTS.map((c) => (
            <Radio key={c} value={c} label={vocab('iomConsent', c)} />
          ))}
        </Stack>
      </Radio.Group>
      <DateField label={t('protection.iom.on')} required kind={IOM_CONSENT_DATES.on} {...form.date('on')} />
      <Textarea label={t('protection.iom.notes')} rows={2} {...form.text('notes')} />
    </CaseForm>
  );
}
