/** Settings: everyone reads them; administrators change them (audited with the old and new values). */
import type { HandlerSlice } from '../handler';
import { readSettings, writeSettings } from './settings.service';

export const settingsHandlers: HandlerSlice<'settings'> = {
  'settings:get': async (_input, r) => r.session.settings,
  'settings:update': async (input, r) => {
    const before = r.session.settings;
    r.session.settings = await r.work(async (ctx) => {
      await writeSettings(ctx.tx, input);
      await ctx.audit({ action: 'settings.updated', details: { autoLockMinutesBefore: before.autoLockMinutes, autoLockMinutes: input.autoLockMinutes } });
      return readSettings(ctx.tx);
    });
    return r.session.settings;
  },
};
