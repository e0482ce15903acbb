import { describe, expect, it, vi } from 'vitest';
import type { Dialog } from 'electron';
import { createStatisticsDialogs } from './statistics.dialogs';

function dialogs(answer: { canceled: boolean; filePath?: string }) {
  const dialog = { showSaveDialog: vi.fn(async () => ({ canceled: answer.canceled, filePath: answer.filePath ?? '' })) };
  return { d: createStatisticsDialogs({ dialog: dialog as unknown as Pick<Dialog, 'showSaveDialog'>, getParent: () => null, documentsPath: () => '/home/sup/Documents' }), dialog };
}

describe('the statistics save dialog', () => {
  it('suggests the name in the documents folder, only .csv files, and returns the chosen path', async () => {
    const { d, dialog } = dialogs({ canceled: false, filePath: '/home/sup/report.csv' });
    expect(await d.chooseCsvTarget('mamori-statistics-sex-year-20261129.csv')).toBe('/home/sup/report.csv');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: '/home/sup/Documents/mamori-statistics-sex-year-20261129.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] }),
    );
  });

  it('returns null when the user cancels', async () => {
    expect(await dialogs({ canceled: true }).d.chooseCsvTarget('x.csv')).toBeNull();
  });
});
