import { Blockquote, NativeSelect, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { WISH_DATES, WISHES, WishInputSchema, type Interpreter, type ProtectionDetail, type Wish, type WishRecord } from '../../../electron/common/protection';
import { localToday } from '../../i18n/dates';
import { useLabels } from '../../i18n/labels';
import { DateField } from '../../ui/DateField';
import { FailureMessage } from '../../ui/ErrorMessage';
import { Fields } from '../../ui/Fields';
import { withDateRules } from '../../ui/forms';
import { useFailure } from '../../ui/useFailure';
import { CaseForm } from '../cases/page/CaseForm';
import { DatedHistory } from './DatedHistory';
import { listInterpreters, recordWish } from './protection.actions';
import { parseProtection, protectionIssueKey, useProtectionForm } from './protectionForms';

/** The victim's wish (remain / return / undecided) in their own words, as a dated history. */
export function WishesSection({ protection }: { protection: ProtectionDetail }) {
  const { t } = useLabels();
  return (
    <DatedHistory
      as="section"
      title={t('protection.wishes.title')}
      entries={protection.wishes}
      renderEntry={(entry) => <WishEntry entry={entry} />}
      form={(onDone) => <WishForm onDone={onDone} />}
      text={{ intro: t('protection.wishes.intro'), record: t('protection.wishes.record'), none: t('protection.wishes.notRecorded'), historyLabel: t('protection.wishes.historyLabel') }}
      testId="protection-wishes"
    />
  );
}

function WishEntry({ entry }: { entry: WishRecord }) {
  const { t, vocab, date } = useLabels();
  return (
    <>
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
    </>
  );
}

interface Draft {
  wish: Wish | '';
  ownWords: string;
  expressedOn: string;
  interpreterId: string;
}

function WishForm({ onDone }: { onDone: () => void }) {
  const { t, i18n, vocab } = useLabels();
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

  const form = useProtectionForm((): Draft => ({ wish: '', ownWords: '', expressedOn: localToday(), interpreterId: '' }), {
    parse: (d: Draft) => withDateRules(parseProtection(WishInputSchema, { ...d, interpreterId: d.interpreterId === '' ? null : d.interpreterId }), WISH_DATES, protectionIssueKey),
    send: recordWish,
    issuePrefix: 'wish',
  });
  const languages = new Intl.ListFormat(i18n.language, { type: 'conjunction' });

  return (
    <CaseForm title={t('protection.wishes.formTitle')} form={form} saveLabel={t('protection.wishes.save')} onDone={onDone}>
      <Radio.Group label={t('protection.wishes.wish')} required {...form.choice('wish')}>
        <Stack gap="xs" mt="xs">
          {WISHES.map((w) => (
            <Radio key={w} value={w} label={vocab('wish', w)} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea label={t('protection.wishes.ownWords')} description={t('protection.wishes.ownWordsHint')} required rows={3} {...form.text('ownWords')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('protection.wishes.expressedOn')} required kind={WISH_DATES.expressedOn} {...form.date('expressedOn')} />
        <NativeSelect
          label={t('protection.wishes.interpreter')}
          data={[
            { value: '', label: t('protection.wishes.noInterpreter') },
            ...interpreters.map((i) => ({
              value: i.id,
              label: t('protection.wishes.interpreterOption', { name: i.name, languages: languages.format(i.languages.map((l) => vocab('language', l))) }),
            })),
          ]}
          {...form.text('interpreterId')}
        />
      </SimpleGrid>
      <FailureMessage failure={loadFailure} />
    </CaseForm>
  );
}
