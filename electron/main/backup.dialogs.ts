/**
 * The OS dialogs that choose backup files for core (issue 13). Only paths cross here: core opens,
 * reads and writes the files itself, and the renderer never sees a path.
 */
import { join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { BackupDialogs } from '../core/index';

export interface BackupDialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  getParent: () => BrowserWindow | null;
  documentsPath: () => string;
}

const FILTERS = [{ name: 'Mamori backup', extensions: ['mamori-backup'] }];

export function createBackupDialogs(deps: BackupDialogDeps): BackupDialogs {
  return {
    async chooseBackupTarget(suggestedName) {
      const parent = deps.getParent();
      const options = { defaultPath: join(deps.documentsPath(), suggestedName), filters: FILTERS, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const result = parent ? await deps.dialog.showSaveDialog(parent, options) : await deps.dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseBackupSource() {
      const parent = deps.getParent();
      const options = { defaultPath: deps.documentsPath(), filters: FILTERS, properties: ['openFile' as const] };
      const result = parent ? await deps.dialog.showOpenDialog(parent, options) : await deps.dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length !== 1 ? null : result.filePaths[0];
    },
  };
}
