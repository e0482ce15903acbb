/**
 * The case file as a whole (DESIGN.md §5–§6): assembles what the case page shows from the
 * features that hold its parts — the case itself, its interviews, the protection histories and
 * its decisions. It sits above those features so that none of them imports another.
 */
import type { CaseDetail, CaseEdit } from '../../common/caseDetail';
import { adversePartyNames, type CaseRow } from '../caseAccess/caseAccess';
import { getCase, openDecisionStatus } from '../caseAccess/caseAccess.repository';
import { caseBase, caseRecord, type CaseBase } from '../cases/cases.service';
import { decisionSummaries } from '../decisions/decisions.summary';
import { CoreError } from '../errors';
import { interviewSummaries } from '../interviews/interviews.service';
import { rowsOf } from '../organisations/organisations.service';
import { protectionHistories } from '../protection/protection.service';
import type { Ctx } from '../session/session.service';

/** What reading a case needs: the request's transaction, and its time (what stands today is read on it). */
export type CaseRead = Pick<Ctx, 'tx' | 'at'>;

/** Each adverse party with the registry entry it is, as the entry stands on the day of the request. */
async function withRegistryEntries({ tx, at }: CaseRead, parties: CaseBase['adverseParties']): Promise<CaseDetail['adverseParties']> {
  const ids = [...new Set(parties.flatMap((p) => (p.organisationId ? [p.organisationId] : [])))];
  const entries = await rowsOf(tx, ids, at.slice(0, 10));
  return parties.map((p) => ({ ...p, registryEntry: entries.find((e) => e.id === p.organisationId) ?? null }));
}

/** The case without its decisions: the facts a decision rests on (see decisions.service's ReadCase). */
export async function caseWithoutDecisions(r: CaseRead, row: CaseRow): Promise<Omit<CaseDetail, 'decisions'>> {
  const { tx } = r;
  const [base, parties, histories] = await Promise.all([caseBase(tx, row), adversePartyNames(tx, row.id), protectionHistories(tx, row.id)]);
  const [interviews, adverseParties] = await Promise.all([interviewSummaries(tx, row, parties), withRegistryEntries(r, base.adverseParties)]);
  return { ...base, adverseParties, protection: { interviews, ...histories } };
}

/** The case as its page shows it. Sealed fields say only whether they hold a value. */
export async function caseDetail(r: CaseRead, row: CaseRow): Promise<CaseDetail> {
  const facts = await caseWithoutDecisions(r, row);
  return { ...facts, decisions: await decisionSummaries(r.tx, facts) };
}

/** The case as it is now, after a change in this transaction (the caller has already reached it). */
export async function currentDetail(r: CaseRead, caseId: string): Promise<CaseDetail> {
  const row = await getCase(r.tx, caseId);
  if (!row) throw new CoreError('NOT_FOUND');
  return caseDetail(r, row);
}

/** Awaits a change of the case made in this transaction, then shows the case as it now is. */
export async function showAfter(r: CaseRead, caseId: string, change: Promise<unknown>): Promise<CaseDetail> {
  await change;
  return currentDetail(r, caseId);
}

/**
 * After a save of the case's own sections in this transaction (`change` resolves to the row as it
 * stored it, so nothing is read again): the record as now stored, the
 * interviews when the person changed, the decisions while one awaits approval (see CaseEdit).
 */
export async function editedCase(r: CaseRead, change: Promise<CaseRow>, changed: { person: boolean }): Promise<CaseEdit> {
  const row = await change;
  const pending = (await openDecisionStatus(r.tx, row.id)) === 'pending';
  if (pending) {
    const detail = await caseDetail(r, row);
    return { ...caseRecord(row), interviews: detail.protection.interviews, decisions: detail.decisions };
  }
  return { ...caseRecord(row), ...(changed.person ? { interviews: await interviewSummaries(r.tx, row, await adversePartyNames(r.tx, row.id)) } : {}) };
}
