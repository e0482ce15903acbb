/** The registry of TITP organisations and brokers (case workers read and link; supervisors edit, by policy). */
import type { HandlerSlice } from '../handler';
import * as organisations from './organisations.service';

export const organisationsHandlers: HandlerSlice<'organisations'> = {
  'organisations:search': (input, r) => r.work((ctx) => organisations.search(ctx, input)),
  'organisations:get': (input, r) => r.work((ctx) => organisations.view(ctx, input.id)),
  'organisations:save': (input, r) => r.work((ctx) => organisations.save(ctx, input)),
  'organisations:recordStatus': (input, r) => r.work((ctx) => organisations.recordStatus(ctx, input)),
  'organisations:recordViolation': (input, r) => r.work((ctx) => organisations.recordViolation(ctx, input)),
  'organisations:recordMissingReport': (input, r) => r.work((ctx) => organisations.recordMissingReport(ctx, input)),
  'organisations:forCase': (input, r) => r.work((ctx) => organisations.forCase(ctx, input.caseId)),
  'organisations:linkCase': (input, r) => r.work((ctx) => organisations.linkCase(ctx, input)),
  'organisations:unlinkCase': (input, r) => r.work((ctx) => organisations.unlinkCase(ctx, input)),
  'organisations:followups': (input, r) => r.work((ctx) => organisations.viewFollowups(ctx, input.organisationId)),
  'organisations:saveFollowup': (input, r) => r.work((ctx) => organisations.saveFollowup(ctx, input)),
};
