/**
 * Case files (DESIGN.md §3, §5). Need to know: an officer reaches only the cases assigned to
 * them, a supervisor all cases; every view and change is audited with the case reference in
 * the same transaction. Never send a sealed value without entitlement and a recorded reason.
 * Changes return nothing: the handler shows the case as the case file assembles it.
 */
import { randomUUID } from 'node:crypto';
import { checkTransition, conflictingParties, maskName } from '../../common/caseRules';
import { EXPLOITATION_DATES, NOTE_TYPES, PERSON_DATES, SealedValueSchemas, screeningDue, screeningIssues, type AdversePartyInput, type Exploitation, type Person, type RiskLevel, type SealedField, type SealedValue, type Stage } from '../../common/cases';
import type { CaseDetail } from '../../common/caseDetail';
import type { CaseListRow } from '../../common/contract.cases';
import { IMMIGRATION_DATES, standingOn, violationFrom, type Custody, type Immigration, type StatusValidity } from '../../common/immigration';
import type { ClosingOutcome, RetentionOutcome } from '../../common/retention';
import { REASON_MIN } from '../../common/schemas';
import { listPage } from '../audit/audit.repository';
import { forChange, heldForApproval, partyRegistryNames, reachable, recordEvent, touch, type CaseColumns, type CaseRow } from '../caseAccess/caseAccess';
import type { Tx } from '../db/connection';
import { checkDates, CoreError } from '../errors';
import { officersChanged, openCaseValue, place, sealCaseValue } from '../sealing/sealing.service';
import type { Ctx } from '../session/session.service';
import * as repo from './cases.repository';

/** Earliest of the period-of-stay expiry (even if past: overdue matters) and upcoming reporting dates. */
export function nextDeadline(immigration: Immigration, today: string): string | null {
  const dates = [
    ...(immigration.periodOfStayExpiry ? [immigration.periodOfStayExpiry] : []),
    ...immigration.reportingDates.map((r) => r.date).filter((d) => d >= today),
  ].sort();
  return dates[0] ?? null;
}

export function personColumns(p: Person) {
  return {
    family_name: p.familyName,
    given_name: p.givenName,
    family_name_native: p.familyNameNative,
    given_name_native: p.givenNameNative,
    preferred_name: p.preferredName,
    aliases: JSON.stringify(p.aliases),
    masked_name: maskName(p.familyName, p.givenName),
    sex: p.sex,
    date_of_birth: p.dateOfBirth,
    nationality: p.nationality,
    languages: JSON.stringify(p.languages),
    interpreter_needed: p.interpreterNeeded ? 1 : 0,
  };
}

export function immigrationColumns(i: Immigration, today: string) {
  return {
    status_of_residence: i.statusOfResidence,
    period_of_stay_expiry: i.periodOfStayExpiry,
    status_validity: i.statusValidity,
    // A date belongs to its fact: none is kept for a fact not recorded.
    status_validity_since: i.statusValidity === 'valid' ? null : i.statusValiditySince,
    unauthorised_work: i.unauthorisedWork ? 1 : 0,
    absconded: i.abscondedFromTraining ? 1 : 0,
    absconded_since: i.abscondedFromTraining ? i.abscondedSince : null,
    deportation_procedure: i.deportationProcedure ? 1 : 0,
    custody: i.custody,
    custody_since: i.custody === 'none' ? null : i.custodySince,
    measure_conditions: i.measureConditions,
    reporting_dates: JSON.stringify(i.reportingDates),
    violation_from: violationFrom(i),
    next_deadline: nextDeadline(i, today),
  };
}

export function exploitationColumns(e: Exploitation) {
  // A screening date belongs to a completed screening only.
  const recorded = e.screening === 'completed' ? e : { ...e, screenedOn: null };
  return { exploitation: JSON.stringify(recorded), referral_source: e.referralSource, identification_status: e.identificationStatus };
}

