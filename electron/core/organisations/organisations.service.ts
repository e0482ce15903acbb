/**
 * The registry of Technical Intern Training organisations and brokers (issue 15; DOMAIN.md §3).
 * Case workers read it and link organisations to the cases they may reach; supervisors edit it.
 * The status history and violations are append-only. Every view and change is audited in the
 * request's transaction. An officer learns of other officers' cases only how many there are.
 */
import { randomUUID } from 'node:crypto';
import type { FollowupList, Organisation, OrganisationRow } from '../../common/contract.organisations';
import { searchForm } from '../../common/caseRules';
import {
  FOLLOWUP_DATES,
  LICENSED_TYPES,
  RELATED_TYPES,
  standingOn,
  STATUS_ENTRY_DATES,
  typesAvailableOn,
  VIOLATION_DATES,
  type FollowupInput,
  type FollowupOutcome,
  type MissingReportInput,
  type OrganisationInput,
  type OrganisationType,
  type StatusEntryInput,
  type ViolationInput,
} from '../../common/organisations';
import { reachable, type CaseRow } from '../caseAccess/caseAccess';
import type { Tx } from '../db/connection';
import { checkDates, CoreError } from '../errors';
import type { Ctx } from '../session/session.service';
import * as repo from './organisations.repository';
import type { OrganisationDbRow, StatusRow } from './organisations.repository';

const today = (ctx: Pick<Ctx, 'at'>) => ctx.at.slice(0, 10);

function history(statuses: readonly StatusRow[]) {
  return statuses.map((s) => ({ kind: s.kind, from: s.from_date, to: s.to_date, decisionReference: s.decision_reference }));
}

function toRow(r: OrganisationDbRow, statuses: readonly StatusRow[], on: string): OrganisationRow {
  return {
    id: r.id,
    type: r.type as OrganisationType,
    nameJa: r.name_ja,
    nameLatin: r.name_latin,
    corporateNumber: r.corporate_number ?? '',
    prefecture: r.prefecture,
    country: r.country,
    standing: standingOn(history(statuses.filter((s) => s.organisation_id === r.id)), on),
    violations: r.violations,
  };
}

async function toRows(tx: Tx, rows: readonly OrganisationDbRow[], on: string): Promise<OrganisationRow[]> {
  const statuses = await repo.statusesOf(tx, rows.map((r) => r.id));
  return rows.map((r) => toRow(r, statuses, on));
}

/** The entries with these ids as lists show them, standing on `on` (those not found are left out). */
export async function rowsOf(tx: Tx, ids: readonly string[], on: string): Promise<OrganisationRow[]> {
  return toRows(tx, await repo.organisationsByIds(tx, ids), on);
}

export async function search(ctx: Pick<Ctx, 'tx' | 'at'>, input: { query: string; type?: OrganisationType; limit: number }) {
  const typed = searchForm(input.query.trim());
  // A corporate number is found however it was typed (spaces or hyphens between the digits).
  const query = /^[\d\s-]+$/.test(typed) ? typed.replace(/[\s-]/g, '') : typed;
  const found = await repo.search(ctx.tx, { query, type: input.type, limit: input.limit });
  return { rows: await toRows(ctx.tx, found.rows, today(ctx)), total: found.total };
}

async function mustGet(tx: Tx, id: string): Promise<OrganisationDbRow> {
  const row = await repo.getOrganisation(tx, id);
  if (!row) throw new CoreError('NOT_FOUND');
  return row;
}

/** The whole entry as this user may see it (involvement: an officer's own cases by name, the rest as a count). */
async function detail(ctx: Ctx, id: string): Promise<Organisation> {
  const row = await mustGet(ctx.tx, id);
  const [statuses, violations, missingReports, relations, involved] = await Promise.all([
    repo.statusesOf(ctx.tx, [id]),
    repo.violationsOf(ctx.tx, id),
    repo.missingReportsOf(ctx.tx, id),
    repo.relationsOf(ctx.tx, id),
    repo.involvement(ctx.tx, id, ctx.session.user.role === 'supervisor' ? null : ctx.session.user.id),
  ]);
  const brief = (b: { id: string; type: string; name_ja: string; name_latin: string }) => ({ id: b.id, type: b.type as OrganisationType, nameJa: b.name_ja, nameLatin: b.name_latin });
  return {
    ...toRow(row, statuses, today(ctx)),
    licenceNumber: row.licence_number,
    notes: row.notes,
    version: row.version,
    related: relations.related.map(brief),
    relatedBy: relations.relatedBy.map(brief),
    statuses: statuses.map((s) => ({ id: s.id, kind: s.kind, from: s.from_date, to: s.to_date, decisionReference: s.decision_reference, recordedAt: s.recorded_at, recordedBy: s.recorded_by_name })),
    violationList: violations.map((v) => ({ id: v.id, on: v.on_date, article: v.article as '46', source: v.source, note: v.note, recordedBy: v.recorded_by_name })),
    missingReports,
    involvement: { total: involved.total, cases: involved.cases.map((c) => ({ caseId: c.id, reference: c.reference, maskedName: c.masked_name })) },
  };
}

