/** The interpreter registry (case workers, by policy). */
import { CoreError } from '../errors';
import type { HandlerSlice } from '../handler';
import * as interpreters from './interpreters.service';

export const interpretersHandlers: HandlerSlice<'interpreters'> = {
  'interpreters:list': async (input, r) => ({ interpreters: await r.read((tx) => interpreters.listInterpreters(tx, input.includeInactive)) }),
  'interpreters:save': async (input, r) => {
    try {
      return await r.work((ctx) => interpreters.saveInterpreter(ctx, input));
    } catch (e) {
      // The refusal itself is recorded (the save rolled back): who asked, and a keyed hash of the name.
      if (e instanceof CoreError && e.code === 'ADVERSE_PARTY_MATCH') await r.work((ctx) => interpreters.auditConflictRefusal(ctx, input));
      throw e;
    }
  },
  'interpreters:revealContact': (input, r) => r.work((ctx) => interpreters.revealInterpreterContact(ctx, input)),
};
