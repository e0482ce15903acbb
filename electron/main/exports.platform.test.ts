import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Dialog } from 'electron';
import type { PrintJob } from '../core/index';
import { APP_PRINT_URL } from './app-origin';
import { createExportPlatform } from './exports.platform';

/** A fictional job: what core hands the platform (already redacted). */
const JOB: PrintJob = {
  document: { profile: 'non-identifying', caseReference: 'TV-2026-0001', generatedOn: '2026-11-29', sections: [], sealedIncluded: [], omitted: [] },
  footer: { number: 'EXP-2026-000001', copy: 1, recipient: 'Statistics desk"); alert(1); ("', exporter: 'Test Officer', exportedOn: '2026-11-29', anchor: { seq: 7, mac: 'abcd1234' } },
  locale: 'ja',
  purpose: 'Monthly statistics (fictional)',
};

function fakeWindow(opts: { printOk?: boolean; loadFails?: boolean } = {}) {
  const webContents = {
    executeJavaScript: vi.fn(async () => undefined),
    printToPDF: vi.fn(async () => new Uint8Array([37, 80, 68, 70])),
    print: vi.fn((_o: unknown, done: (ok: boolean) => void) => done(opts.printOk ?? true)),
  };
  return {
    loadURL: vi.fn(async () => {
      if (opts.loadFails) throw new Error('load failed');
    }),
    destroy: vi.fn(),
    webContents,
  };
}

function platform(win = fakeWindow(), canceled = false) {
  const dialog = { showSaveDialog: vi.fn(async () => ({ canceled, filePath: canceled ? '' : '/home/officer/Documents/x.pdf' })) };
  const p = createExportPlatform({
    createPrintWindow: () => win as unknown as BrowserWindow,
    dialog: dialog as unknown as Pick<Dialog, 'showSaveDialog'>,
    getParent: () => null,
    documentsPath: () => '/home/officer/Documents',
  });
  return { p, win, dialog };
}

describe('the Electron export platform', () => {
  it('renders the print view in a hidden window to an A4 PDF in memory, then destroys the window', async () => {
    const { p, win } = platform();
    const pdf = await p.renderPdf(JOB);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(win.loadURL).toHaveBeenCalledWith(APP_PRINT_URL);
    expect(win.webContents.printToPDF).toHaveBeenCalledWith({ preferCSSPageSize: true, printBackground: true });
    expect(win.destroy).toHaveBeenCalledOnce();
  });

  it('hands the job over as one JSON string literal: case content never becomes code', async () => {
    const { p, win } = platform();
    await p.renderPdf(JOB);
    const [script] = win.webContents.executeJavaScript.mock.calls[0] as unknown as [string];
    const argument = script.slice('window.mamoriPrint('.length, -1);
    expect(JSON.parse(JSON.parse(argument))).toEqual(JOB);
    expect(script).toMatch(/^window\.mamoriPrint\(".*"\)$/s);
  });

  it('destroys the window when the print view fails to load', async () => {
    const { p, win } = platform(fakeWindow({ loadFails: true }));
    await expect(p.renderPdf(JOB)).rejects.toThrow('load failed');
    expect(win.destroy).toHaveBeenCalledOnce();
  });

  it('asks where to save with the suggested name in Documents, and reports a cancelled dialog as null', async () => {
    const saving = platform();
    expect(await saving.p.chooseSavePath('EXP-2026-000001-TV-2026-0001-non-identifying.pdf')).toBe('/home/officer/Documents/x.pdf');
    expect(saving.dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: '/home/officer/Documents/EXP-2026-000001-TV-2026-0001-non-identifying.pdf' }));
    expect(await platform(fakeWindow(), true).p.chooseSavePath('x.pdf')).toBeNull();
  });

  it.each([
    [true, true],
    [false, false],
  ])('prints through the OS dialog: confirmed %s → %s, and destroys the window', async (confirmed, expected) => {
    const { p, win } = platform(fakeWindow({ printOk: confirmed }));
    expect(await p.print(JOB)).toBe(expected);
    expect(win.webContents.print).toHaveBeenCalledWith({ silent: false, printBackground: true }, expect.any(Function));
    expect(win.destroy).toHaveBeenCalledOnce();
  });
});
