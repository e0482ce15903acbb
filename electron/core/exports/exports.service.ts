/**
 * Printed case summaries (DESIGN.md §7): core builds the redacted document for a profile, so
 * nothing the profile leaves out ever reaches the page; the platform (Electron's main, or the
 * test harness) lays it out and renders it; core records every copy that leaves the vault in the
 * export register and the audit trail, in one transaction. Never add a sealed item without a
 * supervisor's stated reason, recorded first.
 */
import { createHash } from 'node:crypto';
import { chmodSync, unlinkSync, writeFileSync } from 'node:fs';
import { SealedValueSchemas } from '../../common/cases';
import type { ExportEntry, ExportRequest, PrintFooter, PrintJob } from '../../common/contract.exports';
import type { Guidance } from '../../common/guidance';
import { briefDecision, buildSummary, PROFILE_SPECS, type SealedItem, type SealedValues, type SummaryDocument } from '../../common/summary';
import { lastEntry } from '../audit/audit.repository';
import { reachable, type CaseRow } from '../caseAccess/caseAccess';
import { caseDetail } from '../caseFile/caseFile';
import * as casesRepo from '../cases/cases.repository';
import type { Tx } from '../db/connection';
import * as decisionsRepo from '../decisions/decisions.repository';
import { CoreError } from '../errors';
import { openCaseValue, openCaseValues, place } from '../sealing/sealing.service';
import * as interviewsRepo from '../interviews/interviews.repository';
import type { Ctx } from '../session/session.service';
import * as repo from './exports.repository';

/** What the platform lays out and renders (electron/common/contract.exports.ts PrintJobSchema). */
export type { PrintJob };

/** The platform that renders and delivers summaries: Electron's main process, or the test harness. */
export interface ExportPlatform {
  /** The summary as an A4 PDF, in memory (never a temporary file). */
  renderPdf(job: PrintJob): Promise<Buffer>;
  /** Asks the user where to save (the OS dialog); null if they cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Prints through the OS dialog; false if the user cancelled. */
  print(job: PrintJob): Promise<boolean>;
}

