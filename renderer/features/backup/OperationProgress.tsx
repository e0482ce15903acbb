import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupProgress } from '../../../electron/common/contract.backup';
import { formatPercent } from '../../i18n/format';

/** Phases whose reports count something (pages, bytes): the others only say that they run. */
const COUNTED = new Set<BackupProgress['phase']>(['copying', 'writing', 'rekeying']);

interface OperationProgressProps {
  operation: BackupProgress['operation'];
  /** The last report; null before the first one arrives. */
  progress: BackupProgress | null;
}

/**
 * A long vault operation as it runs: a bar named for the operation, and the phase in words (the bar's
 * accessible value text too, so a screen reader hears "Verifying…" rather than a bare number).
 */
export function OperationProgress({ operation, progress }: OperationProgressProps) {
  const { t, i18n } = useTranslation();
  const counted = progress !== null && COUNTED.has(progress.phase);
  const fraction = counted && progress.total > 0 ? Math.min(1, progress.done / progress.total) : null;
  const percent = formatPercent(i18n.language, fraction ?? 0);
  const text = !progress
    ? t('backup.progress.starting')
    : progress.phase === 'done'
      ? t('backup.progress.done')
      : t(`backup.progress.${progress.phase}`, { percent });
  const value = progress?.phase === 'done' ? 100 : fraction === null ? 100 : Math.round(fraction * 100);
  // Without a count (starting, verifying) the bar is full and moving: busy, not finished.
  const busy = progress?.phase !== 'done' && fraction === null;

  return (
    <Stack gap={6} data-testid={`progress-${operation}`}>
      <Progress.Root size="lg">
        <Progress.Section
          value={value}
          animated={busy}
          striped={busy}
          withAria={false}
          role="progressbar"
          aria-label={t(`backup.progress.${operation}`)}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={busy ? undefined : value}
          aria-valuetext={text}
        />
      </Progress.Root>
      {/* Not a live region: a percentage read out four times a second helps nobody; the outcome is announced. */}
      <Text size="sm">
        {text}
      </Text>
    </Stack>
  );
}
