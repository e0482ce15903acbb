import { Badge, Group, Stack, Text } from '@mantine/core';
import { READINESS_ITEMS, type ItemStatus, type Readiness } from '../../../electron/common/interviewReadiness';
import { unmetItems } from '../../../electron/common/interviewReadiness';
import { useLabels } from '../../i18n/labels';

const LOOK: Record<ItemStatus, { icon: string; color: string }> = {
  met: { icon: '✓', color: 'green.8' },
  waived: { icon: '!', color: 'orange.8' },
  unmet: { icon: '✕', color: 'red.8' },
  'not-applicable': { icon: '–', color: 'gray.7' },
};

/**
 * The readiness check, one line per safeguard: each status is written out, the icon and colour
 * only repeat it. Used live in the plan form and, with core's result, on each interview.
 */
export function ReadinessChecklist({ readiness, live = false, overridden = false, summary = true }: { readiness: Readiness; live?: boolean; overridden?: boolean; summary?: boolean }) {
  const { t, vocab } = useLabels();
  const unmet = unmetItems(readiness).length;
  const title = t('interviews.readiness.title');
  return (
    <Stack gap="xs" data-testid="readiness-check">
      <Text fw={700} size="sm">
        {title}
      </Text>
      <Stack gap={4} component="ul" aria-label={title} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {READINESS_ITEMS.map((item) => {
          const status = readiness.items[item];
          const look = LOOK[status];
          return (
            <li key={item} data-testid={`readiness-${item}`} data-status={status}>
              <Group gap="xs" wrap="nowrap" align="baseline">
                <Text span fw={700} c={look.color} aria-hidden w="1.2em" ta="center">
                  {look.icon}
                </Text>
                <Text span size="sm">
                  {vocab('readinessItem', item)}
                </Text>
                <Text span size="sm" fw={700} c={look.color}>
                  {vocab('readinessStatus', status)}
                </Text>
              </Group>
            </li>
          );
        })}
      </Stack>
      {/* Announced politely as the form changes; the start itself is refused by core, not by this text. */}
      {summary && (
        <Text size="sm" fw={700} c={unmet === 0 ? 'green.8' : overridden ? 'orange.8' : 'red.8'} aria-live={live ? 'polite' : undefined} data-testid="readiness-summary">
          {unmet === 0 ? t('interviews.readiness.allMet') : overridden ? t('interviews.readiness.overriddenStart') : t('interviews.readiness.cannotStart', { count: unmet })}
        </Text>
      )}
      {live && (
        <Text size="xs" c="dimmed">
          {t('interviews.readiness.live')}
        </Text>
      )}
    </Stack>
  );
}

/** Ready / Not ready — N unmet / Overridden by …, as text on a badge. */
export function ReadinessBadge({ readiness, overriddenBy }: { readiness: Readiness; overriddenBy: string | null }) {
  const { t } = useLabels();
  const unmet = unmetItems(readiness).length;
  if (unmet === 0) {
    return (
      <Badge color="green" variant="light">
        {t('interviews.readiness.ready')}
      </Badge>
    );
  }
  if (overriddenBy) {
    return (
      <Badge color="orange" variant="light">
        {t('interviews.readiness.overriddenBy', { name: overriddenBy })}
      </Badge>
    );
  }
  return (
    <Badge color="red" variant="light">
      {t('interviews.readiness.notReady', { count: unmet })}
    </Badge>
  );
}
