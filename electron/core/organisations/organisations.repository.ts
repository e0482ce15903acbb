/** SQL for the registry of TITP organisations and brokers, and their links to cases (migration 0140). */
import type { Tx } from '../db/connection';

export interface OrganisationDbRow {
  num: number;
  id: string;
  type: string;
  name_ja: string;
  name_latin: string;
  corporate_number: string | null;
  prefecture: string;
  country: string;
  licence_number: string;
  notes: string;
  search_names: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
  violations: number;
}

export interface StatusRow {
  id: string;
  organisation_id: string;
  kind: 'banned' | 'licence-revoked' | 'name-disclosed' | 'reinstated';
  from_date: string;
  to_date: string | null;
  decision_reference: string;
  recorded_at: string;
  recorded_by_name: string;
}

const SELECT = `SELECT o.*, (SELECT count(*) FROM organisation_violations v WHERE v.organisation_id = o.id) AS violations FROM organisations o`;

export function getOrganisation(tx: Tx, id: string): Promise<OrganisationDbRow | undefined> {
  return tx.get<OrganisationDbRow>(`${SELECT} WHERE o.id = ?`, [id]);
}

export function organisationsByIds(tx: Tx, ids: readonly string[]): Promise<OrganisationDbRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.all(`${SELECT} WHERE o.id IN (${ids.map(() => '?').join(', ')})`, [...ids]);
}

export function byCorporateNumber(tx: Tx, corporateNumber: string): Promise<{ id: string } | undefined> {
  return tx.get('SELECT id FROM organisations WHERE corporate_number = ?', [corporateNumber]);
}

export function typesOf(tx: Tx, ids: readonly string[]): Promise<{ id: string; type: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.all(`SELECT id, type FROM organisations WHERE id IN (${ids.map(() => '?').join(', ')})`, [...ids]);
}

export type OrganisationColumns = Pick<OrganisationDbRow, 'type' | 'name_ja' | 'name_latin' | 'corporate_number' | 'prefecture' | 'country' | 'licence_number' | 'notes' | 'search_names'>;

export async function insertOrganisation(tx: Tx, r: OrganisationColumns & { id: string; created_at: string; created_by: string }): Promise<void> {
  await tx.run(
    `INSERT INTO organisations (id, type, name_ja, name_latin, corporate_number, prefecture, country, licence_number, notes, search_names, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [r.id, r.type, r.name_ja, r.name_latin, r.corporate_number, r.prefecture, r.country, r.licence_number, r.notes, r.search_names, r.created_at, r.created_by, r.created_at],
  );
}

/** Applies the change only at `version` (optimistic concurrency); false when it is stale or gone. */
export async function updateOrganisation(tx: Tx, id: string, version: number, r: Partial<OrganisationColumns> & { updated_at: string }): Promise<boolean> {
  const cols = Object.keys(r) as (keyof typeof r)[];
  const res = await tx.run(`UPDATE organisations SET ${cols.map((c) => `${c} = ?`).join(', ')}, version = version + 1 WHERE id = ? AND version = ?`, [
    ...cols.map((c) => r[c] as string | null),
    id,
    version,
  ]);
  return res.changes === 1;
}

export async function refreshSearch(tx: Tx, id: string): Promise<void> {
  const row = await tx.get<{ num: number; search_names: string; corporate_number: string | null }>('SELECT num, search_names, corporate_number FROM organisations WHERE id = ?', [id]);
  if (!row) return;
  await tx.run('DELETE FROM organisations_fts WHERE rowid = ?', [row.num]);
  await tx.run('INSERT INTO organisations_fts (rowid, names) VALUES (?, ?)', [row.num, `${row.search_names} ${row.corporate_number ?? ''}`]);
}

/** Organisations whose names (or corporate number) hold `query` (in search form); by type. */
export async function search(tx: Tx, q: { query: string; type?: string; limit: number }): Promise<{ rows: OrganisationDbRow[]; total: number }> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.query.length >= 3) {
    // Trigram FTS: the query as one quoted phrase, so operators typed by the user mean nothing.
    where.push('o.num IN (SELECT rowid FROM organisations_fts WHERE organisations_fts MATCH ?)');
    params.push(`"${q.query.replace(/"/g, '""')}"`);
  } else if (q.query) {
    // Too short for trigrams (a two-kanji part of a name): the registry is small enough to scan.
    where.push("instr(o.search_names, ?) > 0");
    params.push(q.query);
  }
  if (q.type) {
    where.push('o.type = ?');
    params.push(q.type);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await tx.get<{ n: number }>(`SELECT count(*) AS n FROM organisations o ${clause}`, params))?.n ?? 0;
  const rows = await tx.all<OrganisationDbRow>(`${SELECT} ${clause} ORDER BY o.name_latin COLLATE NOCASE, o.name_ja, o.num LIMIT ?`, [...params, q.limit]);
  return { rows, total };
}

