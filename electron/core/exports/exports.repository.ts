/** SQL for the export register: insert and list only (triggers refuse every update and delete). */
import type { Tx } from '../db/connection';

export interface ExportRow {
  number: string;
  year: number;
  seq: number;
  case_id: string;
  case_ref: string;
  profile: string;
  medium: string;
  copy: number;
  recipient: string;
  purpose: string;
  exported_by: string;
  exported_at: string;
  pages: number;
  sha256: string;
  sealed_items: string;
  sealed_authorised_by: string | null;
  sealed_reason: string;
  anchor_seq: number;
  anchor_mac: string;
}

/** `case_purged_at`: when the case was purged (its recipient, purpose and sealed reason are blank since), else null. */
export type ExportListRow = ExportRow & { exported_by_name: string; sealed_authorised_by_name: string | null; case_purged_at: string | null };

/** The next number of the year: EXP-2026-000001, … */
export async function nextNumber(tx: Tx, year: number): Promise<{ year: number; seq: number; number: string }> {
  const row = await tx.get<{ n: number | null }>('SELECT max(seq) AS n FROM exports WHERE year = ?', [year]);
  const seq = (row?.n ?? 0) + 1;
  return { year, seq, number: `EXP-${year}-${String(seq).padStart(6, '0')}` };
}

/** Which copy of this case's summary in this profile the next one is. */
export async function nextCopy(tx: Tx, caseId: string, profile: string): Promise<number> {
  return ((await tx.get<{ n: number }>('SELECT count(*) AS n FROM exports WHERE case_id = ? AND profile = ?', [caseId, profile]))?.n ?? 0) + 1;
}

export async function insertExport(tx: Tx, r: ExportRow): Promise<void> {
  await tx.run(
    `INSERT INTO exports (number, year, seq, case_id, case_ref, profile, medium, copy, recipient, purpose, exported_by, exported_at, pages, sha256,
       sealed_items, sealed_authorised_by, sealed_reason, anchor_seq, anchor_mac)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      r.number, r.year, r.seq, r.case_id, r.case_ref, r.profile, r.medium, r.copy, r.recipient, r.purpose, r.exported_by, r.exported_at, r.pages,
      r.sha256, r.sealed_items, r.sealed_authorised_by, r.sealed_reason, r.anchor_seq, r.anchor_mac,
    ],
  );
}

const SELECT = `SELECT e.*, u.display_name AS exported_by_name, s.display_name AS sealed_authorised_by_name, p.purged_at AS case_purged_at
  FROM exports e JOIN users u ON u.id = e.exported_by LEFT JOIN users s ON s.id = e.sealed_authorised_by LEFT JOIN case_purges p ON p.case_id = e.case_id`;

/** One page of the register, newest first; `exportedBy`: only that user's exports. `before`: an export number (keyset cursor). */
export function listExports(tx: Tx, q: { exportedBy: string | null; before?: string; limit: number }): Promise<ExportListRow[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.exportedBy) {
    where.push('e.exported_by = ?');
    params.push(q.exportedBy);
  }
  if (q.before) {
    where.push('e.number < ?');
    params.push(q.before);
  }
  return tx.all<ExportListRow>(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.number DESC LIMIT ?`, [...params, q.limit]);
}

export function getExport(tx: Tx, number: string): Promise<ExportListRow | undefined> {
  return tx.get<ExportListRow>(`${SELECT} WHERE e.number = ?`, [number]);
}

/** The register entries of a PDF with this SHA-256 (the CLI's `export verify`). */
export function exportsBySha256(tx: Tx, sha256: string): Promise<ExportListRow[]> {
  return tx.all<ExportListRow>(`${SELECT} WHERE e.sha256 = ? ORDER BY e.number`, [sha256]);
}