/** The immigration facts as recorded. */
export function immigrationOf(row: CaseRow): Immigration {
  return {
    statusOfResidence: row.status_of_residence as Immigration['statusOfResidence'],
    periodOfStayExpiry: row.period_of_stay_expiry,
    statusValidity: row.status_validity as StatusValidity,
    statusValiditySince: row.status_validity_since,
    unauthorisedWork: row.unauthorised_work === 1,
    abscondedFromTraining: row.absconded === 1,
    abscondedSince: row.absconded_since,
    deportationProcedure: row.deportation_procedure === 1,
    custody: row.custody as Custody,
    custodySince: row.custody_since,
    measureConditions: row.measure_conditions,
    reportingDates: JSON.parse(row.reporting_dates),
  };
}

export const exploitationOf = (row: CaseRow): Exploitation => JSON.parse(row.exploitation) as Exploitation;

/** Refuses what the screening rule of an absconded intern forbids (electron/common/cases.ts screeningIssues). */
function checkScreening(immigration: Immigration, exploitation: Exploitation, atIntake: boolean): void {
  const issues = screeningIssues(immigration.abscondedFromTraining, exploitation, { atIntake });
  if (issues.length) throw new CoreError('SCREENING_REQUIRED', 'screening', { issues });
}

/** Refuses a birth, a lapse, an absconding or custody dated after today, and years typed wrong (common/dates.ts). */
function checkSectionDates(at: string, input: { person?: Person; immigration?: Immigration; exploitation?: Exploitation }): void {
  checkDates(at, [input.person, PERSON_DATES, 'person'], [input.immigration, IMMIGRATION_DATES, 'immigration'], [input.exploitation, EXPLOITATION_DATES, 'exploitation']);
}

export type CaseRecord = Pick<CaseDetail, 'id' | 'reference' | 'stage' | 'closing' | 'riskLevel' | 'flags' | 'version' | 'createdAt' | 'updatedAt' | 'person' | 'immigration' | 'exploitation'>;

/** What the case row itself records, without a query: the fields an edit of its sections can change. */
export function caseRecord(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    reference: row.reference,
    stage: row.stage as Stage,
    closing: row.closing_outcome && row.closed_at ? { outcome: row.closing_outcome as RetentionOutcome, closedAt: row.closed_at } : null,
    riskLevel: row.risk_level as RiskLevel,
    flags: JSON.parse(row.flags),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    person: {
      familyName: row.family_name,
      givenName: row.given_name,
      familyNameNative: row.family_name_native,
      givenNameNative: row.given_name_native,
      preferredName: row.preferred_name,
      aliases: JSON.parse(row.aliases),
      sex: row.sex as Person['sex'],
      dateOfBirth: row.date_of_birth,
      nationality: row.nationality,
      languages: JSON.parse(row.languages),
      interpreterNeeded: row.interpreter_needed === 1,
    },
    immigration: immigrationOf(row),
    exploitation: exploitationOf(row),
  };
}

/**
 * The case file's own part of what the case page shows (no protection workflow, no decisions, and
 * of a party's registry entry only its id). Sealed fields say only whether they hold a value.
 */
export type CaseBase = Omit<CaseDetail, 'protection' | 'decisions' | 'adverseParties'> & { adverseParties: (AdversePartyInput & { id: string })[] };

