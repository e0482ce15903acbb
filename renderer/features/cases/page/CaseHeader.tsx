import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CaseDetail } from '../../../../electron/common/caseDetail';
import { legalStanding } from '../../../../electron/common/immigration';
import { localToday } from '../../../i18n/dates';
import { displayName, useLabels } from '../../../i18n/labels';
import { ExpiryWarning } from './ImmigrationSection';
import { riskColor } from './StageSection';

/**
 * The open case at a glance: reference, name (family name in capitals), stage, risk, flags, who works
 * it. `actions`: what the page above offers for the whole case (exporting a summary).
 */
export function CaseHeader({ detail, actions }: { detail: CaseDetail; actions?: ReactNode }) {
  const { t, vocab, i18n, date } = useLabels();
  const p = detail.person;
  // DOMAIN.md §1–§3: derived for the user's local today, never recorded.
  const standing = legalStanding(detail.immigration, localToday());
  const native = [p.familyNameNative, p.givenNameNative].filter(Boolean).join(' ');
  return (
    <Paper withBorder p="lg" component="header">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Text size="sm" c="dimmed" ff="monospace">
            {detail.reference}
          </Text>
          {actions}
        </Group>
        <Group gap="md" align="baseline">
          <Title order={2}>{displayName(i18n.language, p.familyName.toUpperCase(), p.givenName)}</Title>
          {native && (
            <Text size="lg" lang="" aria-label={t('casePage.header.nativeName')}>
              {native}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <Badge size="lg" variant="filled">
            {t('casePage.header.stage', { stage: vocab('stage', detail.stage) })}
          </Badge>
          <Badge size="lg" color={riskColor(detail.riskLevel)}>
            {t('casePage.header.risk', { level: vocab('riskLevel', detail.riskLevel) })}
          </Badge>
          <Badge size="lg" variant="filled" color={standing === 'in-violation' ? 'red.8' : 'teal.9'} data-testid="header-standing">
            {vocab('standing', standing)}
          </Badge>
          {detail.flags.map((f) => (
            <Badge key={f} size="lg" color="orange" variant="light">
              {vocab('flag', f)}
            </Badge>
          ))}
        </Group>
        <Text size="sm">
          {t('casePage.header.officers')}: {detail.officers.map((o) => o.displayName).join(', ') || '—'} · {t('casePage.header.supervisor')}:{' '}
          {detail.supervisor?.displayName ?? '—'}
        </Text>
        {detail.closing && (
          <Text size="sm" fw={600} data-testid="header-closing">
            {t('casePage.stage.closed', { date: date(detail.closing.closedAt), outcome: vocab('closingOutcome', detail.closing.outcome) })}
          </Text>
        )}
        <ExpiryWarning immigration={detail.immigration} />
      </Stack>
    </Paper>
  );
}
