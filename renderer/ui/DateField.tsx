import { DateInput } from '@mantine/dates';
import { useState, type ReactNode } from 'react';
import { dateProblem, isCalendarDay, type DateKind } from '../../electron/common/dates';
import { fieldDate, localToday, readDate, spelledDate } from '../i18n/dates';
import { useLabels } from '../i18n/labels';

export interface DateFieldProps {
  label: ReactNode;
  /**
   * 'YYYY-MM-DD', '' for none, or the text the user typed when it is not a date: the form keeps it,
   * so the contract's schema refuses it on save instead of the form sending an older date.
   */
  value: string;
  onChange: (value: string) => void;
  /** The form's translated problem with this field (the contract's schema or core); the field's own comes first. */
  error?: ReactNode;
  /** What the date records (electron/common/dates.ts): its bounds are checked as the user types. None: any day. */
  kind?: DateKind;
  description?: ReactNode;
  required?: boolean;
  /** Whether a required field shows its asterisk (a field inside a group whose name shows it does not). */
  withAsterisk?: boolean;
  disabled?: boolean;
  'data-testid'?: string;
}

/** The field's own message for `value`, as an i18n key and its values; null when it is a date within its bounds, or empty. */
function problemOf(value: string, kind: DateKind | undefined, locale: string): { key: string; values?: Record<string, unknown> } | null {
  if (value === '') return null;
  if (isCalendarDay(value)) {
    const problem = kind ? dateProblem(value, kind, localToday()) : null;
    return problem ? { key: `validation.${problem}` } : null;
  }
  const read = readDate(value);
  if (read.ok) return null;
  switch (read.problem) {
    case 'noSuchDay': {
      const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(read.year, read.month - 1, 1));
      return { key: 'dateField.noSuchDay', values: { day: read.day, month, lastDay: read.lastDay } };
    }
    case 'noSuchMonth':
      return { key: 'dateField.noSuchMonth', values: { month: read.month } };
    case 'outsideEra':
      return { key: 'dateField.outsideEra', values: { era: read.era } };
    default:
      return { key: 'dateField.unreadable' };
  }
}

/**
 * Every date field of the app: Mantine's DateInput in the interface language, not Chromium's (a
 * native date input would show mm/dd/yyyy in the Japanese UI). It shows YYYY/MM/DD in Japanese and
 * YYYY-MM-DD in English (i18n/dates.ts `fieldDate`), with the day spelled out beneath it (令和8年
 * 11月29日(日)); it takes 2026/11/29, 20261129, 令和8年11月29日 and the like from the keyboard, or a
 * day picked in the calendar. What cannot be a date, or lies outside its kind's bounds, is named at
 * once and kept as typed, never dropped or rolled over; the form receives ISO YYYY-MM-DD.
 */
export function DateField({ label, value, onChange, error, kind, description, required, withAsterisk, disabled, 'data-testid': testId }: DateFieldProps) {
  const { t, tx, i18n } = useLabels();
  const locale = i18n.language;
  // The value this field last sent or was given. A different one comes from outside (a form reset,
  // a date chosen elsewhere): the input is then drawn afresh, since DateInput keeps its own text.
  const [own, setOwn] = useState(value);
  const [generation, setGeneration] = useState(0);
  if (value !== own) {
    setOwn(value);
    setGeneration((g) => g + 1);
  }
  const send = (next: string) => {
    setOwn(next);
    onChange(next);
  };

  const date = isCalendarDay(value) ? value : null;
  const problem = problemOf(value, kind, locale);
  const fieldError = problem ? tx(problem.key, problem.values) : undefined;
  const spelled = date ? <span data-spelled-date="">{spelledDate(date, locale)}</span> : null;
  const today = localToday();

  return (
    <DateInput
      key={generation}
      label={label}
      required={required}
      withAsterisk={withAsterisk}
      disabled={disabled}
      data-testid={testId}
      value={date}
      // dayjs's tokens, written the way fieldDate writes a date: YYYY/MM/DD or YYYY-MM-DD.
      valueFormat={fieldDate('YYYY-MM-DD', locale)}
      placeholder={t('dateField.placeholder')}
      dateParser={(text) => {
        const read = readDate(text);
        return read.ok ? read.date : null;
      }}
      // A date, typed or picked: DateInput reports only these.
      onChange={(next) => send(next ?? '')}
      // Nothing, or text that is no date: kept as typed, so the field and the form can say what is wrong.
      onInput={(event) => {
        const text = event.currentTarget.value;
        if (text.trim() === '') send('');
        else if (!readDate(text).ok) send(text);
      }}
      // A date is redrawn in the field's format on leaving it; anything else stays as the user typed it.
      fixOnBlur={date !== null || value === ''}
      // The calendar offers no day a fact cannot have happened on; typing one is refused with a message instead.
      excludeDate={kind === 'happened' ? (day) => day > today : undefined}
      // The calendar's headings as each language writes them: 2027年1月 / January 2027.
      monthLabelFormat={locale.startsWith('ja') ? 'YYYY年M月' : 'MMMM YYYY'}
      yearLabelFormat={locale.startsWith('ja') ? 'YYYY年' : 'YYYY'}
      // The calendar's controls named for where they go, never a bare "次へ" beside a form's own 次へ.
      ariaLabels={{
        previousMonth: t('dateField.calendar.previousMonth'),
        nextMonth: t('dateField.calendar.nextMonth'),
        previousYear: t('dateField.calendar.previousYear'),
        nextYear: t('dateField.calendar.nextYear'),
        previousDecade: t('dateField.calendar.previousDecade'),
        nextDecade: t('dateField.calendar.nextDecade'),
        monthLevelControl: t('dateField.calendar.monthLevelControl'),
        yearLevelControl: t('dateField.calendar.yearLevelControl'),
      }}
      getDayAriaLabel={(day) => spelledDate(day, locale)}
      description={
        description && spelled ? (
          <>
            {description}
            <br />
            {spelled}
          </>
        ) : (
          (description ?? spelled)
        )
      }
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={fieldError ?? error}
    />
  );
}
