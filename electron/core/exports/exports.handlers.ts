/**
 * Printed case summaries. The summary is built and checked before any dialog opens (a refused
 * export asks the user nothing); it is rendered by the platform (Electron's main, or the test
 * harness) in memory; it is recorded, and for a PDF written, only once the user has chosen where
 * (or confirmed printing), in one transaction: a cancelled dialog or a failed write records nothing.
 */
import { unlinkSync } from 'node:fs';
import { CoreError } from '../errors';
import type { HandlerSlice, SignedIn } from '../handler';
import type { ExportRequest } from '../../common/contract.exports';
import * as exports from './exports.service';

function platformOf(r: SignedIn): exports.ExportPlatform {
  const platform = r.env.exportPlatform;
  if (!platform) throw new CoreError('EXPORT_UNAVAILABLE');
  return platform;
}

async function renderPrepared(r: SignedIn, input: ExportRequest) {
  const platform = platformOf(r);
  const prepared = await r.work((ctx) => exports.prepare(ctx, input));
  return { platform, prepared, pdf: await platform.renderPdf(prepared.job) };
}

export const exportsHandlers: HandlerSlice<'exports'> = {
  'exports:preview': (input, r) => r.work((ctx) => exports.preview(ctx, input)),
  'exports:savePdf': async (input, r) => {
    const { platform, prepared, pdf } = await renderPrepared(r, input);
    const path = await platform.chooseSavePath(exports.suggestedName(prepared));
    if (!path) throw new CoreError('EXPORT_CANCELLED');
    let written = false;
    try {
      return await r.work((ctx) =>
        exports.record(ctx, input, prepared, { pdf, medium: 'pdf' }, () => {
          exports.writePdf(path, pdf);
          written = true;
        }),
      );
    } catch (e) {
      // Recorded and written together, or neither: a commit that failed after the write takes the file away.
      if (written) {
        try {
          unlinkSync(path);
        } catch {
          // Already gone.
        }
      }
      throw e;
    }
  },
  'exports:print': async (input, r) => {
    const { platform, prepared, pdf } = await renderPrepared(r, input);
    if (!(await platform.print(prepared.job))) throw new CoreError('EXPORT_CANCELLED');
    return r.work((ctx) => exports.record(ctx, input, prepared, { pdf, medium: 'print' }));
  },
  'exports:list': (input, r) => r.work((ctx) => exports.list(ctx, input)),
};