export async function view(ctx: Ctx, id: string): Promise<Organisation> {
  const d = await detail(ctx, id);
  await ctx.audit({ action: 'organisation.viewed', target: `organisation:${id}` });
  return d;
}

/** Checks the chain: each related entry exists, is not this one, and has a type this one may name. */
async function checkRelations(tx: Tx, id: string | null, type: OrganisationType, relatedIds: readonly string[]): Promise<void> {
  if (id && relatedIds.includes(id)) throw new CoreError('ORGANISATION_RELATION');
  const found = await repo.typesOf(tx, relatedIds);
  if (found.length !== relatedIds.length) throw new CoreError('NOT_FOUND', 'related organisation');
  if (found.some((r) => !RELATED_TYPES[type].includes(r.type as OrganisationType))) throw new CoreError('ORGANISATION_RELATION');
}

export async function save(ctx: Ctx, input: { id?: string; version?: number; organisation: OrganisationInput }): Promise<Organisation> {
  const o = input.organisation;
  const existing = input.id ? await mustGet(ctx.tx, input.id) : undefined;
  // A new entry takes only the types in force today (the 育成就労 terms from April 2027); an entry keeps its type.
  if ((!existing || existing.type !== o.type) && !typesAvailableOn(today(ctx)).includes(o.type)) {
    throw new CoreError('INVALID_INPUT', 'type', { issues: [{ path: 'organisation.type', message: 'organisations.type.notYet' }] });
  }
  if (o.licenceNumber && !LICENSED_TYPES.includes(o.type)) {
    throw new CoreError('INVALID_INPUT', 'licence', { issues: [{ path: 'organisation.licenceNumber', message: 'organisations.licence.notLicensed' }] });
  }
  if (o.corporateNumber) {
    const same = await repo.byCorporateNumber(ctx.tx, o.corporateNumber);
    if (same && same.id !== input.id) throw new CoreError('ORGANISATION_DUPLICATE');
  }
  await checkRelations(ctx.tx, input.id ?? null, o.type, o.relatedIds);
  const columns = {
    type: o.type,
    name_ja: o.nameJa,
    name_latin: o.nameLatin,
    corporate_number: o.corporateNumber || null,
    prefecture: o.prefecture,
    country: o.country,
    licence_number: o.licenceNumber,
    notes: o.notes,
    search_names: searchForm(`${o.nameJa} ${o.nameLatin}`),
  };
  const id = existing?.id ?? randomUUID();
  if (existing) {
    if (input.version === undefined || !(await repo.updateOrganisation(ctx.tx, id, input.version, { ...columns, updated_at: ctx.at }))) throw new CoreError('STALE_VERSION');
  } else {
    await repo.insertOrganisation(ctx.tx, { ...columns, id, created_at: ctx.at, created_by: ctx.session.user.id });
  }
  await repo.setRelations(ctx.tx, id, o.relatedIds);
  await repo.refreshSearch(ctx.tx, id);
  // The type and which parts changed; the names stay in the registry, not the trail.
  await ctx.audit({ action: existing ? 'organisation.updated' : 'organisation.created', target: `organisation:${id}`, details: { type: o.type, related: o.relatedIds.length } });
  return detail(ctx, id);
}

/** A change to the entry's history: based on its current version, which it moves on. */
async function changed(ctx: Ctx, input: { id: string; version: number }): Promise<OrganisationDbRow> {
  const row = await mustGet(ctx.tx, input.id);
  if (!(await repo.updateOrganisation(ctx.tx, row.id, input.version, { updated_at: ctx.at }))) throw new CoreError('STALE_VERSION');
  return row;
}

