import 'dayjs/locale/ja';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The date inputs' calendar in the interface language (month and weekday names through dayjs), not
 * Chromium's; weeks start on Sunday, as Japanese calendars and this app's English (en-US) have them.
 */
export function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: i18n.language.startsWith('ja') ? 'ja' : 'en', firstDayOfWeek: 0, weekendDays: [0, 6] }}>{children}</DatesProvider>;
}
