import { Alert, Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupReminderDaysSchema, type BackupRecord, type BackupStatus } from '../../../electron/common/contract.backup';
import { errorCodeOf } from '../../api/mamori';
import { formatBytes, formatNumber } from '../../i18n/format';
import { FailureMessage } from '../../ui/ErrorMessage';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Section } from '../../ui/Section';
import { SuccessNotice } from '../../ui/SuccessNotice';
import { useFailure } from '../../ui/useFailure';
import { createBackup, loadBackupStatus, loadVaultKeys, setBackupReminder } from './backup.actions';
import { backupSelectors, useBackupStore } from './backup.store';
import { DataKeyPanel } from './DataKeyPanel';
import { lastBackupText } from './lastBackup';
import { OperationProgress } from './OperationProgress';
import { RecentBackupsTable } from './RecentBackupsTable';
import { RestoreOverVaultDialog } from './RestoreOverVaultDialog';
import { BusyButton } from '../../ui/BusyButton';

interface BackupsScreenProps {
  /** Goes to the Users screen, where the accounts a rotation left behind get a passphrase reset. */
  onOpenUsers: () => void;
}

/** Administrators: verified backups, the reminder, restoring over this vault, and the data key. */
export function BackupsScreen({ onOpenUsers }: BackupsScreenProps) {
  const { t } = useTranslation();
  const status = useBackupStore(backupSelectors.status);
  const keys = useBackupStore(backupSelectors.keys);
  const failure = useFailure();
  const { report } = failure;

  useEffect(() => {
    loadBackupStatus().catch(report);
    loadVaultKeys().catch(report);
  }, [report]);

  return (
    <Stack gap="lg" maw={1040}>
      <Stack gap={4}>
        <Title order={2}>{t('backup.screen.title')}</Title>
        <Text c="dimmed">{t('backup.screen.intro')}</Text>
      </Stack>
      <FailureMessage failure={failure} />
      {status ? (
        <>
          <BackupSection status={status} />
          <RecentBackupsTable recent={status.recent} />
          <ReminderSection days={status.reminderDays} />
          <RestoreSection vaultCode={status.vaultCode} />
        </>
      ) : (
        !failure.code && <LoadingIndicator />
      )}
      {keys && <DataKeyPanel keys={keys} onOpenUsers={onOpenUsers} />}
    </Stack>
  );
}

/** The last verified backup, a warning when one is due, and Back up now with its progress and result. */
function BackupSection({ status }: { status: BackupStatus }) {
  const { t, i18n } = useTranslation();
  const progress = useBackupStore(backupSelectors.progress);
  const failure = useFailure();
  const [running, setRunning] = useState(false);
  const [made, setMade] = useState<BackupRecord | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const text = lastBackupText(t, i18n.language, status);

  const backUp = async () => {
    failure.clear();
    setMade(null);
    setCancelled(false);
    setRunning(true);
    try {
      setMade(await createBackup());
    } catch (error) {
      // Closing the dialog is a choice, not a failure: said plainly, not in red.
      if (errorCodeOf(error) === 'BACKUP_CANCELLED') setCancelled(true);
      else failure.report(error);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Section title={t('backup.last.title')}>
      <Stack gap={4}>
        <Text fw={700} size="lg">
          {text.headline}
        </Text>
        {text.detail && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {text.detail}
          </Text>
        )}
      </Stack>
      {text.warning && (
        <Alert color="orange" variant="light" role="status">
          <Text size="sm">{text.warning}</Text>
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('backup.last.explain')}
      </Text>
      <Group gap="md" align="center">
        <BusyButton onClick={() => void backUp()} busy={running}>
          {t('backup.create.button')}
        </BusyButton>
        <Text size="sm" c="dimmed">
          {t('backup.create.hint')}
        </Text>
      </Group>
      {running && <OperationProgress operation="backup" progress={progress} />}
      {cancelled && (
        <Text size="sm" role="status">
          {t('backup.create.cancelled')}
        </Text>
      )}
      <FailureMessage failure={failure} />
      {made && (
        <SuccessNotice title={t('backup.create.doneTitle')}>
          <Stack gap={4}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('backup.create.done', {
                file: made.fileName,
                size: formatBytes(i18n.language, made.bytes),
                count: made.caseCount,
                formatted: formatNumber(i18n.language, made.caseCount),
                seq: formatNumber(i18n.language, made.auditSeq),
              })}
            </Text>
            <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {t('backup.create.doneHash', { hash: made.sha256 })}
            </Text>
            <Text size="sm">{t('backup.create.doneStore')}</Text>
          </Stack>
        </SuccessNotice>
      )}
    </Section>
  );
}

/** How many days may pass before administrators are warned at sign-in. */
function ReminderSection({ days }: { days: number }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>(days);
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const failure = useFailure();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    failure.clear();
    const parsed = BackupReminderDaysSchema.safeParse(value);
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    setBusy(true);
    try {
      await setBackupReminder(parsed.data);
      setSaved(true);
    } catch (error) {
      failure.report(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('backup.reminder.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NumberInput
            label={t('backup.reminder.label')}
            description={t('backup.reminder.hint')}
            value={value}
            onChange={(next) => {
              setValue(next);
              setSaved(false);
            }}
            min={1}
            max={90}
            allowDecimal={false}
            allowNegative={false}
            error={invalid ? t('validation.backupDays.range') : undefined}
            maw={560}
          />
          <Group>
            <BusyButton type="submit" busy={busy}>
              {t('backup.reminder.save')}
            </BusyButton>
          </Group>
          <Text role="status" size="sm" c="teal.9">
            {saved ? t('backup.reminder.saved') : ''}
          </Text>
          <FailureMessage failure={failure} />
        </Stack>
      </form>
    </Section>
  );
}

/** Restoring over this vault: what it does, and the dialog that does it. */
function RestoreSection({ vaultCode }: { vaultCode: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Section title={t('backup.restore.title')}>
      <Text size="sm">{t('backup.restore.explain')}</Text>
      <Group>
        <Button variant="outline" color="red.8" onClick={() => setOpen(true)}>
          {t('backup.restore.button')}
        </Button>
      </Group>
      {open && <RestoreOverVaultDialog vaultCode={vaultCode} onClose={() => setOpen(false)} />}
    </Section>
  );
}
