/**
 * The protection workflow (DESIGN.md §6, DOMAIN.md §1): interviews with their safeguards, the
 * three considerations, the victim's wishes, and the interpreter registry. Every change is
 * audited with the case reference in the same transaction; sealed values (interview records,
 * interpreter contacts) leave core only with a recorded reason.
 */
import { randomUUID } from 'node:crypto';
import { conflictingParties } from '../../common/caseRules';
import { interviewReadiness, type Readiness } from '../../common/interviewReadiness';
import {
  InterviewPlanSchema,
  type ConsiderationInput,
  type InterpreterContact,
  type InterpreterInput,
  type InterviewPlan,
  type InterviewRecordInput,
  type InterviewStatus,
  type IomConsentInput,
  type ProtectionDetail,
  type WishInput,
} from '../../common/protection';
import type { Interpreter } from '../../common/protection';
import type { Tx } from '../db/connection';
import { CoreError } from '../errors';
import type { CaseRow } from '../cases/cases.repository';
import type { Ctx } from '../cases/cases.service';
import * as repo from './protection.repository';

type Party = { id: string; name: string; name_variants: string };

/** The adverse parties the interpreter's name or any of its variants matches. */
export function interpreterMatches(interpreter: Pick<repo.InterpreterRow, 'name' | 'name_variants'> | undefined, parties: readonly Party[]): number {
  if (!interpreter) return 0;
  const named = parties.map((p) => ({ id: p.id, name: p.name, nameVariants: JSON.parse(p.name_variants) as string[] }));
  const names = [interpreter.name, ...(JSON.parse(interpreter.name_variants) as string[])];
  return new Set(names.flatMap((n) => conflictingParties(n, named).map((p) => p.id))).size;
}

/** The readiness rule applied to the case as it is now. */
export function readinessOf(
  c: Pick<CaseRow, 'sex' | 'languages'>,
  plan: InterviewPlan,
  interpreter: Pick<repo.InterpreterRow, 'name' | 'name_variants' | 'languages'> | undefined,
  parties: readonly Party[],
): { readiness: Readiness; adverseMatches: number } {
  const adverseMatches = interpreterMatches(interpreter, parties);
  const readiness = interviewReadiness({
    victim: { sex: c.sex as InterviewPlan['officersPresent'][number]['sex'], languages: JSON.parse(c.languages), condition: plan.condition },
    interpreter: interpreter ? { languages: JSON.parse(interpreter.languages) } : null,
    noInterpreterReason: plan.noInterpreterReason,
    officersPresent: plan.officersPresent,
    noFemaleOfficerReason: plan.noFemaleOfficerReason,
    place: { private: plan.placePrivate, disclosesWhereabouts: plan.placeDisclosesWhereabouts },
    adverseMatches,
    rightsExplained: plan.rightsExplained,
  });
  return { readiness, adverseMatches };
}

/** Everything of the protection workflow the case page shows. No sealed value. */
export async function protectionDetail(tx: Tx, c: CaseRow, parties: readonly Party[]): Promise<ProtectionDetail> {
  const [interviews, considerations, wishes, consents] = await Promise.all([
    repo.listInterviews(tx, c.id),
    repo.listConsiderations(tx, c.id),
    repo.listWishes(tx, c.id),
    repo.listIomConsents(tx, c.id),
  ]);
  const interpreterIds = [...new Set(interviews.map((v) => v.interpreter_id).filter((id): id is string => id !== null))];
  const interpreters = new Map<string, repo.InterpreterRow>();
  for (const id of interpreterIds) {
    const row = await repo.getInterpreter(tx, id);
    if (row) interpreters.set(id, row);
  }
  const plans = interviews.map((v) => InterviewPlanSchema.parse(JSON.parse(v.plan)));
  const names = new Map((await repo.userNames(tx, [...new Set(plans.flatMap((p) => p.officersPresent.map((o) => o.userId)))])).map((u) => [u.id, u.display_name]));
  return {
    interviews: interviews.map((v, i) => {
      const plan = plans[i];
      const interpreter = v.interpreter_id ? interpreters.get(v.interpreter_id) : undefined;
      const { readiness, adverseMatches } = readinessOf(c, plan, interpreter, parties);
      return {
        id: v.id,
        status: v.status as InterviewStatus,
        plan,
        interpreterName: interpreter?.name ?? null,
        officersPresent: plan.officersPresent.map((o) => ({ ...o, displayName: names.get(o.userId) ?? '—' })),
        adverseMatches,
        readiness,
        override: v.override_by ? { by: v.override_by_name ?? '—', at: v.override_at!, reason: v.override_reason!, items: JSON.parse(v.override_items!) } : null,
        startedAt: v.started_at,
        endedAt: v.ended_at,
        voluntariness: v.voluntariness,
        outcomeNote: v.outcome_note,
        hasRecord: v.has_record === 1,
        createdAt: v.created_at,
        createdBy: v.created_by_name,
      };
    }),
    considerations: considerations.map((r) => ({
      id: r.id,
      kind: r.kind as ProtectionDetail['considerations'][number]['kind'],
      level: r.level as ProtectionDetail['considerations'][number]['level'],
      evidence: r.evidence,
      notes: r.notes,
      assessedOn: r.assessed_on,
      cooperationStatus: r.cooperation_status as ProtectionDetail['considerations'][number]['cooperationStatus'],
      authorityReference: r.authority_reference,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by,
    })),
    wishes: wishes.map((w) => ({
      id: w.id,
      wish: w.wish as ProtectionDetail['wishes'][number]['wish'],
      ownWords: w.own_words,
      expressedOn: w.expressed_on,
      interpreterName: w.interpreter_name,
      recordedAt: w.recorded_at,
      recordedBy: w.recorded_by,
    })),
    iomConsents: consents.map((r) => ({
      id: r.id,
      consent: r.consent as ProtectionDetail['iomConsents'][number]['consent'],
      on: r.on_date,
      notes: r.notes,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by,
    })),
  };
}

