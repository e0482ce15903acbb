/**
 * SQL that every case feature shares: the case's row (header and details), its assignment, its
 * version, its dated obligations, its timeline events, and the owner filter of work lists.
 * Sealed values are never read here.
 */
import type { Tx } from '../db/connection';

export interface CaseRow {
  num: number;
  id: string;
  reference: string;
  ref_year: number;
  ref_seq: number;
  stage: string;
  risk_level: string;
  flags: string;
  supervisor_id: string | null;
  masked_name: string;
  sex: string;
  nationality: string;
  custody: string;
  /** The first day the person is in violation (electron/common/immigration.ts violationFrom); null: not while nothing changes. */
  violation_from: string | null;
  /** 1 while the case waits for its indicator screening (deferred, or an absconded intern not yet screened). */
  screening_due: number;
  next_deadline: string | null;
  /** How and when a supervisor closed the case; both null while it is open (a trigger keeps them in step with the stage). */
  closing_outcome: string | null;
  closed_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
  family_name: string;
  given_name: string;
  family_name_native: string;
  given_name_native: string;
  preferred_name: string;
  aliases: string;
  date_of_birth: string | null;
  languages: string;
  interpreter_needed: number;
  status_of_residence: string;
  period_of_stay_expiry: string | null;
  status_validity: string;
  status_validity_since: string | null;
  unauthorised_work: number;
  absconded: number;
  absconded_since: string | null;
  deportation_procedure: number;
  custody_since: string | null;
  measure_conditions: string;
  reporting_dates: string;
  exploitation: string;
  referral_source: string;
  identification_status: string;
}

export type CaseColumns = Omit<CaseRow, 'num' | 'version'>;

/** Columns of the narrow header table (`cases`); the rest live in `case_details`. */
export const HEADER: (keyof CaseColumns)[] = [
  'id', 'reference', 'ref_year', 'ref_seq', 'stage', 'risk_level', 'flags', 'supervisor_id', 'masked_name', 'sex', 'nationality',
  'custody', 'violation_from', 'screening_due', 'next_deadline', 'closing_outcome', 'closed_at', 'created_at', 'created_by', 'updated_at',
];
export const DETAIL: (keyof CaseColumns)[] = [
  'family_name', 'given_name', 'family_name_native', 'given_name_native', 'preferred_name', 'aliases', 'date_of_birth', 'languages', 'interpreter_needed',
  'status_of_residence', 'period_of_stay_expiry', 'status_validity', 'status_validity_since', 'unauthorised_work', 'absconded', 'absconded_since',
  'deportation_procedure', 'custody_since', 'measure_conditions', 'reporting_dates', 'exploitation', 'referral_source', 'identification_status',
];
const isHeader = new Set<string>(HEADER);

export const placeholders = (cols: number, rows: number) => Array.from({ length: rows }, () => `(${Array.from({ length: cols }, () => '?').join(', ')})`).join(', ');

export function getCase(tx: Tx, id: string): Promise<CaseRow | undefined> {
  return tx.get<CaseRow>('SELECT c.*, d.* FROM cases c JOIN case_details d ON d.case_num = c.num WHERE c.id = ?', [id]);
}

export async function isAssigned(tx: Tx, caseNum: number, userId: string): Promise<boolean> {
  return !!(await tx.get('SELECT 1 AS x FROM case_officers WHERE case_num = ? AND user_id = ?', [caseNum, userId]));
}

type DeadlineColumns = Pick<CaseColumns, 'period_of_stay_expiry' | 'reporting_dates'>;

/** The dated obligations of one case, as rows of `case_deadlines` (My work reads them by date). */
export function deadlineRows(num: number, c: DeadlineColumns): (string | number)[][] {
  return [
    ...(c.period_of_stay_expiry ? [[num, 'period-of-stay-expiry', c.period_of_stay_expiry, '']] : []),
    ...(JSON.parse(c.reporting_dates) as { date: string; note: string }[]).map((r) => [num, 'reporting', r.date, r.note]),
  ];
}

export async function insertDeadlines(tx: Tx, rows: (string | number)[][]): Promise<void> {
  // Chunked: a bulk insert of many cases must stay under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await tx.run(`INSERT INTO case_deadlines (case_num, kind, date, note) VALUES ${placeholders(4, chunk.length)}`, chunk.flat());
  }
}

