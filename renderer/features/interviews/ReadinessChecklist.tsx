import { Badge, Group, Stack, Text } from '@mantine/core';
import { mayStart, READINESS_ITEMS, unmetItems, type ItemStatus, type Readiness, type ReadinessItem } from '../../../electron/common/interviewReadiness';
import { useLabels } from '../../i18n/labels';

const LOOK: Record<ItemStatus, { icon: string; color: string }> = {
  met: { icon: '✓', color: 'green.8' },
  'reason-recorded': { icon: '!', color: 'orange.8' },
  unmet: { icon: '✕', color: 'red.8' },
  'not-applicable': { icon: '–', color: 'gray.7' },
};

/** How the safeguards stand: met, or blocking, split into those not met and those waiting for a supervisor to approve the officer's reason. */
function counts(readiness: Readiness) {
  const blocking = unmetItems(readiness);
  const waiting = blocking.filter((item) => readiness.items[item] === 'reason-recorded').length;
  return { blocking: blocking.length, waiting, unmet: blocking.length - waiting };
}

/** A supervisor's override lets the interview start: it covers every safeguard still blocking. */
const overrideCovers = (readiness: Readiness, overriddenItems: readonly string[] | null) =>
  overriddenItems !== null && unmetItems(readiness).length > 0 && mayStart(readiness, overriddenItems);

interface ReadinessChecklistProps {
  readiness: Readiness;
  live?: boolean;
  /** The safeguards a supervisor overrode (null: no override). */
  overriddenItems?: readonly string[] | null;
  /** The officer's recorded reasons, shown under the safeguard they explain. */
  reasons?: Partial<Record<ReadinessItem, string>>;
  summary?: boolean;
}

/**
 * The readiness check, one line per safeguard: each status is written out, the icon and colour
 * only repeat it. An officer's reason does not waive a safeguard: it waits for a supervisor, who
 * approves it with an override (DOMAIN.md §1, the interview safeguards). Used live in the plan form
 * and, with core's result, on each interview.
 */
export function ReadinessChecklist({ readiness, live = false, overriddenItems = null, reasons = {}, summary = true }: ReadinessChecklistProps) {
  const { t, vocab } = useLabels();
  const { blocking, waiting, unmet } = counts(readiness);
  const overridden = overrideCovers(readiness, overriddenItems);
  const title = t('interviews.readiness.title');
  const statusText = (item: ReadinessItem, status: ItemStatus) =>
    status === 'reason-recorded' && overridden && overriddenItems?.includes(item) ? t('interviews.readiness.reasonApproved') : vocab('readinessStatus', status);
  const summaryText =
    blocking === 0
      ? t('interviews.readiness.allMet')
      : overridden
        ? t('interviews.readiness.overriddenStart')
        : unmet === 0
          ? t('interviews.readiness.awaitingApproval', { count: waiting })
          : t('interviews.readiness.cannotStart', { count: blocking });
  return (
    <Stack gap="xs" data-testid="readiness-check">
      <Text fw={700} size="sm">
        {title}
      </Text>
      <Stack gap={4} component="ul" aria-label={title} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {READINESS_ITEMS.map((item) => {
          const status = readiness.items[item];
          const look = LOOK[status];
          const reason = status === 'reason-recorded' ? reasons[item] : undefined;
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
                  {statusText(item, status)}
                </Text>
              </Group>
              {reason && (
                <Text size="sm" ml="calc(1.2em + var(--mantine-spacing-xs))" data-testid={`readiness-${item}-reason`} style={{ whiteSpace: 'pre-wrap' }}>
                  {t('interviews.readiness.officerReason', { reason })}
                </Text>
              )}
            </li>
          );
        })}
      </Stack>
      {/* Announced politely as the form changes; the start itself is refused by core, not by this text. */}
      {summary && (
        <Text size="sm" fw={700} c={blocking === 0 ? 'green.8' : overridden || unmet === 0 ? 'orange.8' : 'red.8'} aria-live={live ? 'polite' : undefined} data-testid="readiness-summary">
          {summaryText}
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

/** Ready / Not ready — N unmet / Awaiting a supervisor's approval / Overridden by …, as text on a badge. */
export function ReadinessBadge({ readiness, override }: { readiness: Readiness; override: { by: string; items: readonly string[] } | null }) {
  const { t } = useLabels();
  const { blocking, unmet } = counts(readiness);
  const [color, text] =
    blocking === 0
      ? ['green', t('interviews.readiness.ready')]
      : override && overrideCovers(readiness, override.items)
        ? ['orange', t('interviews.readiness.overriddenBy', { name: override.by })]
        : unmet === 0
          ? ['orange', t('interviews.readiness.awaitingBadge')]
          : ['red', t('interviews.readiness.notReady', { count: blocking })];
  return (
    <Badge color={color} variant="light">
      {text}
    </Badge>
  );
}
