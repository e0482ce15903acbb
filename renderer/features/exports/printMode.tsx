/**
 * Print mode (DESIGN.md §7): the app's page opened as `index.html#print` in a hidden window that
 * has no bridge to core. It starts nothing of the app (no session, no stores, no `window.mamori`):
 * main hands it one job, already redacted by core, and it lays the summary out for printToPDF.
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { PrintJobSchema, type PrintJob } from '../../../electron/common/contract.exports';
import { i18n } from '../../i18n/i18n';
import { pageCss } from './printStyle';
import { PrintView } from './PrintView';
import { runningTexts, summaryLabels, type RunningTexts } from './summaryFormat';


/** The page itself has no margin of its own: the @page margins hold the running texts. */
const PAGE_BASE = 'html, body { margin: 0; padding: 0; background: #fff; }';

function PrintPage({ job, running }: { job: PrintJob; running: RunningTexts }) {
  return (
    <>
      <style>{`${PAGE_BASE}\n${pageCss(running)}`}</style>
      <PrintView document={job.document} footer={job.footer} locale={job.locale} purpose={job.purpose} />
    </>
  );
}

/** One frame, or a short wait where a hidden window runs no frames: the promise must settle either way. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      resolve();
    });
  });
}

/** One React root per container: a second job replaces the first. */
const roots = new WeakMap<HTMLElement, Root>();

/**
 * Lays out one job and resolves once it is ready to print: rendered, the fonts for its text (and for
 * the running texts, which only the page margins show) loaded, and a couple of frames laid out.
 */
export async function renderPrintJob(container: HTMLElement, json: string): Promise<void> {
  const job = PrintJobSchema.parse(JSON.parse(json));
  await i18n.changeLanguage(job.locale);
  document.documentElement.lang = job.locale;
  const running = runningTexts(summaryLabels(job.locale), job.footer);
  const page = roots.get(container) ?? createRoot(container);
  roots.set(container, page);
  flushSync(() => page.render(<PrintPage job={job} running={running} />));
  const margins = [running.confidential, running.number, running.recipient, running.exporter, running.anchor, ...running.page].join(' ');
  await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 10pt "Noto Sans JP"`, margins)));
  await document.fonts.ready;
  await nextFrame();
  await nextFrame();
}
