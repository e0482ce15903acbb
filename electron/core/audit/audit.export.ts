/** CSV of audit metadata. Case content is never in the trail, so it is never in the export either. */
import type { AuditEntry } from '../../common/contract.audit';

const COLUMNS = ['seq', 'at', 'actor_id', 'actor_name', 'actor_role', 'action', 'case_ref', 'target', 'details', 'mac'] as const;

/** Quotes a field for RFC 4180 and defuses spreadsheet formulas (=, +, -, @ at the start). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The entries exactly as recorded (identifiers included): the export is the trail's evidence, not its reading. */
export function toCsv(rows: (Omit<AuditEntry, 'shown'> & { mac: string })[]): string {
  const lines = [COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [r.seq, r.at, r.actorId, r.actorName, r.actorRole, r.action, r.caseRef, r.target, JSON.stringify(r.details), r.mac].map(csvField).join(','),
    );
  }
  // The byte-order mark makes spreadsheet software on Japanese Windows read the file as UTF-8.
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