export async function caseBase(tx: Tx, row: CaseRow): Promise<CaseBase> {
  const [officers, supervisor, sealed, parties, notes, events] = await Promise.all([
    repo.caseOfficers(tx, row.num),
    row.supervisor_id ? repo.displayNameOf(tx, row.supervisor_id) : undefined,
    repo.sealedPresence(tx, row.id),
    repo.listAdverse(tx, row.id),
    repo.listNotes(tx, row.id),
    repo.listEvents(tx, row.id),
  ]);
  const timeline: CaseDetail['timeline'] = [
    ...notes.map((n) => ({
      kind: 'note' as const,
      id: n.id,
      at: n.at,
      authorName: n.author_name,
      noteType: n.type as (typeof NOTE_TYPES)[number],
      sealed: n.sealed === 1,
      body: n.sealed === 1 ? null : n.body,
    })),
    ...events.map((e) => ({
      kind: 'event' as const,
      id: e.id,
      at: e.at,
      authorName: e.actor_name,
      event: e.kind,
      fromStage: e.from_stage as Stage | null,
      toStage: e.to_stage as Stage | null,
      reason: e.reason,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return {
    ...caseRecord(row),
    officers: officers.map((o) => ({ id: o.id, displayName: o.display_name })),
    supervisor: supervisor ? { id: supervisor.id, displayName: supervisor.display_name } : null,
    sealed: { whereabouts: sealed.has('whereabouts'), 'identity-documents': sealed.has('identity-documents'), 'residence-card-number': sealed.has('residence-card-number') },
    adverseParties: parties.map((p) => ({
      id: p.id,
      role: p.role as AdversePartyInput['role'],
      name: p.name,
      nameVariants: JSON.parse(p.name_variants),
      organisation: p.organisation,
      contact: p.contact,
      notes: p.notes,
      ...(p.organisation_id ? { organisationId: p.organisation_id } : {}),
    })),
    timeline,
  };
}

/** Intake: opens a case and returns its id. An officer's own intake is assigned to them. */
export async function createCase(
  ctx: Ctx,
  input: { person: Person; immigration: Immigration; exploitation: Exploitation; riskLevel: RiskLevel; flags: CaseDetail['flags'] },
): Promise<string> {
  const { session, tx, at } = ctx;
  checkSectionDates(at, input);
  checkScreening(input.immigration, input.exploitation, true);
  const id = randomUUID();
  const ref = await repo.nextReference(tx, Number(at.slice(0, 4)));
  const num = await repo.nextNum(tx);
  const columns: CaseColumns = {
    id,
    ...ref,
    stage: 'intake',
    risk_level: input.riskLevel,
    flags: JSON.stringify(input.flags),
    supervisor_id: session.user.role === 'supervisor' ? session.user.id : null,
    ...personColumns(input.person),
    ...immigrationColumns(input.immigration, at.slice(0, 10)),
    ...exploitationColumns(input.exploitation),
    screening_due: screeningDue(input.exploitation, input.immigration.abscondedFromTraining) ? 1 : 0,
    closing_outcome: null,
    closed_at: null,
    created_at: at,
    created_by: session.user.id,
    updated_at: at,
  };
  await repo.insertCases(tx, [{ num, columns }]);
  await repo.setExploitationTypes(tx, num, input.exploitation.types);
  // The officer who takes the intake works the case until a supervisor assigns it.
  if (session.user.role === 'officer') await repo.setOfficers(tx, num, [session.user.id]);
  await recordEvent(ctx, id, 'created', { to: 'intake' });
  await repo.refreshSearchIndex(tx, id);
  await ctx.audit({ action: 'case.created', caseRef: ref.reference, target: `case:${id}` });
  return id;
}

export async function listForUser(
  ctx: Ctx,
  input: { filter: repo.CaseListQuery['filter']; sort: repo.CaseListQuery['sort']; offset: number; limit: number },
): Promise<{ total: number; rows: CaseListRow[] }> {
  const { session, tx, at } = ctx;
  const today = at.slice(0, 10);
  const { total, rows } = await repo.listCases(tx, {
    ...input,
    onlyAssignedTo: session.user.role === 'supervisor' ? null : session.user.id,
    today,
  });
  // A new search or filter is recorded (without its text); scrolling the same list is not.
  if (input.offset === 0) await ctx.audit({ action: 'cases.listed', details: { searched: !!input.filter.query, results: total } });
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      maskedName: r.masked_name,
      nationality: r.nationality,
      sex: r.sex,
      stage: r.stage,
      riskLevel: r.risk_level as CaseListRow['riskLevel'],
      flags: JSON.parse(r.flags),
      // DOMAIN.md §1–§3: derived from the facts for today, never recorded.
      standing: standingOn(r.violation_from, today),
      custody: r.custody as Custody,
      nextDeadline: r.next_deadline,
      updatedAt: r.updated_at,
    })),
  };
}

/** Opening a case is a view of it: audited before anything of it is read. */
export async function openCase(ctx: Ctx, caseId: string): Promise<CaseRow> {
  const row = await reachable(ctx, caseId);
  await ctx.audit({ action: 'case.viewed', caseRef: row.reference, target: `case:${row.id}` });
  return row;
}