export async function recordStatus(ctx: Ctx, input: { id: string; version: number; entry: StatusEntryInput }): Promise<Organisation> {
  checkDates(ctx.at, [input.entry, STATUS_ENTRY_DATES, 'entry']);
  const row = await changed(ctx, input);
  const e = input.entry;
  if (e.kind === 'licence-revoked' && !LICENSED_TYPES.includes(row.type as OrganisationType)) {
    throw new CoreError('INVALID_INPUT', 'kind', { issues: [{ path: 'entry.kind', message: 'organisations.licence.notLicensed' }] });
  }
  await repo.insertStatus(ctx.tx, { id: randomUUID(), organisation_id: row.id, kind: e.kind, from_date: e.from, to_date: e.to, decision_reference: e.decisionReference, recorded_at: ctx.at, recorded_by: ctx.session.user.id });
  await ctx.audit({ action: 'organisation.status-recorded', target: `organisation:${row.id}`, details: { kind: e.kind, from: e.from, to: e.to, decisionReference: e.decisionReference } });
  return detail(ctx, row.id);
}

export async function recordViolation(ctx: Ctx, input: { id: string; version: number; violation: ViolationInput }): Promise<Organisation> {
  checkDates(ctx.at, [input.violation, VIOLATION_DATES, 'violation']);
  const row = await changed(ctx, input);
  const v = input.violation;
  await repo.insertViolation(ctx.tx, { id: randomUUID(), organisation_id: row.id, on_date: v.on, article: v.article, source: v.source, note: v.note, recorded_at: ctx.at, recorded_by: ctx.session.user.id });
  await ctx.audit({ action: 'organisation.violation-recorded', target: `organisation:${row.id}`, details: { on: v.on, article: v.article } });
  return detail(ctx, row.id);
}

export async function recordMissingReport(ctx: Ctx, input: { id: string; version: number; report: MissingReportInput }): Promise<Organisation> {
  const row = await changed(ctx, input);
  const r = input.report;
  await repo.putMissingReport(ctx.tx, { organisation_id: row.id, half: r.half, count: r.count, source: r.source, recorded_at: ctx.at, recorded_by: ctx.session.user.id });
  await ctx.audit({ action: 'organisation.missing-report-recorded', target: `organisation:${row.id}`, details: { half: r.half, count: r.count } });
  return detail(ctx, row.id);
}

export async function forCase(ctx: Ctx, caseId: string): Promise<{ links: OrganisationRow[] }> {
  const row = await reachable(ctx, caseId);
  return { links: await toRows(ctx.tx, await repo.linkedTo(ctx.tx, row.id), today(ctx)) };
}

/**
 * Links an organisation to a case this user may reach (not a closed one), unless it is linked
 * already; a new link is audited on the case. The rule for the case's own list and for its adverse
 * parties alike (cases:saveAdverseParty links a party's entry through here).
 */
export async function ensureLinked(ctx: Ctx, caseId: string, organisationId: string): Promise<CaseRow> {
  const row = await reachable(ctx, caseId);
  if (row.stage === 'closed') throw new CoreError('FORBIDDEN');
  if (!(await repo.getOrganisation(ctx.tx, organisationId))) throw new CoreError('ORGANISATION_UNKNOWN');
  if (await repo.link(ctx.tx, row.id, organisationId, ctx.at, ctx.session.user.id)) {
    await ctx.audit({ action: 'case.organisation-linked', caseRef: row.reference, target: `case:${row.id}`, details: { organisation: organisationId } });
  }
  return row;
}

/** Links an organisation to a case this user may reach (not a closed one); audited on the case. */
export async function linkCase(ctx: Ctx, input: { caseId: string; organisationId: string }): Promise<{ links: OrganisationRow[] }> {
  const row = await ensureLinked(ctx, input.caseId, input.organisationId);
  return forCase(ctx, row.id);
}

export async function unlinkCase(ctx: Ctx, input: { caseId: string; organisationId: string }): Promise<{ links: OrganisationRow[] }> {
  const row = await reachable(ctx, input.caseId);
  if (row.stage === 'closed') throw new CoreError('FORBIDDEN');
  if (!(await repo.unlink(ctx.tx, row.id, input.organisationId))) throw new CoreError('NOT_FOUND');
  await ctx.audit({ action: 'case.organisation-unlinked', caseRef: row.reference, target: `case:${row.id}`, details: { organisation: input.organisationId } });
  return forCase(ctx, row.id);
}

