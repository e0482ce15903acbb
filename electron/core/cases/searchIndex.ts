/**
 * The two search indexes of case files (issue 17), and every write to them:
 * - `case_names`: the normalised words of the person's names, aliases included (common/nameSearch.ts),
 *   searched by prefix with a range over its primary key — a family name, a given name, the first
 *   letters of either, in any kana;
 * - `cases_fts`: a contentless trigram index of the reference and the non-sealed notes, for a
 *   substring of three or more characters (without positions: cases.repository searchCondition
 *   checks the text of the cases it gives).
 * Sealed values (case_sealed, sealed notes) are never read here.
 */
import { searchForm } from '../../common/caseRules';
import { nameTerms, type IndexedNames } from '../../common/nameSearch';
import type { CaseColumns } from '../caseAccess/caseAccess.repository';
import type { Tx } from '../db/connection';

type NameColumns = Pick<CaseColumns, 'family_name' | 'given_name' | 'family_name_native' | 'given_name_native' | 'aliases'>;

export interface SearchEntry {
  num: number;
  terms: string[];
  reference: string;
  notes: string;
}

export function namesOf(c: NameColumns): IndexedNames {
  return {
    familyName: c.family_name,
    givenName: c.given_name,
    familyNameNative: c.family_name_native,
    givenNameNative: c.given_name_native,
    aliases: JSON.parse(c.aliases) as string[],
  };
}

/** What a case is found by: its name terms, reference and non-sealed notes. Never a sealed value. */
export function searchEntry(num: number, c: NameColumns & { reference: string }, notes: readonly string[]): SearchEntry {
  return { num, terms: nameTerms(namesOf(c)), reference: searchForm(c.reference), notes: searchForm(notes.join('\n')) };
}

const BATCH = 200; // rows per multi-row INSERT, well under SQLite's limit of bound parameters

/** Writes the entries of cases that have none (new, or just cleared by `clearSearchEntries`). */
export async function insertSearchEntries(tx: Tx, entries: readonly SearchEntry[]): Promise<void> {
  const names = entries.flatMap((e) => e.terms.map((t) => [t, e.num] as const));
  for (let i = 0; i < names.length; i += BATCH) {
    const chunk = names.slice(i, i + BATCH);
    await tx.run(`INSERT INTO case_names (term, case_num) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`, chunk.flat());
  }
  for (let i = 0; i < entries.length; i += BATCH / 2) {
    const chunk = entries.slice(i, i + BATCH / 2);
    await tx.run(`INSERT INTO cases_fts (rowid, reference, notes) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`, chunk.flatMap((e) => [e.num, e.reference, e.notes]));
  }
}

/** Removes a case's entries from both indexes (a purged case leaves no term behind once merged). */
export async function clearSearchEntries(tx: Tx, num: number): Promise<void> {
  await tx.run('DELETE FROM case_names WHERE case_num = ?', [num]);
  await tx.run('DELETE FROM cases_fts WHERE rowid = ?', [num]);
}

/** Reads the indexed fields of the cases with nums in [from, to) (non-sealed notes only). */
export async function readSearchEntries(tx: Tx, from: number, to: number): Promise<SearchEntry[]> {
  const rows = await tx.all<NameColumns & { num: number; id: string; reference: string }>(
    `SELECT c.num, c.id, c.reference, d.family_name, d.given_name, d.family_name_native, d.given_name_native, d.aliases
     FROM cases c JOIN case_details d ON d.case_num = c.num WHERE c.num >= ? AND c.num < ? ORDER BY c.num`,
    [from, to],
  );
  if (rows.length === 0) return [];
  const notes = await tx.all<{ case_id: string; body: string }>(
    `SELECT n.case_id, n.body FROM case_notes n JOIN cases c ON c.id = n.case_id
     WHERE c.num >= ? AND c.num < ? AND n.sealed = 0 ORDER BY n.case_id, n.at, n.rowid`,
    [from, to],
  );
  const byCase = new Map<string, string[]>();
  for (const n of notes) byCase.set(n.case_id, [...(byCase.get(n.case_id) ?? []), n.body]);
  return rows.map((r) => searchEntry(r.num, r, byCase.get(r.id) ?? []));
}

/** Rewrites one case's entries from its current names, reference and non-sealed notes. */
export async function refreshSearchIndex(tx: Tx, caseId: string): Promise<void> {
  const c = await tx.get<{ num: number }>('SELECT num FROM cases WHERE id = ?', [caseId]);
  if (!c) return;
  await clearSearchEntries(tx, c.num);
  await insertSearchEntries(tx, await readSearchEntries(tx, c.num, c.num + 1));
}

/** Rewrites the trigram index without its deleted entries (a contentless index only marks them). */
export async function mergeSearchIndexes(tx: Tx): Promise<void> {
  await tx.run("INSERT INTO cases_fts (cases_fts) VALUES ('optimize')");
}
