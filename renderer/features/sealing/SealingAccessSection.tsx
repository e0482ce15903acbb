import { Alert, Badge, Box, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../electron/common/contract';
import type { PendingGrant } from '../../../electron/common/contract.sealing';
import { formatDateTime } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Section } from '../../ui/Section';
import { SuccessNotice } from '../../ui/SuccessNotice';
import { useFailure } from '../../ui/useFailure';
import { callInSession } from '../session/session.actions';

type SealingStatus = ChannelOutput<'sealing:status'>;

/** A key id read out in groups of four, so two people can compare it over the phone. */
export const groupedKeyId = (keyId: string) => keyId.toUpperCase().match(/.{1,4}/g)?.join(' ') ?? keyId;

/**
 * Access to sealed information, above every screen of a case worker: their own key's state when it is not
 * yet usable (with its id to read out to a supervisor), and for supervisors the accounts whose key
 * waits for their grant, one confirmation per grant. Nothing is shown while all is in order.
 */
export function SealingAccessSection() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<SealingStatus | null>(null);
  const [granting, setGranting] = useState<PendingGrant | null>(null);
  const [granted, setGranted] = useState<{ name: string; cases: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const failure = useFailure();

  useEffect(() => {
    // The home view works without this section: a failure to read it only leaves it out.
    callInSession('sealing:status', {}).then(setState, () => setState(null));
  }, []);

  const confirm = async () => {
    if (!granting) return;
    setBusy(true);
    failure.clear();
    try {
      const done = await callInSession('sealing:grant', { userId: granting.userId, keyId: granting.keyId });
      setGranted({ name: granting.displayName, cases: done.cases });
      setState((s) => (s ? { ...s, pending: done.pending } : s));
      setGranting(null);
    } catch (e) {
      failure.report(e);
    } finally {
      setBusy(false);
    }
  };

  if (!state) return null;
  const own = state.status === 'pending' || state.status === 'none';
  if (!own && state.pending.length === 0 && !granted) return null;
  return (
    <Stack gap="md" mb="lg">
      {state.status === 'pending' && state.keyId && (
        <Alert color="orange" variant="light" title={t('sealing.own.pendingTitle')} data-testid="sealing-own-pending">
          <Stack gap="xs">
            <Text size="sm">{t('sealing.own.pending')}</Text>
            <Text size="sm">
              {t('sealing.own.keyId')} <Code fz="md">{groupedKeyId(state.keyId)}</Code>
            </Text>
          </Stack>
        </Alert>
      )}
      {state.status === 'none' && (
        <Alert color="orange" variant="light" title={t('sealing.own.noneTitle')} data-testid="sealing-own-none">
          <Text size="sm">{t('errors.SEALING_NO_KEY')}</Text>
        </Alert>
      )}
      {granted && (
        <SuccessNotice title={t('sealing.grant.doneTitle')}>{t('sealing.grant.done', { name: granted.name, count: granted.cases })}</SuccessNotice>
      )}
      {state.pending.length > 0 && (
        <Section
          title={t('sealing.pending.title')}
          testId="sealing-pending"
          actions={
            <Badge variant="light" color="orange" tt="none">
              {t('sealing.pending.count', { count: state.pending.length })}
            </Badge>
          }
        >
          <Text size="sm">{t('sealing.pending.intro')}</Text>
          <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {state.pending.map((p) => (
              <Box component="li" key={p.userId} py="xs" data-testid="sealing-pending-row">
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={2}>
                    <Text fw={600}>{p.displayName}</Text>
                    <Text size="sm" c="dimmed">
                      {t(`sealing.role.${p.role === 'supervisor' ? 'supervisor' : 'officer'}`)} · {t(p.afterReset ? 'sealing.pending.afterReset' : 'sealing.pending.new')} ·{' '}
                      {formatDateTime(i18n.language, p.since)}
                    </Text>
                  </Stack>
                  <Button variant="light" onClick={() => (failure.clear(), setGranting(p))} aria-label={t('sealing.grant.buttonFor', { name: p.displayName })}>
                    {t('sealing.grant.button')}
                  </Button>
                </Group>
              </Box>
            ))}
          </Box>
        </Section>
      )}
      <ConfirmDialog
        opened={granting !== null}
        title={t('sealing.grant.title', { name: granting?.displayName ?? '' })}
        confirmLabel={t('sealing.grant.confirm')}
        busy={busy}
        failure={failure}
        onConfirm={() => void confirm()}
        onCancel={() => setGranting(null)}
      >
        <Text size="sm">{t('sealing.grant.check', { name: granting?.displayName ?? '' })}</Text>
        <Code fz="lg" ta="center" block data-testid="sealing-grant-key-id">
          {granting ? groupedKeyId(granting.keyId) : ''}
        </Code>
        <Text size="sm">{t(granting?.role === 'supervisor' ? 'sealing.grant.scopeSupervisor' : 'sealing.grant.scopeOfficer')}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
