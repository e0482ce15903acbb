import { Blockquote, Button, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { WISHES, WishInputSchema, type Interpreter, type ProtectionDetail, type Wish, type WishRecord } from '../../../../../electron/common/protection';
import { FailureMessage } from '../../../../ui/ErrorMessage';
import { useFailure } from '../../../../ui/useFailure';
import { CaseSection } from '../CaseSection';
import { Fields } from '../Fields';
import { useLabels } from '../labels';
import { SaveBar } from '../SaveBar';
import { History } from './History';
import { listInterpreters, recordWish } from './protection.actions';
import { parseProtection, today, useRecordForm } from './protectionForms';
import { Recorded } from './Recorded';

/** The victim's wish (remain / return / undecided) in their own words, as a dated history. */
export function WishesSection({ protection }: { protection: ProtectionDetail }) {
  const { t } = useLabels();
  const [recording, setRecording] = useState(false);
  const [current, ...earlier] = protection.wishes;
  return (
    <CaseSection
      title={t('protection.wishes.title')}
      actions={
        !recording && (
          <Button size="xs" variant="default" onClick={() => setRecording(true)}>
            {t('protection.wishes.record')}
          </Button>
        )
      }
    >
      <Stack gap="md" data-testid="protection-wishes">
        <Text size="sm" c="dimmed">
          {t('protection.wishes.intro')}
        </Text>
        {current ? <WishEntry entry={current} /> : <Text c="dimmed">{t('protection.wishes.notRecorded')}</Text>}
        {recording && <WishForm onDone={() => setRecording(false)} />}
        <History
          toggleLabel={t('protection.wishes.history', { n: earlier.length })}
          listLabel={t('protection.wishes.historyLabel')}
          items={earlier.map((entry) => ({ key: entry.id, content: <WishEntry entry={entry} /> }))}
        />
      </Stack>
    </CaseSection>
  );
}

function WishEntry({ entry }: { entry: WishRecord }) {
  const { t, vocab, date } = useLabels();
  return (
    <Stack gap="xs">
      <Fields
        items={[
          [t('protection.wishes.wish'), vocab('wish', entry.wish)],
          [t('protection.wishes.expressedOn'), date(entry.expressedOn)],
          [t('protection.wishes.interpreter'), entry.interpreterName ?? t('protection.wishes.noInterpreter')],
        ]}
      />
      <Stack gap={2}>
        <Text size="xs" c="dimmed" fw={600}>
          {t('protection.wishes.ownWords')}
        </Text>
        <Blockquote color="blue" p="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>
          {entry.ownWords}
        </Blockquote>
      </Stack>
      <Recorded name={entry.recordedBy} at={entry.recordedAt} />
    </Stack>
  );
}

interface Draft {
  wish: Wish | '';
  ownWords: string;
  expressedOn: string;
  interpreterId: string;
}

function WishForm({ onDone }: { onDone: () => void }) {
  const { t, i18n, vocab, fieldError } = useLabels();
  const [draft, setDraft] = useState<Draft>(() => ({ wish: '', ownWords: '', expressedOn: today(), interpreterId: '' }));
  const [interpreters, setInterpreters] = useState<Interpreter[]>([]);
  const loadFailure = useFailure();
  const { report } = loadFailure;
  useEffect(() => {
    let live = true;
    listInterpreters().then(
      (list) => live && setInterpreters(list),
      (error: unknown) => live && report(error),
    );
    return () => {
      live = false;
    };
  }, [report]);

  const { errors, failure, busy, save } = useRecordForm({
    parse: (d: Draft) => parseProtection(WishInputSchema, { ...d, interpreterId: d.interpreterId === '' ? null : d.interpreterId }),
    send: recordWish,
    issuePrefix: 'wish',
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const legend = t('protection.wishes.formTitle');
  const languages = new Intl.ListFormat(i18n.language, { type: 'conjunction' });

  return (
    <Paper withBorder p="md" component="form" aria-label={legend} onSubmit={(e) => e.preventDefault()}>
      <Stack gap="sm">
        <Text fw={700}>{legend}</Text>
        <Radio.Group label={t('protection.wishes.wish')} required value={draft.wish} onChange={(value) => set('wish', value as Wish)} error={fieldError(errors, 'wish')}>
          <Stack gap="xs" mt="xs">
            {WISHES.map((w) => (
              <Radio key={w} value={w} label={vocab('wish', w)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('protection.wishes.ownWords')}
          description={t('protection.wishes.ownWordsHint')}
          required
          rows={3}
          value={draft.ownWords}
          onChange={(e) => set('ownWords', e.currentTarget.value)}
          error={fieldError(errors, 'ownWords')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('protection.wishes.expressedOn')} required value={draft.expressedOn} onChange={(e) => set('expressedOn', e.currentTarget.value)} error={fieldError(errors, 'expressedOn')} />
          <NativeSelect
            label={t('protection.wishes.interpreter')}
            value={draft.interpreterId}
            onChange={(e) => set('interpreterId', e.currentTarget.value)}
            data={[
              { value: '', label: t('protection.wishes.noInterpreter') },
              ...interpreters.map((i) => ({
                value: i.id,
                label: t('protection.wishes.interpreterOption', { name: i.name, languages: languages.format(i.languages.map((l) => vocab('language', l))) }),
              })),
            ]}
            error={fieldError(errors, 'interpreterId')}
          />
        </SimpleGrid>
        <FailureMessage failure={loadFailure} />
        <SaveBar busy={busy} failure={failure} saveLabel={t('protection.wishes.save')} onCancel={onDone} onSave={() => void save(draft).then((saved) => saved && onDone())} />
      </Stack>
    </Paper>
  );
}
