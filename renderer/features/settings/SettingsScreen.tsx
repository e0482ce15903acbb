import { Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_LOCK_MAX, AUTO_LOCK_MIN, AutoLockMinutesSchema } from '../../../electron/common/accounts';
import { STATISTICS_THRESHOLD_MAX, STATISTICS_THRESHOLD_MIN, StatisticsThresholdSchema } from '../../../electron/common/statistics';
import type { Locale } from '../../../electron/common/errors';
import { formatDuration } from '../../i18n/format';
import { FailureMessage } from '../../ui/ErrorMessage';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { useFailure } from '../../ui/useFailure';
import { ChangePassphraseForm } from '../session/ChangePassphraseForm';
import { chooseLocale } from '../session/session.actions';
import { sessionSelectors, useSessionStore } from '../session/session.store';
import { updateAutoLockMinutes, updateStatisticsThreshold } from './settings.actions';
import { BusyButton } from '../../ui/BusyButton';

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={640}>
      <Title order={2}>{t('settings.title')}</Title>
      <LanguageSettings />
      <PassphraseSettings />
      <AutoLockSettings />
      <StatisticsSettings />
    </Stack>
  );
}

function LanguageSettings() {
  const { t } = useTranslation();
  const failure = useFailure();
  const [busy, setBusy] = useState(false);

  const change = async (locale: Locale) => {
    failure.clear();
    setBusy(true);
    try {
      await chooseLocale(locale);
    } catch (error) {
      failure.report(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsCard title={t('language.label')}>
      <div>
        <LanguageSwitch onChange={(locale) => void change(locale)} disabled={busy} />
      </div>
      <Text size="sm" c="dimmed">
        {t('settings.languageHint')}
      </Text>
      <FailureMessage failure={failure} />
    </SettingsCard>
  );
}

function PassphraseSettings() {
  const { t } = useTranslation();
  return (
    <SettingsCard title={t('changePassphrase.title')}>
      <ChangePassphraseForm temporary={false} />
    </SettingsCard>
  );
}

function AutoLockSettings() {
  const { t, i18n } = useTranslation();
  const settings = useSessionStore(sessionSelectors.settings);
  const isAdministrator = useSessionStore(sessionSelectors.isAdministrator);
  if (!settings) return null;

  return (
    <SettingsCard title={t('settings.autoLockTitle')}>
      {isAdministrator ? (
        <NumberSettingForm
          label={t('settings.autoLock')}
          hint={t('settings.autoLockHint')}
          invalidText={t('validation.autoLock.range')}
          initial={settings.autoLockMinutes}
          min={AUTO_LOCK_MIN}
          max={AUTO_LOCK_MAX}
          parse={(v) => AutoLockMinutesSchema.safeParse(v)}
          save={updateAutoLockMinutes}
        />
      ) : (
        <>
          <Text>
            {t('settings.autoLockCurrent', {
              duration: formatDuration(i18n.language, settings.autoLockMinutes, 'minute'),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('settings.adminOnly')}
          </Text>
        </>
      )}
    </SettingsCard>
  );
}

/** k of the statistics' suppression: administrators set it; supervisors, who read statistics, see it. */
function StatisticsSettings() {
  const { t } = useTranslation();
  const settings = useSessionStore(sessionSelectors.settings);
  const role = useSessionStore((s) => s.user?.role);
  if (!settings || (role !== 'administrator' && role !== 'supervisor')) return null;
  return (
    <SettingsCard title={t('settings.statisticsTitle')}>
      {role === 'administrator' ? (
        <NumberSettingForm
          label={t('settings.statisticsThreshold')}
          hint={t('settings.statisticsThresholdHint')}
          invalidText={t('validation.statisticsThreshold.range')}
          initial={settings.statisticsThreshold}
          min={STATISTICS_THRESHOLD_MIN}
          max={STATISTICS_THRESHOLD_MAX}
          parse={(v) => StatisticsThresholdSchema.safeParse(v)}
          save={updateStatisticsThreshold}
        />
      ) : (
        <>
          <Text>{t('settings.statisticsThresholdCurrent', { k: settings.statisticsThreshold })}</Text>
          <Text size="sm" c="dimmed">
            {t('settings.adminOnly')}
          </Text>
        </>
      )}
    </SettingsCard>
  );
}

function NumberSettingForm(props: {
  label: string;
  hint: string;
  invalidText: string;
  initial: number;
  min: number;
  max: number;
  parse: (value: unknown) => { success: true; data: number } | { success: false };
  save: (value: number) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>(props.initial);
  const [invalid, setInvalid] = useState(false);
  const failure = useFailure();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    failure.clear();
    const parsed = props.parse(value);
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    setBusy(true);
    try {
      await props.save(parsed.data);
      setSaved(true);
    } catch (error) {
      failure.report(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <NumberInput
          label={props.label}
          description={props.hint}
          value={value}
          onChange={(next) => {
            setValue(next);
            setSaved(false);
          }}
          min={props.min}
          max={props.max}
          allowDecimal={false}
          allowNegative={false}
          error={invalid ? props.invalidText : undefined}
          maw={560}
        />
        <Group>
          <BusyButton type="submit" busy={busy}>
            {t('settings.save')}
          </BusyButton>
        </Group>
        <Text role="status" size="sm" c="teal.9">
          {saved ? t('settings.saved') : ''}
        </Text>
        <FailureMessage failure={failure} />
      </Stack>
    </form>
  );
}

/** One titled group of settings. */
function SettingsCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
