// Fonts and styles are bundled files served from the app itself: the CSP allows nothing else.
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

if (location.hash === '#print') {
  // Print mode: a hidden window with no bridge renders one summary (DESIGN.md §7). Nothing of the app
  // is loaded, so no store, session or `window.mamori` exists here. Defined at once, before the load
  // event, so main (or the test harness) can call it as soon as the page has loaded.
  const print = async (json: string) => (await import('./features/exports/printMode')).renderPrintJob(container, json);
  Object.defineProperty(window, 'mamoriPrint', { value: print, writable: false, configurable: false });
} else {
  void import('./startApp').then(({ startApp }) => startApp(container));
}
