/**
 * The clipboard, cleared by main (issue 14): 30 seconds after anything is copied from the window,
 * and at once on lock, quit and a crash of the window or of main. The renderer also wipes what it
 * copied, but only a focused page may write the clipboard; main can always clear it. On Linux both
 * the clipboard and the primary selection (middle-click paste) are cleared.
 */
export interface ClipboardLike {
  clear(type?: 'clipboard' | 'selection'): void;
}

export interface ClipboardGuard {
  /** Something was copied: clear in `delayMs` (a later copy restarts the wait). */
  copied(): void;
  /** Clears now, and forgets any pending clear. */
  clearNow(): void;
}

/** How long anything copied from the app stays on the clipboard. */
export const CLIPBOARD_CLEAR_MS = 30_000;

export function createClipboardGuard(deps: {
  clipboard: ClipboardLike;
  platform: NodeJS.Platform;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  delayMs?: number;
}): ClipboardGuard {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
  const clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let pending: unknown;

  const clearNow = (): void => {
    if (pending !== undefined) clearTimer(pending);
    pending = undefined;
    try {
      deps.clipboard.clear('clipboard');
      if (deps.platform === 'linux') deps.clipboard.clear('selection');
    } catch {
      // Nothing useful to do: the next copy, lock or quit clears again.
    }
  };

  return {
    copied() {
      if (pending !== undefined) clearTimer(pending);
      pending = setTimer(clearNow, deps.delayMs ?? CLIPBOARD_CLEAR_MS);
    },
    clearNow,
  };
}

/** Ctrl/Cmd+C, Ctrl/Cmd+X and Ctrl+Insert: the keys that copy a selection from the page. */
export function isCopyKey(input: { type: string; key: string; control: boolean; meta: boolean; shift?: boolean }): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if ((input.control || input.meta) && (key === 'c' || key === 'x')) return true;
  return input.control && key === 'insert';
}
