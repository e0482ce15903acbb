/** The audit trail's channels (auditors and administrators, by policy): metadata only, never case content. */
import type { AuditEntry } from '../../common/contract.audit';
import type { HandlerSlice } from '../handler';
import { toCsv } from './audit.export';
import { listActors, listPage, type AuditListRow } from './audit.repository';
import { checkAnchors, verificationDetails, verifyChain } from './audit.service';
import { showEntries } from './audit.shown';
import { getUser } from '../users/users.repository';

/** Rows the CSV export reads at most; beyond that the auditor narrows the filter. */
const EXPORT_LIMIT = 100_000;

function toAuditEntry(r: AuditListRow): Omit<AuditEntry, 'shown'> & { mac: string } {
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    action: r.action,
    caseRef: r.case_ref,
    target: r.target,
    details: JSON.parse(r.details),
    mac: r.mac,
  };
}

export const auditHandlers: HandlerSlice<'audit'> = {
  'audit:actors': async (_input, r) => ({
    actors: (await r.read(listActors)).map((u) => ({ id: u.id, displayName: u.display_name, role: u.role, status: u.status })),
  }),
  'audit:list': async (input, r) => {
    const { rows, shown } = await r.read(async (tx) => {
      const page = await listPage(tx, { ...input.filter, before: input.before, limit: input.limit });
      // Resolved as the page is read: names and references as they stand now, the entries as recorded.
      return { rows: page, shown: await showEntries(tx, page) };
    });
    return { entries: rows.map((row, i) => ({ ...toAuditEntry(row), shown: shown[i] })), nextBefore: rows.length === input.limit ? rows[rows.length - 1].seq : null };
  },
  'audit:verify': async (input, r) => {
    // Read page by page outside any transaction: a long verification does not hold the database.
    const progress = (done: number, total: number) => r.env.progress({ operation: 'verification', phase: 'verifying', done, total });
    const v = await verifyChain(r.session.vault.db, r.session.vault.auditKey, { signatures: input.signatures, macs: input.macs, onProgress: progress });
    r.env.progress({ operation: 'verification', phase: 'done', done: v.entries, total: v.entries });
    const anchors = await checkAnchors(r.session.vault.db, input.anchors);
    // Signed by the auditor's key, an intact verification's record is the next checkpoint.
    await r.work((ctx) => ctx.audit({ action: 'audit.verified', details: verificationDetails(v, anchors) }));
    if (!v.intact) return { intact: false as const, entries: v.entries, intactUpTo: v.intactUpTo, firstBroken: v.firstBroken, anchors };
    const checkpoint = v.checkpoint && {
      seq: v.checkpoint.seq,
      at: v.checkpoint.at,
      checkpointSeq: v.checkpoint.checkpointSeq,
      actorName: v.checkpoint.actorId === null ? null : ((await r.read((tx) => getUser(tx, v.checkpoint!.actorId!)))?.display_name ?? null),
    };
    return { intact: true as const, entries: v.entries, macsFrom: v.macsFrom, signed: v.signed, signaturesFrom: v.signaturesFrom, checkpoint, headSeq: v.head.seq, headMacPrefix: v.head.mac.slice(0, 16), anchors };
  },
  'audit:export': async (input, r) => {
    const read = await r.read((tx) => listPage(tx, { ...input.filter, limit: EXPORT_LIMIT + 1 }));
    const rows = read.slice(0, EXPORT_LIMIT);
    const truncated = read.length > EXPORT_LIMIT;
    await r.work((ctx) => ctx.audit({ action: 'audit.exported', details: { rows: rows.length, truncated, filter: JSON.stringify(input.filter) } }));
    const stamp = r.at.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    return { csv: toCsv(rows.map(toAuditEntry)), rows: rows.length, truncated, fileName: `mamori-audit-${stamp}.csv` };
  },
};
