/** SQL for case files. Sealed values are read only by `getSealed`, never by a list or a search. */
import { searchForm } from '../../common/caseRules';
import { nameQueryWords, prefixEnd } from '../../common/nameSearch';
import type { SealedField } from '../../common/cases';
import type { CaseListFilter, CaseListRow } from '../../common/contract.cases';
import { addDays } from '../../common/dates';
import { DETAIL, HEADER, deadlineRows, insertDeadlines, placeholders, type CaseColumns, type EventRow } from '../caseAccess/caseAccess.repository';
import type { Tx } from '../db/connection';

/**
 * The highest reference number used in `year`, purged cases included: a purged case's reference
 * stays in the audit trail and the export register, so it is never given to another case.
 */
export async function lastReferenceSeq(tx: Tx, year: number): Promise<number> {
  const row = await tx.get<{ n: number | null }>(
    'SELECT max(n) AS n FROM (SELECT max(ref_seq) AS n FROM cases WHERE ref_year = ? UNION ALL SELECT max(ref_seq) FROM case_purges WHERE ref_year = ?)',
    [year, year],
  );
  return row?.n ?? 0;
}

/** The next free reference of the year: TV-2026-0001, TV-2026-0002, … */
export async function nextReference(tx: Tx, year: number): Promise<{ ref_year: number; ref_seq: number; reference: string }> {
  const seq = (await lastReferenceSeq(tx, year)) + 1;
  return { ref_year: year, ref_seq: seq, reference: `TV-${year}-${String(seq).padStart(4, '0')}` };
}

/** The next internal key (a purged case's is free again: nothing of it remains under that key). */
export async function nextNum(tx: Tx): Promise<number> {
  return ((await tx.get<{ n: number | null }>('SELECT max(num) AS n FROM cases'))?.n ?? 0) + 1;
}

/** Inserts cases with the given nums (header and details), several rows per statement. */
export async function insertCases(tx: Tx, rows: { num: number; columns: CaseColumns }[]): Promise<void> {
  await tx.run(
    `INSERT INTO cases (num, ${HEADER.join(', ')}) VALUES ${placeholders(HEADER.length + 1, rows.length)}`,
    rows.flatMap((r) => [r.num, ...HEADER.map((k) => r.columns[k])]),
  );
  await tx.run(
    `INSERT INTO case_details (case_num, ${DETAIL.join(', ')}) VALUES ${placeholders(DETAIL.length + 1, rows.length)}`,
    rows.flatMap((r) => [r.num, ...DETAIL.map((k) => r.columns[k])]),
  );
  await insertDeadlines(tx, rows.flatMap((r) => deadlineRows(r.num, r.columns)));
}

export function caseOfficers(tx: Tx, caseNum: number): Promise<{ id: string; display_name: string }[]> {
  return tx.all('SELECT u.id, u.display_name FROM case_officers o JOIN users u ON u.id = o.user_id WHERE o.case_num = ? ORDER BY u.display_name', [caseNum]);
}

export async function setOfficers(tx: Tx, caseNum: number, userIds: string[]): Promise<void> {
  await tx.run('DELETE FROM case_officers WHERE case_num = ?', [caseNum]);
  for (const u of userIds) await tx.run('INSERT INTO case_officers (case_num, user_id) VALUES (?, ?)', [caseNum, u]);
}

export async function setExploitationTypes(tx: Tx, caseNum: number, types: readonly string[]): Promise<void> {
  await tx.run('DELETE FROM case_exploitation_types WHERE case_num = ?', [caseNum]);
  for (const t of types) await tx.run('INSERT INTO case_exploitation_types (case_num, type) VALUES (?, ?)', [caseNum, t]);
}

export async function sealedPresence(tx: Tx, caseId: string): Promise<Set<string>> {
  const rows = await tx.all<{ field: string }>('SELECT field FROM case_sealed WHERE case_id = ?', [caseId]);
  return new Set(rows.map((r) => r.field));
}

/** The only read of a sealed value. Call it only after entitlement and a reason are recorded. */
export async function getSealed(tx: Tx, caseId: string, field: SealedField): Promise<string | undefined> {
  return (await tx.get<{ value: string }>('SELECT value FROM case_sealed WHERE case_id = ? AND field = ?', [caseId, field]))?.value;
}

