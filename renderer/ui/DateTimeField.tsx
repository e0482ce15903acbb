import { Input, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { DateKind } from '../../electron/common/dates';
import { readTime } from '../i18n/dates';
import { useLabels } from '../i18n/labels';
import { DateField } from './DateField';

/** A local date and time as the form holds it ('YYYY-MM-DDTHH:MM'), in its two parts, each as typed. */
function parts(value: string): [date: string, time: string] {
  const at = value.lastIndexOf('T');
  return at === -1 ? [value, ''] : [value.slice(0, at), value.slice(at + 1)];
}

export interface DateTimeFieldProps {
  /** What the two fields ask for together ("Date and time"): the group's name. */
  label: ReactNode;
  /** 'YYYY-MM-DDTHH:MM' in local time, '' for none; a part that is not a date or a time stays as typed, so the schema refuses it. */
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  kind?: DateKind;
  required?: boolean;
}

/**
 * A local date and time (an interview's), as the date fields take it: the shared DateField for the
 * day and a 24-hour time typed as 14:30, 1430 or 14時30分, instead of a native datetime-local input
 * that follows Chromium's locale (mm/dd/yyyy, AM/PM).
 */
export function DateTimeField({ label, value, onChange, error, kind, required }: DateTimeFieldProps) {
  const { t } = useLabels();
  const [date, time] = parts(value);
  // The time as typed while the field has focus; "10時" must not turn into 10:00 before "30分" follows.
  const [typing, setTyping] = useState<string | null>(null);
  const send = (nextDate: string, nextTime: string) => onChange(nextDate === '' && nextTime === '' ? '' : `${nextDate}T${nextTime}`);
  const timeError = time !== '' && readTime(time) === null ? t('dateField.timeUnreadable') : undefined;
  return (
    <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Input.Label component="legend" required={required} p={0}>
        {label}
      </Input.Label>
      <SimpleGrid cols={2} spacing="xs">
        <DateField label={t('dateField.date')} value={date} onChange={(next) => send(next, time)} kind={kind} required={required} withAsterisk={false} />
        <TextInput
          label={t('dateField.time')}
          required={required}
          withAsterisk={false}
          placeholder={t('dateField.timePlaceholder')}
          autoComplete="off"
          inputMode="numeric"
          value={typing ?? time}
          onFocus={() => setTyping(time)}
          onChange={(event) => {
            const text = event.currentTarget.value;
            setTyping(text);
            send(date, readTime(text) ?? text);
          }}
          onBlur={() => setTyping(null)}
          error={timeError}
        />
      </SimpleGrid>
      {error && <Input.Error>{error}</Input.Error>}
    </Stack>
  );
}
