import { Group, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, type ReactNode } from 'react';
import { BusyButton } from './BusyButton';
import { FailureMessage } from './ErrorMessage';
import { LoadingIndicator } from './LoadingIndicator';
import { useFailure } from './useFailure';

interface RefreshedScreenProps {
  title: string;
  intro: string;
  /** Reads the screen's data into its store; a failure is thrown for the screen to show. Must be stable (a module function). */
  load: () => Promise<void>;
  loading: boolean;
  /** Whether a first answer has arrived; until then a loader (or the failure) shows instead of the content. */
  loaded: boolean;
  refreshLabel: string;
  refreshTestId: string;
  children: ReactNode;
}

/**
 * A screen whose data is read afresh on every visit (what waits for someone may have changed while
 * they were in a case) and again with its Refresh button: title, intro, the failure, the content.
 */
export function RefreshedScreen({ title, intro, load, loading, loaded, refreshLabel, refreshTestId, children }: RefreshedScreenProps) {
  const failure = useFailure();
  const { report, clear } = failure;
  useEffect(() => {
    load().catch(report);
  }, [load, report]);
  const refresh = useCallback(() => {
    clear();
    load().catch(report);
  }, [clear, load, report]);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Title order={2}>{title}</Title>
        <BusyButton variant="default" busy={loading} onClick={refresh} data-testid={refreshTestId}>
          {refreshLabel}
        </BusyButton>
      </Group>
      <Text c="dimmed">{intro}</Text>
      <FailureMessage failure={failure} />
      {loaded ? children : !failure.code && <LoadingIndicator />}
    </Stack>
  );
}