// ---- Interpreter registry -------------------------------------------------------------

export function toInterpreter(r: repo.InterpreterRow): Interpreter {
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    nameVariants: JSON.parse(r.name_variants),
    languages: JSON.parse(r.languages),
    pledgeDate: r.pledge_date,
    notes: r.notes,
    active: r.active === 1,
    hasContact: r.has_contact === 1,
    conflictReason: r.conflict_reason,
    updatedAt: r.updated_at,
  };
}

export async function countAdverseMatches(tx: Tx, name: string, nameVariants: readonly string[]): Promise<number> {
  return interpreterMatches({ name, name_variants: JSON.stringify(nameVariants) }, await repo.allAdverseNames(tx));
}

/** The registry is not case work, but it runs like it: one transaction with its audit entry. */
export type RegistryCtx = Pick<Ctx, 'tx' | 'audit' | 'at' | 'session'>;

export async function saveInterpreter(
  ctx: RegistryCtx,
  input: { interpreterId?: string; version?: number; interpreter: InterpreterInput; contact?: InterpreterContact; conflictReason?: string },
): Promise<Interpreter> {
  const { tx, at } = ctx;
  const i = input.interpreter;
  // DESIGN.md §5: every interpreter added anywhere is checked against the adverse parties.
  const matches = await countAdverseMatches(tx, i.name, i.nameVariants);
  const existing = input.interpreterId ? await repo.getInterpreter(tx, input.interpreterId) : undefined;
  if (input.interpreterId && !existing) throw new CoreError('NOT_FOUND');
  if (matches > 0 && !input.conflictReason && !existing?.conflict_reason) throw new CoreError('ADVERSE_PARTY_MATCH');
  const conflictReason = matches > 0 ? (input.conflictReason ?? existing?.conflict_reason ?? '') : '';
  const columns = {
    name: i.name,
    name_variants: JSON.stringify(i.nameVariants),
    languages: JSON.stringify(i.languages),
    pledge_date: i.pledgeDate,
    notes: i.notes,
    active: i.active ? 1 : 0,
    conflict_reason: conflictReason,
    updated_at: at,
  };
  const id = existing?.id ?? randomUUID();
  if (existing) {
    if (input.version === undefined || !(await repo.updateInterpreter(tx, id, input.version, columns))) throw new CoreError('STALE_VERSION');
  } else {
    await repo.insertInterpreter(tx, { id, created_at: at, ...columns });
  }
  if (input.contact) await repo.putInterpreterContact(tx, id, JSON.stringify(input.contact), at, ctx.session.user.id);
  // Names and contacts stay out of the trail; what changed and whether a conflict was accepted do not.
  await ctx.audit({
    action: 'interpreter.saved',
    target: `interpreter:${id}`,
    details: { added: !existing, contactChanged: !!input.contact, adverseMatches: matches, ...(matches > 0 && input.conflictReason ? { conflictReason: input.conflictReason } : {}) },
  });
  return toInterpreter((await repo.getInterpreter(tx, id))!);
}

/** How many adverse parties of any case the name matches. It reads every case's parties: audited (the count, not the name). */
export async function checkInterpreterConflict(ctx: RegistryCtx, input: { name: string; nameVariants: string[] }): Promise<{ matches: number }> {
  const matches = await countAdverseMatches(ctx.tx, input.name, input.nameVariants);
  await ctx.audit({ action: 'interpreter.conflict-checked', details: { matches } });
  return { matches };
}

export async function revealInterpreterContact(ctx: RegistryCtx, input: { interpreterId: string; reason: string }): Promise<InterpreterContact> {
  const row = await repo.getInterpreter(ctx.tx, input.interpreterId);
  if (!row) throw new CoreError('NOT_FOUND');
  await ctx.audit({ action: 'interpreter.contact-revealed', target: `interpreter:${row.id}`, details: { reason: input.reason } });
  const raw = await repo.getInterpreterContact(ctx.tx, row.id);
  return raw ? JSON.parse(raw) : { phone: '', email: '', other: '' };
}

// ---- Interview state machine ------------------------------------------------------------

/** Which outcomes may be recorded from which status. Declining or postponing needs no start. */
export function canRecord(status: InterviewStatus, outcome: InterviewRecordInput['outcome']): boolean {
  if (status === 'in-progress') return true;
  return status === 'planned' && (outcome === 'declined' || outcome === 'postponed');
}

/** Checks the record's fields against its outcome; returns the issues (message keys). */
export function recordIssues(r: InterviewRecordInput): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const testimony = r.outcome === 'held' || r.outcome === 'ended-early';
  // ISA victim-protection policy: never forced testimony. What was said is only recorded with a
  // statement that it was said voluntarily; a victim who declined or was not questioned gave none.
  if (testimony && r.voluntariness.trim().length < 10) issues.push({ path: 'voluntariness', message: 'interview.voluntariness.required' });
  if (r.outcome === 'held' && r.record.trim().length === 0) issues.push({ path: 'record', message: 'interview.record.required' });
  if (!testimony && r.record.trim().length > 0) issues.push({ path: 'record', message: 'interview.record.notForOutcome' });
  if (!testimony && r.voluntariness.trim().length > 0) issues.push({ path: 'voluntariness', message: 'interview.voluntariness.notForOutcome' });
  return issues;
}

export type { ConsiderationInput, IomConsentInput, WishInput };
