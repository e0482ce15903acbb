/** The three considerations, the victim's wishes and IOM consent. Changes return the case as the case file assembles it. */
import { showAfter } from '../caseFile/caseFile';
import type { HandlerSlice } from '../handler';
import * as protection from './protection.service';

export const protectionHandlers: HandlerSlice<'protection'> = {
  'protection:recordConsideration': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, protection.recordConsideration(ctx, input))),
  'protection:recordWish': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, protection.recordWish(ctx, input))),
  'protection:recordIomConsent': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, protection.recordIomConsent(ctx, input))),
};
