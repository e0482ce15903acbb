/**
 * The three considerations, the victim's wishes and IOM consent (DESIGN.md §6, DOMAIN.md §1):
 * append-only dated histories, newest first. Need to know and concurrency are those of the case
 * (caseAccess). Changes return nothing: the handler shows the case as the case file assembles it.
 */
import { randomUUID } from 'node:crypto';
import { CONSIDERATION_DATES, IOM_CONSENT_DATES, WISH_DATES, type ConsiderationInput, type IomConsentInput, type ProtectionDetail, type WishInput } from '../../common/protection';
import { forChange, touch } from '../caseAccess/caseAccess';
import type { Tx } from '../db/connection';
import { checkDates, CoreError } from '../errors';
import type { Ctx } from '../session/session.service';
import * as repo from './protection.repository';

type Histories = Omit<ProtectionDetail, 'interviews'>;

/** Who recorded an entry of a history, and when (the repository gives the recorder's display name). */
const recorded = (r: { recorded_at: string; recorded_by: string }) => ({ recordedAt: r.recorded_at, recordedBy: r.recorded_by });

/** The case's considerations, wishes and IOM consents as its page shows them. */
export async function protectionHistories(tx: Tx, caseId: string): Promise<Histories> {
  const [considerations, wishes, consents] = await Promise.all([repo.listConsiderations(tx, caseId), repo.listWishes(tx, caseId), repo.listIomConsents(tx, caseId)]);
  return {
    considerations: considerations.map((r) => ({
      id: r.id,
      kind: r.kind as Histories['considerations'][number]['kind'],
      level: r.level as Histories['considerations'][number]['level'],
      evidence: r.evidence,
      notes: r.notes,
      assessedOn: r.assessed_on,
      cooperationStatus: r.cooperation_status as Histories['considerations'][number]['cooperationStatus'],
      authorityReference: r.authority_reference,
      ...recorded(r),
    })),
    wishes: wishes.map((w) => ({
      id: w.id,
      wish: w.wish as Histories['wishes'][number]['wish'],
      ownWords: w.own_words,
      expressedOn: w.expressed_on,
      interpreterName: w.interpreter_name,
      ...recorded(w),
    })),
    iomConsents: consents.map((r) => ({ id: r.id, consent: r.consent as Histories['iomConsents'][number]['consent'], on: r.on_date, notes: r.notes, ...recorded(r) })),
  };
}

/** The columns every history entry shares. */
type Entry = { id: string; case_id: string; recorded_at: string; recorded_by: string };

/**
 * Appends one entry to a dated history of the case: the entry, the case's new version and the audit
 * entry (`describe` says what was recorded, never the victim's words) in the same transaction.
 */
async function appendToHistory(
  ctx: Ctx,
  ref: { caseId: string; version: number },
  insert: (entry: Entry) => Promise<void>,
  describe: (id: string) => Omit<Parameters<Ctx['audit']>[0], 'caseRef'>,
): Promise<void> {
  const row = await forChange(ctx, ref.caseId, ref.version);
  const entry = { id: randomUUID(), case_id: row.id, recorded_at: ctx.at, recorded_by: ctx.session.user.id };
  await insert(entry);
  await touch(ctx, row);
  await ctx.audit({ caseRef: row.reference, ...describe(entry.id) });
}

export async function recordConsideration(ctx: Ctx, input: { caseId: string; version: number; consideration: ConsiderationInput }): Promise<void> {
  const c = input.consideration;
  checkDates(ctx.at, [c, CONSIDERATION_DATES, 'consideration']);
  return appendToHistory(
    ctx,
    input,
    (entry) =>
      repo.insertConsideration(ctx.tx, {
        ...entry,
        kind: c.kind,
        level: c.level,
        evidence: c.evidence,
        notes: c.notes,
        assessed_on: c.assessedOn,
        cooperation_status: c.cooperationStatus,
        authority_reference: c.authorityReference,
      }),
    (id) => ({ action: 'case.consideration-recorded', target: `consideration:${id}`, details: { kind: c.kind, level: c.level } }),
  );
}

export async function recordWish(ctx: Ctx, input: { caseId: string; version: number; wish: WishInput }): Promise<void> {
  const w = input.wish;
  checkDates(ctx.at, [w, WISH_DATES, 'wish']);
  return appendToHistory(
    ctx,
    input,
    async (entry) => {
      if (w.interpreterId && !(await repo.interpreterExists(ctx.tx, w.interpreterId))) throw new CoreError('NOT_FOUND');
      await repo.insertWish(ctx.tx, { ...entry, wish: w.wish, own_words: w.ownWords, expressed_on: w.expressedOn, interpreter_id: w.interpreterId });
    },
    (id) => ({ action: 'case.wish-recorded', target: `wish:${id}`, details: { wish: w.wish } }),
  );
}

export async function recordIomConsent(ctx: Ctx, input: { caseId: string; version: number; consent: IomConsentInput }): Promise<void> {
  const c = input.consent;
  checkDates(ctx.at, [c, IOM_CONSENT_DATES, 'consent']);
  return appendToHistory(
    ctx,
    input,
    (entry) => repo.insertIomConsent(ctx.tx, { ...entry, consent: c.consent, on_date: c.on, notes: c.notes }),
    (id) => ({ action: 'case.iom-consent-recorded', target: `iom-consent:${id}`, details: { consent: c.consent } }),
  );
}
