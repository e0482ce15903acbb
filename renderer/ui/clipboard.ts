/** Sealed text copied to the clipboard stays there at most this long (DESIGN.md §3). */
export const CLIPBOARD_WIPE_MS = 30_000;

let wipeTimer: ReturnType<typeof setTimeout> | null = null;

function wipe(): void {
  wipeTimer = null;
  // A failed wipe cannot be retried usefully; the clipboard API rejects only without focus.
  navigator.clipboard.writeText('').catch(() => undefined);
}

/** Copies a sealed value. Never leave it on the clipboard: it is wiped after 30 seconds. */
export async function copySealedText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
  if (wipeTimer) clearTimeout(wipeTimer);
  wipeTimer = setTimeout(wipe, CLIPBOARD_WIPE_MS);
}

/** Leaving the case (or locking) wipes at once anything still waiting to be wiped. */
export function wipeClipboardNow(): void {
  if (!wipeTimer) return;
  clearTimeout(wipeTimer);
  wipe();
}