export async function putSealed(tx: Tx, caseId: string, field: SealedField, value: string, at: string, by: string): Promise<void> {
  await tx.run(
    `INSERT INTO case_sealed (case_id, field, value, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (case_id, field) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [caseId, field, value, at, by],
  );
}

export interface NoteRow {
  id: string;
  case_id: string;
  at: string;
  author_id: string;
  author_name: string;
  type: string;
  sealed: number;
  body: string;
}

export async function insertNote(tx: Tx, n: Omit<NoteRow, 'author_name'>): Promise<void> {
  await tx.run('INSERT INTO case_notes (id, case_id, at, author_id, type, sealed, body) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    n.id, n.case_id, n.at, n.author_id, n.type, n.sealed, n.body,
  ]);
}

/** Notes without the bodies of sealed ones. */
export function listNotes(tx: Tx, caseId: string): Promise<NoteRow[]> {
  return tx.all<NoteRow>(
    `SELECT n.id, n.case_id, n.at, n.author_id, u.display_name AS author_name, n.type, n.sealed,
            CASE WHEN n.sealed = 1 THEN '' ELSE n.body END AS body
     FROM case_notes n JOIN users u ON u.id = n.author_id WHERE n.case_id = ? ORDER BY n.at, n.rowid`,
    [caseId],
  );
}

/** The bodies of the case's sealed notes, oldest first. Call only after entitlement and a reason are recorded. */
export function sealedNotes(tx: Tx, caseId: string): Promise<{ id: string; at: string; type: string; body: string }[]> {
  return tx.all('SELECT id, at, type, body FROM case_notes WHERE case_id = ? AND sealed = 1 ORDER BY at, rowid', [caseId]);
}

export function getNote(tx: Tx, caseId: string, noteId: string): Promise<{ sealed: number; body: string } | undefined> {
  return tx.get('SELECT sealed, body FROM case_notes WHERE case_id = ? AND id = ?', [caseId, noteId]);
}

export function listEvents(tx: Tx, caseId: string): Promise<EventRow[]> {
  return tx.all<EventRow>(
    'SELECT e.*, u.display_name AS actor_name FROM case_events e JOIN users u ON u.id = e.actor_id WHERE e.case_id = ? ORDER BY e.at, e.rowid',
    [caseId],
  );
}

export interface AdverseRow {
  id: string;
  case_id: string;
  role: string;
  name: string;
  name_variants: string;
  organisation: string;
  contact: string;
  notes: string;
  /** The registry entry this party is (migration 0160), or null. */
  organisation_id: string | null;
  created_at: string;
  updated_at: string;
}

export function listAdverse(tx: Tx, caseId: string): Promise<AdverseRow[]> {
  return tx.all<AdverseRow>('SELECT * FROM adverse_parties WHERE case_id = ? ORDER BY created_at, rowid', [caseId]);
}

export async function upsertAdverse(tx: Tx, a: AdverseRow): Promise<void> {
  await tx.run(
    `INSERT INTO adverse_parties (id, case_id, role, name, name_variants, organisation, contact, notes, organisation_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET role = excluded.role, name = excluded.name, name_variants = excluded.name_variants,
       organisation = excluded.organisation, contact = excluded.contact, notes = excluded.notes, organisation_id = excluded.organisation_id,
       updated_at = excluded.updated_at`,
    [a.id, a.case_id, a.role, a.name, a.name_variants, a.organisation, a.contact, a.notes, a.organisation_id, a.created_at, a.updated_at],
  );
}

export async function deleteAdverse(tx: Tx, caseId: string, partyId: string): Promise<boolean> {
  return (await tx.run('DELETE FROM adverse_parties WHERE case_id = ? AND id = ?', [caseId, partyId])).changes === 1;
}

/** The search indexes are written by cases/searchIndex.ts; a save refreshes its case's entries. */
export { refreshSearchIndex } from './searchIndex';

const SORTS = {
  updated: 'c.updated_at DESC, c.num DESC',
  reference: 'c.ref_year DESC, c.ref_seq DESC',
  risk: "CASE c.risk_level WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, c.updated_at DESC",
  deadline: 'c.next_deadline IS NULL, c.next_deadline, c.updated_at DESC',
} as const;

export interface CaseListQuery {
  filter: CaseListFilter;
  sort: keyof typeof SORTS;
  offset: number;
  limit: number;
  /** Officers see only the cases assigned to them; null for supervisors. */
  onlyAssignedTo: string | null;
  /** Today's date (YYYY-MM-DD), for the deadline filter. */
  today: string;
}

type ListRow = Omit<CaseListRow, 'maskedName' | 'riskLevel' | 'flags' | 'nextDeadline' | 'updatedAt' | 'standing' | 'custody'> & {
  violation_from: string | null;
  custody: string;
  masked_name: string;
  risk_level: string;
  flags: string;
  next_deadline: string | null;
  updated_at: string;
};

/**
 * The trigram index's query for `text` (already in search form, three characters or more): every
 * trigram of it, each a quoted token, all required. The index keeps which cases hold a trigram and
 * not where (detail=none, a quarter of the size), so this finds a superset of the cases holding
 * `text`: searchCondition checks the text itself.
 */
export function trigramQuery(text: string): string {
  const chars = [...text];
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  return [...grams].map((g) => `"${g.replace(/"/g, '""')}"`).join(' AND ');
}

