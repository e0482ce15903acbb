import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../electron/common/errors';
import { currentLocale } from '../i18n/i18n';

interface LanguageSwitchProps {
  onChange: (locale: Locale) => void;
  disabled?: boolean;
}

/** English / 日本語, each name in its own language (and marked so, for screen readers). */
export function LanguageSwitch({ onChange, disabled }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const data = LOCALES.map((locale) => ({
    value: locale,
    label: <span lang={locale}>{t(`language.${locale}`)}</span>,
  }));
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      data={data}
      value={currentLocale()}
      disabled={disabled}
      onChange={(value) => onChange(value as Locale)}
    />
  );
}
