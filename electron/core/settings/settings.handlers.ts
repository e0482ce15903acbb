/** Settings: everyone reads them; administrators change them (audited with the old and new values of what changed). */
import type { Settings } from '../../common/accounts';
import type { HandlerSlice } from '../handler';
import { readSettings, writeSettings } from './settings.service';

export const settingsHandlers: HandlerSlice<'settings'> = {
  'settings:get': async (_input, r) => r.session.settings,
  'settings:update': async (input, r) => {
    r.session.settings = await r.work(async (ctx) => {
      const before = await readSettings(ctx.tx);
      await writeSettings(ctx.tx, input);
      const after = await readSettings(ctx.tx);
      const changed = (Object.keys(after) as (keyof Settings)[]).filter((key) => input[key] !== undefined);
      const details: Record<string, number> = {};
      for (const key of changed) {
        details[`${key}Before`] = before[key];
        details[key] = after[key];
      }
      await ctx.audit({ action: 'settings.updated', details });
      return after;
    });
    return r.session.settings;
  },
};
