import { Badge, Group, Stack, Text } from '@mantine/core';
import { legalStanding, type StandingFacts } from '../../../../electron/common/immigration';
import { useLabels } from '../../../i18n/labels';

interface StandingSummaryProps {
  facts: StandingFacts;
  /** Absconded from technical intern training: said, because it does not by itself make a violation. */
  absconded: boolean;
  /** The user's local today (YYYY-MM-DD): the standing turns at the user's midnight. */
  today: string;
  /** In a form, announced politely as the facts change. */
  live?: boolean;
}

/**
 * Legal resident or in violation of immigration law on `today`, derived by `legalStanding` from the
 * facts (DOMAIN.md §1–§3): never recorded, so it is shown with where it comes from.
 */
export function StandingSummary({ facts, absconded, today, live = false }: StandingSummaryProps) {
  const { t, vocab, date } = useLabels();
  const standing = legalStanding(facts, today);
  const violation = standing === 'in-violation';
  // Recorded as valid although the period has ended: the form is where the officer can say what became of it.
  const ranOut = live && violation && facts.statusValidity === 'valid' && facts.periodOfStayExpiry !== null && facts.periodOfStayExpiry < today;
  return (
    <Stack gap={4} data-testid="standing" data-standing={standing} aria-live={live ? 'polite' : undefined}>
      <Group gap="xs">
        <Text size="sm" fw={700}>
          {t('caseFields.immigration.standing')}
        </Text>
        <Badge size="lg" variant="filled" tt="none" color={violation ? 'red.8' : 'teal.9'}>
          {vocab('standing', standing)}
        </Badge>
      </Group>
      {/* DOMAIN.md §3: an intern who fled keeps the status until it expires or is revoked. */}
      {absconded && !violation && <Text size="sm">{t('caseFields.immigration.abscondedStillLegal')}</Text>}
      {ranOut && <Text size="sm">{t('caseFields.immigration.periodRanOut', { date: date(facts.periodOfStayExpiry) })}</Text>}
      <Text size="xs" c="dimmed">
        {t('caseFields.immigration.standingDerived')}
      </Text>
    </Stack>
  );
}
