import { searchForm } from '../../../common/caseRules';
import { nameTerms } from '../../../common/nameSearch';
import type { Tx } from '../connection';
import type { Migration } from './migration';

/**
 * A name index apart from the trigram index (issue 17: name search under 15 ms at 100,000 cases,
 * the search indexes under 1 KB per case).
 *
 * `case_names` holds each normalised word of a person's names and aliases (common/nameSearch.ts:
 * NFKC, lower case, Latin accents dropped, katakana folded to hiragana), one row per word and case,
 * and is searched by prefix with a range over its primary key. It replaces `cases_name_prefix`
 * (an FTS5 prefix index of one and two characters) and the names column of `cases_fts`, which keeps
 * the reference and the non-sealed notes only, now without positions (detail=none). Both are filled from the case tables here, a batch
 * of cases at a time, in the same terms as cases/searchIndex.ts writes them; sealed values (the
 * case_sealed table, sealed notes) are never read.
 */
export const migration0180: Migration = {
  version: 180,
  name: 'name-index',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE case_names (
        term TEXT NOT NULL,
        case_num INTEGER NOT NULL REFERENCES cases (num),
        PRIMARY KEY (term, case_num)
      ) STRICT, WITHOUT ROWID;
      -- A case's own rows, to rewrite or remove them.
      CREATE INDEX case_names_by_case_num ON case_names (case_num);

      DROP TABLE cases_name_prefix;
      DROP TABLE cases_fts;
      -- Trigram: a substring of three or more characters of a reference or a note, across Latin,
      -- kana and kanji. Contentless: the index only points at cases by num. detail=none: which
      -- cases hold a trigram, not where (a quarter of the size; cases.repository searchCondition
      -- checks the text of the cases it gives).
      CREATE VIRTUAL TABLE cases_fts USING fts5 (reference, notes, content = '', contentless_delete = 1, detail = none, tokenize = 'trigram');
    `);
    await fillSearchIndexes(tx);
  },
};

/** Fills both (empty) indexes from the case tables, `batch` cases at a time: a large vault is never read whole. */
export async function fillSearchIndexes(tx: Tx, batch = 2000): Promise<void> {
  const max = (await tx.get<{ n: number | null }>('SELECT max(num) AS n FROM cases'))?.n ?? 0;
  for (let from = 1; from <= max; from += batch) {
    const cases = await tx.all<{ num: number; id: string; reference: string; family_name: string; given_name: string; family_name_native: string; given_name_native: string; aliases: string }>(
      `SELECT c.num, c.id, c.reference, d.family_name, d.given_name, d.family_name_native, d.given_name_native, d.aliases
       FROM cases c JOIN case_details d ON d.case_num = c.num WHERE c.num >= ? AND c.num < ? ORDER BY c.num`,
      [from, from + batch],
    );
    const notes = await tx.all<{ case_id: string; body: string }>(
      `SELECT n.case_id, n.body FROM case_notes n JOIN cases c ON c.id = n.case_id
       WHERE c.num >= ? AND c.num < ? AND n.sealed = 0 ORDER BY n.case_id, n.at, n.rowid`,
      [from, from + batch],
    );
    const notesOf = new Map<string, string[]>();
    for (const n of notes) notesOf.set(n.case_id, [...(notesOf.get(n.case_id) ?? []), n.body]);
    for (const c of cases) {
      const terms = nameTerms({
        familyName: c.family_name,
        givenName: c.given_name,
        familyNameNative: c.family_name_native,
        givenNameNative: c.given_name_native,
        aliases: JSON.parse(c.aliases) as string[],
      });
      if (terms.length) await tx.run(`INSERT INTO case_names (term, case_num) VALUES ${terms.map(() => '(?, ?)').join(', ')}`, terms.flatMap((t) => [t, c.num]));
      await tx.run('INSERT INTO cases_fts (rowid, reference, notes) VALUES (?, ?, ?)', [c.num, searchForm(c.reference), searchForm((notesOf.get(c.id) ?? []).join('\n'))]);
    }
  }
  await tx.run("INSERT INTO cases_fts (cases_fts) VALUES ('optimize')");
}