/** A summary made ready to leave the vault: its document, its footer (with the next number), and what the register will hold. */
export interface Prepared {
  job: PrintJob;
  row: CaseRow;
  year: number;
  seq: number;
  sealedItems: SealedItem[];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Pages of a PDF that Chromium wrote (one page object each). */
export function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The guidance frozen with the brief's recommendation, from its snapshot (null when none was submitted). */
async function guidanceAtSubmission(tx: Tx, caseId: string, decisionId: string | null): Promise<Guidance | null> {
  if (!decisionId) return null;
  const d = await decisionsRepo.getDecision(tx, caseId, decisionId);
  return d?.snapshot ? ((JSON.parse(d.snapshot) as { guidance?: Guidance }).guidance ?? null) : null;
}

/** Reads the sealed items authorised for this export, and only those. Call only after the authorisation is recorded. */
async function sealedValues(ctx: Ctx, row: CaseRow, items: readonly SealedItem[], interviews: { id: string; plannedAt: string; hasRecord: boolean }[]): Promise<SealedValues> {
  const { tx } = ctx;
  const out: SealedValues = {};
  const read = async <T>(f: 'whereabouts' | 'identity-documents' | 'residence-card-number', schema: { parse(v: unknown): T }): Promise<T | null> => {
    const value = await casesRepo.getSealed(tx, row.id, f);
    return value === undefined ? null : schema.parse(JSON.parse(await openCaseValue(ctx, row.id, place.caseSealed(row.id, f), value)));
  };
  if (items.includes('whereabouts')) out.whereabouts = await read('whereabouts', SealedValueSchemas.whereabouts);
  if (items.includes('identity-documents')) out.identityDocuments = await read('identity-documents', SealedValueSchemas['identity-documents']);
  if (items.includes('residence-card-number')) out.residenceCardNumber = await read('residence-card-number', SealedValueSchemas['residence-card-number']);
  if (items.includes('sealed-notes')) {
    const notes = await openCaseValues(ctx, row.id, (await casesRepo.sealedNotes(tx, row.id)).map((n) => ({ ...n, value: n.body })), (n) => place.caseNote(row.id, n.id));
    out.sealedNotes = notes.map((n) => ({ at: n.at, type: n.type, body: n.value }));
  }
  if (items.includes('interview-records')) {
    out.interviewRecords = [];
    for (const v of interviews.filter((i) => i.hasRecord)) {
      const record = await interviewsRepo.getInterviewRecord(tx, v.id);
      if (record !== undefined) out.interviewRecords.push({ plannedAt: v.plannedAt, record: await openCaseValue(ctx, row.id, place.interviewRecord(row.id, v.id), record) });
    }
  }
  return out;
}

/**
 * Builds the summary of one case for one profile as the user asked, refusing what they may not
 * have: a case they cannot reach (NOT_FOUND), sealed items without being a supervisor (FORBIDDEN)
 * or that the profile never carries (EXPORT_SEALED_NOT_ALLOWED).
 */
export async function prepare(ctx: Ctx, input: ExportRequest): Promise<Prepared> {
  const row = await reachable(ctx, input.caseId);
  const sealedItems = [...new Set(input.sealed?.items ?? [])];
  if (sealedItems.length) {
    // DESIGN.md §3: supervisors authorise the export of sealed information.
    if (ctx.session.user.role !== 'supervisor') throw new CoreError('FORBIDDEN', 'sealed items');
    const allowed = PROFILE_SPECS[input.profile].sealedAllowed;
    if (sealedItems.some((s) => !allowed.includes(s))) throw new CoreError('EXPORT_SEALED_NOT_ALLOWED');
    // The reason is recorded before any sealed value is read, in the same transaction.
    await ctx.audit({
      action: 'export.sealed-authorised',
      caseRef: row.reference,
      target: `case:${row.id}`,
      details: { profile: input.profile, items: sealedItems.join(','), reason: input.sealed?.reason ?? '' },
    });
  }
  const detail = await caseDetail(ctx, row);
  const decision = briefDecision(detail);
  const today = ctx.at.slice(0, 10);
  const document = buildSummary(
    input.profile,
    {
      detail,
      today,
      guidanceAtSubmission: await guidanceAtSubmission(ctx.tx, row.id, decision?.id ?? null),
      sealed: await sealedValues(ctx, row, sealedItems, detail.protection.interviews.map((v) => ({ id: v.id, plannedAt: v.plan.plannedAt, hasRecord: v.hasRecord }))),
    },
    sealedItems,
  );
  const year = Number(today.slice(0, 4));
  const { seq, number } = await repo.nextNumber(ctx.tx, year);
  const head = await lastEntry(ctx.tx);
  const footer: PrintFooter = {
    number,
    copy: await repo.nextCopy(ctx.tx, row.id, input.profile),
    recipient: input.recipient,
    exporter: ctx.session.user.display_name,
    exportedOn: today,
    anchor: { seq: head?.seq ?? 0, mac: (head?.mac ?? '').slice(0, 8) },
  };
  return { job: { document, footer, locale: input.locale, purpose: input.purpose }, row, year, seq, sealedItems };
}

/** The preview: the same document, nothing numbered, nothing recorded but the view (and any sealed authorisation). */
export async function preview(ctx: Ctx, input: ExportRequest): Promise<{ document: SummaryDocument; footer: PrintFooter }> {
  const p = await prepare(ctx, input);
  await ctx.audit({ action: 'export.previewed', caseRef: p.row.reference, target: `case:${p.row.id}`, details: { profile: input.profile, sealed: p.sealedItems.join(',') } });
  return { document: p.job.document, footer: { ...p.job.footer, number: null, copy: null } };
}

/**
 * Records a summary that has left the vault: the register entry and its audit entries, in the
 * caller's transaction, for exactly the number the pages carry. `deliver` (writing the PDF) runs
 * last, inside the same transaction: if it fails, nothing is recorded.
 */
export async function record(
  ctx: Ctx,
  input: ExportRequest,
  prepared: Prepared,
  rendered: { pdf: Buffer; medium: 'pdf' | 'print' },
  deliver: () => void = () => undefined,
): Promise<ExportEntry> {
  // Checked again inside the recording transaction: the case is still reachable, the number still the next.
  await reachable(ctx, input.caseId);
  if ((await repo.nextNumber(ctx.tx, prepared.year)).number !== prepared.job.footer.number) throw new CoreError('STALE_VERSION', 'export number taken');
  const pages = pdfPages(rendered.pdf);
  if (pages < 1) throw new CoreError('INTERNAL', 'the rendered PDF has no pages');
  const hash = sha256(rendered.pdf);
  const { job, row } = prepared;
  const number = job.footer.number ?? '';
  await repo.insertExport(ctx.tx, {
    number,
    year: prepared.year,
    seq: prepared.seq,
    case_id: row.id,
    case_ref: row.reference,
    profile: input.profile,
    medium: rendered.medium,
    copy: job.footer.copy ?? 1,
    recipient: input.recipient,
    purpose: input.purpose,
    exported_by: ctx.session.user.id,
    exported_at: ctx.at,
    pages,
    sha256: hash,
    sealed_items: JSON.stringify(prepared.sealedItems),
    sealed_authorised_by: prepared.sealedItems.length ? ctx.session.user.id : null,
    sealed_reason: input.sealed?.reason ?? '',
    anchor_seq: job.footer.anchor.seq,
    anchor_mac: job.footer.anchor.mac,
  });
  // The recipient and purpose stay in the register (case content); the trail holds what and how many.
  await ctx.audit({
    action: rendered.medium === 'pdf' ? 'export.saved' : 'export.printed',
    caseRef: row.reference,
    target: `export:${number}`,
    details: { profile: input.profile, pages, sha256: hash, sealed: prepared.sealedItems.join(',') },
  });
  deliver();
  const entry = await repo.getExport(ctx.tx, number);
  if (!entry) throw new CoreError('INTERNAL', 'the export was not recorded');
  return toEntry(entry);
}

export function toEntry(r: repo.ExportListRow): ExportEntry {
  return {
    number: r.number,
    caseId: r.case_id,
    caseReference: r.case_ref,
    profile: r.profile as ExportEntry['profile'],
    medium: r.medium as ExportEntry['medium'],
    copy: r.copy,
    recipient: r.recipient,
    purpose: r.purpose,
    exportedBy: r.exported_by_name,
    exportedAt: r.exported_at,
    pages: r.pages,
    sha256: r.sha256,
    sealedItems: JSON.parse(r.sealed_items),
    sealedAuthorisedBy: r.sealed_authorised_by_name,
    casePurgedOn: r.case_purged_at?.slice(0, 10) ?? null,
  };
}

/** Writes the PDF owner-only, straight from memory. Removes what it wrote if anything fails. */
export function writePdf(path: string, pdf: Buffer): void {
  try {
    writeFileSync(path, pdf, { mode: 0o600 });
    // A file that existed keeps its old mode through writeFileSync: set it.
    chmodSync(path, 0o600);
  } catch {
    try {
      unlinkSync(path);
    } catch {
      // Nothing was written.
    }
    throw new CoreError('EXPORT_WRITE_FAILED');
  }
}

/** The register: supervisors see every export, officers their own. Reading it is audited. */
export async function list(ctx: Ctx, input: { before?: string; limit: number }): Promise<{ entries: ExportEntry[]; nextBefore: string | null }> {
  const rows = await repo.listExports(ctx.tx, { exportedBy: ctx.session.user.role === 'supervisor' ? null : ctx.session.user.id, before: input.before, limit: input.limit });
  if (!input.before) await ctx.audit({ action: 'exports.listed', details: { results: rows.length } });
  return { entries: rows.map(toEntry), nextBefore: rows.length === input.limit ? rows[rows.length - 1].number : null };
}

/** A file name that says what it is, not whom it is about. */
export const suggestedName = (p: Prepared) => `${p.job.footer.number}-${p.row.reference}-${p.job.document.profile}.pdf`;