export async function updateSections(
  ctx: Ctx,
  input: { caseId: string; version: number; person?: Person; immigration?: Immigration; exploitation?: Exploitation; riskLevel?: RiskLevel; flags?: CaseDetail['flags'] },
): Promise<CaseRow> {
  checkSectionDates(ctx.at, input);
  const row = await forChange(ctx, input.caseId, input.version);
  const immigration = input.immigration ?? immigrationOf(row);
  const exploitation = input.exploitation ?? exploitationOf(row);
  checkScreening(immigration, exploitation, false);
  const changes: Partial<CaseColumns> = {
    screening_due: screeningDue(exploitation, immigration.abscondedFromTraining) ? 1 : 0,
    ...(input.person ? personColumns(input.person) : {}),
    ...(input.immigration ? immigrationColumns(input.immigration, ctx.at.slice(0, 10)) : {}),
    ...(input.exploitation ? exploitationColumns(input.exploitation) : {}),
    ...(input.riskLevel ? { risk_level: input.riskLevel } : {}),
    ...(input.flags ? { flags: JSON.stringify(input.flags) } : {}),
  };
  const stored = await touch(ctx, row, changes);
  if (input.exploitation) await repo.setExploitationTypes(ctx.tx, row.num, input.exploitation.types);
  if (input.person) await repo.refreshSearchIndex(ctx.tx, row.id);
  const sections = (['person', 'immigration', 'exploitation', 'riskLevel', 'flags'] as const).filter((k) => input[k] !== undefined);
  // Which sections changed, never their content.
  await ctx.audit({ action: 'case.updated', caseRef: row.reference, target: `case:${row.id}`, details: { sections: sections.join(',') } });
  return stored;
}

export async function assign(ctx: Ctx, input: { caseId: string; version: number; officerIds: string[]; supervisorId: string | null }): Promise<void> {
  const row = await forChange(ctx, input.caseId, input.version);
  const staff = await repo.activeRoles(ctx.tx, [...input.officerIds, input.supervisorId ?? '']);
  const roleOf = new Map(staff.map((s) => [s.id, s.role]));
  if (input.officerIds.some((id) => roleOf.get(id) !== 'officer')) throw new CoreError('INVALID_INPUT');
  if (input.supervisorId && roleOf.get(input.supervisorId) !== 'supervisor') throw new CoreError('INVALID_INPUT');
  const before = (await repo.caseOfficers(ctx.tx, row.num)).map((o) => o.id);
  await touch(ctx, row, { supervisor_id: input.supervisorId });
  const after = [...new Set(input.officerIds)];
  await repo.setOfficers(ctx.tx, row.num, after);
  // The case's key follows its officers: a new one is sealed its key, a removed one's goes and the case is re-keyed.
  if ((await officersChanged(ctx, row.id, before, after)).rekeyed) {
    await ctx.audit({ action: 'sealing.rekeyed', caseRef: row.reference, target: `case:${row.id}`, details: { removed: before.filter((id) => !after.includes(id)).join(',') } });
  }
  await recordEvent(ctx, row.id, 'assigned');
  await ctx.audit({ action: 'case.assigned', caseRef: row.reference, target: `case:${row.id}`, details: { officers: input.officerIds.join(','), supervisor: input.supervisorId } });
}

/**
 * Moves the case to another stage. Closing records the outcome and the time, from which the case's
 * retention period runs (electron/common/retention.ts); reopening clears both, so an open case is
 * never due for purge, and a case closed again starts its period afresh.
 */
export async function transition(ctx: Ctx, input: { caseId: string; version: number; to: Stage; reason: string; outcome?: ClosingOutcome }): Promise<void> {
  const row = await reachable(ctx, input.caseId);
  if (row.version !== input.version) throw new CoreError('STALE_VERSION');
  if (await heldForApproval(ctx, row)) throw new CoreError('DECISION_STATE');
  const check = checkTransition(row.stage as Stage, input.to, ctx.session.user.role);
  if (!check.allowed) throw new CoreError('FORBIDDEN', check.why);
  if (check.needsReason && input.reason.length < REASON_MIN) throw new CoreError('INVALID_INPUT', 'reason', { issues: [{ path: 'reason', message: 'case.reason.tooShort' }] });
  // The contract requires an outcome exactly when closing; checked again here, where it is stored.
  if ((input.to === 'closed') !== !!input.outcome) throw new CoreError('INVALID_INPUT', 'outcome', { issues: [{ path: 'outcome', message: 'case.outcome.required' }] });
  const closing = input.to === 'closed' ? { closing_outcome: input.outcome ?? null, closed_at: ctx.at } : { closing_outcome: null, closed_at: null };
  await touch(ctx, row, { stage: input.to, ...closing });
  await recordEvent(ctx, row.id, 'stage', { from: row.stage, to: input.to, reason: input.reason });
  await ctx.audit({
    action: 'case.stage-changed',
    caseRef: row.reference,
    target: `case:${row.id}`,
    details: { from: row.stage, to: input.to, ...(input.outcome ? { outcome: input.outcome } : {}) },
  });
}

