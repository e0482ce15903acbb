/**
 * Residence decisions. The case file gives decisions the facts they rest on (`caseDetail`);
 * changes return the case as the case file assembles it.
 */
import { caseDetail, showAfter } from '../caseFile/caseFile';
import type { HandlerSlice } from '../handler';
import * as decisions from './decisions.service';

export const decisionsHandlers: HandlerSlice<'decisions'> = {
  'decisions:saveDraft': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, decisions.saveDraft(ctx, input))),
  'decisions:submit': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, decisions.submit(ctx, input, caseDetail))),
  'decisions:approve': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, decisions.approve(ctx, input, caseDetail))),
  'decisions:return': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, decisions.returnDecision(ctx, input))),
  'decisions:queue': (_input, r) => r.work((ctx) => decisions.reviewQueue(ctx, caseDetail)),
};
