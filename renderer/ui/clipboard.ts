import { call } from '../api/mamori';
/** Sealed text copied to the clipboard stays there at most this long (DESIGN.md §3). */
export const CLIPBOARD_WIPE_MS = 30_000;

let wipeTimer: ReturnType<typeof setTimeout> | null = null;

function wipe(): void {
  wipeTimer = null;
  // A failed wipe cannot be retried usefully; the clipboard API rejects only without focus.
  navigator.clipboard.writeText('').catch(() => undefined);
}

/**
 * Copies text from the app. Never leave it on the clipboard: the page wipes it after 30 seconds,
 * and main, told of the copy, clears it then too (or at once on lock, quit or a crash), even when
 * the page has lost focus or is gone.
 */
export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
  if (wipeTimer) clearTimeout(wipeTimer);
  wipeTimer = setTimeout(wipe, CLIPBOARD_WIPE_MS);
  await call('session:copied', {}).catch(() => undefined);
}

/** Copies a sealed value (see copyText). */
export const copySealedText = copyText;

/** Leaving the case (or locking) wipes at once anything still waiting to be wiped. */
export function wipeClipboardNow(): void {
  if (!wipeTimer) return;
  clearTimeout(wipeTimer);
  wipe();
}
