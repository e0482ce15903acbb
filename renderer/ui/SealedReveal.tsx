import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { copySealedText } from './clipboard';
import { ReasonDialog } from './ReasonDialog';
import { useReveal } from './useReveal';

/** The words of one reveal; the rest (countdown, Hide, Copy, Show in the dialog) are the same everywhere. */
export interface RevealText {
  /** The Show button's text, and its accessible name where the text alone would not say what it shows. */
  show: string;
  showLabel?: string;
  /** Accessible names of Hide and Copy where several values could be on screen. */
  hideLabel?: string;
  copyLabel?: string;
  /** The reason dialog: its title, and what the reason is for. */
  title: string;
  explanation: string;
  /** Names the shown value as a region (a landmark), for a value shown away from its Show button. */
  region?: string;
}

/** Reveals that show one value at a time: showing one hides the others (see `useRevealGroup`). */
export interface RevealGroup {
  shownId: string | null;
  setShownId: (id: string | null) => void;
}

/** A group of reveals on one screen, of which at most one shows its value; `setShownId(null)` hides it. */
export function useRevealGroup(): RevealGroup {
  const [shownId, setShownId] = useState<string | null>(null);
  return { shownId, setShownId };
}

interface SealedRevealProps<T> {
  /** Asks core for the value with the user's reason. */
  reveal: (reason: string) => Promise<T>;
  /** How the value is shown. */
  render: (value: T) => ReactNode;
  /** The value as clipboard text; without it there is nothing to copy. */
  copyText?: (value: T) => string;
  text: RevealText;
  /** Where the pieces go. By default the Show button, and in its place the value once it is shown. */
  children?: (parts: { trigger: ReactNode; shown: ReactNode }) => ReactNode;
  /** This reveal's place in a group that shows one value at a time. */
  group?: { id: string; of: RevealGroup };
}

/**
 * The one way a sealed value reaches the screen (DESIGN.md §3): a reason first, then the value for
 * 60 seconds with its countdown, Hide, and Copy (the clipboard is wiped after 30 seconds). Never
 * put a revealed value anywhere but this component's state: the timer, Hide, a lock and leaving
 * the screen all drop it.
 */
export function SealedReveal<T>({ reveal, render, copyText, text, children = defaultLayout, group }: SealedRevealProps<T>) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [copied, setCopied] = useState(false);
  const { revealed, secondsLeft, show, hide } = useReveal<T>();
  // Another reveal of the group showed its value: this one's goes.
  const displaced = group !== undefined && group.of.shownId !== group.id;
  useEffect(() => {
    if (displaced) hide();
  }, [displaced, hide]);
  const value = revealed && !displaced ? revealed.value : null;

  const copy = async (shown: T) => {
    if (!copyText) return;
    await copySealedText(copyText(shown));
    setCopied(true);
  };

  const trigger =
    value === null ? (
      <Button size="xs" onClick={() => setAsking(true)} aria-label={text.showLabel}>
        {text.show}
      </Button>
    ) : null;
  const shown =
    value === null ? null : (
      <Paper withBorder p="sm" bg="yellow.0" component={text.region ? 'section' : 'div'} aria-label={text.region}>
        <Stack gap="xs">
          {render(value)}
          <Group justify="space-between" wrap="nowrap">
            <Text role="timer" size="sm" fw={700}>
              {t('reveal.hidesIn', { count: secondsLeft })}
            </Text>
            <Group gap="xs" wrap="nowrap">
              {copyText && (
                <Button size="xs" variant="default" onClick={() => void copy(value)} aria-label={text.copyLabel}>
                  {t('reveal.copy')}
                </Button>
              )}
              <Button size="xs" variant="default" onClick={hide} aria-label={text.hideLabel}>
                {t('reveal.hide')}
              </Button>
            </Group>
          </Group>
          {copied && (
            <Text size="xs" role="status">
              {t('reveal.copied')}
            </Text>
          )}
        </Stack>
      </Paper>
    );

  return (
    <>
      {children({ trigger, shown })}
      <ReasonDialog
        opened={asking}
        title={text.title}
        explanation={text.explanation}
        confirmLabel={t('reveal.confirm')}
        onConfirm={async (reason) => {
          const answer = await reveal(reason);
          setCopied(false);
          // Claimed before it is shown, so the group never hides the value it has just received.
          group?.of.setShownId(group.id);
          show(answer);
        }}
        onClose={() => setAsking(false)}
      />
    </>
  );
}

function defaultLayout({ trigger, shown }: { trigger: ReactNode; shown: ReactNode }) {
  return shown ?? <Group>{trigger}</Group>;
}
