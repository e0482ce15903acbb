import { Alert, Checkbox, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { INDICATORS, SCREENING_STATES, type ScreeningState } from '../../../../electron/common/cases';
import { useLabels } from '../../../i18n/labels';
import type { FieldSetProps } from '../../../ui/fieldSet';
import type { ScreeningDraft } from './caseDrafts';

type Indicator = (typeof INDICATORS)[number];

/** Where a link to the checklist takes the user: the checklist on the case page, in its view or its form. */
export const SCREENING_ANCHOR = 'case-screening';

interface ScreeningFieldsProps extends FieldSetProps<ScreeningDraft> {
  /** The user's local today: the day a completed checklist is recorded as gone through. */
  today: string;
  /** Absconded from technical intern training: the checklist comes before anything else (DOMAIN.md §3). */
  absconded: boolean;
}

/**
 * The trafficking-indicator checklist (DOMAIN.md §4) with how far it has been gone through: not yet,
 * deferred (a reminder on My work), or complete on a day. Intake's screening step and the case
 * page's exploitation form show the same one.
 */
export function ScreeningFields({ value: draft, onChange, error, today, absconded }: ScreeningFieldsProps) {
  const { t, vocab, date } = useLabels();
  const setIndicator = (indicator: Indicator, patch: { present?: boolean; note?: string }) => {
    const was = draft.indicators[indicator] ?? { present: false, note: '' };
    onChange({ indicators: { ...draft.indicators, [indicator]: { ...was, ...patch } } });
  };
  const choose = (screening: ScreeningState) =>
    // The day it was gone through belongs to a completed checklist only; a new completion is today's.
    onChange({ screening, screenedOn: screening !== 'completed' ? null : draft.screening === 'completed' ? draft.screenedOn : today });
  const completedLabel =
    draft.screening === 'completed' && draft.screenedOn && draft.screenedOn !== today
      ? t('caseFields.screening.choice.completedOn', { date: date(draft.screenedOn) })
      : t('caseFields.screening.choice.completed');
  return (
    <Stack gap="sm" id={SCREENING_ANCHOR} tabIndex={-1} data-testid="screening-fields">
      {absconded && draft.screening !== 'completed' && (
        <Alert color="orange" variant="light" data-testid="screening-absconded">
          {t('caseFields.screening.absconded')}
        </Alert>
      )}
      <Table withTableBorder verticalSpacing={4} aria-label={t('caseFields.screening.indicators')}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('caseFields.screening.indicatorsHint')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('caseFields.screening.indicator')}</Table.Th>
            <Table.Th>{t('caseFields.screening.indicatorNote')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {INDICATORS.map((i) => {
            const state = draft.indicators[i] ?? { present: false, note: '' };
            return (
              <Table.Tr key={i}>
                <Table.Td>
                  <Checkbox label={vocab('indicator', i)} checked={state.present} onChange={(e) => setIndicator(i, { present: e.currentTarget.checked })} />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('caseFields.screening.noteFor', { indicator: vocab('indicator', i) })}
                    value={state.note}
                    onChange={(e) => setIndicator(i, { note: e.currentTarget.value })}
                    error={error(`indicators.${i}.note`)}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Radio.Group label={t('caseFields.screening.state')} value={draft.screening} onChange={(value) => choose(value as ScreeningState)} error={error('screening')}>
        <Stack gap={6} mt="xs">
          {SCREENING_STATES.map((code) => (
            <Radio key={code} value={code} label={code === 'completed' ? completedLabel : t(`caseFields.screening.choice.${code}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {draft.screening === 'later' && (
        <Text size="sm" c="dimmed">
          {t('caseFields.screening.laterHint')}
        </Text>
      )}
    </Stack>
  );
}
