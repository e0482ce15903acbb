import { Alert, Box, Button, Code, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultDiagnostics } from '../../../electron/common/contract.vault';
import { AuthLayout } from '../../ui/AuthLayout';
import { copyText } from '../../ui/clipboard';
import { FailureMessage } from '../../ui/ErrorMessage';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { useFailure } from '../../ui/useFailure';
import { loadDiagnostics } from './backup.actions';
import { RestoreIntoForm } from './RestoreIntoForm';

interface DamagedVaultScreenProps {
  onBack: () => void;
  /** The backup is in place and the damaged vault kept aside: the caller shows sign-in (the notice is in the restore store). */
  onRestored: () => void;
}

/**
 * When the vault file is damaged (sign-in answered VAULT_DAMAGED, or a session was locked for it):
 * what is wrong in plain words, that nothing was changed, restoring the last verified backup, and
 * the technical details to hand to support.
 */
export function DamagedVaultScreen({ onBack, onRestored }: DamagedVaultScreenProps) {
  const { t } = useTranslation();
  const [diagnostics, setDiagnostics] = useState<VaultDiagnostics | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const failure = useFailure();
  const { report } = failure;

  useEffect(() => {
    loadDiagnostics().then(setDiagnostics, report);
  }, [report]);

  const copyDetails = async () => {
    if (!diagnostics) return;
    try {
      // Codes, sizes and versions only (core leaves out names and content), so nothing needs wiping later.
      await copyText(diagnostics.details);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <AuthLayout width={720}>
      <Stack gap="md">
        <Title order={2}>{t('backup.damaged.title')}</Title>
        <Alert color="red" variant="light">
          <Text fw={700}>{t('backup.damaged.lead')}</Text>
        </Alert>
        <Text>{t('backup.damaged.nothingChanged')}</Text>
        <Text>{t('backup.damaged.whatNext')}</Text>
        <FailureMessage failure={failure} />

        {restoring ? (
          <Paper withBorder p="lg" component="section" aria-labelledby="damaged-restore-title">
            <Stack gap="md">
              <Title order={3} size="h4" id="damaged-restore-title">
                {t('backup.damaged.restoreTitle')}
              </Title>
              <Text size="sm">{t('backup.damaged.restoreIntro')}</Text>
              <RestoreIntoForm
                over="damaged"
                vaultCode={diagnostics?.vaultCode ?? null}
                onRestored={onRestored}
                onCancel={() => setRestoring(false)}
                cancelLabel={t('dialog.cancel')}
              />
            </Stack>
          </Paper>
        ) : (
          <Group>
            <Button color="red.8" onClick={() => setRestoring(true)} disabled={!diagnostics}>
              {t('backup.damaged.restoreButton')}
            </Button>
          </Group>
        )}

        <Divider />
        {diagnostics ? (
          <Stack gap="xs">
            <Group gap="md">
              <Button variant="default" onClick={() => void copyDetails()}>
                {t('backup.damaged.copy')}
              </Button>
              <Text role="status" size="sm" c={copied === 'failed' ? 'red.9' : 'teal.9'}>
                {copied ? t(copied === 'copied' ? 'backup.damaged.copied' : 'backup.damaged.copyFailed') : ''}
              </Text>
            </Group>
            <Box component="details" open={copied === 'failed' || undefined}>
              <Text component="summary" size="sm" style={{ cursor: 'pointer' }}>
                {t('backup.damaged.showDetails')}
              </Text>
              <Code block mt="xs" data-testid="diagnostics-details" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {diagnostics.details}
              </Code>
            </Box>
          </Stack>
        ) : (
          !failure.code && <LoadingIndicator />
        )}
        <Group>
          <Button variant="subtle" onClick={onBack}>
            {t('backup.damaged.back')}
          </Button>
        </Group>
      </Stack>
    </AuthLayout>
  );
}
