/** The interpreter registry (case workers, by policy). */
import type { HandlerSlice } from '../handler';
import * as interpreters from './interpreters.service';

export const interpretersHandlers: HandlerSlice<'interpreters'> = {
  'interpreters:list': async (input, r) => ({ interpreters: await r.read((tx) => interpreters.listInterpreters(tx, input.includeInactive)) }),
  'interpreters:checkConflict': (input, r) => r.work((ctx) => interpreters.checkInterpreterConflict(ctx, input)),
  'interpreters:save': (input, r) => r.work((ctx) => interpreters.saveInterpreter(ctx, input)),
  'interpreters:revealContact': (input, r) => r.work((ctx) => interpreters.revealInterpreterContact(ctx, input)),
};
