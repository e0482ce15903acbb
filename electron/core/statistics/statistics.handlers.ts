/**
 * Statistics channels. An export builds the suppressed table before any dialog opens, asks where to
 * save, then records and writes it in one transaction: a cancelled dialog records nothing, a file
 * that cannot be written records nothing, and a record that cannot commit takes the file away.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CoreError } from '../errors';
import type { HandlerSlice } from '../handler';
import * as statistics from './statistics.service';

export const statisticsHandlers: HandlerSlice<'statistics'> = {
  'statistics:table': (input, r) => r.work((ctx) => statistics.view(ctx, input)),
  'statistics:exportCsv': async (input, r) => {
    const dialogs = r.env.statisticsDialogs;
    if (!dialogs) throw new CoreError('STATISTICS_EXPORT_UNAVAILABLE');
    const request = { dimension: input.dimension, granularity: input.granularity };
    const table = await r.read((tx) => statistics.publishedTable(tx, request, r.at));
    const csv = statistics.toCsv(table, input.headings);
    const path = await dialogs.chooseCsvTarget(statistics.suggestedName(table, r.at));
    if (!path) return { saved: false, fileName: null, rows: 0 };
    let written = false;
    try {
      await r.work(async (ctx) => {
        await statistics.recordExport(ctx, table, basename(path));
        try {
          // Owner-only, straight to where the user chose: no temporary file.
          writeFileSync(path, csv, { encoding: 'utf8', mode: 0o600 });
        } catch {
          throw new CoreError('STATISTICS_EXPORT_FAILED');
        }
        written = true;
      });
    } catch (e) {
      if (written) {
        try {
          unlinkSync(path);
        } catch {
          // Already gone.
        }
      }
      throw e;
    }
    return { saved: true, fileName: basename(path), rows: table.periods.length };
  },
};
