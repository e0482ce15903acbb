import { Button, Paper, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { IOM_CONSENTS, IomConsentInputSchema, type IomConsent, type ProtectionDetail } from '../../../../../electron/common/protection';
import { CaseSection } from '../CaseSection';
import { Fields } from '../Fields';
import { useLabels } from '../labels';
import { SaveBar } from '../SaveBar';
import { History } from './History';
import { recordIomConsent } from './protection.actions';
import { parseProtection, today, useRecordForm } from './protectionForms';
import { Recorded } from './Recorded';

type ConsentRecord = ProtectionDetail['iomConsents'][number];

/** Consent to a referral to IOM for assisted return: a history of its own, apart from the wish. */
export function IomConsentSection({ protection }: { protection: ProtectionDetail }) {
  const { t } = useLabels();
  const [recording, setRecording] = useState(false);
  const [current, ...earlier] = protection.iomConsents;
  return (
    <CaseSection
      title={t('protection.iom.title')}
      actions={
        !recording && (
          <Button size="xs" variant="default" onClick={() => setRecording(true)}>
            {t('protection.iom.record')}
          </Button>
        )
      }
    >
      <Stack gap="md" data-testid="protection-iom">
        <Text size="sm" c="dimmed">
          {t('protection.iom.explanation')}
        </Text>
        {current ? <ConsentEntry entry={current} /> : <Text c="dimmed">{t('protection.iom.notRecorded')}</Text>}
        {recording && <ConsentForm onDone={() => setRecording(false)} />}
        <History
          toggleLabel={t('protection.iom.history', { n: earlier.length })}
          listLabel={t('protection.iom.historyLabel')}
          items={earlier.map((entry) => ({ key: entry.id, content: <ConsentEntry entry={entry} /> }))}
        />
      </Stack>
    </CaseSection>
  );
}

function ConsentEntry({ entry }: { entry: ConsentRecord }) {
  const { t, vocab, date } = useLabels();
  return (
    <Stack gap="xs">
      <Fields
        items={[
          [t('protection.iom.consent'), vocab('iomConsent', entry.consent)],
          [t('protection.iom.on'), date(entry.on)],
          [t('protection.iom.notes'), entry.notes],
        ]}
      />
      <Recorded name={entry.recordedBy} at={entry.recordedAt} />
    </Stack>
  );
}

interface Draft {
  consent: IomConsent | '';
  on: string;
  notes: string;
}

function ConsentForm({ onDone }: { onDone: () => void }) {
  const { t, vocab, fieldError } = useLabels();
  const [draft, setDraft] = useState<Draft>(() => ({ consent: '', on: today(), notes: '' }));
  const { errors, failure, busy, save } = useRecordForm({
    parse: (d: Draft) => parseProtection(IomConsentInputSchema, d),
    send: recordIomConsent,
    issuePrefix: 'consent',
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const legend = t('protection.iom.formTitle');

  return (
    <Paper withBorder p="md" component="form" aria-label={legend} onSubmit={(e) => e.preventDefault()}>
      <Stack gap="sm">
        <Text fw={700}>{legend}</Text>
        <Radio.Group label={t('protection.iom.consent')} required value={draft.consent} onChange={(value) => set('consent', value as IomConsent)} error={fieldError(errors, 'consent')}>
          <Stack gap="xs" mt="xs">
            {IOM_CONSENTS.map((c) => (
              <Radio key={c} value={c} label={vocab('iomConsent', c)} />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput type="date" label={t('protection.iom.on')} required value={draft.on} onChange={(e) => set('on', e.currentTarget.value)} error={fieldError(errors, 'on')} />
        <Textarea label={t('protection.iom.notes')} rows={2} value={draft.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={fieldError(errors, 'notes')} />
        <SaveBar busy={busy} failure={failure} saveLabel={t('protection.iom.save')} onCancel={onDone} onSave={() => void save(draft).then((saved) => saved && onDone())} />
      </Stack>
    </Paper>
  );
}