/** The follow-up list as this user may see it: a supervisor all of it; an officer their own entries and the count of the others. */
async function followupList(ctx: Ctx, organisationId: string): Promise<FollowupList> {
  const { entries, others } = await repo.followups(ctx.tx, organisationId, ctx.session.user.role === 'supervisor' ? null : ctx.session.user.id);
  return {
    entries: entries.map((f) => ({
      id: f.id,
      trainee: f.trainee,
      plannedOn: f.planned_on,
      outcome: f.outcome as FollowupOutcome,
      note: f.note,
      assignedTo: f.assigned_to,
      assignedToName: f.assigned_to_name,
      version: f.version,
    })),
    others,
  };
}

export async function viewFollowups(ctx: Ctx, organisationId: string): Promise<FollowupList> {
  await mustGet(ctx.tx, organisationId);
  const list = await followupList(ctx, organisationId);
  await ctx.audit({ action: 'organisation.followups-viewed', target: `organisation:${organisationId}`, details: { shown: list.entries.length } });
  return list;
}

/**
 * Same-workplace follow-up (DOMAIN.md §3: interview trainees from the same workplace to find
 * mistreatment early). A supervisor adds a trainee to interview, assigned to an officer, and may
 * change any part; the assigned officer records the date, the outcome and a note, and nothing else.
 */
export async function saveFollowup(ctx: Ctx, input: { organisationId: string; followupId?: string; version?: number; followup: FollowupInput }): Promise<FollowupList> {
  checkDates(ctx.at, [input.followup, FOLLOWUP_DATES, 'followup']);
  await mustGet(ctx.tx, input.organisationId);
  const f = input.followup;
  const supervisor = ctx.session.user.role === 'supervisor';
  if (!input.followupId) {
    if (!supervisor) throw new CoreError('FORBIDDEN');
    if (!(await repo.isActiveOfficer(ctx.tx, f.assignedTo))) throw new CoreError('INVALID_INPUT', 'assignedTo', { issues: [{ path: 'followup.assignedTo', message: 'organisations.followup.officer' }] });
    const id = randomUUID();
    await repo.insertFollowup(ctx.tx, { id, organisation_id: input.organisationId, trainee: f.trainee, planned_on: f.plannedOn, outcome: f.outcome, note: f.note, assigned_to: f.assignedTo, created_at: ctx.at, created_by: ctx.session.user.id });
    await ctx.audit({ action: 'organisation.followup-saved', target: `organisation:${input.organisationId}`, details: { followup: id, added: true, outcome: f.outcome, assignedTo: f.assignedTo } });
    return followupList(ctx, input.organisationId);
  }
  const existing = await repo.getFollowup(ctx.tx, input.organisationId, input.followupId);
  // An officer reaches only the entries assigned to them: any other is "not found", like a case.
  if (!existing || (!supervisor && existing.assigned_to !== ctx.session.user.id)) throw new CoreError('NOT_FOUND');
  if (!supervisor && (f.trainee !== existing.trainee || f.assignedTo !== existing.assigned_to)) throw new CoreError('FORBIDDEN', 'only a supervisor changes who or whom');
  if (supervisor && f.assignedTo !== existing.assigned_to && !(await repo.isActiveOfficer(ctx.tx, f.assignedTo))) {
    throw new CoreError('INVALID_INPUT', 'assignedTo', { issues: [{ path: 'followup.assignedTo', message: 'organisations.followup.officer' }] });
  }
  if (input.version === undefined || !(await repo.updateFollowup(ctx.tx, existing.id, input.version, { trainee: f.trainee, planned_on: f.plannedOn, outcome: f.outcome, note: f.note, assigned_to: f.assignedTo, updated_at: ctx.at }))) {
    throw new CoreError('STALE_VERSION');
  }
  await ctx.audit({ action: 'organisation.followup-saved', target: `organisation:${input.organisationId}`, details: { followup: existing.id, added: false, outcome: f.outcome, assignedTo: f.assignedTo } });
  return followupList(ctx, input.organisationId);
}