/** Reveals one sealed value: the reason is recorded first, in the same transaction. */
export async function revealSealed(ctx: Ctx, input: { caseId: string; field: SealedField; reason: string }) {
  const row = await reachable(ctx, input.caseId);
  await ctx.audit({ action: 'case.sealed-revealed', caseRef: row.reference, target: `case:${row.id}`, details: { field: input.field, reason: input.reason } });
  const stored = await repo.getSealed(ctx.tx, row.id, input.field);
  const raw = stored === undefined ? undefined : await openCaseValue(ctx, row.id, place.caseSealed(row.id, input.field), stored);
  return { field: input.field, value: raw === undefined ? null : SealedValueSchemas[input.field].parse(JSON.parse(raw)) } as never;
}

export async function setSealed(ctx: Ctx, input: { caseId: string; version: number; sealed: SealedValue }): Promise<void> {
  const row = await forChange(ctx, input.caseId, input.version);
  await touch(ctx, row);
  const stored = await sealCaseValue(ctx, row.id, place.caseSealed(row.id, input.sealed.field), JSON.stringify(input.sealed.value));
  await repo.putSealed(ctx.tx, row.id, input.sealed.field, stored, ctx.at, ctx.session.user.id);
  // Which field changed, never the value.
  await ctx.audit({ action: 'case.sealed-updated', caseRef: row.reference, target: `case:${row.id}`, details: { field: input.sealed.field } });
}

export async function addNote(ctx: Ctx, input: { caseId: string; noteType: string; body: string; sealed: boolean }): Promise<void> {
  const row = await reachable(ctx, input.caseId);
  if (row.stage === 'closed') throw new CoreError('FORBIDDEN');
  const id = randomUUID();
  // A sealed note's body is stored under the case's key (sealing/).
  const body = input.sealed ? await sealCaseValue(ctx, row.id, place.caseNote(row.id, id), input.body) : input.body;
  await repo.insertNote(ctx.tx, { id, case_id: row.id, at: ctx.at, author_id: ctx.session.user.id, type: input.noteType, sealed: input.sealed ? 1 : 0, body });
  await touch(ctx, row);
  // Sealed notes are never indexed: refreshSearchIndex reads only non-sealed ones.
  if (!input.sealed) await repo.refreshSearchIndex(ctx.tx, row.id);
  await ctx.audit({ action: 'case.note-added', caseRef: row.reference, target: `note:${id}`, details: { sealed: input.sealed, type: input.noteType } });
}

export async function revealNote(ctx: Ctx, input: { caseId: string; noteId: string; reason: string }): Promise<{ body: string }> {
  const row = await reachable(ctx, input.caseId);
  const note = await repo.getNote(ctx.tx, row.id, input.noteId);
  if (!note) throw new CoreError('NOT_FOUND');
  await ctx.audit({ action: 'case.note-revealed', caseRef: row.reference, target: `note:${input.noteId}`, details: { reason: input.reason } });
  return { body: note.sealed === 1 ? await openCaseValue(ctx, row.id, place.caseNote(row.id, input.noteId), note.body) : note.body };
}

