import { useEffect } from 'react';
import { onEvent } from '../../api/mamori';
import { lockSession, sessionLockedByCore, touchSession } from './session.actions';
import { sessionSelectors, useSessionStore } from './session.store';

/** Core owns the idle deadline; reporting more often than this only adds IPC traffic. */
export const TOUCH_INTERVAL_MS = 20_000;

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/** Ctrl+L / Cmd+L, also on non-Latin keyboard layouts (hence `code`). AltGr is Ctrl+Alt on Windows. */
function isPanicKey(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) && !event.altKey && (event.code === 'KeyL' || event.key.toLowerCase() === 'l')
  );
}

/**
 * While someone is signed in: the panic key, core's lock events, and activity reports.
 * Listeners sit on `window` in the capture phase so no component can swallow the panic key.
 */
export function useSessionGuards(): void {
  const signedIn = useSessionStore(sessionSelectors.isSignedIn);

  useEffect(() => {
    if (!signedIn) return undefined;

    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPanicKey(event)) return;
      event.preventDefault();
      void lockSession('panic');
    };

    let lastTouchAt = Number.NEGATIVE_INFINITY;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastTouchAt < TOUCH_INTERVAL_MS) return;
      lastTouchAt = now;
      void touchSession();
    };

    const options = { capture: true, passive: true };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, options);
    const unsubscribe = onEvent('session:locked', ({ reason }) => sessionLockedByCore(reason));

    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, options);
      unsubscribe();
    };
  }, [signedIn]);
}