export function statusesOf(tx: Tx, ids: readonly string[]): Promise<StatusRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.all(
    `SELECT s.*, u.display_name AS recorded_by_name FROM organisation_statuses s JOIN users u ON u.id = s.recorded_by
     WHERE s.organisation_id IN (${ids.map(() => '?').join(', ')}) ORDER BY s.from_date, s.recorded_at, s.rowid`,
    [...ids],
  );
}

export async function insertStatus(tx: Tx, r: Omit<StatusRow, 'recorded_by_name'> & { recorded_by: string }): Promise<void> {
  await tx.run(
    'INSERT INTO organisation_statuses (id, organisation_id, kind, from_date, to_date, decision_reference, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [r.id, r.organisation_id, r.kind, r.from_date, r.to_date, r.decision_reference, r.recorded_at, r.recorded_by],
  );
}

export function violationsOf(tx: Tx, id: string) {
  return tx.all<{ id: string; on_date: string; article: string; source: string; note: string; recorded_by_name: string }>(
    `SELECT v.id, v.on_date, v.article, v.source, v.note, u.display_name AS recorded_by_name
     FROM organisation_violations v JOIN users u ON u.id = v.recorded_by WHERE v.organisation_id = ? ORDER BY v.on_date DESC, v.rowid DESC`,
    [id],
  );
}

export async function insertViolation(tx: Tx, r: { id: string; organisation_id: string; on_date: string; article: string; source: string; note: string; recorded_at: string; recorded_by: string }): Promise<void> {
  await tx.run('INSERT INTO organisation_violations (id, organisation_id, on_date, article, source, note, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    r.id, r.organisation_id, r.on_date, r.article, r.source, r.note, r.recorded_at, r.recorded_by,
  ]);
}

export function missingReportsOf(tx: Tx, id: string) {
  return tx.all<{ half: string; count: number; source: string }>('SELECT half, count, source FROM organisation_missing_reports WHERE organisation_id = ? ORDER BY half DESC', [id]);
}

