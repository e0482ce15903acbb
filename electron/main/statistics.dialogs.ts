/**
 * The OS save dialog for statistics exports (issue 15). Only a path crosses here: core writes the
 * CSV itself, and the renderer never sees a path.
 */
import { join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { StatisticsDialogs } from '../core/index';

export interface StatisticsDialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  getParent: () => BrowserWindow | null;
  documentsPath: () => string;
}

export function createStatisticsDialogs(deps: StatisticsDialogDeps): StatisticsDialogs {
  return {
    async chooseCsvTarget(suggestedName) {
      const parent = deps.getParent();
      const options = {
        defaultPath: join(deps.documentsPath(), suggestedName),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const result = parent ? await deps.dialog.showSaveDialog(parent, options) : await deps.dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