/**
 * The cases a search finds (issue 17): those whose names have a word beginning with each word of
 * the query (the name index, by a range over its key), and, for three characters or more, those
 * whose reference or a non-sealed note contains the query. A name is found by any of its words or
 * their beginnings, not by a piece from the middle of a word.
 *
 * The trigram index gives the cases holding every trigram of the query; each is then checked for
 * the text itself in its reference or an ASCII note, with SQL's lower(), which is the search form
 * of ASCII text. A note with other characters (kana, kanji, accents, full-width letters: SQL cannot
 * fold those as searchForm does) is taken on the index's word, so a case with such a note may
 * rarely be listed for trigrams it holds apart; a case holding the text is never left out.
 */
export function searchCondition(query: string): {
  sql: string;
  params: string[];
  /** The found cases' nums as one SELECT (with `params`), or null when nothing can be found. */
  found: string | null;
  /** A query of one word and no trigram search (names only): a count that builds no list of the cases found. */
  short: { count: string; countParams: string[] } | null;
} {
  const parts: string[] = [];
  const params: string[] = [];
  const words = nameQueryWords(query);
  if (words.length > 0) {
    // The first word's range drives; each other word is a probe of the case's own rows.
    const range = (alias: string, w: string) => {
      const end = prefixEnd(w);
      params.push(w, ...(end === null ? [] : [end]));
      return `${alias}.term >= ?${end === null ? '' : ` AND ${alias}.term < ?`}`;
    };
    const [first, ...others] = words;
    parts.push(
      [
        `SELECT a.case_num AS n FROM case_names a WHERE ${range('a', first)}`,
        ...others.map((w) => `EXISTS (SELECT 1 FROM case_names b WHERE b.case_num = a.case_num AND ${range('b', w)})`),
      ].join(' AND '),
    );
  }
  const text = searchForm(query.trim());
  if ([...text].length >= 3) {
    parts.push(
      `SELECT t.num AS n FROM cases t WHERE t.num IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)
       AND (instr(lower(t.reference), ?) > 0 OR EXISTS (SELECT 1 FROM case_notes n WHERE n.case_id = t.id AND n.sealed = 0 AND (instr(lower(n.body), ?) > 0 OR length(CAST(n.body AS BLOB)) > length(n.body))))`,
    );
    params.push(trigramQuery(text), text, text);
  }
  const found = parts.length === 0 ? null : parts.join(' UNION ');
  let short = null;
  if (words.length === 1 && parts.length === 1) {
    // Counted once per case: a row is counted when no row of its case in the range comes before it.
    const [w, end] = params;
    short = {
      count: `SELECT count(*) AS n FROM case_names a WHERE a.term >= ?${end === undefined ? '' : ' AND a.term < ?'}
        AND NOT EXISTS (SELECT 1 FROM case_names b WHERE b.case_num = a.case_num AND b.term >= ? AND b.term < a.term)`,
      countParams: end === undefined ? [w, w] : [w, end, w],
    };
  }
  return { sql: found === null ? '0' : `c.num IN (${found})`, params, found, short };
}

/** Past this many cases found, a page of a search walks the sort order's index (listCases). */
const MANY_FOUND = 1000;

