import { Button, Loader, type ButtonProps, type ElementProps } from '@mantine/core';

interface BusyButtonProps extends ButtonProps, ElementProps<'button', keyof ButtonProps> {
  /** The button's work is running: a spinner shows beside the label and the button waits. */
  busy: boolean;
}

/**
 * A button that keeps its label while its work runs, with a spinner beside it. Mantine's own
 * `loading` hides the label behind the spinner, which leaves a blank button that says nothing.
 */
export function BusyButton({ busy, children, disabled, leftSection, ...props }: BusyButtonProps) {
  return (
    <Button
      {...props}
      disabled={disabled || busy}
      aria-busy={busy}
      leftSection={busy ? <Loader size={14} color="currentColor" data-testid="busy-spinner" /> : leftSection}
    >
      {children}
    </Button>
  );
}
