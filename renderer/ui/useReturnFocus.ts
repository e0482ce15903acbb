import { useEffect } from 'react';

/**
 * For a dialog that is shown by being mounted and closed by being unmounted (Mantine's own focus
 * return runs only when `opened` turns false): remembers what had the focus when it appeared and
 * gives the focus back to it when it goes, if it is still on the page. Keyboard and screen-reader
 * users then carry on from the button that opened the dialog instead of the top of the page.
 */
export function useReturnFocus(): void {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      // After the dialog's own focus trap lets go.
      if (opener?.isConnected) setTimeout(() => opener.isConnected && opener.focus(), 0);
    };
  }, []);
}