/** Applies `changes` only if the case is still at `version` (optimistic concurrency). */
export async function updateCase(tx: Tx, row: Pick<CaseRow, 'num' | 'id'>, version: number, changes: Partial<CaseColumns>): Promise<boolean> {
  const cols = Object.keys(changes) as (keyof CaseColumns)[];
  const head = cols.filter((c) => isHeader.has(c));
  const detail = cols.filter((c) => !isHeader.has(c));
  const r = await tx.run(`UPDATE cases SET ${head.map((c) => `${c} = ?, `).join('')}version = version + 1 WHERE id = ? AND version = ?`, [
    ...head.map((c) => changes[c] as string | number | null),
    row.id,
    version,
  ]);
  if (r.changes !== 1) return false;
  if (detail.length) {
    await tx.run(`UPDATE case_details SET ${detail.map((c) => `${c} = ?`).join(', ')} WHERE case_num = ?`, [
      ...detail.map((c) => changes[c] as string | number | null),
      row.num,
    ]);
  }
  if ('period_of_stay_expiry' in changes || 'reporting_dates' in changes) {
    const now = await tx.get<DeadlineColumns>('SELECT period_of_stay_expiry, reporting_dates FROM case_details WHERE case_num = ?', [row.num]);
    await tx.run('DELETE FROM case_deadlines WHERE case_num = ?', [row.num]);
    if (now) await insertDeadlines(tx, deadlineRows(row.num, now));
  }
  return true;
}

export type EventKind = 'created' | 'stage' | 'assigned' | 'conflict-acknowledged';

export interface EventRow {
  id: string;
  case_id: string;
  at: string;
  actor_id: string;
  actor_name: string;
  kind: EventKind;
  from_stage: string | null;
  to_stage: string | null;
  reason: string;
}

export async function insertEvent(tx: Tx, e: Omit<EventRow, 'actor_name'>): Promise<void> {
  await tx.run('INSERT INTO case_events (id, case_id, at, actor_id, kind, from_stage, to_stage, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    e.id, e.case_id, e.at, e.actor_id, e.kind, e.from_stage, e.to_stage, e.reason,
  ]);
}

/** The status of the case's open recommendation, if any (draft, pending or returned). */
export async function openDecisionStatus(tx: Tx, caseId: string): Promise<string | undefined> {
  return (await tx.get<{ status: string }>("SELECT status FROM decisions WHERE case_id = ? AND status IN ('draft', 'pending', 'returned')", [caseId]))?.status;
}

/**
 * The names an adverse party of this case goes by, for conflict checks of people about to meet the
 * victim: its adverse parties, then the registry organisations involved in it (a broker is often a
 * person) — those linked to the case and those its adverse parties are, each once, so a party's
 * entry is checked even after the case's own link to it was removed.
 */
export function adversePartyNames(tx: Tx, caseId: string): Promise<{ id: string; name: string; name_variants: string }[]> {
  return tx.all(
    `SELECT id, name, name_variants FROM (
       SELECT id, name, name_variants, 0 AS part, created_at AS at, rowid AS n FROM adverse_parties WHERE case_id = ?
       UNION ALL
       SELECT o.id, CASE WHEN o.name_latin <> '' THEN o.name_latin ELSE o.name_ja END,
              CASE WHEN o.name_latin <> '' AND o.name_ja <> '' THEN json_array(o.name_ja) ELSE '[]' END, 1, l.at, o.num
       FROM (SELECT organisation_id, min(at) AS at FROM (
               SELECT organisation_id, linked_at AS at FROM case_organisations WHERE case_id = ?
               UNION ALL
               SELECT organisation_id, created_at FROM adverse_parties WHERE case_id = ? AND organisation_id IS NOT NULL
             ) GROUP BY organisation_id) l
       JOIN organisations o ON o.id = l.organisation_id
     ) ORDER BY part, at, n`,
    [caseId, caseId, caseId],
  );
}

/** The registry names of the entries this case's adverse parties are, by party: a party is also known by its entry's names. */
export function partyRegistryNames(tx: Tx, caseId: string): Promise<{ party_id: string; name_ja: string; name_latin: string }[]> {
  return tx.all(
    `SELECT a.id AS party_id, o.name_ja, o.name_latin FROM adverse_parties a JOIN organisations o ON o.id = a.organisation_id
     WHERE a.case_id = ? ORDER BY a.created_at, a.rowid`,
    [caseId],
  );
}

/**
 * Whose cases a work list shows: an officer's are those assigned to them, a supervisor's those
 * they supervise. Returned as one probe per row of `cases c`, never as a set of a whole caseload.
 */
export type Owner = { role: 'officer' | 'supervisor'; userId: string };

export function ownerProbe(owner: Owner): { sql: string; params: [string] } {
  return owner.role === 'supervisor'
    ? { sql: '+c.supervisor_id = ?', params: [owner.userId] }
    : { sql: 'EXISTS (SELECT 1 FROM case_officers x WHERE x.case_num = c.num AND x.user_id = ?)', params: [owner.userId] };
}
