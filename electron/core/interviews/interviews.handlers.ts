/** Interviews with their safeguards. Changes return the case as the case file assembles it. */
import { showAfter } from '../caseFile/caseFile';
import type { HandlerSlice } from '../handler';
import * as interviews from './interviews.service';

export const interviewsHandlers: HandlerSlice<'interviews'> = {
  'interviews:plan': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, interviews.planInterview(ctx, input))),
  'interviews:override': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, interviews.overrideInterview(ctx, input))),
  'interviews:start': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, interviews.startInterview(ctx, input))),
  'interviews:record': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, interviews.recordInterview(ctx, input))),
  'interviews:revealRecord': (input, r) => r.work((ctx) => interviews.revealInterviewRecord(ctx, input)),
};
