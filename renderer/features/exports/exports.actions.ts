import type { ChannelOutput } from '../../../electron/common/contract';
import type { ExportEntry, ExportRequest } from '../../../electron/common/contract.exports';
import { callInSession } from '../session/session.actions';
import { useExportsStore } from './exports.store';

export const REGISTER_PAGE_SIZE = 50;

export type SummaryPreview = ChannelOutput<'exports:preview'>;

/** The redacted summary as it would print, with nothing numbered or recorded but the view. */
export function previewSummary(request: ExportRequest): Promise<SummaryPreview> {
  return callInSession('exports:preview', request);
}

/** Core renders the PDF, asks where to save it and records the copy; EXPORT_CANCELLED if the user cancelled the dialog. */
export function saveSummaryPdf(request: ExportRequest): Promise<ExportEntry> {
  return callInSession('exports:savePdf', request);
}

/** Core prints through the OS dialog and records the copy; EXPORT_CANCELLED if the user cancelled it. */
export function printSummary(request: ExportRequest): Promise<ExportEntry> {
  return callInSession('exports:print', request);
}

/** Numbers each page request, so a slow answer to an earlier click cannot replace a later one. */
let latest = 0;

async function showRegisterPage(before: string | null): Promise<void> {
  const request = ++latest;
  useExportsStore.setState({ loading: true });
  try {
    const page = await callInSession('exports:list', { ...(before === null ? {} : { before }), limit: REGISTER_PAGE_SIZE });
    if (request === latest) useExportsStore.setState({ entries: page.entries, before, nextBefore: page.nextBefore, loaded: true });
  } catch (error) {
    if (request === latest) throw error;
  } finally {
    if (request === latest) useExportsStore.setState({ loading: false });
  }
}

/** The newest page of the register, read afresh (on every visit and with Refresh). */
export function loadRegister(): Promise<void> {
  return showRegisterPage(null);
}

export async function showOlderExports(): Promise<void> {
  const { nextBefore } = useExportsStore.getState();
  if (nextBefore !== null) await showRegisterPage(nextBefore);
}