export async function putMissingReport(tx: Tx, r: { organisation_id: string; half: string; count: number; source: string; recorded_at: string; recorded_by: string }): Promise<void> {
  await tx.run(
    `INSERT INTO organisation_missing_reports (organisation_id, half, count, source, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (organisation_id, half) DO UPDATE SET count = excluded.count, source = excluded.source, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
    [r.organisation_id, r.half, r.count, r.source, r.recorded_at, r.recorded_by],
  );
}

type Brief = { id: string; type: string; name_ja: string; name_latin: string };

/** The organisations `id` names up its chain, and those naming it. */
export async function relationsOf(tx: Tx, id: string): Promise<{ related: Brief[]; relatedBy: Brief[] }> {
  const [related, relatedBy] = await Promise.all([
    tx.all<Brief>('SELECT o.id, o.type, o.name_ja, o.name_latin FROM organisation_relations r JOIN organisations o ON o.id = r.to_id WHERE r.from_id = ? ORDER BY o.name_latin', [id]),
    tx.all<Brief>('SELECT o.id, o.type, o.name_ja, o.name_latin FROM organisation_relations r JOIN organisations o ON o.id = r.from_id WHERE r.to_id = ? ORDER BY o.name_latin', [id]),
  ]);
  return { related, relatedBy };
}

export async function setRelations(tx: Tx, id: string, relatedIds: readonly string[]): Promise<void> {
  await tx.run('DELETE FROM organisation_relations WHERE from_id = ?', [id]);
  for (const to of relatedIds) await tx.run('INSERT INTO organisation_relations (from_id, to_id) VALUES (?, ?)', [id, to]);
}

/** How many cases the organisation is involved in, and those of them owned by `assignedTo` (all when null). */
export async function involvement(tx: Tx, id: string, assignedTo: string | null) {
  const total = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM case_organisations WHERE organisation_id = ?', [id]))?.n ?? 0;
  const cases = await tx.all<{ id: string; reference: string; masked_name: string }>(
    `SELECT c.id, c.reference, c.masked_name FROM case_organisations l JOIN cases c ON c.id = l.case_id
     WHERE l.organisation_id = ? ${assignedTo ? 'AND EXISTS (SELECT 1 FROM case_officers x WHERE x.case_num = c.num AND x.user_id = ?)' : ''}
     ORDER BY c.reference LIMIT 200`,
    assignedTo ? [id, assignedTo] : [id],
  );
  return { total, cases };
}

export function linkedTo(tx: Tx, caseId: string): Promise<OrganisationDbRow[]> {
  return tx.all(`${SELECT} JOIN case_organisations l ON l.organisation_id = o.id WHERE l.case_id = ? ORDER BY l.linked_at, o.num`, [caseId]);
}

export async function link(tx: Tx, caseId: string, organisationId: string, at: string, by: string): Promise<boolean> {
  const r = await tx.run('INSERT OR IGNORE INTO case_organisations (case_id, organisation_id, linked_at, linked_by) VALUES (?, ?, ?, ?)', [caseId, organisationId, at, by]);
  return r.changes === 1;
}

export async function unlink(tx: Tx, caseId: string, organisationId: string): Promise<boolean> {
  const r = await tx.run('DELETE FROM case_organisations WHERE case_id = ? AND organisation_id = ?', [caseId, organisationId]);
  return r.changes === 1;
}

export interface FollowupRow {
  id: string;
  organisation_id: string;
  trainee: string;
  planned_on: string | null;
  outcome: string;
  note: string;
  assigned_to: string;
  assigned_to_name: string;
  version: number;
}

/** The organisation's follow-up entries, all or only those assigned to `assignedTo`, and how many others there are. */
export async function followups(tx: Tx, organisationId: string, assignedTo: string | null): Promise<{ entries: FollowupRow[]; others: number }> {
  const entries = await tx.all<FollowupRow>(
    `SELECT f.id, f.organisation_id, f.trainee, f.planned_on, f.outcome, f.note, f.assigned_to, u.display_name AS assigned_to_name, f.version
     FROM organisation_followups f JOIN users u ON u.id = f.assigned_to
     WHERE f.organisation_id = ? ${assignedTo ? 'AND f.assigned_to = ?' : ''}
     ORDER BY f.planned_on IS NULL, f.planned_on, f.created_at, f.rowid`,
    assignedTo ? [organisationId, assignedTo] : [organisationId],
  );
  const all = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM organisation_followups WHERE organisation_id = ?', [organisationId]))?.n ?? 0;
  return { entries, others: all - entries.length };
}

export function getFollowup(tx: Tx, organisationId: string, id: string): Promise<FollowupRow | undefined> {
  return tx.get('SELECT f.*, \'\' AS assigned_to_name FROM organisation_followups f WHERE f.organisation_id = ? AND f.id = ?', [organisationId, id]);
}

export async function insertFollowup(tx: Tx, r: Omit<FollowupRow, 'assigned_to_name' | 'version'> & { created_at: string; created_by: string }): Promise<void> {
  await tx.run(
    `INSERT INTO organisation_followups (id, organisation_id, trainee, planned_on, outcome, note, assigned_to, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [r.id, r.organisation_id, r.trainee, r.planned_on, r.outcome, r.note, r.assigned_to, r.created_at, r.created_by, r.created_at],
  );
}

export async function updateFollowup(tx: Tx, id: string, version: number, r: Pick<FollowupRow, 'trainee' | 'planned_on' | 'outcome' | 'note' | 'assigned_to'> & { updated_at: string }): Promise<boolean> {
  const res = await tx.run(
    'UPDATE organisation_followups SET trainee = ?, planned_on = ?, outcome = ?, note = ?, assigned_to = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?',
    [r.trainee, r.planned_on, r.outcome, r.note, r.assigned_to, r.updated_at, id, version],
  );
  return res.changes === 1;
}

export async function isActiveOfficer(tx: Tx, userId: string): Promise<boolean> {
  return !!(await tx.get("SELECT 1 AS x FROM users WHERE id = ? AND role = 'officer' AND status = 'active'", [userId]));
}
