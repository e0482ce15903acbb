/**
 * Retention channels. A purge commits first (the cases, their tombstones and audit entries in one
 * transaction), then compacts the file outside any transaction and records that it did.
 */
import type { HandlerSlice } from '../handler';
import * as retention from './retention.service';

export const retentionHandlers: HandlerSlice<'retention'> = {
  'retention:policy': (_input, r) => r.read(retention.readPeriods),
  'retention:setPolicy': (input, r) => r.work((ctx) => retention.setPeriods(ctx, input.periods)),
  'retention:list': (input, r) => r.work((ctx) => retention.purgeList(ctx, input)),
  'retention:case': (input, r) => r.work((ctx) => retention.caseRetention(ctx, input.caseId)),
  'retention:placeHold': (input, r) => r.work((ctx) => retention.placeHold(ctx, input)),
  'retention:releaseHold': (input, r) => r.work((ctx) => retention.releaseHold(ctx, input)),
  'retention:purge': async (input, r) => {
    const purged = await r.work((ctx) => retention.purge(ctx, input));
    const pages = await retention.compactFile(r.session.vault.db);
    await r.work((ctx) => ctx.audit({ action: 'retention.compacted', details: pages }));
    return { purged };
  },
};
