import { describe, expect, it, vi } from 'vitest';
import type { Dialog } from 'electron';
import { createBackupDialogs } from './backup.dialogs';

function dialogs(answer: { canceled: boolean; filePath?: string; filePaths?: string[] }) {
  const dialog = {
    showSaveDialog: vi.fn(async () => ({ canceled: answer.canceled, filePath: answer.filePath ?? '' })),
    showOpenDialog: vi.fn(async () => ({ canceled: answer.canceled, filePaths: answer.filePaths ?? [] })),
  };
  return { d: createBackupDialogs({ dialog: dialog as unknown as Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>, getParent: () => null, documentsPath: () => '/home/admin/Documents' }), dialog };
}

describe('the backup file dialogs', () => {
  it('suggests the name in the documents folder, only .mamori-backup files, and returns the chosen path', async () => {
    const { d, dialog } = dialogs({ canceled: false, filePath: '/media/usb/mamori-20261129.mamori-backup' });
    expect(await d.chooseBackupTarget('mamori-20261129-0900.mamori-backup')).toBe('/media/usb/mamori-20261129.mamori-backup');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: '/home/admin/Documents/mamori-20261129-0900.mamori-backup', filters: [{ name: 'Mamori backup', extensions: ['mamori-backup'] }] }));
  });

  it('returns null when the user cancels, and one file to restore', async () => {
    expect(await dialogs({ canceled: true }).d.chooseBackupTarget('x')).toBeNull();
    expect(await dialogs({ canceled: true }).d.chooseBackupSource()).toBeNull();
    const { d, dialog } = dialogs({ canceled: false, filePaths: ['/media/usb/a.mamori-backup'] });
    expect(await d.chooseBackupSource()).toBe('/media/usb/a.mamori-backup');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openFile'] }));
  });
});
