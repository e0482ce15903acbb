/** The case-file channels. Changes return the case as the case file assembles it; a save of its sections, only what it changed. */
import { caseDetail, currentDetail, editedCase, showAfter } from '../caseFile/caseFile';
import type { HandlerSlice, Input } from '../handler';
import { ensureLinked } from '../organisations/organisations.service';
import type { Ctx } from '../session/session.service';
import * as cases from './cases.service';

/**
 * A party that is a registry entry links that entry to the case too, by the registry's own rule
 * and audit entry (organisations:linkCase), in the same transaction: the entry then shows among the
 * organisations involved. The link is checked first, so an unreachable case or an unknown entry
 * saves nothing.
 */
async function saveAdverseParty(ctx: Ctx, input: Input<'cases:saveAdverseParty'>): Promise<void> {
  if (input.party.organisationId) await ensureLinked(ctx, input.caseId, input.party.organisationId);
  await cases.saveAdverseParty(ctx, input);
}

export const casesHandlers: HandlerSlice<'cases'> = {
  'cases:create': (input, r) => r.work(async (ctx) => currentDetail(ctx, await cases.createCase(ctx, input))),
  'cases:list': (input, r) => r.work((ctx) => cases.listForUser(ctx, input)),
  'cases:get': (input, r) => r.work(async (ctx) => caseDetail(ctx, await cases.openCase(ctx, input.caseId))),
  'cases:update': (input, r) => r.work((ctx) => editedCase(ctx, cases.updateSections(ctx, input), { person: input.person !== undefined })),
  'cases:assign': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, cases.assign(ctx, input))),
  'cases:transition': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, cases.transition(ctx, input))),
  'cases:revealSealed': (input, r) => r.work((ctx) => cases.revealSealed(ctx, input)),
  'cases:setSealed': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, cases.setSealed(ctx, input))),
  'cases:addNote': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, cases.addNote(ctx, input))),
  'cases:revealNote': (input, r) => r.work((ctx) => cases.revealNote(ctx, input)),
  'cases:saveAdverseParty': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, saveAdverseParty(ctx, input))),
  'cases:removeAdverseParty': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, cases.removeAdverseParty(ctx, input))),
  'cases:checkConflict': (input, r) => r.work((ctx) => cases.checkConflict(ctx, input)),
  'cases:acknowledgeConflict': (input, r) => r.work((ctx) => showAfter(ctx, input.caseId, cases.acknowledgeConflict(ctx, input))),
  'cases:accessLog': (input, r) => r.work((ctx) => cases.accessLog(ctx, input)),
  'cases:staff': (_input, r) => r.read(cases.staff),
};