/** One window of the list and the total, with the same filters. */
export async function listCases(tx: Tx, q: CaseListQuery): Promise<{ total: number; rows: ListRow[] }> {
  // Two forms of the same filters: the count is driven by each filter's own index (IN: every
  // matching case probed once); the page walks the sort order and stops after one window, so
  // link-table filters become EXISTS probes and no matching set is built or sorted first.
  const count: string[] = [];
  const page: string[] = [];
  const params: (string | number)[] = [];
  const links: { table: string; key: string }[] = [];
  const f = q.filter;
  const column = (sql: string, value: string | number) => {
    count.push(sql);
    page.push(sql);
    params.push(value);
  };
  const linked = (table: 'case_officers' | 'case_exploitation_types', key: 'user_id' | 'type', value: string) => {
    count.push(`c.num IN (SELECT case_num FROM ${table} WHERE ${key} = ?)`);
    page.push(`EXISTS (SELECT 1 FROM ${table} x WHERE x.case_num = c.num AND x.${key} = ?)`);
    params.push(value);
    links.push({ table, key });
  };
  if (q.onlyAssignedTo) linked('case_officers', 'user_id', q.onlyAssignedTo);
  if (f.officerId) linked('case_officers', 'user_id', f.officerId);
  if (f.exploitationType) linked('case_exploitation_types', 'type', f.exploitationType);
  if (f.stage) column('c.stage = ?', f.stage);
  if (f.riskLevel) column('c.risk_level = ?', f.riskLevel);
  if (f.nationality) column('c.nationality = ?', f.nationality);
  // The standing on `today`, from the stored first day of violation (electron/common/immigration.ts standingOn).
  if (f.standing === 'in-violation') column('c.violation_from <= ?', q.today);
  if (f.standing === 'legal-resident') column('(c.violation_from IS NULL OR c.violation_from > ?)', q.today);
  if (f.custody) column('c.custody = ?', f.custody);
  if (f.deadlineWithinDays !== undefined) {
    // The count ranges over the deadline index; the page must not (it would sort every due case
    // before taking 50): the unary + keeps the planner on the sort order's index.
    count.push('c.next_deadline <= ?');
    page.push('+c.next_deadline <= ?');
    params.push(addDays(q.today, f.deadlineWithinDays));
  }
  const search = f.query ? searchCondition(f.query) : null;
  if (search) {
    count.push(search.sql);
    page.push(search.sql);
    params.push(...search.params);
  }
  const where = (parts: string[]) => (parts.length ? `WHERE ${parts.join(' AND ')}` : '');
  // With one link filter and nothing else, the link table's own index counts alone (foreign
  // keys guarantee every row points at a case).
  // A search alone counts the cases it finds without reading their rows (the name index's rows
  // point at cases by foreign key; the trigram branch reads its cases already).
  // With no filter at all, the total is the one row triggers keep (migration 0220): no index is read.
  const countSql =
    count.length === 0
      ? 'SELECT n FROM case_count'
      : links.length === 1 && count.length === 1
        ? `SELECT count(*) AS n FROM ${links[0].table} WHERE ${links[0].key} = ?`
        : search?.found && count.length === 1
          ? (search.short?.count ?? `SELECT count(DISTINCT n) AS n FROM (${search.found})`)
          : `SELECT count(*) AS n FROM cases c ${where(count)}`;
  const countParams = search?.short && count.length === 1 && links.length === 0 ? search.short.countParams : params;
  const total = (await tx.get<{ n: number }>(countSql, countParams))?.n ?? 0;
  // A search that finds many cases: the page walks the sort order's index and stops after one
  // window, instead of reading and sorting every case found (the unary + keeps the planner off
  // the list of cases found for c.num). For few, reading those few and sorting them is cheaper.
  // (Probing each case's name rows with EXISTS instead of the list would build no list, but this
  // SQLite returned wrong rows for it with an OFFSET: the IN list is kept.)
  if (search?.found && total > MANY_FOUND && (q.sort === 'updated' || q.sort === 'reference')) page[page.length - 1] = `+${search.sql}`;
  const rows = await tx.all<ListRow>(
    `SELECT c.id, c.reference, c.masked_name, c.nationality, c.sex, c.stage, c.risk_level, c.flags, c.violation_from, c.custody, c.next_deadline, c.updated_at
     FROM cases c ${where(page)} ORDER BY ${SORTS[q.sort]} LIMIT ? OFFSET ?`,
    [...params, q.limit, q.offset],
  );
  return { total, rows };
}

/** Active officers and supervisors, by display name (who can be assigned). */
export function activeCaseworkers(tx: Tx): Promise<{ id: string; display_name: string; role: string }[]> {
  return tx.all("SELECT id, display_name, role FROM users WHERE status = 'active' AND role IN ('officer', 'supervisor') ORDER BY display_name");
}

/** The roles of those of `ids` who are active accounts. */
export function activeRoles(tx: Tx, ids: readonly string[]): Promise<{ id: string; role: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.all(`SELECT id, role FROM users WHERE status = 'active' AND id IN (${ids.map(() => '?').join(', ')})`, [...ids]);
}

export function displayNameOf(tx: Tx, userId: string): Promise<{ id: string; display_name: string } | undefined> {
  return tx.get('SELECT id, display_name FROM users WHERE id = ?', [userId]);
}