export async function saveAdverseParty(ctx: Ctx, input: { caseId: string; version: number; partyId?: string; party: AdversePartyInput }): Promise<void> {
  const row = await forChange(ctx, input.caseId, input.version);
  const existing = input.partyId ? (await repo.listAdverse(ctx.tx, row.id)).find((p) => p.id === input.partyId) : undefined;
  if (input.partyId && !existing) throw new CoreError('NOT_FOUND');
  const id = input.partyId ?? randomUUID();
  await repo.upsertAdverse(ctx.tx, {
    id,
    case_id: row.id,
    role: input.party.role,
    name: input.party.name,
    name_variants: JSON.stringify(input.party.nameVariants),
    organisation: input.party.organisation,
    contact: input.party.contact,
    notes: input.party.notes,
    organisation_id: input.party.organisationId ?? null,
    created_at: existing?.created_at ?? ctx.at,
    updated_at: ctx.at,
  });
  await touch(ctx, row);
  await ctx.audit({
    action: 'case.adverse-party-saved',
    caseRef: row.reference,
    target: `adverse-party:${id}`,
    // The registry entry only when the party names one (shown to auditors by kind only).
    details: { role: input.party.role, added: !existing, ...(input.party.organisationId ? { organisation: input.party.organisationId } : {}) },
  });
}

export async function removeAdverseParty(ctx: Ctx, input: { caseId: string; version: number; partyId: string; reason: string }): Promise<void> {
  const row = await forChange(ctx, input.caseId, input.version);
  if (!(await repo.deleteAdverse(ctx.tx, row.id, input.partyId))) throw new CoreError('NOT_FOUND');
  await touch(ctx, row);
  await ctx.audit({ action: 'case.adverse-party-removed', caseRef: row.reference, target: `adverse-party:${input.partyId}`, details: { reason: input.reason } });
}

export async function checkConflict(ctx: Ctx, input: { caseId: string; name: string }) {
  const row = await reachable(ctx, input.caseId);
  // A party that is a registry entry also goes by the entry's Japanese and Latin names.
  const registry = await partyRegistryNames(ctx.tx, row.id);
  const entryNames = (partyId: string) => registry.filter((r) => r.party_id === partyId).flatMap((r) => [r.name_ja, r.name_latin].filter(Boolean));
  const parties = (await repo.listAdverse(ctx.tx, row.id)).map((p) => ({
    id: p.id,
    name: p.name,
    role: p.role,
    nameVariants: [...(JSON.parse(p.name_variants) as string[]), ...entryNames(p.id)],
  }));
  const matches = conflictingParties(input.name, parties);
  // The checked name may be a third party's: record that a check ran and its outcome, not the name.
  await ctx.audit({ action: 'case.conflict-checked', caseRef: row.reference, target: `case:${row.id}`, details: { matches: matches.length } });
  return { matches: matches.map((m) => ({ partyId: m.id, name: m.name, role: m.role as AdversePartyInput['role'] })) };
}

export async function acknowledgeConflict(ctx: Ctx, input: { caseId: string; name: string; context: string; partyIds: string[]; reason: string }): Promise<void> {
  const row = await reachable(ctx, input.caseId);
  const known = new Set((await repo.listAdverse(ctx.tx, row.id)).map((p) => p.id));
  if (input.partyIds.some((id) => !known.has(id))) throw new CoreError('NOT_FOUND');
  await recordEvent(ctx, row.id, 'conflict-acknowledged', { reason: `${input.context}: ${input.reason}` });
  await touch(ctx, row);
  await ctx.audit({
    action: 'case.conflict-acknowledged',
    caseRef: row.reference,
    target: `case:${row.id}`,
    details: { context: input.context, parties: input.partyIds.join(','), reason: input.reason },
  });
}

export async function staff(tx: Tx) {
  const rows = await repo.activeCaseworkers(tx);
  const pick = (role: string) => rows.filter((r) => r.role === role).map((r) => ({ id: r.id, displayName: r.display_name }));
  return { officers: pick('officer'), supervisors: pick('supervisor') };
}

/** Supervisors: the trail of this case (who viewed or changed it), newest first. Viewing it is audited too. */
export async function accessLog(ctx: Ctx, input: { caseId: string; before?: number }) {
  const row = await reachable(ctx, input.caseId);
  await ctx.audit({ action: 'case.access-log-viewed', caseRef: row.reference, target: `case:${row.id}` });
  const PAGE = 50;
  const rows = await listPage(ctx.tx, { caseRef: row.reference, before: input.before, limit: PAGE });
  return {
    entries: rows.map((r) => ({ seq: r.seq, at: r.at, actorName: r.actor_name, actorRole: r.actor_role, action: r.action, details: JSON.parse(r.details) })),
    nextBefore: rows.length === PAGE ? rows[rows.length - 1].seq : null,
  };
}
